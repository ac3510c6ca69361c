"""The SQS long poll, waited for in a way a stop can break off.

An idle daemon spends nearly all its time in receives that wait up to 20 s for a message. Made
in the polling thread, such a receive held up a stop until it returned: the shutdown waited out
its grace period and the abandon after it (13 s by default), then gave up without closing the
store or handing back the scan leases. A receive that is still waiting holds nothing, so the
poll need not wait for it: the receive runs in a thread of its own, and on a stop the poll goes
on without it. Messages that receive brings after all are made visible again at once, so
another replica or the restart reads them instead of waiting out their visibility timeout (if
the process exits first, they come back at the end of it: nothing is lost either way).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Generic, TypeVar

Job = TypeVar("Job")

STOP_CHECK_SECONDS = 0.1  # how soon a stop is seen while a receive waits


class LongPoll(Generic[Job]):
    """``receive(stop)`` makes ``receive_waiting`` in a thread of its own and returns what it
    brings, or nothing at once once ``stop`` is set; what it brings after that goes to
    ``release_late``. That thread is a daemon thread (a ThreadPoolExecutor's would be joined at
    exit): a receive left waiting never holds up the process's exit."""

    def __init__(
        self,
        receive_waiting: Callable[[], list[Job]],
        release_late: Callable[[list[Job]], None],
        check_seconds: float = STOP_CHECK_SECONDS,
    ) -> None:
        self._receive = receive_waiting
        self._release_late = release_late
        self._check_seconds = check_seconds
        self._left_behind: Future[list[Job]] | None = None

    def receive(self, stop: threading.Event) -> list[Job]:
        """What one long poll brought; nothing if ``stop`` was set first. Errors of the receive
        are raised here, as if it had been made in this thread."""
        if self._left_behind is not None and not self._left_behind.done():
            # A receive a stop left behind still waits; one beside it would only take messages
            # to release.
            return []
        answer: Future[list[Job]] = Future()
        threading.Thread(target=self._run, args=(answer,), name="sqs-long-poll", daemon=True).start()
        while True:
            try:
                return answer.result(timeout=self._check_seconds)
            except TimeoutError:
                if stop.is_set():
                    self._left_behind = answer
                    # Run at once, here, if the answer came since the timeout: either way the
                    # messages are taken by the poll or released, never both.
                    answer.add_done_callback(self._hand_back)
                    return []

    def _run(self, answer: Future[list[Job]]) -> None:
        try:
            answer.set_result(self._receive())
        except BaseException as exc:  # raised in the poll's thread, or dropped once it has left
            answer.set_exception(exc)

    def _hand_back(self, late: Future[list[Job]]) -> None:
        jobs = late.result() if late.exception() is None else []
        if jobs:
            self._release_late(jobs)
