"""The next SQS receive, made while the batch before it is handled.

Received one after the other, each batch started with the committing thread waiting: for the
receive's round trip, then for its first message to be fetched from S3 and prepared. Received
ahead, the next batch's messages are fetched and prepared by the workers while the last ones of
the batch before commit. The receive ahead does not wait for messages (``WaitTimeSeconds`` 0), so
a stop is never held up by it; when it finds none, the source long-polls as before.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from types import TracebackType
from typing import Any, Generic, TypeVar

from tagwarden.adapters.aws.error_codes import AWS_ERRORS, error_code

Job = TypeVar("Job")


class ReceiveAhead(Generic[Job]):
    """``start`` receives in a thread of its own and hands what came to ``hold`` there (to be
    kept invisible and prepared at once); ``take`` waits for it and returns it. A failed receive
    ahead is logged and taken as nothing received: the source's own receive comes next and
    reports a fault that lasts."""

    def __init__(self, receive: Callable[[], list[Job]], hold: Callable[[list[Job]], None], log: Any) -> None:
        self._receive = receive
        self._hold = hold
        self._log = log
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="sqs-receive-ahead")
        self._upcoming: Future[list[Job]] | None = None

    def start(self) -> None:
        if self._upcoming is None:
            self._upcoming = self._executor.submit(self._receive_and_hold)

    def _receive_and_hold(self) -> list[Job]:
        jobs = self._receive()
        self._hold(jobs)
        return jobs

    def take(self) -> list[Job]:
        """What the receive started last brought (nothing if none was started)."""
        upcoming, self._upcoming = self._upcoming, None
        if upcoming is None:
            return []
        try:
            return upcoming.result()
        except AWS_ERRORS as exc:
            self._log.info("receive_ahead_failed", error=error_code(exc, str(exc)))
            return []

    def __enter__(self) -> ReceiveAhead[Job]:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._executor.shutdown(wait=True)
