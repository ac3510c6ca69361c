"""The writers scan breaks off between two principals when the daemon is stopping, commits
nothing, and the shutdown it would have outlasted is clean.

Without it, a stop during the scan (about 49 s for 5,000 principals) waited out the grace period,
then left the store open and the scan leases held."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.recording import Recorder
from tagwarden.app.scans import ScanJob
from tagwarden.app.scans.writers_scan import catalog_tag_actions, writers_report
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.inventory.snapshot import AccountInventory, Inventory, OrganizationPolicies
from tagwarden.core.stopping import Stopped, until_stopping
from tagwarden.core.writers import build_inputs, find_writers, governed_keys, identity_passers
from tests.builders.stopping import AskedTimes
from tests.core.writers.test_probe import ADMIN, GOVERNANCE, bucket, role
from tests.e2e.support import wait_until
from tests.faults.test_quiet_source_metrics import _daemon

A = "111111111111"


def _inventory(principals: int) -> Inventory:
    account = AccountInventory(A, 0.0, 1.0, principals_complete=True)
    account.principals = [
        role(f"dev-{index}", tags={"team": f"t{index % 7}"}, policies=[ADMIN]) for index in range(principals)
    ]
    account.resources = [bucket(f"data-{index}", team=f"t{index % 7}") for index in range(20)]
    account.regions = ["us-east-1"]
    return Inventory([account], [], OrganizationPolicies())


def test_items_are_yielded_until_stopping_says_so() -> None:
    asked = AskedTimes(3)
    taken = []
    with pytest.raises(Stopped):
        for item in until_stopping(range(10), asked):
            taken.append(item)
    assert taken == [0, 1]


def test_the_writer_probe_and_the_passers_break_off_between_two_principals() -> None:
    policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    inventory = _inventory(30)
    inputs = build_inputs(inventory, catalog_tag_actions())
    keys = governed_keys(policy, ["team"])
    assert find_writers(inputs, policy, keys)  # there is work to break off
    for compute in (find_writers, identity_passers):
        asked = AskedTimes(5)
        with pytest.raises(Stopped):
            compute(inputs, policy, keys, asked)
        assert asked.asked == 5  # asked once a principal, and no further once it said so


def test_a_stopped_writers_scan_commits_nothing() -> None:
    policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    recorder = Recorder(Metrics(), get_logger())
    stopped_store, whole_store = open_store("sqlite:///:memory:"), open_store("sqlite:///:memory:")
    with pytest.raises(Stopped):
        writers_report(_inventory(30), stopped_store, policy, 1717400000.0, recorder, stopping=AskedTimes(20))
    assert stopped_store.list_findings() == []
    report = writers_report(_inventory(30), whole_store, policy, 1717400000.0, recorder)
    assert report.findings and len(whole_store.list_findings()) == len(report.findings)


def test_a_shutdown_during_a_long_writers_scan_breaks_it_off_and_is_clean(
    no_aws: None, tmp_path: Path
) -> None:
    daemon = _daemon(tmp_path, shutdown_grace_seconds=2)
    daemon.scans.policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    inventory = _inventory(3000)  # far longer to judge than the grace period
    daemon.scans.latest_inventory = lambda: inventory  # type: ignore[method-assign]
    outcome: list[bool] = []
    scan = threading.Thread(
        target=lambda: outcome.append(daemon.run_scan(ScanJob("writers", 3600, daemon.scans.writers)))
    )
    scan.start()
    try:
        wait_until(lambda: "scan:writers" in daemon._in_flight.wait(0), 30, "the scan to begin")
        time.sleep(0.5)  # into the probe, which takes far longer than the grace period
        started = time.monotonic()
        assert daemon.shutdown()  # clean: nothing left in hand, store closed, leases handed back
        assert time.monotonic() - started < 2
        scan.join(10)
        assert outcome == [True]  # stopped is not failed: no retry brought forward
        assert (tmp_path / "state.db").exists()  # the daemon's own store, not a new one
        reopened = open_store(f"sqlite:///{tmp_path / 'state.db'}")
        assert reopened.list_findings() == []  # nothing of the stopped scan was committed
        reopened.close()
    finally:
        daemon.stop.set()
        scan.join(60)
