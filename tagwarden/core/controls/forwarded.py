"""Which of what tagwarden reads an EventBridge rule's event pattern forwards: the CloudTrail record of
each catalogued tag write and of each control call (as EventBridge carries it, detail-type "AWS API
Call via CloudTrail"), and S3's "Object Created" event announcing a new log file.

The events are described in part (event_pattern.Partial): their detail-type, the record's eventSource
and eventName, and no errorCode (a write that took effect) are known; everything else is unknown, so a
pattern that asks about it gives "maybe". An event's ``source`` is "aws." and the first label of its
eventSource for most services, but not all (CloudWatch's is aws.cloudwatch for monitoring.amazonaws.com):
where a pattern names a source outside that derivation, the source is taken as unknown.
"""

from __future__ import annotations

import json
from functools import cache, lru_cache
from typing import Any

from tagwarden.core.controls.event_pattern import UNKNOWN, Partial, matches
from tagwarden.core.normalize.normalizer import default_specs

CLOUDTRAIL_DETAIL_TYPE = "AWS API Call via CloudTrail"
S3_OBJECT_CREATED = "Object Created"  # the detail-type of S3's own event on EventBridge
S3_EVENTS = "S3 Object Created events"  # the name this module gives them beside the event sources
# EventBridge takes patterns of 2,048 characters, 4,096 with a raised quota: a longer one in a record
# (a failed call, or a forged one) is not matched (unknown), as matching costs its length per event.
MAX_PATTERN_CHARS = 8192
_ENVELOPE = ("version", "id", "account", "time", "region", "resources")


def _derived_source(event_source: str) -> str:
    return "aws." + event_source.split(".", 1)[0]


@cache
def _read_calls() -> tuple[tuple[str, str], ...]:
    """(eventSource, eventName) of every call tagwarden judges: tag writes and control calls."""
    # Imported here: classify's handlers import this module (PutRule is judged by what it forwards).
    from tagwarden.core.controls.classify import HANDLERS, LEARNING  # noqa: PLC0415

    calls = {(spec.event_source, spec.event_name) for spec in default_specs()} | set(HANDLERS) | LEARNING
    return tuple(sorted(calls))


@cache
def _derived_sources() -> frozenset[str]:
    return frozenset(_derived_source(source) for source, _ in _read_calls()) | {"aws.s3"}


def _source_known(pattern: dict[str, Any]) -> bool:
    """Whether every source the pattern (or any $or branch) names is one the derivation gives."""
    named: list[Any] = []
    for branch in [pattern, *(pattern.get("$or") or [])]:
        if isinstance(branch, dict) and isinstance(branch.get("source"), list):
            named += branch["source"]
    return all(isinstance(item, str) and item in _derived_sources() for item in named)


def _record_event(event_source: str, event_name: str, source_known: bool) -> Partial:
    detail = Partial(
        {"eventSource": event_source, "eventName": event_name},
        absent=frozenset({"errorCode", "errorMessage"}),
    )
    return _envelope(
        _derived_source(event_source) if source_known else UNKNOWN, CLOUDTRAIL_DETAIL_TYPE, detail
    )


def _envelope(source: Any, detail_type: str, detail: Partial) -> Partial:
    return Partial(
        {"source": source, "detail-type": detail_type, "detail": detail, **dict.fromkeys(_ENVELOPE, UNKNOWN)}
    )


@lru_cache(maxsize=256)
def forwarded(pattern_text: str) -> dict[str, bool | None]:
    """For each event source of a tag write or control call (and ``S3_EVENTS``): whether the pattern
    forwards its calls (True: some of them; False: none; None: it depends on what is not known)."""
    if len(pattern_text) > MAX_PATTERN_CHARS:
        return _unknown()
    try:
        pattern = json.loads(pattern_text)
        if isinstance(pattern, dict):
            return _forwarded(pattern)
    except (ValueError, RecursionError):
        pass
    return _unknown()


def _unknown() -> dict[str, bool | None]:
    return {S3_EVENTS: None, **{source: None for source, _ in _read_calls()}}


def _forwarded(pattern: dict[str, Any]) -> dict[str, bool | None]:
    known = _source_known(pattern)
    result: dict[str, bool | None] = {}
    for event_source, event_name in _read_calls():
        found = matches(pattern, _record_event(event_source, event_name, known))
        before = result.get(event_source, False)
        result[event_source] = (
            True if True in (before, found) else (None if None in (before, found) else False)
        )
    s3_source = "aws.s3" if known else UNKNOWN
    result[S3_EVENTS] = matches(pattern, _envelope(s3_source, S3_OBJECT_CREATED, Partial()))
    return result


def pattern_text(pattern: Any) -> str:
    """A rule's pattern as PutRule's record or DescribeRule gives it (JSON text, or decoded)."""
    return pattern if isinstance(pattern, str) else json.dumps(pattern, sort_keys=True)


def names_what_tagwarden_reads(text: str) -> bool:
    """Cheap test: the pattern's text names CloudTrail's or S3's detail-type."""
    return CLOUDTRAIL_DETAIL_TYPE in text or S3_OBJECT_CREATED in text


def forwards_any(pattern: Any) -> bool | None:
    """Whether the pattern forwards anything tagwarden reads."""
    values = forwarded(pattern_text(pattern)).values()
    return True if True in values else (None if None in values else False)


def no_longer_forwarded(before: Any, after: Any) -> list[str]:
    """What ``before`` forwarded (or may have) that ``after`` certainly does not."""
    old, new = forwarded(pattern_text(before)), forwarded(pattern_text(after))
    return sorted(name for name, was in old.items() if was is not False and new.get(name) is False)
