"""The daemon's inventory, drift and writers jobs: what they record and the gauges they set."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from tagwarden.adapters.sinks.alertmanager import AlertmanagerSink
from tagwarden.app.config import load_config
from tagwarden.app.logs import get_logger
from tagwarden.app.scans import Scans
from tagwarden.app.scans.jobs import ScanJob
from tagwarden.app.wiring import build_parts
from tagwarden.core.model import SessionGrant
from tagwarden.core.ports.known_objects import KeptDigest, KeptLogHash
from tagwarden.core.settings.sinks import AlertmanagerSinkSettings
from tagwarden.core.timeutil import format_time
from tests.adapters.sinks.test_alert_resend import shown_to
from tests.adapters.sinks.test_sinks import FakeHttp
from tests.builders.findings import make_finding
from tests.builders.scan_scenario import A, B, seed, write_config


def test_jobs_are_scheduled_only_with_an_inventory_section(aws: str, tmp_path: Path) -> None:
    path = write_config(tmp_path, [A], drift_interval_seconds=0)
    config = load_config(path, env={})
    parts = build_parts(config, get_logger())
    assert [
        (j.name, j.interval_seconds, j.before_polling) for j in Scans(config, parts, get_logger()).jobs()
    ] == [
        ("inventory", 3600, False),
        ("writers", 21600, False),
        ("forget", 3600, False),
    ]
    document = yaml.safe_load(path.read_text())
    del document["inventory"]
    document["aws"]["principal_inventory_interval_seconds"] = 600
    document["store"]["forget_after_days"] = None
    path.write_text(yaml.safe_dump(document))
    config = load_config(path, env={})
    assert [j.name for j in Scans(config, parts, get_logger()).jobs()] == ["principals"]


def test_the_forget_job_deletes_what_is_older_than_its_days_and_counts_it(
    aws: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_config(tmp_path, [A])
    document = yaml.safe_load(path.read_text())
    document["store"]["forget_after_days"] = 10
    path.write_text(yaml.safe_dump(document))
    config = load_config(path, env={})
    parts = build_parts(config, get_logger())
    now = time.time()
    for event_id, days_ago in (("old", 11), ("recent", 9)):
        written = format_time(int(now) - days_ago * 86400)
        monkeypatch.setattr("tagwarden.adapters.store.sql_unit.now_iso", lambda written=written: written)
        with parts.store.unit() as tx:
            tx.mark_processed(event_id, "2024-01-01T00:00:00Z", "trail")
            tx.put_session(SessionGrant(f"ASIA{event_id}", "arn:aws:iam::1:role/r", None, {}), 1.0)
    # The integrity check's log hashes and digest copies go by its window (48 hours), run or not.
    hashes = [KeptLogHash(key, "a" * 64, now - hours * 3600) for key, hours in (("old", 60), ("recent", 40))]
    parts.store.keep_log_hashes(hashes)
    parts.store.keep_digest_copies([KeptDigest("old", b"x", None, now - 60 * 3600)])
    scans = Scans(config, parts, get_logger())
    forget = next(job for job in scans.jobs() if job.name == "forget")
    assert scans.run(forget)
    sample = parts.metrics.registry.get_sample_value
    assert sample("tagwarden_store_forgotten_rows_total", {"table": "processed_events"}) == 1
    assert sample("tagwarden_store_forgotten_rows_total", {"table": "sessions"}) == 1
    assert sample("tagwarden_store_forgotten_rows_total", {"table": "session_uses"}) == 0
    assert sample("tagwarden_store_forgotten_rows_total", {"table": "log_hashes"}) == 1
    assert parts.store.log_hashes(["old", "recent"]) == {"recent": "a" * 64}
    assert sample("tagwarden_store_forgotten_rows_total", {"table": "digest_copies"}) == 1
    assert sample("tagwarden_job_last_success_timestamp_seconds", {"scan": "forget"}) is not None
    assert parts.store.get_session("ASIAold") is None and parts.store.get_session("ASIArecent") is not None
    with parts.store.unit() as tx:
        assert not tx.is_processed("old") and tx.is_processed("recent")


def test_the_three_jobs_record_findings_and_set_their_gauges(aws: str, tmp_path: Path) -> None:
    seed()
    config = load_config(write_config(tmp_path, [A, B]), env={})
    log = get_logger()
    parts = build_parts(config, log)
    scans = Scans(config, parts, log)
    jobs = {job.name: job for job in scans.jobs()}
    sample = parts.metrics.registry.get_sample_value

    # Writers first: with no inventory yet, it takes one.
    assert scans.run(jobs["writers"])
    assert (
        sample("tagwarden_tag_writers", {"key": "team", "authorized": "false"}) == 2
    )  # dev-beta, ci-deployer
    assert sample("tagwarden_tag_writers", {"key": "team", "authorized": "true"}) == 2  # the two TagAdmins
    assert sample("tagwarden_inventory_resources", {"account": A}) == 9
    assert sample("tagwarden_inventory_resources", {"account": B}) == 2
    assert sample("tagwarden_inventory_principals", {"account": B}) == 3
    assert sample("tagwarden_findings_total", {"kind": "excess_tag_writer", "severity": "high"}) == 3

    assert scans.run(jobs["drift"])
    expected = {
        "case_conflict": 2,
        "disallowed_value": 2,
        "missing_key": 1,
        "orphan_value": 2,
        "unused_principal_value": 1,
        "unattributed_change": 0,
    }
    for kind, count in expected.items():
        assert sample("tagwarden_drift_items", {"kind": kind, "key": "team"}) == count, kind

    assert scans.run(jobs["inventory"])
    for name in ("inventory", "drift", "writers"):
        assert (sample("tagwarden_job_last_success_timestamp_seconds", {"scan": name}) or 0) > 0
        assert sample("tagwarden_job_duration_seconds", {"scan": name}) is not None
    # The inventory marks every account's principals as known, as the lockout detector needs.
    assert parts.store.principals_known(B) is not None
    assert parts.store.current_tags("arn:aws:s3:::b-shared").values == {"team": "beta"}
    parts.store.close()


def test_a_failed_account_fails_the_inventory_job_and_sets_its_gauge(aws: str, tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, [A], organization={"source": "api"}), env={})
    log = get_logger()
    parts = build_parts(config, log)
    scans = Scans(config, parts, log)
    (inventory,) = [job for job in scans.jobs() if job.name == "inventory"]
    assert not scans.run(inventory)  # moto's account A runs no organization
    sample = parts.metrics.registry.get_sample_value
    assert sample("tagwarden_inventory_failures", {"account": A, "stage": "organization"}) == 1
    # No success is recorded: the series holds when the scan was taken on, and failing again
    # does not move it.
    taken_on = sample("tagwarden_job_last_success_timestamp_seconds", {"scan": "inventory"})
    assert taken_on is not None
    assert not scans.run(inventory)
    assert sample("tagwarden_job_last_success_timestamp_seconds", {"scan": "inventory"}) == taken_on
    parts.store.close()


def test_replicas_on_one_store_run_each_scan_on_one_of_them(no_aws: None, tmp_path: Path) -> None:
    config = load_config(write_config(tmp_path, [A]), env={})
    log = get_logger()
    parts = build_parts(config, log, aws=False)
    runs: list[str] = []
    first, second = Scans(config, parts, log, holder="a"), Scans(config, parts, log, holder="b")
    job = ScanJob("inventory", 3600, lambda: runs.append("ran") is None)
    assert first.run(job) and second.run(job)  # b leaves it to a, and that is no failure
    assert runs == ["ran"]
    held = parts.metrics.registry.get_sample_value
    assert held("tagwarden_scan_lease_held", {"scan": "inventory"}) == 0  # b's view, set last
    assert parts.store.lease_holder("scan:inventory", time.time()) == "a"
    first.release_leases()  # a stops: b takes the scan at its next run
    assert second.run(job) and runs == ["ran", "ran"]
    assert held("tagwarden_scan_lease_held", {"scan": "inventory"}) == 1
    assert parts.store.lease_holder("scan:inventory", time.time()) == "b"
    parts.store.close()


def test_a_scan_that_never_succeeds_still_has_a_last_success_series(no_aws: None, tmp_path: Path) -> None:
    """TagwardenScanStale reads tagwarden_job_last_success_timestamp_seconds: a scan failing from
    its first run (no member role, Organizations denied) must show there, counted from when this
    replica took it on, or the alert can never fire for it."""
    config = load_config(write_config(tmp_path, [A]), env={})
    log = get_logger()
    parts = build_parts(config, log, aws=False)
    scans = Scans(config, parts, log, holder="a")
    sample = parts.metrics.registry.get_sample_value
    before = time.time()
    assert not scans.run(ScanJob("inventory", 3600, lambda: False))
    first = sample("tagwarden_job_last_success_timestamp_seconds", {"scan": "inventory"})
    assert first is not None and before <= first <= time.time()
    # Further failures do not move it: the scan has still not succeeded since then.
    assert not scans.run(ScanJob("inventory", 3600, lambda: False))
    assert sample("tagwarden_job_last_success_timestamp_seconds", {"scan": "inventory"}) == first
    # A replica that leaves the scan to the lease holder exports nothing for it.
    other = Scans(config, build_parts(config, log, aws=False), log, holder="b")
    assert other.run(ScanJob("inventory", 3600, lambda: False))
    assert (
        other.parts.metrics.registry.get_sample_value(
            "tagwarden_job_last_success_timestamp_seconds", {"scan": "inventory"}
        )
        is None
    )
    parts.store.close()
    other.parts.store.close()


def test_each_scan_exports_its_interval(no_aws: None, tmp_path: Path) -> None:
    # TagwardenScanStale allows a scan two of its intervals (at least 6 hours): a writers scan
    # configured to run daily is not stale between two runs.
    config = load_config(write_config(tmp_path, [A]), env={})
    log = get_logger()
    parts = build_parts(config, log, aws=False)
    scans = Scans(config, parts, log, holder="a")
    assert scans.run(ScanJob("writers", 86400, lambda: True))
    assert (
        parts.metrics.registry.get_sample_value("tagwarden_job_interval_seconds", {"scan": "writers"})
        == 86400
    )
    parts.store.close()


def test_a_replica_whose_clock_runs_ahead_takes_no_scan_from_the_holder(
    no_aws: None, tmp_path: Path, fresh_postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replicas on several hosts reckon the scans' leases in the database's time: one whose own
    clock runs two minutes ahead does not see the holder's lease as run out."""
    path = write_config(tmp_path, [A])
    document = yaml.safe_load(path.read_text())
    document["store"] = {"url": fresh_postgres_database}
    path.write_text(yaml.safe_dump(document))
    config = load_config(path, env={})
    log = get_logger()
    runs: list[str] = []
    job = ScanJob("inventory", 3600, lambda: runs.append("ran") is None)
    holder = Scans(config, build_parts(config, log, aws=False), log, holder="a")
    ahead = Scans(config, build_parts(config, log, aws=False), log, holder="b")
    try:
        assert holder.run(job) and runs == ["ran"]
        real = time.time
        monkeypatch.setattr(time, "time", lambda: real() + 120)
        assert ahead.run(job)  # left to the holder: no failure, and not run
        assert runs == ["ran"]
        assert ahead.parts.store.lease_holder("scan:inventory", ahead.parts.store.clock()) == "a"
    finally:
        holder.parts.store.close()
        ahead.parts.store.close()


