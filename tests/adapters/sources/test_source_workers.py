"""The daemon's files and SQS sources with worker processes (one or more): the same findings and
tag history as in the daemon's process alone (on a trail whose files arrive out of order), units
committed and messages deleted in order, and a unit that fails or whose worker dies handled as in
one process."""

from __future__ import annotations

import json
import os
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml

from tagwarden.adapters.sources import PollResult
from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.parallel import can_fork
from tagwarden.core.normalize import Normalized, Normalizer
from tagwarden.core.settings.settings import FilesSourceSettings
from tests.builders.out_of_order_trail import POLICY, findings_and_history, trail_objects, write_trail
from tests.e2e.support import Deployment
from tests.faults.builders import ACCOUNT, Wired, eventbridge, self_retag

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked")


class _PidNoting(Normalizer):
    """Notes which process normalizes each record, to show the work left the daemon's process."""

    def __init__(self, notes: Path) -> None:
        super().__init__()
        self._notes = notes

    def normalize(self, record: dict[str, Any]) -> Normalized:
        with self._notes.open("a") as notes:
            notes.write(f"{os.getpid()}\n")
        return super().normalize(record)


def _normalizing_processes(notes: Path) -> Counter[int]:
    """Calls to normalize, by process."""
    return Counter(int(line) for line in notes.read_text().split()) if notes.exists() else Counter()


def _read_in_workers(alone: Counter[int], workers: Counter[int]) -> bool:
    """Without workers everything is normalized here; with them (one is enough), the records are
    normalized in the workers, and here only what judging asks again (a late event's re-judgement)."""
    here = os.getpid()
    return set(alone) == {here} and len(set(workers) - {here}) >= 1 and workers[here] < alone[here] / 2


def _drain(source: Any, deployment: Deployment | None = None) -> PollResult:
    total = PollResult()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        total.add(source.poll(threading.Event()))
        if deployment is None or deployment.depth() == 0:
            break
    return total


def _files_run(tmp: Path, trail: Path, workers: int) -> tuple[Any, ...]:
    notes = tmp / f"files-{workers}.pids"
    wired = Wired(
        tmp / f"files-{workers}.db", _PidNoting(notes), policy=yaml.safe_load(POLICY), workers=workers
    )
    try:
        result = _drain(wired.files(trail, quarantine_after=1))
        failed = sorted(
            (u.unit.rsplit("/", 1)[-1].split("@")[0], u.reason) for u in wired.store.failed_units()
        )
    finally:
        wired.close()
    outcome = (result.units, result.records, result.findings, result.failed_units, failed)
    return (*findings_and_history(tmp / f"files-{workers}.db"), outcome), _normalizing_processes(notes)


def _assert_same_scenario_outcome(alone: Any, two: Any, alone_pids: Any, two_pids: Any) -> None:
    """The out-of-order trail judged alike without workers and with 2, read in other processes with 2."""
    assert alone == two
    findings, history, (units, _, _, failed_units, failed) = alone
    assert units == 7 and failed_units == 1 and len(failed) == 1  # the damaged file, quarantined
    assert {(kind, new) for _, kind, _, _, _, new, _ in findings} >= {
        ("session_tag", "red"),
        ("unauthorized_writer", "green"),
    }
    assert {row[4] for row in history if row[0] == "arn:aws:s3:::b1"} >= {"red", "blue", "green"}
    assert _read_in_workers(alone_pids, two_pids)


def test_the_files_source_gives_the_same_findings_and_history_without_workers_and_with_one_or_two(
    tmp_path: Path,
) -> None:
    trail = tmp_path / "trail"
    write_trail(trail)
    alone, alone_pids = _files_run(tmp_path, trail, 0)
    one, one_pids = _files_run(tmp_path, trail, 1)
    two, two_pids = _files_run(tmp_path, trail, 2)
    _assert_same_scenario_outcome(alone, two, alone_pids, two_pids)
    assert one == alone and _read_in_workers(alone_pids, one_pids)
    assert len(set(one_pids) - {os.getpid()}) == 1  # a single worker process read them


def _sqs_run(tmp: Path, workers: int, objects: list[tuple[str, bytes]]) -> tuple[Any, ...]:
    deployment = Deployment.create(f"workers-{workers}", max_receive=5)
    s3 = boto3.client("s3")
    for key, body in objects:  # one notification per file, in delivery order
        s3.put_object(Bucket=deployment.bucket, Key=key, Body=body)
    notes = tmp / f"sqs-{workers}.pids"
    wired = Wired(
        tmp / f"sqs-{workers}.db", _PidNoting(notes), policy=yaml.safe_load(POLICY), workers=workers
    )
    try:
        result = _drain(wired.sqs(deployment.queue_url, quarantine_after=1, drain_seconds=5), deployment)
        failed = sorted(u.reason for u in wired.store.failed_units())
    finally:
        wired.close()
    assert deployment.depth() == 0 and deployment.depth(dead_letters=True) == 0
    outcome = (result.units, result.records, result.findings, result.failed_units, failed)
    return (*findings_and_history(tmp / f"sqs-{workers}.db"), outcome), _normalizing_processes(notes)


def test_the_sqs_source_gives_the_same_findings_and_history_without_workers_and_with_two(
    aws: str, tmp_path: Path
) -> None:
    objects = trail_objects()
    alone, alone_pids = _sqs_run(tmp_path, 0, objects)
    two, two_pids = _sqs_run(tmp_path, 2, objects)
    _assert_same_scenario_outcome(alone, two, alone_pids, two_pids)


