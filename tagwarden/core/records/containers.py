"""Every container a CloudTrail record arrives in, reduced to a stream of records.

- a log file: ``{"Records": [...]}`` (.json or .json.gz)
- an EventBridge "AWS API Call via CloudTrail" event: the record is its ``detail``
- a LookupEvents response or item: ``CloudTrailEvent`` is the record as a JSON *string*
- JSON lines, a JSON array, or a bare record
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from tagwarden.core.records.json_stream import ChunkedText, StreamError, iter_array, iter_object_members
from tagwarden.core.records.limits import DEFAULT_LIMITS, ReadLimits
from tagwarden.core.records.opening import CHUNK_BYTES, OpenError, open_maybe_gzip

Record = dict[str, Any]
_STREAMED = frozenset({"Records", "Events"})


@dataclass(frozen=True, slots=True)
class ReadProblem:
    """Something that could not be read; ``reason`` is a short label fit for a metric.

    ``fatal`` problems concern the document as a whole (it is not JSON, not gzip, not CloudTrail):
    reading it again will not help, and whatever carried it should go to a dead-letter queue.
    The others concern one record, which is skipped while the rest are read. ``transient``
    problems are fatal to this reading only: the same bytes may read fine later.
    """

    reason: str
    detail: str
    fatal: bool = False
    # A fault in getting the bytes (a 5xx, a reset, a body cut short), not in the document:
    # the unit is left uncommitted and read again, without counting against the document.
    transient: bool = False


def looks_like_record(value: dict[str, Any]) -> bool:
    """A CloudTrail record, as opposed to a container of records or another kind of document."""
    return "eventVersion" in value or ("eventSource" in value and "eventName" in value)


def iter_records_from_value(value: Any, depth: int = 0) -> Iterator[Record | ReadProblem]:
    """The records inside one decoded JSON value, whatever container it is."""
    fatal = depth == 0
    if depth > 4:
        yield ReadProblem("not_cloudtrail", "containers nested too deep", fatal)
        return
    if isinstance(value, list):
        for element in value:
            yield from iter_records_from_value(element, depth + 1)
        return
    if not isinstance(value, dict):
        yield ReadProblem("not_cloudtrail", f"expected a JSON object, found {type(value).__name__}", fatal)
        return
    if "detail-type" in value and "detail" in value:
        detail = value["detail"]
        if isinstance(detail, dict) and looks_like_record(detail):
            yield detail
        else:
            kind = value.get("detail-type")
            yield ReadProblem(
                "not_cloudtrail", f"EventBridge event of type {kind!r} carries no CloudTrail record", fatal
            )
        return
    if "CloudTrailEvent" in value:
        embedded = value["CloudTrailEvent"]
        try:
            record = json.loads(embedded) if isinstance(embedded, str) else embedded
        except (ValueError, RecursionError) as exc:  # JSONDecodeError, digit limit, nesting
            yield ReadProblem(
                "invalid_json", f"LookupEvents item's CloudTrailEvent is not JSON: {exc!r}"[:500], fatal
            )
            return
        if isinstance(record, dict):
            yield record
        else:
            yield ReadProblem("not_cloudtrail", "LookupEvents item's CloudTrailEvent is not an object", fatal)
        return
    for key in ("Records", "Events"):
        if key in value and not looks_like_record(value):
            inner = value[key]
            if isinstance(inner, list):
                yield from iter_records_from_value(inner, depth + 1)
            else:
                yield ReadProblem(
                    "not_cloudtrail", f"{key!r} is {type(inner).__name__}, expected a list", fatal
                )
            return
    if looks_like_record(value):
        yield value
        return
    keys = ", ".join(sorted(value)[:6]) or "none"
    yield ReadProblem(
        "not_cloudtrail", f"an object with keys [{keys}] is not a CloudTrail record or container", fatal
    )


def _iter_top_object(cursor: ChunkedText) -> Iterator[Record | ReadProblem]:
    rest: dict[str, Any] = {}
    streamed = False
    for key, value, is_stream in iter_object_members(cursor, _STREAMED):
        if is_stream:
            streamed = True
            for element in value:
                yield from iter_records_from_value(element, 1)
        else:
            rest[key] = value
    if streamed:
        return
    yield from iter_records_from_value(rest)


def _iter_text(chunks: Iterator[str], limits: ReadLimits) -> Iterator[Record | ReadProblem]:
    cursor = ChunkedText(chunks, limits.max_record_chars)
    seen_any = False
    while (char := cursor.peek()) is not None:
        seen_any = True
        if char == "{":
            yield from _iter_top_object(cursor)
        elif char == "[":
            for element in iter_array(cursor):
                yield from iter_records_from_value(element, 1)
        else:
            yield ReadProblem(
                "invalid_json", f"expected '{{' or '[' at character {cursor.offset}, found {char!r}", True
            )
            return
    if not seen_any:
        yield ReadProblem("empty", "the document is empty", True)


def iter_records(
    stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[Record | ReadProblem]:
    """Records out of a byte stream (gzip or not), in the order they appear.

    Problems come out in line with the records: everything readable before a problem has
    already been yielded. A problem with the document as a whole (bad gzip, invalid JSON)
    ends the stream, since nothing after it can be trusted to line up.
    """
    try:
        yield from _iter_text(open_maybe_gzip(stream, chunk_bytes, limits), limits)
    except OpenError as exc:
        yield ReadProblem(exc.reason, str(exc), True)
    except StreamError as exc:
        yield ReadProblem(
            exc.reason, f"invalid JSON: {exc}" if exc.reason == "invalid_json" else str(exc), True
        )
