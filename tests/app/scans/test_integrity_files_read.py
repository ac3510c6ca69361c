"""The scheduled integrity check verifies every S3 log file the sources read in its window, wherever
it lies (moto): a forged log file the check's own listing never reaches (deeper than its walk goes,
in a day folder outside the window, named as CloudTrail names none) is judged by the daemon all
the same, so it must be reported all the same."""

from __future__ import annotations

import gzip
import json
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest

from tagwarden.adapters.integrity import Tree, add_s3, forget_outside_window, verify_tree
from tagwarden.adapters.public_keys import FolderKeys
from tagwarden.adapters.store import open_store
from tagwarden.app.cli.main import main
from tagwarden.app.demo.runner import log_key
from tagwarden.app.scans import Scans
from tagwarden.app.wiring import Parts, build_sources
from tagwarden.core.integrity import log_file_read, place
from tagwarden.core.ports.known_objects import UNPLACED
from tests.builders import signed_trail
from tests.builders.event_log import EventLog
from tests.builders.integrity_bucket import (
    CONFIG,
    GROUPS,
    daemon_parts,
    nest_copies,
    put_files,
    tampered_organization,
)
from tests.builders.signed_trail import BUCKET, SignedTree, build_tree
from tests.e2e.support import Deployment
from tests.faults.builders import self_retag


