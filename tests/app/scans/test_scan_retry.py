"""A scan that failed runs again sooner than its interval (tagwarden/app/scans/retry.py), in the
daemon's schedule as well as before its first poll."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tagwarden.app.config import load_config
from tagwarden.app.daemon import Daemon
from tagwarden.app.logs import get_logger
from tagwarden.app.scans import ScanJob
from tagwarden.app.scans.retry import ScanRetries
from tagwarden.app.wiring import build_parts
from tests.builders.scan_scenario import A, write_config
from tests.faults.test_quiet_source_metrics import _daemon


def test_a_failed_scan_backs_off_up_to_its_interval() -> None:
    retries = ScanRetries(first_seconds=30)
    assert [retries.after("principals", 600, False) for _ in range(6)] == [30, 60, 120, 240, 480, None]
    assert retries.after("principals", 600, True) is None
    assert retries.after("principals", 600, False) == 30  # a success starts it again
    assert retries.after("drift", 20, False) is None  # its interval comes first
    capped = [retries.after("principals-capped", 3600, False, cap=120) for _ in range(5)]
    assert capped == [30, 60, 120, 120, 120]  # units wait for it: never more than its cap late


class Flaky:
    """Fails its first run, then succeeds."""

    def __init__(self) -> None:
        self.runs: list[float] = []

    def __call__(self) -> bool:
        self.runs.append(time.monotonic())
        return len(self.runs) > 1


@pytest.mark.parametrize("before_polling", [True, False])
def test_the_daemon_runs_a_failed_scan_again_within_seconds_not_its_interval(
    no_aws: None, tmp_path: Path, before_polling: bool
) -> None:
    daemon = _daemon(tmp_path)
    flaky = Flaky()
    daemon.scans.jobs = lambda: [ScanJob("principals", 3600, flaky, before_polling=before_polling)]  # type: ignore[method-assign]
    daemon._retries = ScanRetries(first_seconds=0.5)
    try:
        daemon.start()
        deadline = time.monotonic() + 15
        while len(flaky.runs) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(flaky.runs) == 2
        assert flaky.runs[1] - flaky.runs[0] >= 0.5
        time.sleep(1.0)
        assert len(flaky.runs) == 2  # then its interval again
    finally:
        daemon.shutdown()


def test_the_daemon_judges_lockouts_only_with_an_inventory_its_scan_takes(aws: str, tmp_path: Path) -> None:
    path = write_config(tmp_path, [A])
    document = yaml.safe_load(path.read_text())
    document["http"] = {"listen": "127.0.0.1:0"}
    for every, awaited in ((0, False), (600, True)):
        document["aws"]["principal_inventory_interval_seconds"] = every
        path.write_text(yaml.safe_dump(document))
        daemon = Daemon(load_config(path, env={}), get_logger())
        try:
            assert daemon.parts.processor.inventory.awaited is awaited
            if awaited:
                (principals,) = [job for job in daemon.scans.jobs() if job.name == "principals"]
                assert principals.retry_cap_seconds == 120  # what the waiting units wait for
                daemon.parts.faults.report("principal_inventory", "no inventory yet")  # a unit waited
                assert daemon.scans.principal_inventory()
                assert "principal_inventory" not in daemon.parts.faults.current()
        finally:
            daemon.shutdown()
    replay = build_parts(load_config(path, env={}), get_logger(), replay=True)
    assert not replay.processor.inventory.awaited  # a replay judges with the store's inventory
    replay.store.close()
