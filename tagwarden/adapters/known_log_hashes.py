"""The hashes of the S3 log files the scheduled integrity check has read, kept in the store, so
that a later check does not read the unchanged ones again: not the next hour's, and not the first
after a restart or on the replica that took the scan's lease over.

Each check verifies a window of 48 hours by default, every hour: without this, every log file was
read 48 times. A file is known by where it is and by its fingerprint in the listing (ETag,
LastModified, size). S3 changes an object only by writing it whole again, which gives it a new
LastModified, and, where the content differs, a new ETag; so a file written again since is read
again, and one deleted is found missing, exactly as before. A hash is forgotten once its file is
older than any window reaches; at most ``limit`` are kept (the rest are read each time). The
digest files are kept the same way (``known_digests``), with what this module shares with them.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

from tagwarden.core.integrity import HashLog
from tagwarden.core.ports.known_objects import KeptLogHash, LogHashes

DEFAULT_LIMIT = 200_000  # integrity.known_log_files
KEPT_EVERY = 1_000  # new rows written to the store this many at a time, and when a check ends
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")
Row = TypeVar("Row")
Value = TypeVar("Value")


class Fingerprint(NamedTuple):
    """An S3 object as listed: ``text`` changes whenever the object is written again."""

    text: str  # ETag, LastModified and size
    modified: float  # LastModified, epoch seconds (0: not given)


@dataclass
class HashCounts:
    """Of one check: objects whose copy was known, and those read."""

    known: int = 0
    read: int = 0


def object_key(where: str, fingerprint: Fingerprint) -> str:
    return hashlib.blake2b(f"{where}\n{fingerprint.text}".encode(), digest_size=16).hexdigest()


@dataclass
class NewRows(Generic[Row]):
    """What one check read, for the store: written every ``KEPT_EVERY`` rows and at the end (also
    when the check raises, or the next check would read it all again, and be throttled the
    more); at most ``room`` rows in all."""

    write: Callable[[Sequence[Row]], None]
    room: int
    _rows: list[Row] = field(default_factory=list)

    def add(self, row: Row) -> None:
        self._rows.append(row)
        if len(self._rows) >= KEPT_EVERY:
            self.flush()

    def flush(self) -> None:
        kept = self._rows[: max(self.room, 0)]
        if kept:
            self.write(kept)
            self.room -= len(kept)
        self._rows.clear()

    @contextmanager
    def flushed(self) -> Iterator[None]:
        try:
            yield
        except BaseException:
            with suppress(Exception):  # the store may be what failed: the check's own error says
                self.flush()
            raise
        self.flush()


@dataclass(frozen=True)
class Shelf(Generic[Value, Row]):
    """Where the store keeps one kind of object read: its port's calls (forgetting, by the check's
    window, is ``forget_outside_window``'s)."""

    look_up: Callable[[Collection[str]], dict[str, Value]]
    keep: Callable[[Sequence[Row]], None]
    count: Callable[[], int]


class KnownObjects(Generic[Value, Row]):
    """What earlier checks read of one kind of S3 object, at most ``limit`` of them kept."""

    def __init__(self, shelf: Shelf[Value, Row], limit: int) -> None:
        self._shelf = shelf
        self._limit = limit
        self.counts = HashCounts()
        self._keys: dict[str, str] = {}  # of the check under way: each listed object's key
        self._known: dict[str, Value] = {}  # ... and the values kept under those keys
        self._room: int | None = None  # rows that may still be kept, in a check of many parts

    @contextmanager
    def one_check(self) -> Iterator[None]:
        """A check made of many parts (one per account and region, each a ``checking`` or
        ``reading`` of its own): the counts add up over the parts, and the store's rows are
        counted once, not once a part."""
        self.counts = HashCounts()
        self._room = self._limit - self._shelf.count() if self._limit > 0 else 0
        try:
            yield
        finally:
            self._room = None

    def _begin(
        self, listed: Mapping[str, Fingerprint]
    ) -> tuple[dict[str, str], dict[str, Value], NewRows[Row]]:
        """A check's (or a part's) start: each listed object's key, the values kept under them, and
        the rows it will add."""
        if self._room is None:
            self.counts = HashCounts()
        keys = {where: object_key(where, fingerprint) for where, fingerprint in listed.items()}
        if self._limit <= 0:
            known: dict[str, Value] = {}
            new: NewRows[Row] = NewRows(self._shelf.keep, 0)
        else:
            known = self._shelf.look_up(keys.values())
            room = self._room if self._room is not None else self._limit - self._shelf.count()
            new = NewRows(self._shelf.keep, room)
        self._keys, self._known = keys, known
        return keys, known, new

    @contextmanager
    def _adding(self, new: NewRows[Row]) -> Iterator[None]:
        """``new`` written as the check (or part) goes and when it ends; what room it leaves is the
        next part's."""
        try:
            with new.flushed():
                yield
        finally:
            if self._room is not None:
                self._room = new.room

    def to_read(self, wheres: Iterable[str]) -> list[str]:
        """Of ``wheres``, once each and in order, those the check under way has no copy of (a local
        file, which has no listing to tell a change by, is always read)."""
        keys, known = self._keys, self._known
        return [where for where in dict.fromkeys(wheres) if where not in keys or keys[where] not in known]


class KnownLogHashes(KnownObjects[str, KeptLogHash]):
    def __init__(self, store: LogHashes, limit: int = DEFAULT_LIMIT) -> None:
        shelf = Shelf(store.log_hashes, store.keep_log_hashes, store.log_hash_count)
        super().__init__(shelf, limit)

    @contextmanager
    def checking(
        self,
        fingerprints: Mapping[str, Fingerprint],
        hash_log: HashLog,
    ) -> Iterator[HashLog]:
        """A HashLog for one check: the kept hash of a log file whose fingerprint (by where it is)
        is unchanged, else ``hash_log``'s, kept for later checks."""
        keys, known, new = self._begin(fingerprints)
        counts = self.counts

        def known_or_read(where: str) -> str | None:
            fingerprint = fingerprints.get(where)
            if fingerprint is None:  # a local file: no listing to tell a change by
                counts.read += 1
                return hash_log(where)
            kept = known.get(keys[where])
            if kept is not None:
                counts.known += 1
                return kept
            counts.read += 1
            hashed = hash_log(where)
            # Neither a file that could not be read nor one that could not be inflated is kept.
            if hashed is not None and _SHA256_HEX.fullmatch(hashed):
                known[keys[where]] = hashed
                new.add(KeptLogHash(keys[where], hashed, fingerprint.modified))
            return hashed

        with self._adding(new):
            yield known_or_read
