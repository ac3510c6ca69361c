"""The real daemon runs the inventory, drift and writers scans on their schedule and exports them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tests.builders.scan_scenario import A, B, seed, write_config
from tests.e2e.support import DaemonProcess, wait_until

pytestmark = pytest.mark.e2e


def test_the_daemon_schedules_the_scans_and_serves_their_gauges(aws: str, tmp_path: Path) -> None:
    seed()
    config = yaml.safe_load(write_config(tmp_path, [A, B]).read_text())
    daemon = DaemonProcess(tmp_path, config["policy"], [], extra={"inventory": config["inventory"]})
    try:
        daemon.start()

        def scanned() -> bool:
            # The last-success series exists from a scan's first try (TagwardenScanStale needs it
            # for a scan that never succeeds), so what tells that the scans ran is their log lines.
            done = {event.get("event") for event in daemon.log_events()}
            return {"inventory_done", "drift_scan_done", "writers_scan_done"} <= done and all(
                daemon.metric("tagwarden_job_last_success_timestamp_seconds", scan=scan) > 0
                for scan in ("inventory", "drift", "writers")
            )

        wait_until(scanned, 60, "the three scans to succeed once")
        assert daemon.metric("tagwarden_drift_items", kind="orphan_value", key="team") == 2
        assert daemon.metric("tagwarden_drift_items", kind="case_conflict", key="team") == 2
        assert daemon.metric("tagwarden_tag_writers", key="team", authorized="false") == 2
        assert daemon.metric("tagwarden_tag_writers", key="team", authorized="true") == 2
        assert daemon.metric("tagwarden_inventory_resources", account=B) == 2
        assert daemon.metric("tagwarden_findings_total", kind="excess_tag_writer", severity="high") == 3
        assert {f["kind"] for f in daemon.findings_in_db()} == {"excess_tag_writer", "excess_identity_passer"}
        # ci-deployer (team beta, Action "*") can launch a workload as another team's role
        passers = {f["target"] for f in daemon.findings_in_db() if f["kind"] == "excess_identity_passer"}
        assert passers == {f"arn:aws:iam::{B}:role/ci-deployer"}
        assert any(e.get("event") == "writers_scan_done" for e in daemon.log_events())
    finally:
        daemon.close()
