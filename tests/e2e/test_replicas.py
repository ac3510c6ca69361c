"""Two real daemons on one queue and one PostgreSQL, one killed by SIGKILL mid-run and restarted:
the findings of one process, none twice, every alert delivered, the queue drained, a clean stop."""

from __future__ import annotations

import signal
from pathlib import Path
from typing import Any

import pytest

from tagwarden.app.recording import REPORT_GRACE_SECONDS
from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS
from tests.e2e.replicas import (
    ALERT_FLOOR,
    alert_worthy,
    findings_in,
    pending_deliveries,
    processed_events,
    receiving,
    scenario,
    shuffled_files,
    single_process_findings,
)
from tests.e2e.support import DaemonProcess, Deployment, seed_principals, wait_until

pytestmark = [pytest.mark.e2e, pytest.mark.slow]


def replica(workdir: Path, deployment: Deployment, database: str, hook: str) -> DaemonProcess:
    workdir.mkdir(exist_ok=True)
    sources = [
        {
            "type": "sqs",
            "name": "trail",
            "queue_url": deployment.queue_url,
            "wait_seconds": 1,
            "max_messages": 2,
        }
    ]
    extra: dict[str, Any] = {
        "store": {"url": database, "pool_size": 4},
        "sinks": [{"type": "webhook", "name": "hook", "url": hook, "min_severity": ALERT_FLOOR}],
        # A webhook call that times out on a loaded machine backs its sink off from 5 s, doubling:
        # capped at 2 s, the outbox drains within the test's wait and still retries.
        "delivery": {"interval_seconds": 0.5, "lease_seconds": 5, "max_backoff_seconds": 2},
    }
    return DaemonProcess(workdir, POLICY, sources, extra)


def open_ids(database: str) -> set[str]:
    return {f["id"] for f in findings_in(database) if f["status"] != "superseded"}


def test_two_replicas_one_killed_find_what_one_process_finds(
    aws: str, tmp_path: Path, fresh_postgres_database: str
) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("replicas", visibility_timeout=5, max_receive=20)
    records = scenario(buckets=12)
    want = single_process_findings(records)
    assert len(want) == 24  # per bucket, dave's grab: unauthorized_writer and self_grant
    files = shuffled_files(records, noise_per_file=12000)
    keys = deployment.put_unannounced(files, ACCOUNT)
    with receiving() as hook:
        first = replica(tmp_path / "a", deployment, fresh_postgres_database, hook.url).start()
        second = replica(tmp_path / "b", deployment, fresh_postgres_database, hook.url).start()
        restarted: DaemonProcess | None = None
        try:
            # Announced at once, when both replicas are up: files announced as they were uploaded
            # reached the replicas over the seconds the uploads took, and by the first commit the
            # replicas had been through them all; files there before the second replica started
            # were drained by the first alone.
            deployment.announce(keys)
            # Killed at the first file committed (with worker processes reading ahead, a replica
            # gets through this scenario in a few seconds).
            wait_until(lambda: processed_events(fresh_postgres_database), 120, "the first file", 0.02)
            first.stop(signal.SIGKILL)
            assert len(open_ids(fresh_postgres_database)) < len(want), "the kill must land mid-run"
            restarted = replica(tmp_path / "a", deployment, fresh_postgres_database, hook.url).start()
            wait_until(lambda: deployment.depth() == 0, 240, "the queue to drain", 0.5)
            wait_until(
                lambda: open_ids(fresh_postgres_database) == set(want), 60, "the findings of one process"
            )
            # Killed between a commit and marking its findings reported, the replica leaves
            # their report deliveries to another's dispatcher once REPORT_GRACE_SECONDS pass.
            wait_until(
                lambda: pending_deliveries(fresh_postgres_database) == 0,
                REPORT_GRACE_SECONDS + 60,
                "every delivery",
                why=lambda: [d.log_text()[-1500:] for d in (second, restarted) if d is not None],
            )
            rows = findings_in(fresh_postgres_database)
            assert len({(f["event_id"], f["target"], f["tag_key"], f["kind"]) for f in rows}) == len(rows)
            delivered = hook.ids()
            assert alert_worthy(want) <= set(delivered)
            # Twice at most: the one delivery the killed replica may have had in flight.
            twice = [fid for fid in set(delivered) if delivered.count(fid) > 1]
            assert len(twice) <= 1 and all(delivered.count(fid) == 2 for fid in twice)
            assert deployment.depth(dead_letters=True) == 0
            for daemon in (second, restarted):
                code, elapsed = daemon.stop(signal.SIGTERM)
                assert code == 0 and elapsed < 10, daemon.log_text()[-2000:]
            # The files arrived out of event-time order: some changes were judged again.
            assert any(f["status"] == "superseded" for f in rows)
            # What the sink shows in the end is what the store says: a finding superseded after
            # it was sent is withdrawn, one open again is shown again.
            status = {f["id"]: f["status"] for f in rows}
            assert hook.shown_last() == {fid: status[fid] != "superseded" for fid in hook.shown_last()}
        finally:
            for daemon in (first, second, restarted):
                if daemon is not None:
                    daemon.close()
