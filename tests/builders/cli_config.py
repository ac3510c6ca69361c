"""The smallest configuration a CLI test needs: an inline policy, a SQLite store next to it, and
AWS settings of the test's choosing."""

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
