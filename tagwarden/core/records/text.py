"""A record as the JSON text the store keeps of it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


def record_text(record: Mapping[str, Any]) -> str:
    """Compact JSON; made where the record is read (a worker process, when there are several), so
    that what is handed to the committing process is a string, not a tree of objects."""
    return json.dumps(record, separators=(",", ":"))
