"""The daemon's scheduled log integrity check on its S3 source (moto): a tampered tree raises
log_integrity findings, once."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3

from tagwarden.app.config import load_config
from tagwarden.app.logs import get_logger
from tagwarden.app.scans import Scans
from tagwarden.app.wiring import build_parts
from tests.builders.event_log import EventLog
from tests.builders.signed_trail import BUCKET, build_tree

CONFIG = f"""
policy: {{version: 1}}
store: {{url: "sqlite:///state.db"}}
aws: {{region: us-east-1, principal_inventory_interval_seconds: 0}}
sources:
  - {{type: files, name: trail-logs, paths: ["s3://{BUCKET}/AWSLogs/"]}}
integrity: {{verify_interval_seconds: 900, public_keys: keys}}
"""


def test_scheduled_check_raises_log_integrity_findings(aws: str, tmp_path: Path) -> None:
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=6)
    tree = build_tree(hours=3, start=start)
    old = build_tree(hours=1, start=start - timedelta(days=5))  # outside the 48-hour window
    tree.write_keys(tmp_path / "keys")
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    for each in (tree, old):
        for key, content in each.files.items():
            metadata = {"signature": each.signatures[key]} if key in each.signatures else {}
            s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)
    s3.delete_object(Bucket=BUCKET, Key=old.logs[0])  # not looked at: only the window is read
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    config = load_config(tmp_path / "tagwarden.yaml", env={})
    log = get_logger()
    parts = build_parts(config, log)
    scans = Scans(config, parts, log)
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
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=6)
    tree = build_tree(hours=3, start=start)
    tree.write_keys(tmp_path / "keys")
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    for key, content in tree.files.items():
        metadata = {"signature": tree.signatures[key]} if key in tree.signatures else {}
        s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    config = load_config(tmp_path / "tagwarden.yaml", env={})
    parts = build_parts(config, get_logger())
    log = EventLog()
    scans = Scans(config, parts, log)
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]

    def check() -> tuple[int, int, int]:
        assert scans.run(job)
        (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
        log.lines.clear()
        return done["log_files"], done["log_files_read"], done["problems"]

    logs = len(tree.logs)
    assert check() == (logs, logs, 0)
    assert check() == (logs, 0, 0)  # every file unchanged: none read again
    # Written again (a new ETag and LastModified in the listing): read again; deleted: missing.
    s3.put_object(Bucket=BUCKET, Key=tree.logs[2], Body=gzip.compress(b'{"Records": []}'))
    s3.delete_object(Bucket=BUCKET, Key=tree.logs[3])
    assert check() == (logs - 1, 1, 2)
    assert sorted(f.target for f in parts.store.list_findings()) == sorted(
        f"s3://{BUCKET}/{key}" for key in (tree.logs[2], tree.logs[3])
    )
    assert check() == (logs - 1, 0, 2)  # the forged file's hash is known too: still a problem
