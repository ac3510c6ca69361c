"""An Alertmanager that restarts without its data (one replica on an emptyDir) shows the daemon's
open findings again: the real daemon on moto sends their alerts again every ``resend_seconds``,
and never the alert of a finding resolved since."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS, CaseLog
from tests.e2e.support import DaemonProcess, Deployment, free_port, seed_principals, sqs_source, wait_until
from tests.e2e.test_alerting import get_json, start_alertmanager

pytestmark = pytest.mark.e2e
RESEND_SECONDS = 2


def finding_alerts(url: str) -> set[str]:
    """The finding ids of the daemon's alerts Alertmanager holds as active."""
    alerts = get_json(f"{url}/api/v2/alerts?active=true&inhibited=true&silenced=true")
    return {a["labels"]["finding_id"] for a in alerts if a["labels"]["alertname"] == "TagwardenFinding"}


def test_a_restarted_alertmanager_shows_the_open_findings_again(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("resend")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    alertmanager = start_alertmanager(tmp_path, port, "before-restart")
    sink = {"type": "alertmanager", "name": "am", "url": url, "min_severity": "critical"}
    daemon = DaemonProcess(
        tmp_path,
        POLICY,
        sqs_source(deployment),
        extra={"sinks": [{**sink, "resend_seconds": RESEND_SECONDS}], "delivery": {"interval_seconds": 1}},
    )
    daemon.start()
    try:
        deployment.put_log(ACCOUNT, CaseLog().build().records)
        wait_until(lambda: any(f["kind"] == "self_grant" for f in daemon.findings_in_db()), 60, "a finding")
        critical = {f["id"] for f in daemon.findings_in_db() if f["severity"] == "critical"}
        assert len(critical) >= 2
        wait_until(lambda: finding_alerts(url) == critical, 60, "every critical finding's alert")

        # Alertmanager restarts with nothing of what it held.
        alertmanager.stop()
        alertmanager = start_alertmanager(tmp_path, port, "after-restart")
        wait_until(lambda: finding_alerts(url) == critical, 60, "the alerts sent again")
        assert daemon.metric("tagwarden_sink_deliveries_total", sink="am", result="resent") >= len(critical)

        # Resolved on call: its alert ends, and the next sends do not bring it back.
        resolved = sorted(critical)[0]
        command = daemon.command("findings", "resolve", resolved)
        done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        left = critical - {resolved}
        wait_until(lambda: finding_alerts(url) == left, 60, "the resolved finding's alert to end")
        sent_again = daemon.metric("tagwarden_sink_deliveries_total", sink="am", result="resent")
        wait_until(
            lambda: daemon.metric("tagwarden_sink_deliveries_total", sink="am", result="resent") > sent_again,
            30,
            "the next send",
        )
        # Counted once Alertmanager took the whole send.
        assert finding_alerts(url) == left
    finally:
        daemon.close()
        alertmanager.stop()
