"""How far back a files source's S3 paths are listed, and the marks it can forget.

A bucket an organization's trail writes to holds every log file ever delivered. Listed whole at
every poll, with each file looked up in the store, a poll's cost grows with the trail's age. So
once every file a path listed is read (or set aside), the path's cursor is the time in the newest
one's name, and later polls list only the day folders from ``late_file_hours`` before it: a file
CloudTrail delivers later than that after the time in its name is not read. A file that failed
and is to be tried again holds the cursor back to its own time.

The marks of files no listing reaches any more are forgotten: those committed more than
``late_file_hours`` and an hour of clock skew before the cursor. A genuine file is committed after
the time in its name, so such a mark's file is named before what is listed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from tagwarden.adapters.sources.s3_objects import Window, log_file_time, parse_s3_url

_SKEW_SECONDS = 3600
# Files named up to an hour after now are listed (this host's clock behind AWS's); a name further
# ahead is not one CloudTrail gives, and it cannot move the cursor past now either. With a day
# here, every poll also listed tomorrow's day folder of each region, empty.
_AHEAD = timedelta(hours=1)


class CursorStore(Protocol):
    def read_cursor(self, source: str) -> float | None: ...
    def advance_read_cursor(self, source: str, read_until: float) -> None: ...
    def forget_objects_processed(self, source: str, under: str, processed_before: str) -> int: ...


@dataclass(frozen=True, slots=True)
class Listed:
    """A file a poll listed: the s3:// path it was listed under and its name."""

    entry: str
    name: str


def cursor_name(source: str, entry: str) -> str:
    """The cursor of one S3 path of a files source: each path has its own, so that a path added
    to a source is listed whole once, like the source's first."""
    return f"{source} {entry}"


def _under(entry: str) -> str:
    """What the keys of the marks of ``entry``'s files start with (``s3://bucket/prefix``)."""
    bucket, prefix = parse_s3_url(entry)
    return f"s3://{bucket}/{prefix}"


def _utc(epoch: float) -> datetime:
    return datetime.fromtimestamp(epoch, UTC)


def _iso(epoch: float) -> str:
    return _utc(epoch).strftime("%Y-%m-%dT%H:%M:%SZ")


class S3Reach:
    def __init__(
        self,
        source: str,
        entries: Iterable[str],
        late_hours: float,
        store: CursorStore,
        wall_clock: Callable[[], float],
    ) -> None:
        self._source = source
        self._entries = [entry for entry in entries if entry.startswith("s3://")]
        self._late = late_hours * 3600
        self._store = store
        self._wall_clock = wall_clock
        self._cursors: dict[str, float] = {}

    def load(self) -> None:
        """The paths' cursors as committed (another replica may have moved them)."""
        cursors = {
            entry: self._store.read_cursor(cursor_name(self._source, entry)) for entry in self._entries
        }
        self._cursors = {entry: at for entry, at in cursors.items() if at is not None}

    def window(self, entry: str, whole: Window) -> Window:
        """What ``entry`` is listed over: ``whole`` until its files were all read once."""
        cursor = self._cursors.get(entry)
        if cursor is None:
            return whole
        return Window(_utc(cursor - self._late), _utc(self._wall_clock()) + _AHEAD)

    def advance(self, listed: Iterable[Listed], unresolved: Iterable[Listed]) -> None:
        """After a poll that went through every file it listed: each path's cursor moves to the
        newest time its files are named with (not past now), or to the oldest of its files that
        failed and will be tried again."""
        newest: dict[str, float] = {}
        for item in listed:
            moment = log_file_time(item.name)
            if moment is not None:
                newest[item.entry] = max(newest.get(item.entry, 0.0), moment.timestamp())
        for item in unresolved:
            moment = log_file_time(item.name)
            if moment is not None and item.entry in newest:
                newest[item.entry] = min(newest[item.entry], moment.timestamp())
        now = self._wall_clock()
        for entry, until in newest.items():
            self._store.advance_read_cursor(cursor_name(self._source, entry), min(until, now))

    def forget(self) -> int:
        """Forgets the marks no path's listing reaches any more; how many went. A path's marks
        are also under any path its own is a prefix of, so each is forgotten by the oldest cursor
        of the paths that overlap it, and not at all while one of them has none."""
        self.load()
        forgotten = 0
        unders = {entry: _under(entry) for entry in self._entries}
        for under in unders.values():
            overlapping = [
                other for other, its in unders.items() if its.startswith(under) or under.startswith(its)
            ]
            cursors = [self._cursors.get(other) for other in overlapping]
            if any(cursor is None for cursor in cursors):
                continue
            oldest = min(cursor for cursor in cursors if cursor is not None)
            before = _iso(oldest - self._late - _SKEW_SECONDS)
            forgotten += self._store.forget_objects_processed(self._source, under, before)
        return forgotten
