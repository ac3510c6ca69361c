"""check-config looks at the files the configuration names, not only at its keys."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tagwarden.app.cli.main import main

ORGANIZATION = """
inventory:
  organization:
    source: files
    accounts:
      - {account: default, scps: [[scps/full-access.json], [scps/deny-tagging.json]]}
"""


def _config(tmp_path: Path, text: str) -> str:
    path = tmp_path / "tagwarden.yaml"
    path.write_text("policy: {version: 1}\n" + text)
    return str(path)


def test_an_scp_file_that_cannot_be_read_is_a_configuration_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "scps").mkdir()
    (tmp_path / "scps" / "full-access.json").write_text(
        json.dumps(
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
        )
    )
    config = _config(tmp_path, ORGANIZATION)
    assert main(["check-config", "--config", config]) == 2
    err = capsys.readouterr().err
    assert "inventory.organization.accounts[0].scps[1]" in err and "deny-tagging.json" in err
    (tmp_path / "scps" / "deny-tagging.json").write_text('{"Version": "2012-10-17", "Statement": []}')
    assert main(["check-config", "--config", config]) == 0


def test_a_files_source_path_not_there_yet_is_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "here").mkdir()
    sources = "sources: [{type: files, name: copy, paths: [here, later, 's3://bucket/AWSLogs/']}]\n"
    assert main(["check-config", "--config", _config(tmp_path, sources)]) == 0
    captured = capsys.readouterr()
    assert "config OK" in captured.out
    assert captured.err.count("warning") == 1 and f"{tmp_path / 'later'} does not exist" in captured.err


def test_a_policy_given_as_the_config_says_which_file_to_give(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = tmp_path / "policy.yaml"
    policy.write_text("version: 1\nabac_keys: [team]\nrules: []\n")
    assert main(["check-config", "--config", str(policy)]) == 2
    assert "looks like a governance policy, not a tagwarden.yaml" in capsys.readouterr().err
    config = tmp_path / "tagwarden.yaml"
    config.write_text("store: {url: 'sqlite:///state.db'}\n")  # a config without its policy: no such hint
    assert main(["check-config", "--config", str(config)]) == 2
    assert "looks like a governance policy" not in capsys.readouterr().err
