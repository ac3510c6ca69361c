"""Whether a trail's event selectors still log management write events (where tag writes are).

Basic selectors (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_EventSelector.html):
``includeManagementEvents`` (default true) with ``readWriteType`` All or WriteOnly (default All).
Advanced selectors (https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedEventSelector.html,
https://docs.aws.amazon.com/awscloudtrail/latest/APIReference/API_AdvancedFieldSelector.html): a selector
whose ``eventCategory`` equals Management and whose ``readOnly`` does not keep only read events.

Management events of two sources may be left out while the others are logged
(``excludeManagementEventSources``; ``eventSource`` NotEquals): ``rdsdata.amazonaws.com``, which
writes no tags, and ``kms.amazonaws.com``, which does: a KMS key's tags (TagResource, CreateKey's
``Tags``) are ABAC tags (https://docs.aws.amazon.com/kms/latest/developerguide/abac.html).
"""

from __future__ import annotations

from typing import Any

# Event sources a trail may stop logging the management events of, while logging the others, whose
# calls write tags tagwarden judges.
TAG_WRITING_EXCLUDABLE = ("kms.amazonaws.com",)


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


def _advanced_keeps_source(selector: dict[str, Any], source: str) -> bool:
    field = _fields(selector).get("eventSource")
    if field is None:
        return True
    if _values(field, "equals") and source not in _values(field, "equals"):
        return False
    if source in _values(field, "notEquals"):
        return False
    return not any(source.startswith(prefix) for prefix in _values(field, "notStartsWith"))


def _basic_keeps_source(selector: dict[str, Any], source: str) -> bool:
    excluded = selector.get("excludeManagementEventSources")
    return not (isinstance(excluded, list) and source in excluded)


def unlogged_tag_sources(request: dict[str, Any]) -> list[str]:
    """Of TAG_WRITING_EXCLUDABLE, the event sources whose management writes a PutEventSelectors
    request no longer logs (where it still logs management writes at all)."""
    advanced = request.get("advancedEventSelectors")
    if isinstance(advanced, list) and advanced:
        selectors = [s for s in advanced if isinstance(s, dict) and _advanced_logs_writes(s)]
        keeps = _advanced_keeps_source
    else:
        basic = request.get("eventSelectors")
        selectors = (
            [s for s in basic if isinstance(s, dict) and _basic_logs_writes(s)]
            if isinstance(basic, list)
            else []
        )
        keeps = _basic_keeps_source
    if not selectors:
        return []
    return [source for source in TAG_WRITING_EXCLUDABLE if not any(keeps(s, source) for s in selectors)]
