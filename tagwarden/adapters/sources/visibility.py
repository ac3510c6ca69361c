"""Keeping the SQS messages in hand invisible for as long as they are read and committed."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.aws.error_codes import AWS_ERRORS, error_code

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import ChangeMessageVisibilityBatchRequestEntryTypeDef, MessageTypeDef

Extend = Callable[[list["MessageTypeDef"], float], None]
MAX_VISIBILITY_SECONDS = 43_200  # what SQS allows


def visibility_changer(sqs: SQSClient, queue_url: str, log: Any) -> Extend:
    """What keeps messages in hand invisible for ``seconds`` more from now (0: visible again at
    once), ten a call; a failed call is logged, the messages then coming back when they would have."""

    def change(messages: list[MessageTypeDef], seconds: float) -> None:
        for start in range(0, len(messages), 10):
            entries: list[ChangeMessageVisibilityBatchRequestEntryTypeDef] = [
                {
                    "Id": str(i),
                    "ReceiptHandle": m["ReceiptHandle"],
                    "VisibilityTimeout": int(min(seconds, MAX_VISIBILITY_SECONDS)),
                }
                for i, m in enumerate(messages[start : start + 10])
                if "ReceiptHandle" in m
            ]
            if not entries:
                continue
            try:
                sqs.change_message_visibility_batch(QueueUrl=queue_url, Entries=entries)
            except AWS_ERRORS as exc:
                log.info("visibility_extension_failed", error=error_code(exc, str(exc)))

    return change


class KeepInvisible:
    """While open, extends the messages still in hand by ``timeout`` seconds every half of it:
    a batch (or one large object) that takes longer than the queue's visibility timeout is not
    handed to another reader meanwhile, nor counted as one more receive towards the redrive."""

    def __init__(self, extend: Extend, timeout: float, messages: Sequence[MessageTypeDef]) -> None:
        self._extend = extend
        self._timeout = timeout
        self._in_hand = {m["ReceiptHandle"]: m for m in messages if "ReceiptHandle" in m}
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sqs-visibility", daemon=True)

    def add(self, messages: Sequence[MessageTypeDef]) -> None:
        """Messages received since it opened: kept invisible too."""
        with self._lock:
            self._in_hand.update((m["ReceiptHandle"], m) for m in messages if "ReceiptHandle" in m)

    def done(self, message: MessageTypeDef) -> None:
        """The message is deleted or left to come back: no longer extended."""
        with self._lock:
            self._in_hand.pop(message.get("ReceiptHandle", ""), None)

    def _run(self) -> None:
        while not self._stop.wait(self._timeout / 2):
            with self._lock:
                if self._in_hand:
                    self._extend(list(self._in_hand.values()), self._timeout)

    def __enter__(self) -> KeepInvisible:
        if self._timeout > 0:
            self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()
