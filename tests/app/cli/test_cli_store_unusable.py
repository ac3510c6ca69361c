"""A store.url tagwarden cannot use fails every command with one line saying what to change."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagwarden.app.cli.main import main

COMMANDS = [["findings", "list"], ["db", "migrate"], ["run", "--once"], ["replay", "{logs}"]]


@pytest.mark.usefixtures("no_aws")
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("store", ["a-file/state.db", "not-a-database.db"])
def test_an_unusable_store_is_one_line_and_exit_1(
    command: list[str], store: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-file").write_text("a file where the store's folder should be")
    (tmp_path / "not-a-database.db").write_text("x" * 200)
    (tmp_path / "logs").mkdir()
    config = tmp_path / "tagwarden.yaml"
    config.write_text(f"policy: {{version: 1}}\nstore: {{url: 'sqlite:///{tmp_path / store}'}}\n")
    args = [part.format(logs=tmp_path / "logs") for part in command]
    assert main([*args, "--config", str(config)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.startswith("tagwarden: error: ") and err.count("\n") == 1
    assert ("store.url" in err) if store.startswith("a-file") else ("not a database" in err)


@pytest.mark.usefixtures("no_aws")
@pytest.mark.parametrize(
    "command", [["findings", "list"], ["findings", "ack", "f-1"], ["quarantine", "list"]]
)
def test_reading_a_store_that_is_not_there_says_so_and_makes_none(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = tmp_path / "tagwarden.yaml"
    config.write_text("policy: {version: 1}\nstore: {url: 'sqlite:///state/tagwarden.db'}\n")
    assert main([*command, "--config", str(config)]) == 1
    assert f"no store at {tmp_path / 'state' / 'tagwarden.db'}" in capsys.readouterr().err
    assert not (tmp_path / "state").exists()
