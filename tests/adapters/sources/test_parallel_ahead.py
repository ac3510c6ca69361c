"""prepared_in_order goes on preparing while its caller is away committing the units it
gathered (``ahead``), without handing the workers, and so the fetching threads, more than their
usual share at once."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tagwarden.adapters.sources.parallel import (
    IN_FLIGHT_AT_LEAST,
    IN_FLIGHT_PER_WORKER,
    PreparePool,
    can_fork,
    in_flight,
    prepared_in_order,
)
from tagwarden.core.ports.units import PreparedUnit
from tests.adapters.sources.named_preparer import NamedPreparer

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked")

WORKERS = 2


def _prepared_count(tmp: Path, expected: int) -> int:
    """How many jobs were prepared, once ``expected`` were (or after 30 s), and half a second
    more for any beyond it."""
    deadline = time.monotonic() + 30
    while len(list(tmp.glob("*.done"))) < expected and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)
    return len(list(tmp.glob("*.done")))


def _jobs(tmp: Path, count: int) -> list[Path]:
    return [tmp / f"{i:03d}.json" for i in range(count)]


@pytest.mark.parametrize("ahead", [0, 6])
def test_the_workers_go_on_preparing_while_the_caller_commits(tmp_path: Path, ahead: int) -> None:
    gate = tmp_path / "open"
    gate.touch()
    jobs = _jobs(tmp_path, 40)
    pool = PreparePool(NamedPreparer(gate=gate), WORKERS)  # type: ignore[arg-type]
    prepared = prepared_in_order(pool, jobs, lambda p: p, lambda p: p, ahead=ahead)  # type: ignore[arg-type, return-value]
    try:
        first, ready = next(prepared)  # the caller takes one, then is away committing
        assert first == jobs[0] and isinstance(ready, PreparedUnit)
        # the one taken, the usual share of the workers, and ``ahead`` more waiting for the caller
        expected = 1 + in_flight(WORKERS) + ahead
        assert _prepared_count(tmp_path, expected) == expected
        rest = [job for job, _ in prepared]
    finally:
        prepared.close()
        pool.close()
    assert rest == jobs[1:]
    assert _prepared_count(tmp_path, len(jobs)) == len(jobs)


def test_no_more_jobs_are_handed_over_at_once_than_the_workers_usual_share(tmp_path: Path) -> None:
    """What bounds the bytes fetched and held for the workers: ``ahead`` only lets prepared
    units wait for the caller."""
    gate = tmp_path / "open"
    jobs = _jobs(tmp_path, 40)
    handed: list[Path] = []
    unprepared: list[int] = []  # at each handing over, the jobs handed and not yet prepared
    lock = threading.Lock()

    def work(job: Path) -> Path:
        with lock:
            handed.append(job)
            unprepared.append(len(handed) - len(list(tmp_path.glob("*.done"))))
        return job

    pool = PreparePool(NamedPreparer(gate=gate), WORKERS)  # type: ignore[arg-type]
    prepared = prepared_in_order(pool, jobs, work, lambda p: p, ahead=20)  # type: ignore[arg-type, return-value]
    threading.Timer(1.0, gate.touch).start()  # nothing is prepared before
    try:
        assert [job for job, _ in prepared] == jobs
    finally:
        prepared.close()
        pool.close()
    assert sorted(handed) == jobs  # each once (two fetching threads: in either order)
    assert max(unprepared) == in_flight(WORKERS) == WORKERS * IN_FLIGHT_PER_WORKER


def test_one_worker_still_has_its_units_fetched_several_at_once(tmp_path: Path) -> None:
    """A unit's object is fetched before its worker reads it: one worker's units are fetched
    IN_FLIGHT_AT_LEAST at a time, so that it does not wait on each round trip in turn."""
    jobs = _jobs(tmp_path, 12)
    together = threading.Barrier(IN_FLIGHT_AT_LEAST, timeout=10)  # broken unless that many fetch at once

    def fetch(job: Path) -> Path:
        if job in jobs[:IN_FLIGHT_AT_LEAST]:
            together.wait()
        return job

    pool = PreparePool(NamedPreparer(), 1)  # type: ignore[arg-type]
    try:
        prepared = [job for job, _ in prepared_in_order(pool, jobs, fetch, lambda p: p)]  # type: ignore[arg-type, return-value]
    finally:
        pool.close()
    assert prepared == jobs and not together.broken
    assert in_flight(1) == IN_FLIGHT_AT_LEAST > IN_FLIGHT_PER_WORKER
