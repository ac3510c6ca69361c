"""Tag values are chosen by whoever writes tags: what the CLI prints of them must not drive the
terminal (issue 16, finding 12)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tagwarden.app.cli.main import main
from tagwarden.app.cli.output import safe_text
from tagwarden.core.records import iter_records
from tests.faults.builders import Wired, self_retag

HOSTILE = "beta\x1b[2J\x1b[31m\rFAKE: all clear\x07\u202egnp.exe\u2028\x9b"
RAW = ("\x1b", "\r", "\x07", "\u202e", "\u2028", "\x9b")


def test_findings_list_and_show_escape_control_and_bidi_characters(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    wired = Wired(tmp_path / "state.db")
    body = json.dumps({"Records": [self_retag("hostile", HOSTILE)]}).encode()
    result = wired.processor.process(iter_records(io.BytesIO(body)), source="test", unit="u")
    assert result.new_findings
    config = tmp_path / "tagwarden.yaml"
    config.write_text(json.dumps({"policy": {"version": 1}, "store": {"url": "sqlite:///state.db"}}))
    capsys.readouterr()

    assert main(["findings", "list", "--config", str(config)]) == 0
    listed = capsys.readouterr().out
    finding_id = result.new_findings[0].id
    assert main(["findings", "show", finding_id, "--config", str(config)]) == 0
    shown = capsys.readouterr().out
    for output in (listed, shown):
        assert not any(char in output for char in RAW), repr(output)
    assert "\\x1b[2J" in shown and "\\x0dFAKE" in shown and "\\u202e" in shown


def test_safe_text_leaves_ordinary_text_alone() -> None:
    assert safe_text("équipe-ß team=beta") == "équipe-ß team=beta"
    assert safe_text("a\tb\nc") == "a\\x09b\\x0ac"
