"""``tagwarden scan drift|writers`` over two accounts on moto in server mode."""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from tagwarden.adapters.aws import AwsClients
from tagwarden.app.cli.main import main
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.timeutil import format_time
from tests.builders.scan_scenario import (
    EXPECTED_DRIFT,
    EXPECTED_WRITERS,
    FAILING,
    A,
    B,
    retag,
    seed,
    write_config,
)


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, json.loads(captured.out), captured.err


def findings(config: Path, kind: str) -> list[dict[str, Any]]:
    with sqlite3.connect(config.parent / "state.db") as conn:
        conn.row_factory = sqlite3.Row
        return [
            dict(r) for r in conn.execute("SELECT * FROM findings WHERE kind = ? ORDER BY target", (kind,))
        ]


def test_drift_across_two_accounts_and_a_change_no_event_explains(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed()
    config = write_config(tmp_path, [A, B])
    code, items, err = run_json(capsys, "scan", "drift", "--config", str(config), "--format", "json")
    assert (code, err) == (0, "")
    assert [(i["kind"], i["value"], i.get("resource") or i.get("principal")) for i in items] == EXPECTED_DRIFT
    for item in items:
        assert item["key"] == "team" and item["severity"] and item["detail"]
        assert item["account"] == A  # B's tags agree with the principals
    assert {i["region"] for i in items if "resource" in i} == {"us-east-1"}

    # Two buckets change; tagwarden receives the event of one of them only.
    retag(A, "drifting", {"team": "beta"})
    retag(A, "explained", {"team": "beta"})
    admin = Caller(A, "TagAdmin", session="erin")
    event = record(
        admin,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("explained", {"team": "beta"}),
        time=format_time(time.time()),
    )
    trail = tmp_path / "trail.json"
    trail.write_text(json.dumps({"Records": [event]}))
    assert main(["replay", "--config", str(config), "--quiet", str(trail)]) == 0
    capsys.readouterr()

    code, items, err = run_json(capsys, "scan", "drift", "--config", str(config), "--format", "json")
    assert code == 0
    unattributed = [i for i in items if i["kind"] == "unattributed_change"]
    assert [(i["value"], i["resource"], i["account"]) for i in unattributed] == [
        ("beta", "arn:aws:s3:::drifting", A)
    ]
    assert [
        (i["kind"], i["value"], i.get("resource") or i.get("principal"))
        for i in items
        if i not in unattributed
    ] == (EXPECTED_DRIFT)
    (finding,) = findings(config, "unattributed_change")
    assert (finding["target"], finding["old_value"], finding["new_value"], finding["status"]) == (
        "arn:aws:s3:::drifting",
        "alpha",
        "beta",
        "open",
    )

    # The table is for people: one line per item.
    assert main(["scan", "drift", "--config", str(config)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:4] == ["KIND", "SEVERITY", "KEY", "VALUE"]
    assert len(table) == 1 + len(EXPECTED_DRIFT) + 1


def test_writers_across_two_accounts_authorized_and_excess(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed()
    config = write_config(tmp_path, [A, B])
    code, items, err = run_json(capsys, "scan", "writers", "--config", str(config), "--format", "json")
    assert code == 0
    logged = [json.loads(line) for line in err.splitlines()]  # one line per new finding
    assert [(line["event"], line["kind"], line["source"]) for line in logged] == [
        ("finding", "excess_tag_writer", "scan")
    ] * 3 + [("finding", "excess_identity_passer", "scan")]
    found = {
        (i["principal"], i["via"], i["target_class"], i["resource_account"], i["authorized"])
        for i in items
        if i["via"] != "pass_role"
    }
    assert found == EXPECTED_WRITERS
    # ci-deployer (team beta, Action "*") may also run a workload as account B's alpha role.
    passers = [(i["principal"], i["resource"]) for i in items if i["via"] == "pass_role"]
    assert passers == [(f"arn:aws:iam::{B}:role/ci-deployer", f"arn:aws:iam::{B}:role/session-target")]
    assert all(i["key"] == "team" and i["statement"] and i["probes"] for i in items)
    cross = next(i for i in items if i["resource_account"] == B and i["principal"].endswith("/dev-beta"))
    assert (cross["resource"], cross["action"]) == ("arn:aws:s3:::b-shared", "s3:PutBucketTagging")
    assert "other->own" in cross["probes"]
    session = next(i for i in items if i["via"] == "session_tag" and "ci-deployer" in i["principal"])
    assert (session["resource"], session["probes"]) == (
        f"arn:aws:iam::{B}:role/session-target",
        ["session:own", "session:other"],
    )

    # One finding per principal and granting statement: dev-beta's own policy, and b-shared's.
    excess = findings(config, "excess_tag_writer")
    assert sorted((f["target"], f["event_id"], f["severity"], f["rule"]) for f in excess) == [
        (
            f"arn:aws:iam::{A}:role/dev-beta",
            'writers:identity-based policy "role/dev-beta inline dev-beta-policy" statement #0',
            "high",
            "team-writers",
        ),
        (
            f"arn:aws:iam::{A}:role/dev-beta",
            'writers:resource-based policy "bucket policy of arn:aws:s3:::b-shared" statement #0',
            "high",
            "team-writers",
        ),
        (
            f"arn:aws:iam::{B}:role/ci-deployer",
            'writers:identity-based policy "role/ci-deployer inline ci-deployer-policy" statement #0',
            "high",
            "team-writers",
        ),
    ]
    # A second scan finds the same standing grants: no new finding.
    code, only_excess, _ = run_json(
        capsys, "scan", "writers", "--config", str(config), "--format", "json", "--excess"
    )
    assert code == 0 and len(findings(config, "excess_tag_writer")) == 3
    assert {i["principal"] for i in only_excess} == {
        f"arn:aws:iam::{A}:role/dev-beta",
        f"arn:aws:iam::{B}:role/ci-deployer",
    }


def test_an_account_whose_role_cannot_be_assumed_is_reported_and_the_others_are_scanned(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    seed()
    config = write_config(tmp_path, [A, B, FAILING])
    session = boto3.session.Session(region_name="us-east-1")

    def deny_assume_role(params: dict[str, Any], **_: Any) -> None:
        if f":{FAILING}:" in params["RoleArn"]:
            message = f"not authorized to perform: sts:AssumeRole on {params['RoleArn']}"
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": message}}, "AssumeRole")

    session.events.register("provide-client-params.sts.AssumeRole", deny_assume_role)
    monkeypatch.setattr(
        "tagwarden.app.wiring.AwsClients",
        lambda region, attempts, **more: AwsClients(region, attempts, session=session, **more),
    )
    code, items, err = run_json(capsys, "scan", "writers", "--config", str(config), "--format", "json")
    assert code == 1
    assert f"could not read {FAILING} (assume-role): AccessDenied" in err
    assert {i["account"] for i in items} == {A, B}
    code, drift, err = run_json(capsys, "scan", "drift", "--config", str(config), "--format", "json")
    assert code == 1 and FAILING in err
    # FAILING's principals and resources are unknown: no value is called held or carried by none.
    partial = [item for item in EXPECTED_DRIFT if item[0] not in ("orphan_value", "unused_principal_value")]
    assert [(i["kind"], i["value"], i.get("resource") or i.get("principal")) for i in drift] == partial


def test_without_an_inventory_section_the_scan_covers_the_callers_account(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seed()
    (tmp_path / "tagwarden.yaml").write_text(
        json.dumps({"policy": {"version": 1, "abac_keys": ["team"]}, "store": {"url": "sqlite:///state.db"}})
    )
    code, items, _ = run_json(
        capsys, "scan", "drift", "--config", str(tmp_path / "tagwarden.yaml"), "--format", "json"
    )
    assert code == 0
    assert {i["account"] for i in items} == {A}
    assert ("orphan_value", "gamma") in {(i["kind"], i["value"]) for i in items}


def test_bad_usage_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], no_aws: None) -> None:
    assert main(["scan", "drift"]) == 2
    (tmp_path / "bad.yaml").write_text("policy: {version: 1}\ninventory: {accounts: [{id: '12'}]}\n")
    assert main(["scan", "writers", "--config", str(tmp_path / "bad.yaml")]) == 2
    assert "inventory.accounts[0].id" in capsys.readouterr().err


def test_nothing_found_where_nothing_could_be_read_does_not_read_as_all_clear(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_aws: None
) -> None:
    (tmp_path / "tagwarden.yaml").write_text(
        json.dumps(
            {
                "policy": {"version": 1, "abac_keys": ["team"]},
                "store": {"url": "sqlite:///state.db"},
                "aws": {"max_attempts": 1},
            }
        )
    )
    for scan in ("drift", "writers"):
        assert main(["scan", scan, "--config", str(tmp_path / "tagwarden.yaml")]) == 1
        captured = capsys.readouterr()
        assert "could not read" in captured.err
        assert "among what could be read" in captured.out and "could not be (above)" in captured.out
