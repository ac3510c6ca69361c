"""A target's tags from its history rows: the one place that rule is written down."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from tagwarden.core.model import KnownTags

# A snapshot or a whole-set replacement writes a row with this key before the rows of the
# keys it set: every key not set at that moment was absent.
COMPLETE_MARKER = ""


class HistoryRow(NamedTuple):
    ts: float
    event_id: str
    key: str
    value: str | None
    removed: bool
    origin: str = "event"  # or "snapshot": an inventory's reading, not a change someone made


def fold_rows(rows: Iterable[HistoryRow], case_insensitive: bool = False) -> KnownTags:
    """The tags after applying ``rows`` in (time, event id, key) order. IAM compares a user's or
    role's tag keys case-insensitively: ``case_insensitive`` folds ``Team`` and ``team`` into one
    key, named as it was last written."""
    values: dict[str, str] = {}
    absent: set[str] = set()
    unknown: set[str] = set()  # present, with a value CloudTrail hid
    complete = False
    for row in sorted(rows, key=lambda r: (r.ts, r.event_id, r.key)):
        if row.key == COMPLETE_MARKER:
            values.clear()
            absent.clear()
            unknown.clear()
            complete = True
            continue
        if case_insensitive:
            folded = row.key.casefold()
            for name in [k for k in (*values, *absent, *unknown) if k.casefold() == folded and k != row.key]:
                values.pop(name, None)
                absent.discard(name)
                unknown.discard(name)
        unknown.discard(row.key)
        absent.discard(row.key)
        values.pop(row.key, None)
        if row.removed:
            absent.add(row.key)
        elif row.value is None:
            unknown.add(row.key)
        else:
            values[row.key] = row.value
    if complete and unknown:
        complete = False  # a key is present with a value nobody saw: the set is not fully known
    return KnownTags(values=values, absent=frozenset(absent), complete=complete)