@pytest.fixture
def organization(aws: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[SignedTree]:
    return tampered_organization(tmp_path / "keys", monkeypatch)


def _forged(event_id: str) -> bytes:
    return gzip.compress(json.dumps({"Records": [self_retag(event_id)]}).encode())


def _named(key: str) -> datetime:
    """The delivery time a log file's name gives."""
    placed = place(key)
    assert placed is not None and placed.when is not None
    return placed.when


def _check(parts: Parts, scans: Scans) -> set[str]:
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    return {f.target for f in parts.store.list_findings()}


def test_forged_log_files_the_listing_misses_are_found_once_the_daemon_reads_them(
    organization: list[SignedTree], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    account, region = GROUPS[0]
    inside = _named(organization[0].logs[2]) + timedelta(minutes=1)  # an hour its digests cover
    deep = "AWSLogs/a/b/c/d/" + log_key(account, inside, region)  # its region folder 8 below
    named = log_key(account, inside, region)
    misfiled = named.replace(f"{inside:%Y/%m/%d}/", "2020/01/01/")  # a day the window never lists
    unplaced = "AWSLogs/retags.json.gz"
    s3 = boto3.client("s3", region_name="us-east-1")
    for n, key in enumerate((deep, misfiled, unplaced)):
        s3.put_object(Bucket=BUCKET, Key=key, Body=_forged(f"forged-{n}"))
    config, parts = daemon_parts(tmp_path, CONFIG + "workers: 0\n")
    log = EventLog()
    scans = Scans(config, parts, log)
    planted = {f"s3://{BUCKET}/{key}" for key in (deep, misfiled, unplaced)}

    before = _check(parts, scans)  # nothing read yet: the listing's own findings
    assert before and not before & planted

    (source,) = build_sources(config, parts, log)
    assert source.poll(threading.Event()).failed_units == 0
    after = _check(parts, scans)
    assert after == before | planted
    details = {f.target: f.explanation for f in parts.store.list_findings() if f.target in planted}
    for key in (deep, misfiled):
        assert "delivered while digests were written, listed in none" in details[f"s3://{BUCKET}/{key}"]
    assert "not one CloudTrail gives a log file" in details[f"s3://{BUCKET}/{unplaced}"]
    done = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert (done[-1]["read_origins"], done[-1]["read_unplaced"]) == (len(GROUPS), 1)

    # What the runbook tells on-call: the file's own path after the bucket's reproduces the finding.
    since = (datetime.now(UTC) - timedelta(hours=48)).strftime("%Y-%m-%dT%H:%MZ")
    capsys.readouterr()
    for key in (deep, misfiled):
        where = f"s3://{BUCKET}/{key}"
        args = [f"s3://{BUCKET}/AWSLogs/", where, "--since", since, "--public-keys", str(tmp_path / "keys")]
        assert main(["verify-logs", *args, "--format", "json"]) == 1
        reported = {problem["path"]: problem for problem in json.loads(capsys.readouterr().out)}
        assert reported[where]["detail"] in details[where]


def test_files_read_are_forgotten_once_no_window_reaches_them(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    try:
        with store.unit() as tx:
            tx.note_log_files_read([log_file_read(f"s3://{BUCKET}/AWSLogs/retags.json.gz")])
        now = datetime.now(UTC)
        # A window from now reaches files read up to its log margin and an hour's slack before.
        assert forget_outside_window(store, now + timedelta(hours=2, minutes=59))["log_files_read"] == 0
        assert store.log_file_origins_read(0.0) == [UNPLACED]
        assert forget_outside_window(store, now + timedelta(hours=3, minutes=1))["log_files_read"] == 1
        assert store.log_file_origins_read(0.0) == []
    finally:
        store.close()


def test_a_stray_the_daemon_read_is_one_problem_not_two(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    # A forged copy nested in an account and region's folder checked before its own: checked with
    # its own group twice (as a file read, then as a stray found late), reported once.
    s3 = boto3.client("s3", region_name="us-east-1")
    hidden = nest_copies(organization, _forged("hidden"))
    config, parts = daemon_parts(tmp_path, CONFIG + "workers: 0\n")
    (source,) = build_sources(config, parts, log := EventLog())
    assert source.poll(threading.Event()).failed_units == 0
    targets = _check(parts, Scans(config, parts, log))

    since, keys = datetime.now(UTC) - timedelta(hours=48), FolderKeys(tmp_path / "keys")
    whole = Tree()
    add_s3(whole, s3, f"s3://{BUCKET}/", since)
    at_once = verify_tree(whole, keys, since)
    assert {f"s3://{BUCKET}/{key}" for key in hidden} <= {p.path for p in at_once.problems}
    assert targets == {p.path for p in at_once.problems}
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done["problems"] == len(at_once.problems)


def test_a_bucket_the_sqs_source_read_from_is_watched_too(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    # The queue announces a forged log file in a bucket no source names and no trail tagwarden
    # knows writes to. The bucket is listed from then on: what it holds is checked, and it reads
    # 0 digest files (TagwardenLogIntegrityBlind).
    elsewhere = Deployment.create("elsewhere")
    account, region = GROUPS[0]
    forged = log_key(account, _named(organization[0].logs[3]) + timedelta(minutes=1), region)
    boto3.client("s3").put_object(Bucket=elsewhere.bucket, Key=forged, Body=_forged("elsewhere-1"))
    elsewhere.announce([forged])
    sqs = f"  - {{type: sqs, name: notified, queue_url: {elsewhere.queue_url}, wait_seconds: 0}}\n"
    config_text = CONFIG.replace("integrity:", sqs + "integrity:") + "workers: 0\n"
    config, parts = daemon_parts(tmp_path, config_text)
    for source in build_sources(config, parts, log := EventLog()):
        assert source.poll(threading.Event()).failed_units == 0
    targets = _check(parts, Scans(config, parts, log))

    location = f"s3://{elsewhere.bucket}/"
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert location in done["locations"] and done["digest_files"][location] == 0
    gauge = parts.metrics.registry.get_sample_value(
        "tagwarden_integrity_digest_files", {"location": location}
    )
    assert gauge == 0
    assert f"{location}{forged}" in targets

    parts.store.forget_log_files_read(time.time() + 1)  # as once the read is older than the window
    _check(parts, Scans(config, parts, log))
    assert (
        parts.metrics.registry.get_sample_value("tagwarden_integrity_digest_files", {"location": location})
        is None
    )


def test_an_sqs_source_alone_is_checked_on_schedule(aws: str, tmp_path: Path) -> None:
    # No files source, no trail known at start: the files the queue announces say where to look.
    queue = Deployment.create("only").queue_url
    config, parts = daemon_parts(
        tmp_path,
        CONFIG.replace(
            f'type: files, name: trail-logs, paths: ["s3://{BUCKET}/AWSLogs/"]',
            f"type: sqs, queue_url: {queue}",
        ),
    )
    assert "integrity" in [job.name for job in Scans(config, parts, EventLog()).jobs()]


def _three_days_ago(monkeypatch: pytest.MonkeyPatch) -> SignedTree:
    """Three signed hours of the first account and region, 72 hours ago, in BUCKET."""
    monkeypatch.setattr(signed_trail, "ACCOUNT", GROUPS[0][0])
    monkeypatch.setattr(signed_trail, "REGION", GROUPS[0][1])
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=72)
    old = build_tree(hours=3, logs_per_hour=2, start=start)
    put_files(old)
    return old


def test_files_read_named_before_the_window_are_vouched_for_by_their_hours_digests(
    organization: list[SignedTree],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The daemon judges a file's records whatever time its name gives: a forged file named for an
    # hour before the check's window is checked with the digests of that hour, found where the
    # window's digests of its account and region lie.
    account, region = GROUPS[0]
    old = _three_days_ago(monkeypatch)
    s3 = boto3.client("s3", region_name="us-east-1")
    named = _named(old.logs[2])
    unlisted = "AWSLogs/a/b/c/d/" + log_key(account, named + timedelta(minutes=1), region)
    copy = f"AWSLogs/a/b/c/d/{old.logs[3]}"  # a copy of a listed file, its records forged
    modified = old.logs[4]  # written again, its records forged
    unvouched = log_key(account, datetime.now(UTC) - timedelta(days=30), region)  # no digest then
    for n, key in enumerate((unlisted, copy, modified, unvouched)):
        s3.put_object(Bucket=BUCKET, Key=key, Body=_forged(f"early-{n}"))
    config, parts = daemon_parts(tmp_path, CONFIG + "workers: 0\n")
    scans = Scans(config, parts, log := EventLog())
    planted = {f"s3://{BUCKET}/{key}" for key in (unlisted, copy, modified, unvouched)}
    before = _check(parts, scans)
    assert before and not before & planted

    (source,) = build_sources(config, parts, log)
    assert source.poll(threading.Event()).failed_units == 0
    after = _check(parts, scans)
    assert after == before | planted  # the old hours' own files, read too, are what CloudTrail wrote
    details = {f.target: f.explanation for f in parts.store.list_findings() if f.target in planted}
    assert "delivered while digests were written, listed in none" in details[f"s3://{BUCKET}/{unlisted}"]
    assert "a copy of a listed log file, but no digest lists" in details[f"s3://{BUCKET}/{copy}"]
    assert "SHA-256 is" in details[f"s3://{BUCKET}/{modified}"]
    assert "no digest of its account and region was found" in details[f"s3://{BUCKET}/{unvouched}"]
    done = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done[-1]["read_early"] == len(old.logs) + 3  # the copy, the unlisted and the unvouched

    # What the runbook tells on-call: the file's own path after the bucket's, from an hour before
    # the time its name gives, reproduces the finding.
    where, keys = f"s3://{BUCKET}/{unlisted}", str(tmp_path / "keys")
    since = (named - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%MZ")
    capsys.readouterr()
    assert (
        main(
            [
                "verify-logs",
                f"s3://{BUCKET}/AWSLogs/",
                where,
                "--since",
                since,
                "--public-keys",
                keys,
                "--format",
                "json",
            ]
        )
        == 1
    )
    reported = {problem["path"]: problem for problem in json.loads(capsys.readouterr().out)}
    assert reported[where]["detail"] in details[where]


def _one_old_file_forged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Parts, Scans, EventLog, str]:
    """A daemon's parts, its scans and their log, and one of the old hours' files, forged (its URL)."""
    old = _three_days_ago(monkeypatch)
    config, parts = daemon_parts(tmp_path)
    scans = Scans(config, parts, log := EventLog())
    boto3.client("s3", region_name="us-east-1").put_object(
        Bucket=BUCKET, Key=old.logs[2], Body=_forged("one")
    )
    return parts, scans, log, f"s3://{BUCKET}/{old.logs[2]}"


def _read_by_a_unit(parts: Parts, url: str) -> None:
    with parts.store.unit() as tx:
        tx.note_log_files_read([log_file_read(url)])


def test_only_the_files_read_of_an_early_hour_are_checked_not_all_its_digests_list(
    organization: list[SignedTree], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The SQS source read one old file of the six those hours' digests list: the other five are
    # none of the check's business (outside its window, never read), so not `missing`.
    parts, scans, log, read = _one_old_file_forged(tmp_path, monkeypatch)
    before = _check(parts, scans)
    _read_by_a_unit(parts, read)
    assert _check(parts, scans) == before | {read}
    done = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done[-1]["read_early"] == 1


def test_files_read_of_an_account_and_region_without_digests_are_counted_unvouched(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    # A log file named for an account whose trail delivers no digest (validation off, or no trail
    # of the organization at all), in the bucket whose other accounts' digests keep its count of
    # digest files above 0: nothing vouches for it, and the gauge says so by account and region.
    stranger = log_key("999988887777", datetime.now(UTC) - timedelta(hours=3), "us-east-2")
    boto3.client("s3", region_name="us-east-1").put_object(
        Bucket=BUCKET, Key=stranger, Body=_forged("stranger")
    )
    config, parts = daemon_parts(tmp_path, CONFIG + "workers: 0\n")
    (source,) = build_sources(config, parts, log := EventLog())
    assert source.poll(threading.Event()).failed_units == 0
    _check(parts, scans := Scans(config, parts, log))

    def unvouched(account: str, region: str) -> float | None:
        labels = {"account": account, "region": region}
        return parts.metrics.registry.get_sample_value("tagwarden_integrity_read_files_unvouched", labels)

    assert unvouched("999988887777", "us-east-2") == 1
    assert all(unvouched(account, region) is None for account, region in GROUPS)  # their digests vouch
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done["read_unvouched"] == 1 and min(done["digest_files"].values()) > 0
    parts.store.forget_log_files_read(time.time() + 1)  # as once the read is older than the window
    _check(parts, scans)
    assert unvouched("999988887777", "us-east-2") is None


def test_a_verdict_on_files_named_before_the_window_is_kept_until_they_are_read_again(
    organization: list[SignedTree], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Their hours' digests are out of every later window: checked at every check, a catch-up of
    # days had them read again every hour for two days. One verdict is enough, unless the file is
    # read again (it may not be what was checked) or the check's findings were never recorded.
    parts, scans, log, read = _one_old_file_forged(tmp_path, monkeypatch)

    def checked() -> dict[str, int]:
        found = _check(parts, scans)
        assert read in found
        (*_, done) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
        # Digests read from S3 or taken from the store's copies (moto dates them when they were put).
        digests = done["digests_read"] + done["digests_known"]
        return {"early": done["read_early"], "kept": done["read_early_kept"], "digests": digests}

    _read_by_a_unit(parts, read)
    recorded = parts.recorder.record

    def fails(*args: object, **kwargs: object) -> object:
        raise OSError("disk full")

    monkeypatch.setattr(parts.recorder, "record", fails)
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert not scans.run(job)  # found, never recorded: no verdict kept
    monkeypatch.setattr(parts.recorder, "record", recorded)
    first = checked()
    assert first["early"] == 1 and first["kept"] == 0
    second = checked()
    assert second["early"] == 0 and second["kept"] == 1
    _read_by_a_unit(parts, read)
    third = checked()
    assert third["early"] == 1 and third["kept"] == 0
    # What the verdict saves: the early hours' digests (three, and their neighbours' chain).
    assert third["digests"] - second["digests"] >= 3, (second, third)
