"""Committed SQS messages are deleted by a thread of their own: every one once, in order, ten a
call at most; failures come back to the poll; the committing thread does not wait for SQS."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import boto3
import pytest

from tagwarden.adapters.sources import sqs_deletes
from tagwarden.adapters.sources.sqs import SqsSource
from tagwarden.adapters.sources.sqs_deletes import Deletions, Failed
from tagwarden.core.settings.settings import SqsSourceSettings
from tests.e2e.support import Deployment
from tests.faults.builders import Wired, eventbridge, self_retag


def _message(index: int) -> Any:
    return {"MessageId": f"m{index}", "ReceiptHandle": f"r{index}"}


class _Deleter:
    """A DeleteMessageBatch that notes each call's messages; ``gate``, when given, holds every
    call until it is set."""

    def __init__(self, gate: threading.Event | None = None) -> None:
        self.calls: list[list[str]] = []
        self.gate = gate

    def __call__(self, messages: list[Any]) -> list[Failed]:
        if self.gate is not None:
            assert self.gate.wait(10)
        self.calls.append([m["MessageId"] for m in messages])
        return []


def _deleters() -> list[threading.Thread]:
    return [thread for thread in threading.enumerate() if thread.name == "sqs-deletes"]


def test_every_message_is_deleted_once_in_order_ten_a_call_at_most_and_no_thread_is_left() -> None:
    deleter = _Deleter()
    deletions = Deletions(deleter)
    for start in range(0, 47, 7):
        deletions.add([_message(i) for i in range(start, min(start + 7, 47))])
    assert deletions.settle() == []
    assert [m for call in deleter.calls for m in call] == [f"m{i}" for i in range(47)]
    assert max(len(call) for call in deleter.calls) <= 10
    assert _deleters() == []


def test_refused_and_raising_deletes_come_back_from_settle_and_the_others_go_on() -> None:
    def delete(messages: list[Any]) -> list[Failed]:
        if messages[0]["MessageId"] == "m0":
            raise ConnectionError("the network went away")
        return [(messages[-1], "InternalError: try again")]

    deletions = Deletions(delete)
    deletions.add([_message(i) for i in range(10)])
    deletions.add([_message(10), _message(11)])
    failed = deletions.settle()
    assert [(m["MessageId"], error) for m, error in failed] == [
        *((f"m{i}", "ConnectionError: the network went away") for i in range(10)),
        ("m11", "InternalError: try again"),
    ]
    assert deletions.settle() == []  # each failure once


def test_the_committing_thread_waits_once_too_many_messages_wait_for_their_delete(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(sqs_deletes, "MAX_WAITING", 3)
    gate = threading.Event()
    deleter = _Deleter(gate)
    deletions = Deletions(deleter)
    deletions.add([_message(0)])  # taken by the thread, whose delete waits for the gate
    while deletions._waiting:
        threading.Event().wait(0.01)
    deletions.add([_message(1), _message(2), _message(3)])
    added = threading.Event()
    late = threading.Thread(target=lambda: (deletions.add([_message(4)]), added.set()))
    late.start()
    assert not added.wait(0.3)  # three wait already
    gate.set()
    assert added.wait(10)
    late.join()
    assert deletions.settle() == []
    assert [m for call in deleter.calls for m in call] == [f"m{i}" for i in range(5)]


class _SlowDeletes:
    """The moto SQS client whose first delete waits (up to 10 s) until ``committed`` is set, and
    notes whether it was."""

    def __init__(self, committed: threading.Event) -> None:
        self._sqs = boto3.client("sqs")
        self._committed = committed
        self.first_delete_saw_every_commit: bool | None = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sqs, name)

    def delete_message_batch(self, **request: Any) -> Any:
        if self.first_delete_saw_every_commit is None:
            self.first_delete_saw_every_commit = self._committed.wait(10)
        return self._sqs.delete_message_batch(**request)


def test_a_delete_in_flight_does_not_hold_back_the_next_commit(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("deletes-behind", max_receive=5)
    for second, event_id in enumerate(["first", "second", "third"]):
        deployment.send(eventbridge(self_retag(event_id, event_id, second)))
    wired = Wired(tmp_path / "state.db")
    committed = threading.Event()
    commit, commits = wired.processor.commit_together, []

    def counting(units: Any, **options: Any) -> Any:
        results = commit(units, **options)
        commits.append(len(units))
        if sum(commits) == 3:
            committed.set()
        return results

    wired.processor.commit_together = counting  # type: ignore[method-assign]
    sqs = _SlowDeletes(committed)
    spec = SqsSourceSettings(type="sqs", queue_url=deployment.queue_url, wait_seconds=0, drain_seconds=2)
    # One message a transaction: three commits, the first delete in flight during the others.
    source = SqsSource("trail", spec, wired.context, sqs=sqs, s3=boto3.client("s3"), batch_records=1)  # type: ignore[arg-type]
    try:
        result = source.poll(threading.Event())
        assert (result.units, result.failed_units, result.errors) == (3, 0, [])
        assert sqs.first_delete_saw_every_commit is True
        assert deployment.depth() == 0  # every delete done when the poll returns
        assert _deleters() == []
    finally:
        wired.close()
