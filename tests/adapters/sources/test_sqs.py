"""The SQS source against moto: what stays in hand, and for how long."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import boto3

from tagwarden.core.normalize import Normalized, Normalizer
from tests.e2e.support import Deployment
from tests.faults.builders import Wired, eventbridge, self_retag


class _Slow(Normalizer):
    """Takes its time over each record, as a large log object would."""

    def normalize(self, record: dict[str, Any]) -> Normalized:
        time.sleep(1.2)
        return super().normalize(record)


def test_a_batch_longer_than_the_visibility_timeout_stays_invisible_until_deleted(
    aws: str, tmp_path: Path
) -> None:
    deployment = Deployment.create("slow", visibility_timeout=2, max_receive=10)
    for n in range(3):
        deployment.send(eventbridge(self_retag(f"slow-{n}", second=n)))
    wired = Wired(tmp_path / "state.db", normalizer=_Slow())
    source = wired.sqs(deployment.queue_url, drain_seconds=0.1)
    sqs = boto3.client("sqs")
    visible: list[int] = []
    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.2):
            attrs = sqs.get_queue_attributes(
                QueueUrl=deployment.queue_url, AttributeNames=["ApproximateNumberOfMessages"]
            )["Attributes"]
            visible.append(int(attrs["ApproximateNumberOfMessages"]))

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        result = source.poll(threading.Event())
    finally:
        done.set()
        watcher.join()
        wired.close()
    assert result.units == 3 and result.failed_units == 0
    assert max(visible) == 0  # never handed out again while this reader held it
    assert deployment.depth() == 0
