"""The command line, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tagwarden.app.cli.main import main
from tests.builders.cli_config import write_config
from tests.conftest import FIXTURES

SAMPLES = FIXTURES / "cloudtrail" / "samples"


def test_help_explains_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for command in ("run", "replay", "normalize", "findings", "check-config", "iam", "demo"):
        assert command in out
    assert main([]) == 2


def test_normalize_prints_one_object_per_change_for_every_sample(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", str(SAMPLES)]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    changes = [line for line in lines if "unreadable" not in line]
    unreadable = [line for line in lines if "unreadable" in line]
    assert len(changes) >= 30
    for change in changes:
        for field in (
            "event_id",
            "event_name",
            "event_source",
            "actor",
            "target",
            "set",
            "removed",
            "replace_all",
            "at_creation",
            "outcome",
        ):
            assert field in change
    assert {u["event_source"] for u in unreadable} == {"fsx.amazonaws.com"}  # the docs example lost its tags


def test_normalize_reports_what_replay_would_not_judge_as_replay_counts_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The ConsoleMe sample's eventTime is a template placeholder: replay rejects it as bad_record.
    sample = SAMPLES / "Netflix-consoleme__TagRole__1.json"
    assert main(["normalize", str(sample)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "bad_record: eventTime '<python-expr:current_time>' is not a timestamp" in captured.err
    record = json.loads(sample.read_text())
    huge = {**record, "eventTime": "2024-05-01T10:00:00Z", "eventID": "huge"}
    huge["requestParameters"] = {
        **record["requestParameters"],
        "tags": [{"key": "team", "value": "x" * 5000}],
    }
    unnamed = {**huge, "eventID": "no-source", "eventSource": None}
    (tmp_path / "r.json").write_text(json.dumps({"Records": [huge, unnamed]}))
    assert main(["normalize", str(tmp_path / "r.json")]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "value_too_long" in captured.err and "bad_record: eventSource is missing" in captured.err


def test_normalize_reports_unreadable_files_and_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["normalize", str(FIXTURES / "malformed" / "truncated.json.gz")]) == 1
    captured = capsys.readouterr()
    assert "truncated_gzip" in captured.err
    assert len(captured.out.splitlines()) == 2  # the two records before the cut
    assert main(["normalize", "/no/such/file"]) == 2


def test_findings_list_show_ack_resolve(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], no_aws: None
) -> None:
    config = write_config(tmp_path, principal_inventory_interval_seconds=0)
    # Judge the demo-style record through replay so the store holds a real finding.
    log = tmp_path / "log.json"
    record = json.loads(
        (FIXTURES / "cloudtrail" / "samples" / "Netflix-consoleme__TagRole__1.json").read_text()
    )
    record["eventTime"] = "2024-01-01T00:00:00Z"
    record["requestParameters"]["tags"] = [{"key": "team", "value": "beta"}]
    log.write_text(json.dumps({"Records": [record]}))
    assert main(["replay", "--config", str(config), "--quiet", str(log)]) == 0
    assert "1 new finding" in capsys.readouterr().out
    assert main(["findings", "list", "--config", str(config), "--format", "json"]) == 0
    (finding,) = json.loads(capsys.readouterr().out)
    assert finding["kind"] == "principal_retag"
    assert main(["findings", "list", "--config", str(config)]) == 0
    assert "principal_retag" in capsys.readouterr().out
    assert main(["findings", "list", "--config", str(config), "--kind", "lockout"]) == 0
    assert "no findings match" in capsys.readouterr().out
    assert main(["findings", "show", finding["id"], "--config", str(config)]) == 0
    shown = capsys.readouterr().out
    assert "principal_retag" in shown and f"tagwarden findings ack {finding['id']}" in shown
    assert main(["findings", "ack", finding["id"], "--config", str(config)]) == 0
    assert (
        main(["findings", "list", "--config", str(config), "--status", "acknowledged", "--format", "json"])
        == 0
    )
    capsys.readouterr()
    assert main(["findings", "resolve", finding["id"], "tw-unknown", "--config", str(config)]) == 1
    assert "tw-unknown" in capsys.readouterr().err
    assert main(["findings", "show", "tw-unknown", "--config", str(config)]) == 1
    with pytest.raises(SystemExit) as exit_:
        main(["findings", "list", "--config", str(config), "--severity", "urgent"])
    assert exit_.value.code == 2