class _Faulty(Normalizer):
    """A normalizer with a bug one record sets off, and another record that kills a worker."""

    def __init__(self, daemon: int) -> None:
        super().__init__()
        self._daemon = daemon

    def normalize(self, record: dict[str, Any]) -> Normalized:
        if record.get("eventID") == "explodes":
            raise RuntimeError("a bug in tagwarden")
        if record.get("eventID") == "dies" and os.getpid() != self._daemon:
            os._exit(3)  # a worker killed (OOM, a crash in a C extension)
        return super().normalize(record)


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_a_message_that_fails_to_prepare_is_left_for_redrive_then_quarantined_alike(
    aws: str, tmp_path: Path, workers: int
) -> None:
    # The failed message must not come back within the first poll: on a loaded machine, handling
    # the three took more than a second once, and the first poll then saw it fail twice.
    deployment = Deployment.create("raises", visibility_timeout=4, max_receive=10)
    deployment.send(eventbridge(self_retag("before")))
    deployment.put_log(ACCOUNT, [self_retag("explodes", second=1)])
    deployment.send(eventbridge(self_retag("after", "gamma", second=2)))
    wired = Wired(tmp_path / "state.db", _Faulty(os.getpid()), workers=workers)
    source = wired.sqs(deployment.queue_url, quarantine_after=2, drain_seconds=2)
    try:
        first = source.poll(threading.Event())
        assert first.failed_units == 1 and wired.event_ids() == {"before", "after"}
        assert deployment.depth() == 1  # not deleted: nothing of it was committed
        time.sleep(4.1)
        _drain(source, deployment)
        (quarantined,) = wired.store.failed_units()
        assert (quarantined.reason, quarantined.failures) == ("unit_failed", 2)
        assert "RuntimeError: a bug in tagwarden" in quarantined.detail
        assert deployment.depth() == 0 and deployment.depth(dead_letters=True) == 0
    finally:
        wired.close()


def test_a_message_whose_worker_dies_fails_alone_and_the_pool_recovers(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("dies", visibility_timeout=1, max_receive=10)
    deployment.put_log(ACCOUNT, [self_retag("before")])
    deployment.put_log(ACCOUNT, [self_retag("dies", second=1)])
    for index in range(4):
        value = ("gamma", "beta")[index % 2]  # each one a change, so each one a finding
        deployment.send(eventbridge(self_retag(f"after-{index}", value, second=2 + index)))
    wired = Wired(tmp_path / "state.db", _Faulty(os.getpid()), workers=2)
    source = wired.sqs(deployment.queue_url, quarantine_after=1, drain_seconds=2)
    try:
        first = source.poll(threading.Event())
        assert first.failed_units == 1
        assert wired.event_ids() == {"before", *(f"after-{i}" for i in range(4))}
        (quarantined,) = wired.store.failed_units()
        assert quarantined.reason == "unit_failed" and "WorkerDied" in quarantined.detail
        assert deployment.depth() == 0 and deployment.depth(dead_letters=True) == 0
    finally:
        wired.close()


@pytest.mark.parametrize("workers", [0, 1, 2])
def test_a_file_that_fails_to_prepare_does_not_block_the_files_behind_it(
    tmp_path: Path, workers: int
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.json").write_text(json.dumps({"Records": [self_retag("explodes")]}))
    (logs / "b.json").write_text(json.dumps({"Records": [self_retag("behind", second=1)]}))
    wired = Wired(tmp_path / "state.db", _Faulty(os.getpid()), workers=workers)
    try:
        result = wired.files(logs, quarantine_after=1).poll(threading.Event())
        assert (result.units, result.failed_units) == (2, 1)
        assert wired.event_ids() == {"behind"}
        (failed,) = wired.store.failed_units()
        assert failed.reason == "unit_failed" and "RuntimeError: a bug in tagwarden" in failed.detail
    finally:
        wired.close()


def _s3_files_run(tmp: Path, workers: int, bucket: str) -> tuple[Any, ...]:
    notes = tmp / f"s3-{workers}.pids"
    wired = Wired(tmp / f"s3-{workers}.db", _PidNoting(notes), policy=yaml.safe_load(POLICY), workers=workers)
    spec = FilesSourceSettings(type="files", paths=[f"s3://{bucket}/AWSLogs/"], quarantine_after=1)
    source = FilesSource("logs", spec, wired.context, base_dir=tmp, s3=lambda: boto3.client("s3"))
    try:
        result = _drain(source)
        failed = sorted(u.reason for u in wired.store.failed_units())
    finally:
        wired.close()
    outcome = (result.units, result.records, result.findings, result.failed_units, failed)
    return (*findings_and_history(tmp / f"s3-{workers}.db"), outcome), _normalizing_processes(notes)


def test_the_files_source_on_s3_gives_the_same_results_without_workers_and_with_two(
    aws: str, tmp_path: Path
) -> None:
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="trail-copy")
    for key, body in trail_objects():
        s3.put_object(Bucket="trail-copy", Key=key, Body=body)
    alone, alone_pids = _s3_files_run(tmp_path, 0, "trail-copy")
    two, two_pids = _s3_files_run(tmp_path, 2, "trail-copy")
    assert alone == two
    findings, _, (units, _, _, failed_units, failed) = alone
    assert units == 7 and failed_units == 1 and len(failed) == 1
    assert {kind for _, kind, *_ in findings} >= {"session_tag", "unauthorized_writer", "self_grant"}
    assert _read_in_workers(alone_pids, two_pids)
