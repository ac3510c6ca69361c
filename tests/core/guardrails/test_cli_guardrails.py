"""``tagwarden guardrails``: JSON, Terraform and CloudFormation output, files, exit codes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tagwarden.app.cli import cmd_guardrails
from tagwarden.app.cli.main import main
from tagwarden.core.guardrails import Proof

CONFIG = Path(__file__).resolve().parents[3] / "config" / "tagwarden.yaml"
POLICY = Path(__file__).resolve().parents[3] / "config" / "policy.yaml"


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guardrails", "--config", str(CONFIG), "--services", "s3,iam,sts"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"scps", "rcps", "tag_policies", "proof", "limitations"}
    assert {"name", "document"} <= set(out["scps"][0])
    assert out["proof"]["failures"] == []
    assert (
        out["proof"]["cases"]
        == out["proof"]["allowed_writers"]
        + out["proof"]["denied_others"]
        + out["proof"]["ungoverned_allowed"]
    )


@pytest.mark.parametrize(
    ("fmt", "name"), [("terraform", "guardrails.tf"), ("cloudformation", "guardrails.template.json")]
)
def test_out_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str, name: str) -> None:
    code = main(
        ["guardrails", "--config", str(POLICY), "--format", fmt, "--out", str(tmp_path), "--services", "ec2"]
    )
    assert code == 0
    text = (tmp_path / name).read_text()
    assert "aws_organizations_policy" in text or "AWS::Organizations::Policy" in text
    assert "limitations" in capsys.readouterr().err


def test_bad_policy_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "policy.yaml"
    bad.write_text("version: 1\nrules:\n  - id: r\n    keys: []\n")
    assert main(["guardrails", "--config", str(bad)]) == 2
    assert "keys" in capsys.readouterr().err


def test_unknown_services_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guardrails", "--config", str(POLICY), "--services", "nosuchservice"]) == 2


def test_failures_exit_1_and_are_listed(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = cmd_guardrails.build_guardrails

    def tampered(policy: Any, table: Any) -> Any:
        built = real(policy, table)
        failure = {
            "rule": "r",
            "actor": "a",
            "action": "s3:TagResource",
            "what": "writes",
            "expected": "Allow",
            "got": "ExplicitDeny",
            "explanation": "x",
        }
        proof = Proof(built.proof.cases, built.proof.allowed_writers, built.proof.denied_others, 0, [failure])
        return type(built)(built.scps, built.rcps, built.tag_policies, built.limitations, proof)

    monkeypatch.setattr(cmd_guardrails, "build_guardrails", tampered)
    assert main(["guardrails", "--config", str(POLICY), "--services", "s3"]) == 1
    err = capsys.readouterr().err
    assert "FAIL [r] a s3:TagResource" in err
