"""The real daemon with worker processes (``workers: 2``) against moto: SIGTERM finishes the batch
in hand, stops the workers and exits 0 within 10 seconds; after a SIGKILL no worker is left
behind; either way nothing received is lost."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from tagwarden.adapters.sources.parallel import can_fork
from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS
from tests.e2e.support import DaemonProcess, Deployment, seed_principals, sqs_source, wait_until
from tests.e2e.test_daemon_resilience import expected_ids, noisy_log

pytestmark = [pytest.mark.e2e, pytest.mark.skipif(not can_fork(), reason="workers are forked")]
WORKERS = {"workers": 2}


def _children(pid: int) -> set[int]:
    """Live processes whose parent is ``pid``."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            state, parent = stat.read_text().rsplit(")", 1)[1].split()[:2]
        except (OSError, ValueError):
            continue
        if int(parent) == pid and state != "Z":
            found.add(int(stat.parent.name))
    return found


def _alive(pids: set[int]) -> set[int]:
    alive = set()
    for pid in pids:
        try:
            state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.add(pid)
    return alive


def _workers_of(daemon: DaemonProcess) -> set[int]:
    assert daemon.process is not None
    pid = daemon.process.pid
    return wait_until(lambda: _children(pid) if len(_children(pid)) >= 2 else None, 30, "the two workers")


def test_sigterm_with_workers_finishes_the_batch_stops_them_and_exits_0_within_10_seconds(
    aws: str, tmp_path: Path
) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("stopped-workers", visibility_timeout=30)
    logs = [noisy_log(index, noise=20000) for index in range(6)]
    for records in logs:
        deployment.put_log(ACCOUNT, records)
    sources = sqs_source(deployment, max_messages=10, wait_seconds=20)
    daemon = DaemonProcess(tmp_path, POLICY, sources, extra=WORKERS).start()
    try:
        wait_until(daemon.findings_in_db, 60, "the batch to be in hand", interval=0.02)
        workers = _workers_of(daemon)
        code, elapsed = daemon.stop(signal.SIGTERM)
        assert code == 0
        assert elapsed < 10
        assert _alive(workers) == set()  # stopped by the daemon before it exited
        assert any(e.get("event") == "daemon_stopped" and e.get("clean") for e in daemon.log_events())
        # The batch in hand was finished: every message received was committed and deleted.
        assert {f["id"] for f in daemon.findings_in_db()} == expected_ids(logs)
        assert deployment.depth() == 0
    finally:
        daemon.close()


def test_after_a_sigkill_no_worker_is_left_and_a_restart_loses_nothing(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("killed-workers", visibility_timeout=2, max_receive=10)
    logs = [noisy_log(index, noise=30000) for index in range(6)]
    for records in logs:
        deployment.put_log(ACCOUNT, records)
    first = DaemonProcess(tmp_path, POLICY, sqs_source(deployment), extra=WORKERS).start()
    try:
        wait_until(first.findings_in_db, 60, "the first committed message", interval=0.02)
        workers = _workers_of(first)
        first.stop(signal.SIGKILL)
        wait_until(lambda: not _alive(workers), 10, "the orphaned workers to leave")
    finally:
        first.close()
    second = DaemonProcess(tmp_path, POLICY, sqs_source(deployment), extra=WORKERS).start()
    try:
        want = expected_ids(logs)
        wait_until(lambda: len(second.findings_in_db()) >= len(want), 120, "every finding after the restart")
        wait_until(lambda: deployment.depth() == 0, 60, "every message to leave the queue")
        assert sorted(f["id"] for f in second.findings_in_db()) == sorted(want)
    finally:
        second.close()
