"""A trail whose files arrive out of order, as CloudTrail delivers them: a session created in a
later file is used by a tag write in an earlier one, a bucket is retagged in files whose events
interleave, and one file is damaged. Used to show that the number of worker processes changes no
result. Shapes follow the CloudTrail record contents reference
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.core.integrity.layout import log_file_key

ACCOUNT = "123456789012"
POLICY = """\
version: 1
abac_keys: [team]
rules:
  - id: team-by-admins
    keys: [team]
    writers: [{principal: "arn:aws:iam::*:role/TagAdmin"}]
"""
DEV = Caller(ACCOUNT, "dev", session="d1")
TAGGED_SESSION = Caller(ACCOUNT, "app", session="s-tagged", access_key_id="ASIATAGGEDSESSION1")


def _at(minute: int, second: int = 0) -> str:
    return f"2024-05-01T01:{minute:02d}:{second:02d}Z"


def _assume_role(minute: int) -> dict[str, Any]:
    request = {
        "roleArn": f"arn:aws:iam::{ACCOUNT}:role/app",
        "roleSessionName": "s-tagged",
        "tags": tag_list({"team": "red"}),
    }
    response = {
        "credentials": {"accessKeyId": TAGGED_SESSION.access_key_id},
        "assumedRoleUser": {"arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/app/s-tagged"},
    }
    return record(DEV, "sts.amazonaws.com", "AssumeRole", request, time=_at(minute), response=response)


def trail_files() -> dict[str, list[dict[str, Any]]]:
    """Log files by delivery time (their names); the events inside are out of order across files."""
    reads = [
        record(DEV, "s3.amazonaws.com", "GetObject", {"bucketName": "b1", "key": f"k{i}"}, time=_at(3, i))
        for i in range(30)
    ]
    return {
        "0100": [record(TAGGED_SESSION, "s3.amazonaws.com", "PutBucketTagging",
                        s3_tagging("b1", {"team": "red"}), time=_at(7))],
        "0105": [_assume_role(2), *reads],
        "0110": [record(DEV, "s3.amazonaws.com", "PutBucketTagging", s3_tagging("b1", {"team": "blue"}),
                        time=_at(8))],
        "0115": [record(DEV, "s3.amazonaws.com", "PutBucketTagging", s3_tagging("b1", {"team": "green"}),
                        time=_at(6))],
        "0120": [record(DEV, "iam.amazonaws.com", "TagRole",
                        {"roleName": "app", "tags": tag_list({"team": "blue"})}, time=_at(9)),
                 *reads],
        "0125": [record(DEV, "iam.amazonaws.com", "UntagRole", {"roleName": "app", "tagKeys": ["team"]},
                        time=_at(4))],
    }  # fmt: skip


def trail_objects() -> list[tuple[str, bytes]]:
    """(key under the trail's root, gzipped body) in delivery order, the damaged file last."""
    objects = []
    for stamp, records in trail_files().items():
        body = gzip.compress(json.dumps({"Records": records}).encode())
        objects.append((_key(stamp, "x"), body))
    objects.append((_key("0130", "damaged"), body[:-20]))
    return objects


def _key(stamp: str, unique: str) -> str:
    """The key of the log file delivered at ``stamp`` (HHMM) on 2024-05-01."""
    moment = datetime(2024, 5, 1, int(stamp[:2]), int(stamp[2:]), tzinfo=UTC)
    return log_file_key(ACCOUNT, "us-east-1", moment, unique)


def write_trail(root: Path) -> None:
    for key, body in trail_objects():
        path = root / key
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(body)


def write_replay_config(directory: Path, more: str = "") -> Path:
    """The policy and a config that replays into ``directory``/state.db, offline, with ``more``
    (YAML lines) at its end; the config's path."""
    (directory / "policy.yaml").write_text(POLICY)
    config = directory / "tagwarden.yaml"
    config.write_text(
        'policy: policy.yaml\nstore: {url: "sqlite:///state.db"}\nsources: []\naws: {max_attempts: 1}\n'
        + more
    )
    return config


def findings_and_history(db: Path) -> tuple[list[Any], list[Any]]:
    """What a run left in a SQLite store: findings and tag history, ordered."""
    conn = sqlite3.connect(db)
    try:
        findings = conn.execute(
            "SELECT id, kind, target, tag_key, old_value, new_value, explanation FROM findings ORDER BY id"
        ).fetchall()
        history = conn.execute(
            "SELECT target, key, ts, event_id, value, removed FROM tag_history"
            " ORDER BY target, key, ts, event_id"
        ).fetchall()
    finally:
        conn.close()
    return findings, history