def test_an_alertmanager_sink_has_its_alerts_sent_again_by_a_job_of_its_own(aws: str, tmp_path: Path) -> None:
    path = write_config(tmp_path, [A])
    document = yaml.safe_load(path.read_text())
    del document["inventory"]
    document["sinks"] = [
        {"type": "alertmanager", "name": "am", "url": "http://am:9093", "resend_seconds": 120},
        {"type": "alertmanager", "name": "quiet", "url": "http://am:9093", "resend_seconds": None},
        {"type": "webhook", "name": "hook", "url": "http://hook"},
    ]
    path.write_text(yaml.safe_dump(document))
    config = load_config(path, env={})
    parts = build_parts(config, get_logger())
    scans = Scans(config, parts, get_logger())
    (job,) = [job for job in scans.jobs() if job.name.startswith("resend")]
    assert (job.name, job.interval_seconds) == ("resend:am", 120)
    shown_to(parts.store, "am", make_finding(id="tw-1"), make_finding(id="tw-2"))
    sample = parts.metrics.registry.get_sample_value
    settings = AlertmanagerSinkSettings(type="alertmanager", url="http://am:9093")
    for status, ok, result, count in ((503, False, "failed", 1), (200, True, "resent", 2)):
        http = FakeHttp(status)
        parts.sinks["am"] = AlertmanagerSink("am", settings, http)
        assert scans.run(job) is ok
        assert len(http.posts) == 1
        assert sample("tagwarden_sink_deliveries_total", {"sink": "am", "result": result}) == count
