"""The daemon's scheduled log integrity check on its S3 source (moto): a tampered tree raises
log_integrity findings, once."""

from __future__ import annotations

import gzip
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3

from tagwarden.app.logs import get_logger
from tagwarden.app.scans import Scans
from tagwarden.core.ports.known_objects import KeptDigest, KeptLogHash
from tests.builders.event_log import EventLog
from tests.builders.integrity_bucket import daemon_parts, put_in_bucket, recent_tree
from tests.builders.signed_trail import BUCKET, build_tree


def test_scheduled_check_raises_log_integrity_findings(aws: str, tmp_path: Path) -> None:
    tree = recent_tree(tmp_path)
    old = build_tree(hours=1, start=datetime.now(UTC) - timedelta(days=5))  # outside the 48-hour window
    put_in_bucket(tree, old)
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.delete_object(Bucket=BUCKET, Key=old.logs[0])  # not looked at: only the window is read
    config, parts = daemon_parts(tmp_path)
    scans = Scans(config, parts, get_logger())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert job.interval_seconds == 900

    assert scans.run(job)
    assert parts.store.list_findings() == []  # untouched

    modified, deleted = tree.logs[1], tree.logs[4]
    s3.put_object(Bucket=BUCKET, Key=modified, Body=gzip.compress(b'{"Records": []}'))
    s3.delete_object(Bucket=BUCKET, Key=deleted)
    assert scans.run(job)
    assert scans.run(job)  # the same problems found again: no new findings

    findings = parts.store.list_findings()
    assert sorted((f.kind, f.severity, f.target) for f in findings) == [
        ("log_integrity", "critical", f"s3://{BUCKET}/{modified}"),
        ("log_integrity", "critical", f"s3://{BUCKET}/{deleted}"),
    ]
    assert all(f.event_source == "tagwarden.integrity" and f.account == "111122223333" for f in findings)
    assert (
        parts.metrics.registry.get_sample_value(
            "tagwarden_findings_total", {"kind": "log_integrity", "severity": "critical"}
        )
        == 2
    )
    assert parts.metrics.registry.get_sample_value(
        "tagwarden_job_last_success_timestamp_seconds", {"scan": "integrity"}
    )


def test_each_check_reads_only_the_log_files_written_since_the_last(aws: str, tmp_path: Path) -> None:
    tree = recent_tree(tmp_path)
    put_in_bucket(tree)
    s3 = boto3.client("s3", region_name="us-east-1")
    config, parts = daemon_parts(tmp_path)
    log = EventLog()
    scans = Scans(config, parts, log)
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]

    def check() -> tuple[int, int, int, int]:
        assert scans.run(job)
        (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
        log.lines.clear()
        # What was not read was known: its hash or copy taken.
        assert done["log_files_read"] + done["log_files_known"] == done["log_files"]
        assert done["digests_read"] + done["digests_known"] == done["digests"]
        return done["log_files"], done["log_files_read"], done["digests_read"], done["problems"]

    logs, digests = len(tree.logs), len(tree.digests)
    assert check() == (logs, logs, digests, 0)
    assert check() == (logs, 0, 0, 0)  # every file unchanged: none read again
    # Written again (a new ETag and LastModified in the listing): read again; deleted: missing.
    s3.put_object(Bucket=BUCKET, Key=tree.logs[2], Body=gzip.compress(b'{"Records": []}'))
    s3.delete_object(Bucket=BUCKET, Key=tree.logs[3])
    assert check() == (logs - 1, 1, 0, 2)
    assert sorted(f.target for f in parts.store.list_findings()) == sorted(
        f"s3://{BUCKET}/{key}" for key in (tree.logs[2], tree.logs[3])
    )
    assert check() == (logs - 1, 0, 0, 2)  # the forged file's hash is known too: still a problem


def test_a_restarted_daemon_reads_only_what_was_written_since(aws: str, tmp_path: Path) -> None:
    # The hashes are in the store: a restart (or the replica taking the scan's lease over, on a
    # shared store) does not read the whole window again.
    tree = recent_tree(tmp_path)
    put_in_bucket(tree)
    s3 = boto3.client("s3", region_name="us-east-1")

    def check_once() -> tuple[int, int]:
        config, parts = daemon_parts(tmp_path)  # each time a new daemon on the same store file
        log = EventLog()
        scans = Scans(config, parts, log)
        (job,) = [job for job in scans.jobs() if job.name == "integrity"]
        try:
            assert scans.run(job)
        finally:
            parts.store.close()
        (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
        return done["log_files_read"], done["digests_read"], done["problems"]

    assert check_once() == (len(tree.logs), len(tree.digests), 0)
    assert check_once() == (0, 0, 0)
    s3.put_object(Bucket=BUCKET, Key=tree.logs[2], Body=gzip.compress(b'{"Records": []}'))
    assert check_once() == (1, 0, 1)
    assert check_once() == (0, 0, 1)
    # A digest written again, as a forger would, with the metadata it had: read again, and its
    # signature no longer holds.
    digest = tree.digests[1]
    forged = gzip.compress(
        gzip.decompress(tree.files[digest]).replace(b'"newestEventTime": "2', b'"newestEventTime": "1')
    )
    s3.put_object(Bucket=BUCKET, Key=digest, Body=forged, Metadata={"signature": tree.signatures[digest]})
    read, digests_read, problems = check_once()
    assert (read, digests_read) == (0, 1) and problems > 1


def test_a_check_first_forgets_what_its_window_no_longer_reaches(aws: str, tmp_path: Path) -> None:
    put_in_bucket(recent_tree(tmp_path))
    config, parts = daemon_parts(tmp_path)
    now = time.time()
    parts.store.keep_log_hashes([KeptLogHash(f"{age}h", "a" * 64, now - age * 3600) for age in (52, 50)])
    parts.store.keep_digest_copies([KeptDigest(f"{age}h", b"x", None, now - age * 3600) for age in (52, 50)])
    scans = Scans(config, parts, get_logger())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    # The window is 48 hours, read from 2 hours before it, give or take an hour for clocks.
    assert parts.store.log_hashes(["52h", "50h"]).keys() == {"50h"}
    assert parts.store.digest_copies(["52h", "50h"]).keys() == {"50h"}
