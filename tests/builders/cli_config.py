"""The smallest configurations a CLI or daemon test needs: an inline policy, a SQLite store next to
it, and AWS settings of the test's choosing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml


def write_config(folder: Path, **aws: Any) -> Path:
    config = folder / "tagwarden.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "policy": {"version": 1, "abac_keys": ["team"]},
                "store": {"url": "sqlite:///state.db"},
                "aws": {"max_attempts": 1, **aws},
            }
        )
    )
    return config


def write_daemon_config(folder: Path, **more: Any) -> Path:
    """A daemon's: no inline ABAC keys, HTTP on a free port, no principal inventory, one AWS attempt;
    ``more`` adds top-level keys (``sources``)."""
    config = folder / "tagwarden.yaml"
    document = {
        "policy": {"version": 1},
        "store": {"url": "sqlite:///state.db"},
        "http": {"listen": "127.0.0.1:0"},
        "aws": {"principal_inventory_interval_seconds": 0, "max_attempts": 1},
        **more,
    }
    config.write_text(yaml.safe_dump(document))
    return config
