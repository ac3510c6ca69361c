"""The scheduled log integrity check breaks off when the daemon is stopping (moto): it reads every
log file in its window (48 hours of an organization's trail by default: thousands of objects), so a
stop that waited for it would outlast the shutdown's grace period."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest

from tagwarden.adapters.integrity import Tree, add_s3, verify_tree
from tagwarden.adapters.public_keys import FolderKeys
from tagwarden.app.scans import Scans
from tagwarden.core.stopping import Stopped
from tests.builders.event_log import EventLog
from tests.builders.integrity_bucket import daemon_parts, put_in_bucket, recent_tree
from tests.builders.signed_trail import BUCKET, SignedTree
from tests.builders.stopping import AskedTimes

WALKED = 4  # folders the window's walk lists: AWSLogs/, the account, CloudTrail/, CloudTrail-Digest/


def _tampered_bucket(tmp_path: Path) -> SignedTree:
    """Three signed hours in moto's bucket, one log file then modified: a whole check finds it."""
    tree = recent_tree(tmp_path)
    put_in_bucket(tree)
    boto3.client("s3").put_object(Bucket=BUCKET, Key=tree.logs[1], Body=gzip.compress(b'{"Records": []}'))
    return tree


def _check(tmp_path: Path, stopping: AskedTimes) -> int:
    """The scan's reading and verification with ``stopping``; the problems found."""
    since = datetime.now(UTC) - timedelta(hours=48)
    tree = Tree()
    add_s3(tree, boto3.client("s3", region_name="us-east-1"), f"s3://{BUCKET}/AWSLogs/", since, stopping)
    report = verify_tree(tree, FolderKeys(tmp_path / "keys"), since, stopping)
    return len(report.problems)


def test_a_whole_check_asks_between_keys_digests_and_log_files(aws: str, tmp_path: Path) -> None:
    tree = _tampered_bucket(tmp_path)
    stopping = AskedTimes()
    assert _check(tmp_path, stopping) == 1
    # Each folder walked down to the region folders (AWSLogs/, the account, its CloudTrail/ and
    # CloudTrail-Digest/), each key as it is listed, each key again as it is placed, each digest
    # before it is read, then each log file before it is read.
    digests = len(tree.digests)
    assert stopping.asked == WALKED + 2 * len(tree.files) + digests + len(tree.logs)


def test_a_check_told_to_stop_raises_at_once_and_asks_no_more(aws: str, tmp_path: Path) -> None:
    tree = _tampered_bucket(tmp_path)
    files, logs = len(tree.files), len(tree.logs)
    digests = len(tree.digests)
    # In the walk, the listing, the placing, the digests' reads, the log files' reads, at the last
    # log file.
    listed = WALKED + files
    for after in (
        1,
        WALKED + 1,
        listed + 1,
        listed + files + 1,
        listed + files + digests + 1,
        listed + files + digests + logs,
    ):
        stopping = AskedTimes(after)
        with pytest.raises(Stopped):
            _check(tmp_path, stopping)
        assert stopping.asked == after


def test_the_daemon_scan_stopped_records_nothing_and_is_not_failed(aws: str, tmp_path: Path) -> None:
    _tampered_bucket(tmp_path)
    config, parts = daemon_parts(tmp_path)
    stopping, log = AskedTimes(3), EventLog()
    stopped = Scans(config, parts, log, stopping=stopping)
    (job,) = [job for job in stopped.jobs() if job.name == "integrity"]

    assert stopped.run(job)  # not failed: no retry is brought forward
    assert stopping.asked == 3
    assert parts.store.list_findings() == []
    assert "scan_stopped" in log.events
    assert not {"scan_failed", "integrity_check_done"} & set(log.events)

    whole = Scans(config, parts, log := EventLog())
    (job,) = [job for job in whole.jobs() if job.name == "integrity"]
    assert whole.run(job)
    assert [f.kind for f in parts.store.list_findings()] == ["log_integrity"]
    assert "integrity_check_done" in log.events
