"""A record as the JSON text the store keeps of it."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any


class TextRecord(dict[str, Any]):
    """A record decoded from its own JSON text in a log file, which it keeps: the store keeps that
    text (the same JSON value) instead of encoding the record again."""

    __slots__ = ("text",)

    def __init__(self, record: Mapping[str, Any], text: str) -> None:
        super().__init__(record)
        self.text = text


def record_text(record: Mapping[str, Any]) -> str:
    """The record as JSON text; made where the record is read (a worker process, when there are
    several), so that what is handed to the committing process is a string, not a tree of objects."""
    if isinstance(record, TextRecord):
        return record.text
    return json.dumps(record, separators=(",", ":"))
