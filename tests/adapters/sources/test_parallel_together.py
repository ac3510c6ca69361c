"""Small jobs handed to a worker together under prepared_in_order: one trip for several, the same
outcomes in the same order, and a worker death or a stop among them handled as for one."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import boto3
import pytest

from tagwarden.adapters.sources.files import LogObject, _small_file
from tagwarden.adapters.sources.messages import S3Object
from tagwarden.adapters.sources.parallel import (
    SMALL_BYTES,
    TOGETHER_BYTES,
    PreparePool,
    can_fork,
    prepared_in_order,
)
from tagwarden.adapters.sources.workers import Fetched, fetch_content
from tagwarden.core.ports.units import PreparedUnit, UnitDeferred
from tests.adapters.sources.named_preparer import NamedPreparer
from tests.builders.abac_cases import ACCOUNT
from tests.e2e.support import Deployment, object_created
from tests.faults.builders import Wired, self_retag

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked")


class _Trips:
    """A pool that counts its trips to a worker: one per ``submit``, one per ``submit_together``."""

    def __init__(self, pool: PreparePool) -> None:
        self.sizes: list[int] = []  # in the order submitted
        self.trips: list[list[Any]] = []
        submit, together = pool.submit, pool.submit_together

        def one(item: Any) -> Any:
            self.sizes.append(1)
            self.trips.append([item])
            return submit(item)

        def several(items: list[Any]) -> Any:
            self.sizes.append(len(items))
            self.trips.append(list(items))
            return together(items)

        pool.submit = one  # type: ignore[method-assign]
        pool.submit_together = several  # type: ignore[method-assign]


def _run(
    pool: PreparePool, paths: list[Path], small: Any, abandon: threading.Event | None = None
) -> list[Any]:
    return [
        ready
        for _, ready in prepared_in_order(pool, paths, lambda p: p, lambda p: None, abandon, small=small)  # type: ignore[arg-type]
    ]


def test_small_jobs_go_to_a_worker_together_and_come_back_in_order(tmp_path: Path) -> None:
    paths = [tmp_path / f"{i:02d}.json" for i in range(10)]
    sizes = {path: 1_000 if path.name != "05.json" else TOGETHER_BYTES for path in paths}
    pool = PreparePool(NamedPreparer(slow_seconds=30), 2)  # type: ignore[arg-type]
    trips = _Trips(pool)
    try:
        got = list(prepared_in_order(pool, paths, lambda p: p, lambda p: None, small=sizes.get))  # type: ignore[arg-type]
    finally:
        pool.close()
    assert [job for job, _ in got] == paths
    assert all(isinstance(ready, PreparedUnit) for _, ready in got)
    # 00-04 together; 05 too large to join them, and nothing may join it; then 06-09 together (a
    # trip is submitted once its items are fetched, so the three may be submitted in any order)
    assert sorted(trips.trips) == [paths[:5], paths[5:6], paths[6:]]
    assert len({ready.result.records for _, ready in got[:5]}) == 1  # one worker read the five


def test_a_job_that_kills_its_worker_among_others_fails_alone(tmp_path: Path) -> None:
    paths = [tmp_path / name for name in ("a.json", "b-die.json", "c.json")]
    pool = PreparePool(NamedPreparer(slow_seconds=30), 2)  # type: ignore[arg-type]
    trips = _Trips(pool)
    try:
        got = _run(pool, paths, small=lambda p: 1)
    finally:
        pool.close()
    assert [type(ready).__name__ for ready in got] == ["PreparedUnit", "WorkerDied", "PreparedUnit"]
    assert trips.sizes == [3]  # then each in a process of its own


def test_jobs_together_in_a_worker_when_the_daemon_gives_up_waiting_are_all_deferred(tmp_path: Path) -> None:
    paths = [tmp_path / name for name in ("a.json", "b-slow.json", "c.json")]
    pool = PreparePool(NamedPreparer(slow_seconds=30), 2)  # type: ignore[arg-type]
    abandon = threading.Event()
    threading.Timer(0.5, abandon.set).start()
    started = time.monotonic()
    try:
        got = _run(pool, paths, small=lambda p: 1, abandon=abandon)
    finally:
        pool.close()
    assert all(isinstance(ready, UnitDeferred) and ready.reason == "stopping" for ready in got)
    assert time.monotonic() - started < 10


def test_the_files_source_hands_over_together_only_files_known_to_be_small(tmp_path: Path) -> None:
    assert _small_file(LogObject("a", "a.json.gz", path=tmp_path / "a.json.gz", size=7_000)) == 7_000
    assert _small_file(LogObject("s3://l/b", "b.json.gz", bucket="l", key="b.json.gz", size=9_000)) == 9_000
    large = LogObject("c", "c.json.gz", path=tmp_path / "c.json.gz", size=SMALL_BYTES + 1)
    assert _small_file(large) is None
    unknown = LogObject("s3://l/d", "d.json.gz", bucket="l", key="d.json.gz")
    assert _small_file(unknown) is None


def _put_retags(deployment: Deployment, count: int) -> list[str]:
    """One log file per retag, each one a change, so each one a finding."""
    return [
        deployment.put_log(ACCOUNT, [self_retag(f"retag-{second}", ("gamma", "beta")[second % 2], second)])
        for second in range(count)
    ]


def _drained(deployment: Deployment, tmp_path: Path, retags: int) -> _Trips:
    """The queue drained by an SQS source with two workers, every retag judged; its trips."""
    wired = Wired(tmp_path / "state.db", workers=2)
    assert wired.pool is not None
    trips = _Trips(wired.pool)
    try:
        result = wired.sqs(deployment.queue_url, drain_seconds=5, max_messages=10).poll(threading.Event())
        assert (result.units, result.failed_units) == (retags, 0)
        assert wired.event_ids() == {f"retag-{second}" for second in range(retags)}
    finally:
        wired.close()
    assert deployment.depth() == 0
    return trips


@pytest.mark.parametrize("announced_by", ["s3", "cloudtrail"])
def test_the_sqs_source_hands_over_together_only_messages_whose_objects_s3_said_are_small(
    aws: str, tmp_path: Path, announced_by: str
) -> None:
    deployment = Deployment.create(f"small-{announced_by}", max_receive=5)
    keys = _put_retags(deployment, 6)
    if announced_by == "cloudtrail":  # CloudTrail's own notifications name the keys, not the sizes
        deployment.drain_all()
        for key in keys:
            deployment.send(json.dumps({"s3Bucket": deployment.bucket, "s3ObjectKey": [key]}))
    trips = _drained(deployment, tmp_path, 6)
    assert sum(trips.sizes) == 6
    if announced_by == "s3":
        assert max(trips.sizes) > 1
    else:
        assert trips.sizes == [1] * 6


def test_the_jobs_of_one_trip_are_fetched_at_once(tmp_path: Path) -> None:
    # Fetched one after the other, ten small S3 objects of one trip waited out ten round trips.
    paths = [tmp_path / f"{i}.json" for i in range(6)]
    all_fetching = threading.Barrier(len(paths), timeout=10)  # broken unless all six wait at once

    def fetch(path: Path) -> Path:
        all_fetching.wait()
        return path

    pool = PreparePool(NamedPreparer(slow_seconds=30), 2)  # type: ignore[arg-type]
    trips = _Trips(pool)
    try:
        got = list(prepared_in_order(pool, paths, fetch, lambda p: None, small=lambda p: 1))  # type: ignore[arg-type]
    finally:
        pool.close()
    assert trips.sizes == [6]
    assert all(isinstance(ready, PreparedUnit) for _, ready in got), got


def test_an_object_larger_than_its_notification_said_is_not_fetched_for_a_worker(aws: str) -> None:
    # Small objects go to a worker several at a time on the strength of the sizes messages give:
    # one understated must not swell the bytes held for a trip.
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="logs")
    s3.put_object(Bucket="logs", Key="k.json.gz", Body=b"x" * 1000)
    assert isinstance(fetch_content(s3, [S3Object("logs", "k.json.gz", 1000)]), Fetched)
    assert isinstance(fetch_content(s3, [S3Object("logs", "k.json.gz")]), Fetched)  # unknown: as before
    assert fetch_content(s3, [S3Object("logs", "k.json.gz", 999)]) is None


def test_a_message_understating_its_object_is_read_in_its_turn_with_its_neighbours(
    aws: str, tmp_path: Path
) -> None:
    deployment = Deployment.create("understated", max_receive=5)
    keys = _put_retags(deployment, 3)
    deployment.drain_all()
    for index, key in enumerate(keys):
        size = boto3.client("s3").head_object(Bucket=deployment.bucket, Key=key)["ContentLength"]
        told = size - 1 if index == 1 else size  # the second message says one byte less
        deployment.send(json.dumps(object_created(deployment.bucket, key, told)))
    trips = _drained(deployment, tmp_path, 3)
    assert all(len(trip) == 1 for trip in trips.trips)  # what went to a worker went alone
