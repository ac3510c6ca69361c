"""Reading the members of a CloudTrail record's request and response, as every compute reader does."""

from __future__ import annotations

from typing import Any

from tagwarden.core.normalize.operations import first_present

EC2 = "ec2.amazonaws.com"


def member(obj: Any, path: str) -> Any:
    """The member at ``path`` (dotted, spelled as the normalizer reads it), or None."""
    found = first_present(obj, (path,)) if isinstance(obj, dict) else None
    return found[1] if found else None


def text(value: Any) -> str | None:
    """A non-empty string, or None."""
    return value if isinstance(value, str) and value else None


def unwrap(obj: Any, wrapper: str) -> dict[str, Any]:
    """EC2's newer calls log ``{"<Op>Request": {...}}`` / ``{"<Op>Response": {...}}``."""
    if not isinstance(obj, dict):
        return {}
    inner = member(obj, wrapper)
    return inner if isinstance(inner, dict) else obj
