"""Deleting committed SQS messages in a thread of their own, while the source goes on.

A message is deleted once what it carried is committed; the delete itself can wait. Made in the
committing thread, each delete held the next commit back by a round trip to SQS (tens of
milliseconds on AWS; a quarter of the committing thread's time on moto with messages of 1,000
records). A message committed and not yet deleted when the process dies comes back and is
recognised as processed, as it did when the process died between the commit and the delete.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from tagwarden.adapters.aws.error_codes import AWS_ERRORS

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import DeleteMessageBatchRequestEntryTypeDef, MessageTypeDef

DELETE_BATCH = 10  # entries a DeleteMessageBatch takes at most
MAX_WAITING = 1_000  # messages waiting for their delete before the committing thread waits too

Failed = tuple["MessageTypeDef", str]  # a message whose delete failed, and why
DeleteBatch = Callable[[list["MessageTypeDef"]], list[Failed]]


def delete_batch(sqs: SQSClient, queue_url: str) -> DeleteBatch:
    """Up to ten committed messages deleted in one call (DeleteMessageBatch, allowed by
    sqs:DeleteMessage); returns the ones SQS did not delete. Committed already, such a message is
    recognised and skipped when it comes back."""

    def delete(messages: list[MessageTypeDef]) -> list[Failed]:
        entries: list[DeleteMessageBatchRequestEntryTypeDef] = [
            {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]} for i, m in enumerate(messages)
        ]
        try:
            answer = sqs.delete_message_batch(QueueUrl=queue_url, Entries=entries)
        except AWS_ERRORS as exc:
            return [(message, str(exc)) for message in messages]
        return [
            (messages[int(entry["Id"])], f"{entry.get('Code', '')}: {entry.get('Message', '')}")
            for entry in answer.get("Failed", [])
        ]

    return delete


class Deletions:
    """Messages handed over are deleted in order, up to ten a call, by a thread that runs while
    any wait. ``settle`` waits for every one handed over and returns those whose delete failed.

    ``delete``: one call for up to ten messages, returning the failed ones; an exception it
    raises counts as a failure of each of them."""

    def __init__(self, delete: DeleteBatch) -> None:
        self._delete = delete
        self._cond = threading.Condition()
        self._waiting: list[MessageTypeDef] = []
        self._failed: list[Failed] = []
        self._thread: threading.Thread | None = None  # the one deleting now
        self._started: list[threading.Thread] = []  # since the last settle, to be joined by it

    def add(self, messages: list[MessageTypeDef]) -> None:
        """Delete ``messages`` (committed) soon; waits only while MAX_WAITING others wait."""
        if not messages:
            return
        with self._cond:
            self._cond.wait_for(lambda: len(self._waiting) < MAX_WAITING)
            self._waiting += messages
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="sqs-deletes", daemon=True)
                self._started.append(self._thread)
                self._thread.start()

    def settle(self) -> list[Failed]:
        """Waits until every message handed over is deleted or failed; the failed ones since the
        last call. No thread is left running after it."""
        with self._cond:
            self._cond.wait_for(lambda: self._thread is None)
            failed, self._failed = self._failed, []
            started, self._started = self._started, []
        for thread in started:  # each has handed over its last failures: it only returns now
            thread.join()
        return failed

    def _run(self) -> None:
        while True:
            with self._cond:
                batch, self._waiting = self._waiting[:DELETE_BATCH], self._waiting[DELETE_BATCH:]
                if not batch:
                    self._thread = None
                    self._cond.notify_all()
                    return
                self._cond.notify_all()  # room for the committing thread, if it waits
            try:
                failed = self._delete(batch)
            except Exception as exc:  # the thread must go on: settle waits for it
                failed = [(message, f"{type(exc).__name__}: {exc}") for message in batch]
            with self._cond:
                self._failed += failed
