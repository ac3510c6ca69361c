"""JSON that every parser takes: what the findings API sends and ``--format json`` prints."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from typing import Any


def standard_json(data: Any) -> str:
    """``data`` as standard JSON (indented). A CloudTrail record may hold NaN or an infinity, which
    Python's json module writes as bare ``NaN`` and ``Infinity`` that no other parser takes: those
    are written as strings."""
    try:
        return json.dumps(data, indent=2, default=str, allow_nan=False)
    except ValueError:
        return json.dumps(_finite(data), indent=2, default=str, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, Mapping):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(v) for v in value]
    return value
