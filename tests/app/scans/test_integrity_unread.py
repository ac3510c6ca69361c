"""The integrity check counts the log files of its window that no source read (moto, a real SQS
source): a notification lost, or received and deleted by someone else, leaves a file whose
records tagwarden never judged, and nothing else would say so."""

from __future__ import annotations

import gzip
import json
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3

from tagwarden.adapters.sources.s3_objects import log_file_time
from tagwarden.app.cli.main import main
from tagwarden.app.demo.runner import log_key
from tagwarden.app.scans import Scans
from tagwarden.app.scans.jobs import ScanJob
from tagwarden.app.wiring import Parts, build_sources
from tests.builders.event_log import EventLog
from tests.builders.integrity_bucket import daemon_parts, put_in_bucket, recent_tree
from tests.builders.signed_trail import ACCOUNT, BUCKET, REGION, SignedTree
from tests.e2e.support import object_created

CONFIG = """
policy: {{version: 1}}
store: {{url: "sqlite:///state.db"}}
aws: {{region: us-east-1, principal_inventory_interval_seconds: 0}}
sources:
  - {{type: sqs, name: trail, queue_url: "{queue}", wait_seconds: 0, drain_seconds: 5}}
integrity: {{verify_interval_seconds: 900, public_keys: keys{more}}}
"""


def _polled(
    tmp_path: Path, tree: SignedTree, notified: list[str], more: str = ""
) -> tuple[Scans, ScanJob, Parts, EventLog]:
    """The daemon's integrity scan, after its SQS source read the files of ``notified`` (each
    announced on the queue); the first file's notification predates the daemon. ``more``: more
    of the ``integrity`` section."""
    queue = boto3.client("sqs").create_queue(QueueName="trail")["QueueUrl"]
    for key in notified:
        boto3.client("sqs").send_message(QueueUrl=queue, MessageBody=json.dumps(object_created(BUCKET, key)))
    config, parts = daemon_parts(tmp_path, CONFIG.format(queue=queue, more=more))
    (source,) = build_sources(config, parts, log := EventLog())
    assert source.poll(threading.Event()).units == len(notified)
    scans = Scans(config, parts, log)
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    return scans, job, parts, log


def _unread(parts: Parts, account: str) -> float | None:
    return parts.metrics.registry.get_sample_value(
        "tagwarden_integrity_log_files_unread", {"account": account, "region": REGION}
    )


def test_log_files_no_source_read_are_counted_named_and_cleared_by_a_replay(aws: str, tmp_path: Path) -> None:
    tree = recent_tree(tmp_path)
    put_in_bucket(tree)
    # Delivered half an hour ago and not announced yet: within the grace a notification takes.
    fresh = log_key(ACCOUNT, datetime.now(UTC) - timedelta(minutes=30), REGION)
    boto3.client("s3").put_object(Bucket=BUCKET, Key=fresh, Body=gzip.compress(b'{"Records": []}'))
    lost = tree.logs[3]  # its notification was lost
    scans, job, parts, log = _polled(tmp_path, tree, [key for key in tree.logs[1:] if key != lost])

    assert scans.run(job)
    assert _unread(parts, ACCOUNT) == 1
    (named,) = [fields for _, event, fields in log.lines if event == "log_files_unread"]
    assert named["first"] == [f"s3://{BUCKET}/{lost}"] and named["account"] == ACCOUNT
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done["unread"] == 1

    # What the runbook tells on-call: replay the files named. Read now, they are no longer unread.
    config_file = str(tmp_path / "tagwarden.yaml")
    assert (
        main(["replay", "--config", config_file, "--no-inventory", "--quiet", f"s3://{BUCKET}/{lost}"]) == 0
    )
    assert scans.run(job)
    assert _unread(parts, ACCOUNT) is None


OTHER = "444455556666"


def _with_other_account(tmp_path: Path) -> tuple[SignedTree, list[str]]:
    """The signed tree in the bucket, and the keys of OTHER's files beside it, an hour each."""
    tree = recent_tree(tmp_path)
    put_in_bucket(tree)
    theirs = [log_key(OTHER, when, REGION) for key in tree.logs if (when := log_file_time(key)) is not None]
    for key in theirs:
        boto3.client("s3").put_object(Bucket=BUCKET, Key=key, Body=gzip.compress(b'{"Records": []}'))
    return tree, theirs


def test_an_account_whose_folder_no_notification_covers_is_counted(aws: str, tmp_path: Path) -> None:
    # An account new to the organization, left out of the bucket's notification filters: none of
    # its files is ever read. Counted from its own first read, it would never count at all.
    tree, theirs = _with_other_account(tmp_path)
    scans, job, parts, log = _polled(tmp_path, tree, tree.logs[1:])

    assert scans.run(job)
    assert _unread(parts, ACCOUNT) is None
    # Named from the bucket's first file read to an hour before its newest: the second to fourth.
    assert _unread(parts, OTHER) == 3
    (named,) = [fields for _, event, fields in log.lines if event == "log_files_unread"]
    assert named["account"] == OTHER and named["first"] == [f"s3://{BUCKET}/{key}" for key in theirs[1:4]]


def test_an_account_read_elsewhere_is_not_counted_and_the_others_still_are(aws: str, tmp_path: Path) -> None:
    # OTHER's records reach the daemon as EventBridge events: its files, in the bucket read for
    # ACCOUNT, are left unread on purpose. ACCOUNT's lost notification still counts.
    tree, _ = _with_other_account(tmp_path)
    lost = tree.logs[3]
    more = f', accounts_read_elsewhere: ["{OTHER}"]'
    scans, job, parts, log = _polled(tmp_path, tree, [key for key in tree.logs[1:] if key != lost], more)

    assert scans.run(job)
    assert _unread(parts, OTHER) is None
    assert _unread(parts, ACCOUNT) == 1
    (named,) = [fields for _, event, fields in log.lines if event == "log_files_unread"]
    assert named["account"] == ACCOUNT and named["first"] == [f"s3://{BUCKET}/{lost}"]
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done["unread"] == 1 and done["unread_elsewhere"] == 3
