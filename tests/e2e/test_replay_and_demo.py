"""tagwarden replay over files and an S3 prefix, and tagwarden demo, as a user runs them."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml

from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.integrity.layout import log_file_key
from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS
from tests.e2e.support import seed_principals

pytestmark = pytest.mark.e2e
ALICE = Caller(ACCOUNT, "dev-alpha", session="alice")
DAY = datetime(2024, 3, 10, tzinfo=UTC)


def write_config(tmp_path: Path) -> Path:
    path = tmp_path / "tagwarden.yaml"
    path.write_text(
        yaml.safe_dump(
            {"policy": POLICY, "store": {"url": "sqlite:///state.db"}, "logging": {"format": "json"}}
        )
    )
    return path


def grab(bucket: str, when: datetime, event_id: str) -> dict[str, Any]:
    return record(
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging(bucket, {"team": "beta"}),
        time=when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        event_id=event_id,
    )


def log_key(when: datetime, organization: str = "") -> str:
    """The key of ACCOUNT's log file delivered at ``when`` (its name unique by the minute)."""
    return log_file_key(ACCOUNT, "us-east-1", when, f"{when:%H%M}abcdef", organization=organization)


def name(when: datetime) -> str:
    return log_key(when).rpartition("/")[2]


def replay(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tagwarden", "replay", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def findings(config: Path) -> list[dict[str, Any]]:
    out = subprocess.run(
        [sys.executable, "-m", "tagwarden", "findings", "list", "--config", str(config), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    return list(json.loads(out))


def test_replay_reads_files_in_cloudtrail_time_order_and_twice_adds_nothing(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    logs = tmp_path / "logs" / "nested"
    logs.mkdir(parents=True)
    # The same bucket set twice: first to alpha (nothing old), then beta. The file names carry the
    # delivery time; written in the wrong order on disk, they must still be judged in time order.
    first, second = DAY + timedelta(hours=1), DAY + timedelta(hours=2)
    later = record(
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("shared", {"team": "beta"}),
        time=second.strftime("%Y-%m-%dT%H:%M:%SZ"),
        event_id="second",
    )
    earlier = record(
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("shared", {"team": "alpha"}),
        time=first.strftime("%Y-%m-%dT%H:%M:%SZ"),
        event_id="first",
    )
    (logs / name(second)).write_bytes(gzip.compress(json.dumps({"Records": [later]}).encode()))
    (logs / name(first)).write_bytes(gzip.compress(json.dumps({"Records": [earlier]}).encode()))
    config = write_config(tmp_path)
    done = replay(config, str(tmp_path / "logs"))
    assert done.returncode == 0, done.stderr
    assert "replayed 2 file(s)" in done.stdout
    got = findings(config)
    grab_beta = [f for f in got if f["event_id"] == "second" and f["kind"] == "unauthorized_writer"]
    assert grab_beta and grab_beta[0]["old_value"] == "alpha"  # judged after the earlier file
    again = replay(config, str(tmp_path / "logs"))
    assert again.returncode == 0 and "0 new finding" in again.stdout
    assert len(findings(config)) == len(got)


def test_replay_of_an_s3_prefix_reads_only_the_days_asked_for(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket="org-trail")
    for day in range(3):
        when = DAY + timedelta(days=day, hours=5)
        key = log_key(when, "o-abc123")
        body = gzip.compress(json.dumps({"Records": [grab(f"bucket-{day}", when, f"day-{day}")]}).encode())
        s3.put_object(Bucket="org-trail", Key=key, Body=body)
    s3.put_object(
        Bucket="org-trail",
        Key=f"AWSLogs/o-abc123/{ACCOUNT}/CloudTrail-Digest/us-east-1/2024/03/11/d.json.gz",
        Body=b"digest",
    )
    config = write_config(tmp_path)
    done = replay(config, "s3://org-trail/AWSLogs/", "--since", "2024-03-11", "--until", "2024-03-11")
    assert done.returncode == 0, done.stderr
    assert "replayed 1 file(s)" in done.stdout
    assert {f["event_id"] for f in findings(config)} == {"day-1"}
    bad = replay(config, "s3://org-trail/AWSLogs/", "--since", "yesterday")
    assert bad.returncode == 2 and "is not a date" in bad.stderr


def test_replay_of_a_local_copy_reads_only_the_window_asked_for(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    for day in range(3):
        when = DAY + timedelta(days=day, hours=5)
        folder = tmp_path / "copy" / f"{when:%Y/%m/%d}"
        folder.mkdir(parents=True)
        body = gzip.compress(json.dumps({"Records": [grab(f"bucket-{day}", when, f"day-{day}")]}).encode())
        (folder / name(when)).write_bytes(body)
    config = write_config(tmp_path)
    done = replay(config, str(tmp_path / "copy"), "--since", "2024-03-11", "--until", "2024-03-11")
    assert done.returncode == 0, done.stderr
    assert "replayed 1 file(s)" in done.stdout
    assert {f["event_id"] for f in findings(config)} == {"day-1"}
    later = replay(config, str(tmp_path / "copy"), "--since", "2024-03-12T00:00Z")
    assert later.returncode == 0 and "replayed 1 file(s)" in later.stdout
    assert {f["event_id"] for f in findings(config)} == {"day-1", "day-2"}


def test_the_demo_shows_every_kind_of_abuse_and_exits_0(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "tagwarden",
            "demo",
            "--duration",
            "1",
            "--port",
            "0",
            "--workdir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "findings API" in done.stdout and "tagwarden findings list --config" in done.stdout
    listed = subprocess.run(
        [
            sys.executable,
            "-m",
            "tagwarden",
            "findings",
            "list",
            "--config",
            str(tmp_path / "tagwarden.yaml"),
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    kinds = {f["kind"] for f in json.loads(listed)}
    assert kinds >= {
        "self_grant",
        "self_retag",
        "principal_retag",
        "session_tag",
        "lockout",
        "denied_attempt",
        "disallowed_value",
        "unauthorized_writer",
    }


def test_replay_enqueue_sends_the_window_s_objects_for_the_fleet_and_the_daemon_shows_the_backlog(
    aws: str, tmp_path: Path
) -> None:
    from tagwarden.app.config import load_config
    from tagwarden.app.logs import get_logger
    from tagwarden.app.wiring import build_parts, build_sources

    seed_principals(ROLES, USERS)
    s3, sqs = boto3.client("s3"), boto3.client("sqs")
    s3.create_bucket(Bucket="org-trail")
    queue = sqs.create_queue(QueueName="backfill")["QueueUrl"]
    for day in range(3):
        for hour in (5, 6):
            when = DAY + timedelta(days=day, hours=hour)
            key = log_key(when)
            records = [grab(f"bucket-{day}-{hour}", when, f"day-{day}-{hour}")]
            s3.put_object(
                Bucket="org-trail", Key=key, Body=gzip.compress(json.dumps({"Records": records}).encode())
            )
    config = write_config(tmp_path)
    done = replay(
        config,
        "s3://org-trail/AWSLogs/",
        "--since",
        "2024-03-11",
        "--until",
        "2024-03-12",
        "--enqueue",
        queue,
    )
    assert done.returncode == 0, done.stderr
    assert f"enqueued 4 log object(s) to {queue}" in done.stdout
    assert not (tmp_path / "state.db").exists()  # nothing judged here: the fleet does it
    local = replay(config, str(tmp_path), "--enqueue", queue)
    assert local.returncode == 2 and "s3:// URL" in local.stderr

    document = yaml.safe_load(config.read_text())
    document["sources"] = [{"type": "sqs", "queue_url": queue, "wait_seconds": 0}]
    config.write_text(yaml.safe_dump(document))
    loaded = load_config(config, env={})
    parts = build_parts(loaded, get_logger())
    (source,) = build_sources(loaded, parts, get_logger())
    stopping = threading.Event()
    stopping.set()
    source.poll(stopping)  # receives nothing, measures the queue
    backlog = parts.metrics.registry.get_sample_value
    assert backlog("tagwarden_sqs_backlog_messages", {"source": "sqs-0", "state": "visible"}) == 4
    source.poll(threading.Event())
    assert backlog("tagwarden_sqs_backlog_messages", {"source": "sqs-0", "state": "visible"}) == 0
    assert {f.event_id for f in parts.store.list_findings()} == {"day-1-5", "day-1-6", "day-2-5", "day-2-6"}
    parts.store.close()
