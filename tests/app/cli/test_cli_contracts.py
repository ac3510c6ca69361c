"""The command line's contracts with scripts: exit 2 and a message (never a traceback) for bad
input, and standard JSON whenever ``--format json`` is asked."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tagwarden.app.cli.main import main


def _config(tmp_path: Path) -> Path:
    config = tmp_path / "tagwarden.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "policy": {"version": 1, "abac_keys": ["team"]},
                "store": {"url": "sqlite:///state.db"},
                "aws": {"principal_inventory_interval_seconds": 0, "max_attempts": 1},
            }
        )
    )
    return config


def test_findings_list_refuses_a_negative_limit(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # SQLite reads LIMIT -1 as "no limit" and PostgreSQL refuses it with a driver error: either
    # way not what was asked. It is bad usage, as on /api/findings.
    config = _config(tmp_path)
    with pytest.raises(SystemExit) as exit_:
        main(["findings", "list", "--config", str(config), "--limit", "-1"])
    assert exit_.value.code == 2
    assert "--limit" in capsys.readouterr().err
    assert main(["findings", "list", "--config", str(config), "--limit", "0", "--format", "json"]) == 0
    assert capsys.readouterr().out.strip() == "[]"
