"""Bounded cost for any input: damaged text keeps what came before it, bombs and huge records are
refused with a reason in bounded memory, and SIGTERM is honoured between records (issue 16,
findings 3, 6 and 8)."""

from __future__ import annotations

import gzip
import io
import json
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from tagwarden.core.records import ReadProblem, iter_records
from tagwarden.core.records.limits import ReadLimits
from tests.e2e.support import DaemonProcess, wait_until

REPO = Path(__file__).resolve().parents[2]


def noise(index: int) -> dict[str, Any]:
    """A read-only call, as most CloudTrail records are (s3 GetBucketLocation)."""
    return {
        "eventVersion": "1.08",
        "eventSource": "s3.amazonaws.com",
        "eventName": "GetBucketLocation",
        "eventTime": "2024-05-01T10:00:00Z",
        "eventID": str(uuid.uuid4()),
        "awsRegion": "us-east-1",
        "requestParameters": {"bucketName": f"bucket-{index}"},
    }


def read(
    data: bytes, chunk_bytes: int = 1 << 20, **limits: int
) -> tuple[list[dict[str, Any]], list[ReadProblem]]:
    records: list[dict[str, Any]] = []
    problems: list[ReadProblem] = []
    for item in iter_records(io.BytesIO(data), chunk_bytes, limits=ReadLimits(**limits)):
        (problems if isinstance(item, ReadProblem) else records).append(item)
    return records, problems


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_invalid_utf8_keeps_the_3000_valid_records_before_it(compress: bool) -> None:
    body = json.dumps({"Records": [noise(i) for i in range(3000)]}).encode()
    damaged = body[:-2] + b', {"eventName": "\xff\xfe"}]}'
    records, problems = read(gzip.compress(damaged) if compress else damaged)
    assert len(records) == 3000
    assert [(p.reason, p.fatal) for p in problems] == [("not_text", True)]


def test_a_gzip_bomb_is_refused_for_its_ratio() -> None:
    bomb = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)
    records, problems = read(bomb)
    assert records == [] and [p.reason for p in problems] == ["compression_ratio"]


def test_an_object_too_large_once_decompressed_is_refused_after_the_records_before() -> None:
    body = json.dumps({"Records": [noise(i) for i in range(2000)]}).encode()
    records, problems = read(gzip.compress(body), 1 << 16, max_object_bytes=len(body) // 2)
    assert 0 < len(records) < 2000 and [p.reason for p in problems] == ["object_too_large"]


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b'{"Records": [' + b"[" * 5000 + b"]" * 5000 + b"]}", "too_deep"),
        (b'{"Records": [{"eventVersion": 1' + b"1" * 5000 + b"}]}", "number_too_long"),
        (b'{"Records": [{"eventName": "' + b"x" * 3_000_000 + b'"}]}', "record_too_large"),
    ],
    ids=["deep", "huge-int", "big-record"],
)
def test_poison_values_are_refused_with_a_reason(body: bytes, reason: str) -> None:
    head = json.dumps(noise(0)).encode()
    records, problems = read(body.replace(b"[", b"[" + head + b",", 1))
    assert len(records) == 1 and [(p.reason, p.fatal) for p in problems] == [(reason, True)]


@pytest.mark.parametrize("case", ["gzip-bomb", "big-record"])
def test_a_4mb_gzip_bomb_and_a_200mb_record_are_refused_in_under_300_mib(case: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "tests.faults.bounded_read", case],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,  # generous: the machine running the suite may be busy
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    outcome = json.loads(done.stdout.strip().splitlines()[-1])
    assert outcome["reason"] == {"gzip-bomb": "compression_ratio", "big-record": "record_too_large"}[case]
    assert outcome["input_bytes"] >= 4_000_000
    assert outcome["peak_rss_mib"] < 300, outcome


@pytest.mark.e2e
def test_sigterm_during_a_long_file_exits_within_10_seconds(aws: str, tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    with (logs / "long.json").open("w") as out:
        out.write('{"Records": [')
        out.write(",".join(json.dumps(noise(i)) for i in range(1_000_000)))
        out.write("]}")
    sources = [{"type": "files", "name": "logs", "paths": [str(logs)], "interval_seconds": 3600}]
    # The batch in hand gets the grace period (0.5 s here); then it is dropped between two
    # records and the daemon stops cleanly, rather than being cut off with the unit running.
    daemon = DaemonProcess(tmp_path, {"version": 1}, sources, {"shutdown_grace_seconds": 0.5}).start()
    try:
        wait_until(
            lambda: daemon.metric("tagwarden_poll_duration_seconds_count", source="logs") == 0, 5, "up"
        )
        time.sleep(1)  # well inside the file (reading it whole takes several seconds)
        code, took = daemon.stop(signal.SIGTERM, timeout=30)
        assert took < 10, f"SIGTERM took {took:.1f} s"
        assert code == 0
        events = daemon.log_events()
        assert any(e.get("event") == "file_deferred" and e.get("reason") == "stopping" for e in events)
        assert any(e.get("event") == "daemon_stopped" and e.get("clean") for e in events)
    finally:
        daemon.close()


@pytest.mark.e2e
def test_sigterm_during_an_sqs_long_poll_stops_at_once_and_cleanly(aws: str, tmp_path: Path) -> None:
    # An idle daemon spends its time in 20 s receives on an empty queue, which hold nothing. Made
    # in the polling thread, such a receive held every stop for the grace period and the abandon
    # after it (13 s with the defaults), and the shutdown, counting the poll as unfinished, left
    # the store open and the scan leases held. The receive's own thread must not keep the
    # process alive either (the interpreter's exit joins non-daemon threads).
    import boto3

    queue = boto3.client("sqs").create_queue(QueueName=f"long-{uuid.uuid4().hex[:8]}")["QueueUrl"]
    sources = [{"type": "sqs", "name": "q", "queue_url": queue, "wait_seconds": 20, "interval_seconds": 1}]
    extra = {"aws": {"region": "us-east-1", "principal_inventory_interval_seconds": 0}}
    daemon = DaemonProcess(tmp_path, {"version": 1}, sources, extra).start()
    try:
        time.sleep(3)  # the first receive has about 17 s left
        code, took = daemon.stop(signal.SIGTERM, timeout=40)
        events = daemon.log_events()
        assert took < 4, f"SIGTERM took {took:.1f} s: the shutdown waited for the receive"
        assert code == 0
        assert [e.get("clean") for e in events if e.get("event") == "daemon_stopped"] == [True]
        assert not [e for e in events if e.get("event") == "shutdown_with_work_in_flight"]
    finally:
        daemon.close()
