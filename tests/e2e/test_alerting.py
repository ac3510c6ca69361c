"""Real Prometheus and Alertmanager (Debian's packages) on loopback, with the real daemon on moto:
Prometheus scrapes the daemon, `promtool check metrics` is clean, TagwardenTagAbuse fires,
Alertmanager holds both that alert and the per-finding alert the daemon pushed, and a finding
resolved with the CLI has its alert ended."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS, CaseLog
from tests.e2e.support import DaemonProcess, Deployment, free_port, seed_principals, sqs_source, wait_until

pytestmark = pytest.mark.e2e
REPO = Path(__file__).resolve().parents[2]


def binary(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed: apt-get install prometheus prometheus-alertmanager"
    return path


class Server:
    def __init__(self, args: list[str], log: Path) -> None:
        self.log = log
        with log.open("wb") as out:
            self.process = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT)

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def get_json(url: str) -> Any:
    import urllib.request

    with urllib.request.urlopen(url, timeout=5) as response:
        return json.loads(response.read())


def ready(url: str) -> bool:
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError):
        return False


def start_alertmanager(tmp_path: Path, port: int, data: str = "am-data") -> Server:
    """Alertmanager on ``port``, keeping its alerts under ``tmp_path / data``, once it is ready."""
    config = tmp_path / "alertmanager.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "route": {
                    "receiver": "blackhole",
                    "group_wait": "0s",
                    "group_interval": "1s",
                    "repeat_interval": "1h",
                },
                "receivers": [{"name": "blackhole"}],
            }
        )
    )
    server = Server(
        [
            binary("prometheus-alertmanager"),
            f"--config.file={config}",
            f"--storage.path={tmp_path / data}",
            f"--web.listen-address=127.0.0.1:{port}",
            "--cluster.listen-address=",
        ],
        tmp_path / f"{data}.log",
    )
    try:
        wait_until(lambda: ready(f"http://127.0.0.1:{port}/-/ready"), 30, "Alertmanager to be ready")
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture
def alertmanager(tmp_path: Path) -> Iterator[str]:
    port = free_port()
    server = start_alertmanager(tmp_path, port)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.stop()


def start_prometheus(tmp_path: Path, daemon_port: int, alertmanager_url: str) -> tuple[Server, str]:
    port = free_port()
    config = tmp_path / "prometheus.yml"
    config.write_text(
        yaml.safe_dump(
            {
                "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
                "rule_files": [str(REPO / "deploy" / "prometheus" / "alerts.yaml")],
                "alerting": {
                    "alertmanagers": [{"static_configs": [{"targets": [alertmanager_url.split("//")[1]]}]}]
                },
                "scrape_configs": [
                    {"job_name": "tagwarden", "static_configs": [{"targets": [f"127.0.0.1:{daemon_port}"]}]}
                ],
            }
        )
    )
    server = Server(
        [
            binary("prometheus"),
            f"--config.file={config}",
            f"--storage.tsdb.path={tmp_path / 'tsdb'}",
            f"--web.listen-address=127.0.0.1:{port}",
        ],
        tmp_path / "prometheus.log",
    )
    url = f"http://127.0.0.1:{port}"
    wait_until(lambda: ready(f"{url}/-/ready"), 30, "Prometheus to be ready")
    return server, url


def test_prometheus_scrapes_alerts_fire_and_alertmanager_holds_both(
    aws: str, tmp_path: Path, alertmanager: str
) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("alerting")
    daemon = DaemonProcess(
        tmp_path,
        POLICY,
        sqs_source(deployment),
        extra={
            "sinks": [
                {
                    "type": "alertmanager",
                    "name": "alertmanager",
                    "url": alertmanager,
                    "min_severity": "critical",
                }
            ],
            "delivery": {"interval_seconds": 1},
        },
    )
    daemon.start()
    prometheus: Server | None = None
    try:
        prometheus, prometheus_url = start_prometheus(tmp_path, daemon.port, alertmanager)
        # Prometheus must see the counters at zero before the findings arrive, as in production.
        wait_until(
            lambda: get_json(f"{prometheus_url}/api/v1/query?query=up%7Bjob%3D%22tagwarden%22%7D")["data"][
                "result"
            ],
            30,
            "the first scrape",
        )
        deployment.put_log(ACCOUNT, CaseLog().build().records)
        wait_until(
            lambda: any(f["kind"] == "self_grant" for f in daemon.findings_in_db()), 60, "a critical finding"
        )

        up = get_json(f"{prometheus_url}/api/v1/query?query=up%7Bjob%3D%22tagwarden%22%7D")["data"]["result"]
        assert up and up[0]["value"][1] == "1"

        _, metrics_text = daemon.get("/metrics")
        check = subprocess.run(
            [binary("promtool"), "check", "metrics"],
            input=metrics_text,
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
        assert check.returncode == 0 and not check.stdout.strip() and not check.stderr.strip(), check

        def abuse_firing() -> list[dict[str, Any]]:
            alerts = get_json(f"{prometheus_url}/api/v1/alerts")["data"]["alerts"]
            return [
                a
                for a in alerts
                if a["labels"]["alertname"] == "TagwardenTagAbuse"
                and a["labels"].get("kind") == "self_grant"
                and a["state"] == "firing"
            ]

        (firing,) = wait_until(abuse_firing, 60, "TagwardenTagAbuse to fire in Prometheus")
        assert firing["labels"]["severity"] == "critical"

        critical = {f["id"] for f in daemon.findings_in_db() if f["severity"] == "critical"}

        def held() -> dict[str, list[dict[str, Any]]]:
            """Alertmanager's alerts by name, once the rule's alert and every pushed one are there."""
            alerts = get_json(f"{alertmanager}/api/v2/alerts")
            by_name: dict[str, list[dict[str, Any]]] = {}
            for alert in alerts:
                by_name.setdefault(alert["labels"]["alertname"], []).append(alert)
            pushed = {a["labels"]["finding_id"] for a in by_name.get("TagwardenFinding", [])}
            return by_name if "TagwardenTagAbuse" in by_name and pushed >= critical else {}

        alerts = wait_until(held, 60, "both alerts in Alertmanager")
        assert any(a["labels"].get("kind") == "self_grant" for a in alerts["TagwardenTagAbuse"])
        pushed = [a for a in alerts["TagwardenFinding"] if a["labels"]["kind"] == "self_grant"]
        assert len(pushed) == 1
        labels = pushed[0]["labels"]
        self_grant = next(f for f in daemon.findings_in_db() if f["kind"] == "self_grant")
        assert labels == {
            "alertname": "TagwardenFinding",
            "severity": "critical",
            "finding_severity": "critical",
            "kind": "self_grant",
            "account": ACCOUNT,
            "rule": "builtin:self_grant",
            "tag_key": "team",
            "finding_id": self_grant["id"],
        }
        annotations = pushed[0]["annotations"]
        assert (annotations["old_value"], annotations["new_value"]) == ("beta", "alpha")
        assert annotations["actor"] == self_grant["actor"] and annotations["target"] == self_grant["target"]
        # Only critical findings go to this sink, and every one of them was delivered.
        assert {a["labels"]["finding_id"] for a in alerts["TagwardenFinding"]} == critical
        assert daemon.metric("tagwarden_sink_pending", sink="alertmanager") == 0

        # Resolved by someone on call: the daemon withdraws the alert it pushed, and Alertmanager
        # ends it, while the other critical findings' alerts stay active.
        resolve = subprocess.run(
            daemon.command("findings", "resolve", self_grant["id"]),
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert resolve.returncode == 0, resolve.stderr

        def active_pushed() -> tuple[set[str]] | None:
            alerts = get_json(f"{alertmanager}/api/v2/alerts?active=true&inhibited=true&silenced=true")
            pushed = {
                a["labels"]["finding_id"] for a in alerts if a["labels"]["alertname"] == "TagwardenFinding"
            }
            return (pushed,) if self_grant["id"] not in pushed else None

        (still_active,) = wait_until(active_pushed, 60, "the resolved finding's alert to end")
        assert still_active == critical - {self_grant["id"]}
        assert daemon.metric("tagwarden_sink_pending", sink="alertmanager") == 0
    finally:
        if prometheus is not None:
            prometheus.stop()
        daemon.close()
