"""Whether a trail's event selectors still log management write events (where tag writes are).

Basic selectors (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html):
``includeManagementEvents`` (default true) with ``readWriteType`` All or WriteOnly (default All).
Advanced selectors (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedEventSelector.html,
https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html): a selector
whose ``eventCategory`` equals Management and whose ``readOnly`` does not keep only read events. For
management events ``eventSource`` may only exclude kms or rdsdata (NotEquals), neither of which writes
tags, so it narrows nothing tagwarden reads.
"""

from __future__ import annotations

from typing import Any


def _values(selector: dict[str, Any], operator: str) -> list[str]:
    value = selector.get(operator)
    return [str(v) for v in value] if isinstance(value, list) else []


def _fields(selector: dict[str, Any]) -> dict[str, dict[str, Any]]:
    fields = selector.get("fieldSelectors")
    if not isinstance(fields, list):
        return {}
    return {str(f.get("field")): f for f in fields if isinstance(f, dict)}


def _advanced_logs_writes(selector: dict[str, Any]) -> bool:
    fields = _fields(selector)
    category = fields.get("eventCategory")
    if category is None or "Management" not in _values(category, "equals"):
        return False
    read_only = fields.get("readOnly")
    if read_only is None:
        return True
    if "true" in [v.lower() for v in _values(read_only, "equals")]:
        return False
    return "false" not in [v.lower() for v in _values(read_only, "notEquals")]


def _basic_logs_writes(selector: dict[str, Any]) -> bool:
    include = selector.get("includeManagementEvents", True)
    if include is False or str(include).lower() == "false":
        return False
    return str(selector.get("readWriteType") or "All") in ("All", "WriteOnly")


def logs_management_writes(request: dict[str, Any]) -> bool:
    """True if the PutEventSelectors request keeps logging management write events."""
    advanced = request.get("advancedEventSelectors")
    if isinstance(advanced, list) and advanced:
        return any(_advanced_logs_writes(s) for s in advanced if isinstance(s, dict))
    basic = request.get("eventSelectors")
    if isinstance(basic, list):
        return any(_basic_logs_writes(s) for s in basic if isinstance(s, dict))
    return False
