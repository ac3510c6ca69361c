"""Bounds on one tag-writing record, checked before it is judged: nesting, tag count, key and
value sizes, and text that cannot be stored (a lone UTF-16 surrogate such as ``\\ud800``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from tagwarden.core.model import TagChange
from tagwarden.core.model.change import SessionGrant
from tagwarden.core.records.limits import DEFAULT_LIMITS, ReadLimits
from tagwarden.core.records.record_checks import tag_record_problem
from tagwarden.core.records.text import TextRecord
from tagwarden.core.timeutil import parse_time

_SURROGATE = re.compile("[\ud800-\udfff]")


def nesting_depth_exceeds(value: Any, limit: int) -> bool:
    """True if ``value`` holds arrays and objects nested deeper than ``limit``."""
    # Level by level: each level is one comprehension over its containers' children, not a
    # Python step per value (most of a record's values are strings).
    level = [value] if isinstance(value, (dict, list)) else []
    depth = 1
    while level:
        if depth > limit:
            return True
        children: list[Any] = []
        for item in level:
            values = item.values() if isinstance(item, dict) else item
            children += [child for child in values if isinstance(child, (dict, list))]
        level = children
        depth += 1
    return False


def record_nests_deeper(record: Any, limit: int) -> bool:
    """``nesting_depth_exceeds`` for a record, answered from its own JSON text where it keeps it:
    each level of nesting opens with a bracket, so a text with no more brackets than ``limit``
    (brackets inside strings only add to the count) cannot nest deeper, and nothing is walked."""
    if isinstance(record, TextRecord) and record.text.count("{") + record.text.count("[") <= limit:
        return False
    return nesting_depth_exceeds(record, limit)


def _texts(change: TagChange) -> Iterator[str]:
    """Every text a change holds but its tags (which ``_tags`` gives): the store keeps them all."""
    actor = change.actor
    yield from (change.event_id, change.event_time, change.event_source, change.event_name)
    yield from (change.account, change.region, change.target, change.outcome)
    yield from (actor.arn, actor.type, actor.account)
    yield from (t for t in (actor.session_arn, actor.access_key_id, actor.user_agent, actor.invoked_by) if t)
    yield from (t for t in (actor.source_ip,) if t)


def _storable(text: str) -> bool:
    return text.isascii() or _SURROGATE.search(text) is None


def _tags(changes: tuple[TagChange, ...], session: SessionGrant | None) -> Iterator[tuple[str, str | None]]:
    for change in changes:
        yield from change.set.items()
        yield from ((key, None) for key in change.removed)
    if session is not None:
        yield from session.tags.items()


def tag_record_bounds(
    record: dict[str, Any],
    changes: tuple[TagChange, ...],
    session: SessionGrant | None,
    limits: ReadLimits = DEFAULT_LIMITS,
) -> tuple[str, str] | None:
    """(reason, detail) if the record goes beyond a bound, else None."""
    if record_nests_deeper(record, limits.max_nesting):
        return "too_deep", f"the record nests deeper than {limits.max_nesting} levels"
    for count, (key, value) in enumerate(_tags(changes, session), start=1):
        if count > limits.max_tags_per_record:
            return "too_many_tags", f"the record writes more than {limits.max_tags_per_record} tags"
        if len(key) > limits.max_key_chars:
            return "key_too_long", f"a tag key is {len(key)} characters, over {limits.max_key_chars}"
        if value is not None and len(value) > limits.max_value_chars:
            return "value_too_long", f"a tag value is {len(value)} characters, over {limits.max_value_chars}"
        if not _storable(key) or (value is not None and not _storable(value)):
            return "not_unicode", "a tag key or value holds a lone UTF-16 surrogate"
    for change in changes:
        texts = list(_texts(change))
        if not "".join(texts).isascii() and not all(_storable(text) for text in texts):
            return "not_unicode", "a field of the record holds a lone UTF-16 surrogate"
    return None


def tag_record_rejection(
    record: dict[str, Any], changes: tuple[TagChange, ...], session: SessionGrant | None
) -> tuple[str, str] | None:
    """(reason, detail) where a tag-writing record is not judged: beyond a bound, a field missing
    or of the wrong type, or an eventTime that is no timestamp. What replay and the daemon reject,
    ``tagwarden normalize`` reports alike."""
    event_id = str(record.get("eventID") or "")
    bounds = tag_record_bounds(record, changes, session)
    if bounds is not None:
        return bounds[0], f"{bounds[1]} (eventID {event_id[:200]!r})"
    problem = tag_record_problem(record)
    when = record.get("eventTime")
    if problem is None and parse_time(when) is None:
        problem = f"eventTime {when!r} is not a timestamp"
    return None if problem is None else ("bad_record", f"{problem} (eventID {event_id!r})")
