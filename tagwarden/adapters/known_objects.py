"""What the scheduled integrity check keeps of the S3 objects it read, so that a later check does
not read the unchanged ones again: not the next hour's, and not the first after a restart or on the
replica that took the scan's lease over. Two kinds use it: the log files' hashes
(``known_log_hashes``) and the digest files' copies (``known_digests``).

An object is known by where it is and by its fingerprint in the listing (ETag, LastModified,
size). S3 changes an object only by writing it whole again, which gives it a new LastModified,
and, where the content differs, a new ETag; so an object written again since is read again, and
one deleted is found missing, exactly as before. What is kept is forgotten once its object is
older than any window reaches; at most ``limit`` of a kind are kept (the rest are read each time).
"""

from __future__ import annotations

import hashlib
from abc import ABC, abstractmethod
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

KEPT_EVERY = 1_000  # new rows written to the store this many at a time, and when a check ends
Row = TypeVar("Row")
Value = TypeVar("Value")
Answer = TypeVar("Answer")


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


@dataclass
class Lookups(Generic[Value, Answer, Row]):
    """One check's (or part's) answers, by where: the kept copy of an object whose fingerprint is
    unchanged since an earlier check read it, else what ``read`` gives, kept for later checks."""

    kind: KnownObjects[Value, Answer, Row]
    listed: Mapping[str, Fingerprint]
    keys: dict[str, str]  # by where, each listed object's key
    known: dict[str, Value]  # by key, the values kept
    new: NewRows[Row]
    read: Callable[[str], Answer]

    def __call__(self, where: str) -> Answer:
        counts, key = self.kind.counts, self.keys.get(where)  # no key: a local file, not listed
        kept = self.known.get(key) if key is not None else None
        if kept is not None:
            counts.known += 1
            return self.kind.answer(where, kept)
        counts.read += 1
        answer = self.read(where)
        if key is not None and (value := self.kind.value(answer)) is not None:
            self.known[key] = value
            self.new.add(self.kind.row(key, value, self.listed[where].modified))
        return answer

    def to_read(self, wheres: Iterable[str]) -> list[str]:
        """Of ``wheres``, once each and in order, those with no kept copy: what will be read."""
        keys, known = self.keys, self.known
        return [where for where in dict.fromkeys(wheres) if where not in keys or keys[where] not in known]


class KnownObjects(ABC, Generic[Value, Answer, Row]):
    """What earlier checks read of one kind of S3 object, at most ``limit`` of them kept. A kind
    says how an answer is made of a kept value, what of an answer read is kept, and as what row."""

    def __init__(self, shelf: Shelf[Value, Row], limit: int) -> None:
        self._shelf = shelf
        self._limit = limit
        self.counts = HashCounts()
        self._room: int | None = None  # rows that may still be kept, in a check of many parts

    @abstractmethod
    def answer(self, where: str, value: Value) -> Answer: ...

    @abstractmethod
    def value(self, answer: Answer) -> Value | None:
        """What of an answer read is kept; None: nothing (an object that could not be read)."""

    @abstractmethod
    def row(self, key: str, value: Value, modified: float) -> Row: ...

    @contextmanager
    def one_check(self) -> Iterator[None]:
        """A check made of many parts (one per account and region, each a ``lookups`` of its
        own): the counts add up over the parts, and the store's rows are counted once, not once a
        part."""
        self.counts = HashCounts()
        self._room = self._limit - self._shelf.count() if self._limit > 0 else 0
        try:
            yield
        finally:
            self._room = None

    @contextmanager
    def lookups(
        self, listed: Mapping[str, Fingerprint], read: Callable[[str], Answer]
    ) -> Iterator[Lookups[Value, Answer, Row]]:
        """The answers of one check (or part) over the objects ``listed``; new rows written as it
        goes and when it ends (what room they leave is the next part's)."""
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
        try:
            with new.flushed():
                yield Lookups(self, listed, keys, known, new, read)
        finally:
            if self._room is not None:
                self._room = new.room
