"""The SQS source receives the next batch while it commits the one before, and the workers prepare
that batch meanwhile; a stop releases what was received ahead; a failed receive ahead is only
a receive to make again."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from tagwarden.adapters.sources.parallel import can_fork
from tagwarden.adapters.sources.sqs import SqsSource
from tagwarden.core.settings.settings import SqsSourceSettings
from tests.e2e.support import Deployment
from tests.faults.builders import Wired, eventbridge, self_retag

BATCH = 5


class _Receives:
    """The moto SQS client, noting the message ids of each receive as it starts answering; the
    receive numbered ``fails`` (from 1) raises instead, as SQS throttling would."""

    def __init__(self, fails: int = 0) -> None:
        self._sqs = boto3.client("sqs")
        self.batches: list[list[str]] = []
        self.calls = 0
        self.fails = fails
        self.second = threading.Event()  # a second batch came

    def __getattr__(self, name: str) -> Any:
        return getattr(self._sqs, name)

    def receive_message(self, **request: Any) -> Any:
        self.calls += 1
        if self.calls == self.fails:
            raise ClientError(
                {"Error": {"Code": "ThrottlingException", "Message": "slow down"}}, "ReceiveMessage"
            )
        answer = self._sqs.receive_message(**request)
        messages = answer.get("Messages", [])
        if messages:
            self.batches.append([m["MessageId"] for m in messages])
            if len(self.batches) == 2:
                self.second.set()
        return answer


def _queue(name: str, count: int) -> Deployment:
    deployment = Deployment.create(name, max_receive=5)
    for index in range(count):
        deployment.send(eventbridge(self_retag(f"e{index}", f"v{index}", index)))
    return deployment


def _source(wired: Wired, deployment: Deployment, sqs: _Receives) -> SqsSource:
    spec = SqsSourceSettings(
        type="sqs", queue_url=deployment.queue_url, wait_seconds=0, max_messages=BATCH, drain_seconds=5
    )
    # One message a transaction: a batch is several commits.
    return SqsSource("trail", spec, wired.context, sqs=sqs, s3=boto3.client("s3"), batch_records=1)  # type: ignore[arg-type]


def _hold_last_commit_of_first_batch(wired: Wired, until: threading.Event) -> list[bool]:
    """The first batch's last commit waits (up to 10 s) for ``until``; notes whether it came."""
    commit, commits, seen = wired.processor.commit_together, [0], []

    def waiting(units: Any, **options: Any) -> Any:
        commits[0] += len(units)
        if commits[0] == BATCH:
            seen.append(until.wait(10))
        return commit(units, **options)

    wired.processor.commit_together = waiting  # type: ignore[method-assign]
    return seen


def test_the_next_batch_is_received_before_the_last_message_of_one_is_committed(
    aws: str, tmp_path: Path
) -> None:
    deployment = _queue("ahead", 2 * BATCH)
    wired = Wired(tmp_path / "state.db")
    sqs = _Receives()
    seen = _hold_last_commit_of_first_batch(wired, sqs.second)
    try:
        result = _source(wired, deployment, sqs).poll(threading.Event())
        assert seen == [True]
        assert (result.units, result.failed_units) == (2 * BATCH, 0)
        assert [len(batch) for batch in sqs.batches] == [BATCH, BATCH]
        assert deployment.depth() == 0
    finally:
        wired.close()


@pytest.mark.skipif(not can_fork(), reason="worker processes need fork")
def test_the_workers_prepare_the_next_batch_while_the_one_before_commits(aws: str, tmp_path: Path) -> None:
    deployment = _queue("ahead-workers", 2 * BATCH)
    wired = Wired(tmp_path / "state.db", workers=2)
    sqs = _Receives()
    handed = threading.Event()  # a message of the second batch handed to a worker
    source = _source(wired, deployment, sqs)
    work_item = source._work_item

    def noting(job: Any) -> Any:
        if len(sqs.batches) == 2 and job[0]["MessageId"] in sqs.batches[1]:
            handed.set()
        return work_item(job)

    source._work_item = noting  # type: ignore[method-assign]
    seen = _hold_last_commit_of_first_batch(wired, handed)
    try:
        result = source.poll(threading.Event())
        assert seen == [True]
        assert (result.units, result.failed_units) == (2 * BATCH, 0)
        assert deployment.depth() == 0
    finally:
        wired.close()


def test_messages_received_ahead_when_a_stop_comes_are_visible_again_at_once(
    aws: str, tmp_path: Path
) -> None:
    deployment = _queue("ahead-stop", 2 * BATCH)
    wired = Wired(tmp_path / "state.db")
    sqs = _Receives()
    stop = threading.Event()
    commit = wired.processor.commit_together

    def stopping(units: Any, **options: Any) -> Any:
        stop.set()  # during the first batch, once the receive ahead has started
        return commit(units, **options)

    wired.processor.commit_together = stopping  # type: ignore[method-assign]
    try:
        result = _source(wired, deployment, sqs).poll(stop)
        assert (result.units, result.failed_units) == (BATCH, 0)  # the batch in hand is finished
        assert [len(batch) for batch in sqs.batches] == [BATCH, BATCH]
        attrs = boto3.client("sqs").get_queue_attributes(
            QueueUrl=deployment.queue_url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        # Not held for the visibility timeout: another replica or the restart takes them now.
        assert (attrs["ApproximateNumberOfMessages"], attrs["ApproximateNumberOfMessagesNotVisible"]) == (
            str(BATCH),
            "0",
        )
    finally:
        wired.close()


def test_a_receive_ahead_that_fails_is_made_again_and_nothing_is_lost(aws: str, tmp_path: Path) -> None:
    deployment = _queue("ahead-fails", 2 * BATCH)
    wired = Wired(tmp_path / "state.db")
    sqs = _Receives(fails=2)  # the first receive ahead
    try:
        result = _source(wired, deployment, sqs).poll(threading.Event())
        assert (result.units, result.failed_units, result.errors) == (2 * BATCH, 0, [])
        assert len(wired.event_ids()) == 2 * BATCH
        assert deployment.depth() == 0
    finally:
        wired.close()
