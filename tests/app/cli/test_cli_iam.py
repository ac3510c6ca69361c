"""``tagwarden iam simulate``: table and JSON output, exit codes, cases that cannot be evaluated."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tagwarden.app.cli.main import main

SAMPLE = Path(__file__).resolve().parents[2] / "core" / "iam" / "cases" / "sample.json"
ROLE = "arn:aws:iam::111111111111:role/app-role"


def write_cases(tmp_path: Path, cases: Any) -> Path:
    path = tmp_path / "cases.json"
    path.write_text(json.dumps(cases))
    return path


def a_case(case_id: str, expected: str, identity: list[Any] | None = None) -> dict[str, Any]:
    return {
        "id": case_id,
        "policies": {"identity": identity or []},
        "request": {
            "principal": "arn:aws:iam::111111111111:user/alice",
            "action": "iam:TagRole",
            "resource": ROLE,
        },
        "expected": expected,
    }


ALLOW_ALL = {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}


def test_json_output_lists_every_case_in_input_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iam", "simulate", "--cases", str(SAMPLE), "--format", "json"]) == 0
    output = json.loads(capsys.readouterr().out)
    expected = json.loads(SAMPLE.read_text())
    assert [row["id"] for row in output] == [case["id"] for case in expected]
    assert [row["decision"] for row in output] == [case["expected"] for case in expected]
    assert all(set(row) == {"id", "decision", "explanation"} and row["explanation"] for row in output)


def test_table_shows_expected_and_actual_and_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iam", "simulate", "--cases", str(SAMPLE)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:4] == ["ID", "EXPECTED", "ACTUAL", "RESULT"]
    assert lines[-1] == "15 cases: 15 passed, 0 failed, 0 errors"


def test_a_mismatch_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = write_cases(tmp_path, [a_case("ok", "Allow", [ALLOW_ALL]), a_case("wrong", "Allow")])
    assert main(["iam", "simulate", "--cases", str(path)]) == 1
    out = capsys.readouterr().out
    assert "FAIL" in out
    assert out.splitlines()[-1] == "2 cases: 1 passed, 1 failed, 0 errors"


def test_a_case_that_cannot_be_evaluated_is_an_error_and_the_rest_still_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken_policy = a_case(
        "bad-policy", "Allow", [{"Statement": [{"Effect": "Maybe", "Action": "*", "Resource": "*"}]}]
    )
    bad_principal = a_case("bad-principal", "Allow", [ALLOW_ALL])
    bad_principal["request"]["principal"] = "alice"
    no_request = {"id": "no-request", "policies": {}, "expected": "Allow"}
    path = write_cases(
        tmp_path, [broken_policy, bad_principal, no_request, a_case("fine", "Allow", [ALLOW_ALL])]
    )
    assert main(["iam", "simulate", "--cases", str(path), "--format", "json"]) == 1
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["bad-policy"]["decision"] == "Error"
    assert (
        'policy "identity[0]", statement 0: Effect must be "Allow" or "Deny"'
        in rows["bad-policy"]["explanation"]
    )
    assert rows["bad-principal"]["decision"] == "Error"
    assert "unsupported principal" in rows["bad-principal"]["explanation"]
    assert rows["no-request"]["decision"] == "Error"
    assert rows["fine"]["decision"] == "Allow"


@pytest.mark.parametrize("content", ["not json", '{"an": "object"}'])
def test_an_unreadable_file_is_a_usage_error(
    tmp_path: Path, content: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "cases.json"
    path.write_text(content)
    assert main(["iam", "simulate", "--cases", str(path)]) == 2
    assert "tagwarden: error:" in capsys.readouterr().err


def test_a_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iam", "simulate", "--cases", str(tmp_path / "absent.json")]) == 2
    assert "cannot read" in capsys.readouterr().err


def test_iam_without_a_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["iam"]) == 2
    assert "simulate" in capsys.readouterr().err


def test_runs_as_a_module() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "tagwarden", "iam", "simulate", "--cases", str(SAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert completed.returncode == 0, completed.stderr
    assert len(json.loads(completed.stdout)) == 15
