"""Reading a whole log file fast: which records matter is decided before any is decoded whole.

Most records of a trail are reads and writes that touch no tag. For a CloudTrail log file
(``{"Records": [...]}``), each record is first decoded into a small typed struct holding only the
fields the decision needs (msgspec skips the rest without building anything); only the records
that may matter are then decoded into dicts, and the others are counted. Every record that comes
out goes through ``iter_records_from_value`` as in the streaming reader, so what is yielded is
what the streaming reader would have yielded, less the records that cannot matter.

Anything this reader is not sure of (not gzip as expected, not UTF-8, not JSON msgspec reads, not
a ``{"Records": [...]}`` document) sends the whole document to the streaming reader instead, which
keeps its error reporting. Memory is bounded by one file, decompressed.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, Protocol

import msgspec

from tagwarden.core.records.containers import ReadProblem, iter_records, iter_records_from_value
from tagwarden.core.records.opening import GZIP_MAGIC, gunzip_whole
from tagwarden.core.records.text import TextRecord
from tagwarden.core.timeutil import parse_time

Record = dict[str, Any]
_NULL = msgspec.Raw(b"null")


@dataclass(frozen=True, slots=True)
class Interest:
    """What a call needs before one of its records can matter. ``always``: a tag write, decoded
    and normalized every time. Otherwise the record matters only where its requestParameters
    mention one of ``needles`` (lower-case member names: ``tags`` for STS session tags,
    ``tagging`` for S3 PutObject): a call that may carry tags and mostly does not."""

    always: bool
    needles: tuple[bytes, ...] = ()

    def mentioned_in(self, request_parameters: bytes) -> bool:
        # A JSON escape (``\\u0074ags``) could spell a member name without its letters, and
        # member names match by casefold, under which some non-ASCII letters fold to ASCII ones.
        if b"\\u" in request_parameters or not request_parameters.isascii():
            return True
        # The normalizer also takes a member spelled with hyphens or underscores between its words
        # (``user_pool_tags`` for ``UserPoolTags``): so does the search, with them left out.
        lowered = request_parameters.lower().translate(None, b"-_")
        return any(needle in lowered for needle in self.needles)


class RecordFilter(Protocol):
    def interest(self, event_source: str, event_name: str) -> Interest | None:
        """None for a call that never matters (no tag write, no session)."""
        ...


@dataclass(frozen=True, slots=True)
class Skipped:
    """Records read and found to matter to nothing: counted, and the newest eventTime among them."""

    count: int
    newest_event_time: str
    # The newest eventTime per (recipient account, region): what the log delivery gap watches.
    newest_by_origin: dict[tuple[str, str], str] = field(default_factory=dict)


class _Head(msgspec.Struct, gc=False):
    """The fields the decision is made on; the rest of the record is skipped, not decoded."""

    eventSource: Any = None
    eventName: Any = None
    eventTime: Any = None
    userIdentity: msgspec.Raw = _NULL
    recipientAccountId: Any = None
    awsRegion: Any = None
    requestParameters: msgspec.Raw = _NULL
    # Container keys: a record carrying one is unwrapped by iter_records_from_value, so kept.
    detail_type: Any = msgspec.field(name="detail-type", default=msgspec.UNSET)
    CloudTrailEvent: Any = msgspec.UNSET


class _HeadLog(msgspec.Struct):
    Records: list[_Head]
    Events: Any = msgspec.UNSET  # a LookupEvents page: the streaming reader reads both lists


class _RawLog(msgspec.Struct):
    Records: list[msgspec.Raw]


_HEADS = msgspec.json.Decoder(_HeadLog)
_RAWS = msgspec.json.Decoder(_RawLog)
_RECORD = msgspec.json.Decoder()


_CANONICAL_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:[0-5]\d:[0-5]\dZ\Z")


@lru_cache(maxsize=4096)
def _is_hour(prefix: str) -> bool:
    return parse_time(prefix + ":00:00Z") is not None


def _is_time(value: str) -> bool:
    """parse_time(value) is not None, cheaply for CloudTrail's own form: with minutes and
    seconds in range, only the date and the hour can make it invalid."""
    if _CANONICAL_TIME.match(value):
        return _is_hour(value[:13])
    return parse_time(value) is not None


def _skippable(head: _Head, interest: Interest) -> bool:
    """A call that mentions none of its tag members is skipped only where the streaming path
    would accept the record too (a timestamp, an object for userIdentity and requestParameters)
    and find no change in it; otherwise it goes the long way."""
    if bytes(head.userIdentity)[:1] not in (b"{", b"n"):
        return False
    when = head.eventTime
    if type(when) is not str or not _is_time(when):
        return False
    request = bytes(head.requestParameters)
    return request[:1] in (b"{", b"n") and not interest.mentioned_in(request)


def _kept_indices(heads: list[_Head], keep: RecordFilter) -> tuple[list[int], Skipped]:
    """The indices of the records that may matter, and what the others add up to."""
    decided = _kept_by_call(heads, keep)
    return decided if decided is not None else _kept_one_by_one(heads, keep)


def _kept_by_call(heads: list[_Head], keep: RecordFilter) -> tuple[list[int], Skipped] | None:
    """The usual file: every record a plain one with a string call name, source and time. The
    decision is then made once per distinct call (a file holds a few dozen) and the records are
    gone through in comprehensions; None for any other file, which goes record by record."""
    unset = msgspec.UNSET
    if [h.detail_type for h in heads].count(unset) != len(heads):
        return None
    if [h.CloudTrailEvent for h in heads].count(unset) != len(heads):
        return None
    calls = [(h.eventName, h.eventSource) for h in heads]
    times = [h.eventTime for h in heads]
    if {type(when) for when in times} - {str} or {(type(n), type(s)) for n, s in calls} - {(str, str)}:
        return None  # (an object for a name cannot even be put in a set)
    interests: dict[tuple[str, str], Interest] = {}
    for name, source in set(calls):
        if not name or not source:
            return None
        interest = keep.interest(source, name)
        if interest is not None:
            interests[(name, source)] = interest
    kept = [index for index, call in enumerate(calls) if call in interests]
    kept = [
        index
        for index in kept
        if interests[calls[index]].always or not _skippable(heads[index], interests[calls[index]])
    ]
    newest = max(times, default="")
    pairs = [(h.recipientAccountId, h.awsRegion) for h in heads]
    origins = set(pairs) if {(type(a), type(r)) for a, r in pairs} == {(str, str)} else set()
    # The usual log file is one account's trail in one region: one origin, whose newest is newest.
    by_origin = {next(iter(origins)): newest} if len(origins) == 1 else _newest_by_origin(heads)
    return kept, Skipped(len(heads) - len(kept), newest, by_origin)


def _newest_by_origin(heads: list[_Head]) -> dict[tuple[str, str], str]:
    """The newest eventTime per (account, region) among ``heads``, whose eventTimes are strings."""
    by_origin: dict[tuple[str, str], str] = {}
    for head in heads:
        when, origin = head.eventTime, (head.recipientAccountId, head.awsRegion)
        if type(origin[0]) is str and type(origin[1]) is str and when > by_origin.get(origin, ""):
            by_origin[origin] = when
    return by_origin


def _kept_one_by_one(heads: list[_Head], keep: RecordFilter) -> tuple[list[int], Skipped]:
    kept: list[int] = []
    newest = ""
    unset = msgspec.UNSET
    interests: dict[str, dict[str, Interest | None]] = {}  # by eventName, then eventSource
    timed: list[_Head] = []  # plain records with a string eventTime
    for index, head in enumerate(heads):
        source, name, when = head.eventSource, head.eventName, head.eventTime
        if (
            type(source) is not str
            or type(name) is not str
            or not source
            or not name
            or head.detail_type is not unset
            or head.CloudTrailEvent is not unset
        ):
            kept.append(index)  # the long way: rejected with its reason, or unwrapped
            continue
        if type(when) is str:
            newest = max(newest, when)
            timed.append(head)
        by_source = interests.get(name)
        if by_source is None:
            by_source = interests[name] = {}
        if source in by_source:
            interest = by_source[source]
        else:
            interest = by_source[source] = keep.interest(source, name)
        if interest is None or (not interest.always and _skippable(head, interest)):
            continue
        kept.append(index)
    # newest covers kept records too; the caller takes the maximum, so that is harmless.
    return kept, Skipped(len(heads) - len(kept), newest, _newest_by_origin(timed))


# Python refuses to convert integers of more digits than this; a document holding one anywhere,
# even in a record the fast path would skip, is read by the streaming reader, which says so.
_TOO_LONG_NUMBER = re.compile(rb"[0-9]{4300}")
# Searching a whole file with that pattern costs more than decoding it. A run of 4,300 digits holds
# two consecutive multiples of the stride with nothing but digits between them, so only the bytes
# at multiples of the stride are looked at first, and the pattern runs only around such a pair.
_STRIDE = 2048
_DIGIT_MARKS = bytes(0x30 if chr(byte).isdigit() and byte < 0x80 else 0x2E for byte in range(256))
_DIGITS = re.compile(rb"[0-9]*")


def has_too_long_number(text: bytes) -> bool:
    """``_TOO_LONG_NUMBER.search(text)`` is not None, looking at a few bytes per stride."""
    marks = text[::_STRIDE].translate(_DIGIT_MARKS)
    index = marks.find(b"00")
    while index >= 0:
        start = index * _STRIDE
        run = _DIGITS.match(text, start)
        if run is not None and run.end() >= start + _STRIDE:
            window = (max(0, start - 4300), start + _STRIDE + 4300)
            if _TOO_LONG_NUMBER.search(text, *window):
                return True
        index = marks.find(b"00", index + 1)
    return False


def _decode_record(raw: msgspec.Raw) -> Any:
    try:
        return _RECORD.decode(raw)
    except (msgspec.DecodeError, RecursionError):  # what msgspec refuses and json may take (NaN)
        pass
    try:
        return json.loads(bytes(raw))
    except (ValueError, RecursionError) as exc:  # a huge integer, nesting past the stack
        return ReadProblem("bad_record", f"a record cannot be decoded: {str(exc)[:200]}")


_COMPACT_START = re.compile(rb'\{"Records":\[')
_RECORDS_KEY = b'"Records"'


def _only_records_array(text: bytes, raws: list[msgspec.Raw]) -> bool:
    """Whether ``raws`` is the document's one ``Records`` array. Given twice, a key decodes as its
    last value, where the streaming reader reads every array: a first one must not go unread.
    The file as CloudTrail writes it (``{"Records":[...]}``, compact) is settled by length: the
    elements and their commas fill the brackets exactly. Any other layout is searched for a
    second key (a record that holds the string "Records" sends its file the long way)."""
    start = _COMPACT_START.match(text)
    if start is not None and text.endswith(b"]}"):
        inner = len(text) - 2 - start.end()
        if inner == sum(map(len, raws)) + max(len(raws) - 1, 0):
            return True
    first = text.find(_RECORDS_KEY)
    return text.find(_RECORDS_KEY, first + 1) < 0


def _triage(text: bytes, keep: RecordFilter) -> Iterator[Record | ReadProblem | Skipped] | None:
    if has_too_long_number(text):
        return None  # the streaming reader refuses it with its reason (number_too_long)
    try:
        document = _HEADS.decode(text)
        if document.Events is not msgspec.UNSET:
            return None
        raws = _RAWS.decode(text).Records
        if not _only_records_array(text, raws):
            return None
        kept, skipped = _kept_indices(document.Records, keep)
    except (msgspec.DecodeError, UnicodeDecodeError, RecursionError):
        return None  # read the long way, which says what is wrong where (too_deep, at its record)
    return _emit(kept, raws, skipped)


def _emit(
    kept: list[int], raws: list[msgspec.Raw], skipped: Skipped
) -> Iterator[Record | ReadProblem | Skipped]:
    for index in kept:
        value = _decode_record(raws[index])
        if isinstance(value, ReadProblem):
            yield value
            continue
        for item in iter_records_from_value(value, 1):
            # A plain record comes out as it went in: it keeps its text (UTF-8, checked above).
            yield TextRecord(item, bytes(raws[index]).decode()) if item is value else item
    if skipped.count:
        yield skipped


def read_log(data: bytes, keep: RecordFilter) -> Iterator[Record | ReadProblem | Skipped]:
    """The records of one log file (gzip or not) that may matter to ``keep``, and a count of the
    others; documents this fast path does not take are read by the streaming reader whole."""
    text: bytes | None = data
    if data[:2] == GZIP_MAGIC:
        text = gunzip_whole(data)
    fast = None
    if text is not None and (text.isascii() or _is_utf8(text)):
        fast = _triage(text, keep)
    if fast is None:
        return iter_records(io.BytesIO(data))
    return fast


def _is_utf8(text: bytes) -> bool:
    try:
        text.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not text.startswith(b"\xef\xbb\xbf")  # a BOM: the streaming reader strips it
