"""The few fields a record must have, and of the right type, before it is judged."""

from __future__ import annotations

from typing import Any


def record_problem(record: dict[str, Any]) -> str | None:
    """Why a record cannot be used at all, or None. Checked for every record, so kept cheap."""
    source = record.get("eventSource")
    name = record.get("eventName")
    if not isinstance(source, str) or not source:
        return "eventSource is missing" if source is None else f"eventSource is {type(source).__name__}"
    if not isinstance(name, str) or not name:
        return "eventName is missing" if name is None else f"eventName is {type(name).__name__}"
    return None


def tag_record_problem(record: dict[str, Any]) -> str | None:
    """The stricter checks for records that are judged (tag writes only)."""
    when = record.get("eventTime")
    if not isinstance(when, str):
        return (
            "eventTime is missing"
            if when is None
            else f"eventTime is {type(when).__name__}, expected a string"
        )
    identity = record.get("userIdentity")
    if identity is not None and not isinstance(identity, dict):
        return f"userIdentity is {type(identity).__name__}, expected an object"
    return None
