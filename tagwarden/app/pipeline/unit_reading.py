"""Reading one unit: its records in, what is to be judged out, in event-time order. Pure work on
plain data, done in worker processes where there are workers."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tagwarden.core.arn import is_log_origin
from tagwarden.core.compute import ComputeReader
from tagwarden.core.controls import is_control_record
from tagwarden.core.normalize import Normalized, Normalizer
from tagwarden.core.ports.units import PreparedUnit, TagRecord, UnitDeferred, UnitResult
from tagwarden.core.records import ReadProblem
from tagwarden.core.records.bounds import tag_record_rejection
from tagwarden.core.records.record_checks import record_problem
from tagwarden.core.records.text import record_text
from tagwarden.core.records.triage import Skipped
from tagwarden.core.timeutil import canonical_time, parse_time

Record = dict[str, Any]


def read_unit(
    items: Iterable[Record | ReadProblem | Skipped], normalizer: Normalizer, reader: ComputeReader
) -> PreparedUnit:
    """The unit's records that give something to judge, with what reading counted: rejections,
    records, the newest event per log origin, and the calls that may weaken the controls."""
    result = UnitResult()
    controls: list[tuple[float, Record]] = []
    tagged: list[TagRecord] = []
    newest = ""
    newest_by_origin: dict[tuple[str, str], str] = {}
    for item in items:
        if isinstance(item, Skipped):  # records the reader found to matter to nothing
            result.records += item.count
            newest = max(newest, item.newest_event_time)
            for origin, latest in item.newest_by_origin.items():
                newest_by_origin[origin] = max(newest_by_origin.get(origin, ""), latest)
            continue
        if isinstance(item, ReadProblem):
            if item.transient:  # a fault in getting the bytes: nothing of this reading counts
                raise UnitDeferred(item.reason, item.detail)
            if item.fatal:
                result.fatal = item
            else:
                result.rejected.append((item.reason, item.detail))
            continue
        result.records += 1
        problem = record_problem(item)
        if problem is not None:
            result.rejected.append(("bad_record", f"{problem} (eventID {item.get('eventID')!r})"))
            continue
        when = item.get("eventTime")
        if isinstance(when, str) and when > newest:
            newest = when
        origin = (str(item.get("recipientAccountId") or ""), str(item.get("awsRegion") or ""))
        if isinstance(when, str) and when > newest_by_origin.get(origin, ""):
            newest_by_origin[origin] = when
        if is_control_record(item):
            controls.append((parse_time(when) or 0.0, item))
        kept = _relevant(item, when, result, normalizer, reader)
        if kept is not None:
            tagged.append(kept)
    result.newest_event = parse_time(newest) if newest else None
    for origin, latest in newest_by_origin.items():
        moment = parse_time(latest)
        if moment is not None and is_log_origin(*origin):
            result.newest_by_origin[origin] = moment
    # CloudTrail delivers out of order: judge in event-time order within the unit; across
    # units, the store's as-of reads give each change the value before it.
    tagged.sort(key=lambda t: (t.ts, t.event_id))
    return PreparedUnit(result, tagged, controls)


def _relevant(
    item: Record, when: Any, result: UnitResult, normalizer: Normalizer, reader: ComputeReader
) -> TagRecord | None:
    """The record as something to judge (a tag write, a session, a role given to compute), or
    None when it is none of those or cannot be judged (counted in ``result``)."""
    normalized = normalizer.normalize(item)
    compute = reader.read(item)
    if normalized.spec is None and compute is None:
        return None
    event_id = str(item.get("eventID") or "")
    if normalized.unreadable is not None and compute is None:
        result.unreadable.append((str(item["eventSource"]), event_id, normalized.unreadable))
        return None
    rejected = tag_record_rejection(item, normalized.changes, normalized.session)
    if rejected is not None:
        result.rejected.append(rejected)
        return None
    ts = parse_time(when)
    assert ts is not None  # tag_record_rejection checked it
    if normalized.unreadable is not None:  # the compute part is still judged
        result.unreadable.append((str(item["eventSource"]), event_id, normalized.unreadable))
        normalized = Normalized(spec=normalized.spec)
    session = normalized.session
    if session is not None and not session.effective_tags():
        # A session without tags of its own or inherited changes no later judgement (its
        # callers' tags are their role's): not kept, as the fast reader does not decode it.
        session = None
    if not (normalized.changes or session is not None or compute is not None):
        return None
    ids = {c.event_id for c in normalized.changes}
    if compute is not None:
        ids.add(compute.grants[0].ctx.event_id if compute.grants else event_id)
    # Without its spec: what is judged is the changes and the session (and it pickles small).
    slim = Normalized(changes=normalized.changes, session=session)
    event_time = canonical_time(item.get("eventTime"))
    chosen_id = ids.pop() if len(ids) == 1 else event_id
    return TagRecord(ts, chosen_id, record_text(item), event_time, slim, compute)
