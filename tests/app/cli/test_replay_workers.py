"""`tagwarden replay --workers N`: the same findings and tag history whatever N.

The scenario's files arrive out of order, as CloudTrail delivers them: a session created in a
later file is used by a tag write in an earlier one, a bucket is retagged in files whose events
interleave, and one file is damaged. Shapes follow the CloudTrail record contents reference
(https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-event-reference-record-contents.html).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.sources.parallel import PreparePool, can_fork, prepared_in_order
from tagwarden.app.cli.main import main
from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.core.normalize import Normalizer
from tagwarden.core.ports.units import PreparedUnit, UnitResult

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


def _files() -> dict[str, list[dict[str, Any]]]:
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


def _write_trail(root: Path) -> None:
    folder = root / f"AWSLogs/{ACCOUNT}/CloudTrail/us-east-1/2024/05/01"
    folder.mkdir(parents=True)
    for stamp, records in _files().items():
        body = gzip.compress(json.dumps({"Records": records}).encode())
        (folder / f"{ACCOUNT}_CloudTrail_us-east-1_20240501T{stamp}Z_x.json.gz").write_bytes(body)
    (folder / f"{ACCOUNT}_CloudTrail_us-east-1_20240501T0130Z_damaged.json.gz").write_bytes(body[:-20])


def _replay(tmp: Path, trail: Path, workers: int, capsys: pytest.CaptureFixture[str]) -> tuple[Any, ...]:
    run = tmp / f"run-{workers}"
    run.mkdir()
    (run / "policy.yaml").write_text(POLICY)
    config = run / "tagwarden.yaml"
    config.write_text(
        'policy: policy.yaml\nstore: {url: "sqlite:///state.db"}\nsources: []\naws: {max_attempts: 1}\n'
    )
    code = main(["replay", "--config", str(config), "--quiet", "--workers", str(workers), str(trail)])
    out = capsys.readouterr().out
    conn = sqlite3.connect(run / "state.db")
    findings = conn.execute(
        "SELECT id, kind, target, tag_key, old_value, new_value, explanation FROM findings ORDER BY id"
    ).fetchall()
    history = conn.execute(
        "SELECT target, key, ts, event_id, value, removed FROM tag_history ORDER BY target, key, ts, event_id"
    ).fetchall()
    conn.close()
    return code, out, findings, history


@pytest.mark.usefixtures("no_aws")
def test_one_and_several_workers_give_the_same_findings_and_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trail = tmp_path / "trail"
    _write_trail(trail)
    one = _replay(tmp_path, trail, 1, capsys)
    three = _replay(tmp_path, trail, 3, capsys)
    assert one == three
    code, out, findings, history = one
    assert code == 1 and "1 unreadable file(s)" in out  # the damaged file, reported alike
    kinds = {(kind, new) for _, kind, _, _, _, new, _ in findings}
    assert ("session_tag", "red") in kinds and ("unauthorized_writer", "green") in kinds
    assert {row[4] for row in history if row[0] == "arn:aws:s3:::b1"} >= {"red", "blue", "green"}


def _slow_then_fast(job: int) -> PreparedUnit:
    return PreparedUnit(UnitResult(records=job), [])


@pytest.mark.skipif(not can_fork(), reason="workers are forked")
def test_prepared_units_come_back_in_the_order_given(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text(
        json.dumps({"Records": [{"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}] * 20000})
    )
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"Records": [{"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}]}))
    paths = [big, small, small, None, big, small]

    class Preparer:
        record_filter = Normalizer()

        def prepare(self, items: Any) -> PreparedUnit:
            records = sum(getattr(i, "count", 1) for i in items)
            return PreparedUnit(UnitResult(records=records), [])

    here = []
    pool = PreparePool(Preparer(), 3)  # type: ignore[arg-type]
    try:
        got = [
            (job, unit.result.records)  # type: ignore[union-attr]
            for job, unit in prepared_in_order(
                pool,
                list(range(len(paths))),
                lambda i: paths[i],
                lambda i: here.append(i) or _slow_then_fast(-1),
            )
        ]
    finally:
        pool.close()
    assert got == [(0, 20000), (1, 1), (2, 1), (3, -1), (4, 20000), (5, 1)]
    assert here == [3]  # the job without a local path is prepared in this process
