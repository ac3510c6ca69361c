"""Transient faults spend nothing: S3 failing for longer than the queue's redrive budget sends
nothing to the dead-letter queue, every finding is made once it clears, and readiness reports
the fault while it lasts (issue 16, finding 4); readiness is answered from background checks
that write to the store (finding 9)."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.response import StreamingBody

from tagwarden.adapters.store import StoreError, open_store
from tagwarden.app.daemon.readiness import Readiness
from tagwarden.core.faults import FaultBoard
from tests.e2e.support import Deployment
from tests.faults.builders import ACCOUNT, Wired, self_retag
from tests.faults.injection import Fault


@pytest.mark.parametrize(("status", "code"), [(500, "InternalError"), (503, "SlowDown")])
def test_s3_failing_longer_than_the_redrive_budget_loses_nothing(
    aws: str, tmp_path: Path, status: int, code: str
) -> None:
    # Visibility 2 s and 2 receives: a fault of 8 s would send the message to the DLQ if each
    # failed read went back to the queue.
    deployment = Deployment.create("outage", visibility_timeout=2, max_receive=2)
    deployment.put_log(ACCOUNT, [self_retag(f"e{i}", ("beta", "gamma")[i % 2], i) for i in range(5)])
    fault = Fault(frozenset({"GetObject"}), status=status, code=code)
    s3 = fault.install(boto3.client("s3", config=Config(retries={"mode": "standard", "max_attempts": 1})))
    wired = Wired(tmp_path / "state.db")
    source = wired.sqs(deployment.queue_url, s3=s3, retry_seconds=0.5, retry_max_seconds=1, drain_seconds=30)
    readiness = Readiness({}, wired.context.faults)

    poll = threading.Thread(target=source.poll, args=(threading.Event(),))
    poll.start()
    time.sleep(8)
    ready, detail = readiness.state()
    assert not ready and "source:trail" in detail["faults"]
    assert fault.injected >= 4
    assert deployment.depth(dead_letters=True) == 0
    fault.active = False
    poll.join(timeout=60)
    assert not poll.is_alive()
    assert wired.event_ids() == {f"e{i}" for i in range(5)}
    assert deployment.depth() == 0 and deployment.depth(dead_letters=True) == 0
    assert readiness.state()[0]
    assert wired.counter(wired.metrics.units_deferred, "trail", "s3_get_failed") >= 4


def test_a_truncated_body_is_a_transient_fault_not_a_damaged_file(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("cut", visibility_timeout=2, max_receive=2)
    deployment.put_log(ACCOUNT, [self_retag(f"c{i}", ("beta", "gamma")[i % 2], i) for i in range(50)])
    s3 = boto3.client("s3")
    cuts = {"left": 2}

    def cut_body(response_dict: dict[str, Any], **_: Any) -> None:
        # The body stops half-way through: botocore raises IncompleteReadError, as it does when a
        # connection is reset mid-transfer.
        if cuts["left"]:
            cuts["left"] -= 1
            data = response_dict["body"].read()
            response_dict["body"] = StreamingBody(io.BytesIO(data[: len(data) // 2]), len(data))

    s3.meta.events.register("before-parse.s3.GetObject", cut_body)
    wired = Wired(tmp_path / "state.db")
    source = wired.sqs(deployment.queue_url, s3=s3, retry_seconds=0.2, retry_max_seconds=0.5)
    source.poll(threading.Event())
    assert cuts["left"] == 0
    assert wired.event_ids() == {f"c{i}" for i in range(50)}
    assert wired.store.failed_units(quarantined_only=False) == []  # never counted against the file
    assert wired.counter(wired.metrics.units_deferred, "trail", "s3_read_failed") == 2


def test_readiness_answers_at_once_while_a_check_hangs() -> None:
    release = threading.Event()

    def slow() -> None:
        release.wait(30)

    readiness = Readiness({"slow": slow}, FaultBoard(), timeout=3.0)
    started = time.monotonic()
    readiness.run_checks()
    assert time.monotonic() - started < 3.5  # the timeout, not the check's 30 s
    ready, detail = readiness.state()
    assert not ready and detail["checks"]["slow"].startswith("no answer")
    release.set()


def test_the_store_check_writes(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    store.ping()
    store._writer.execute("PRAGMA query_only = ON")  # type: ignore[attr-defined]  # as a read-only disk
    with pytest.raises(StoreError):
        store.ping()
