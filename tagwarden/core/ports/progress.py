"""Progress port: what has been read (typed cursors) and which events and objects are done.

Each cursor has its own type and table: a source's read position, the pending differences of an
inventory scope, the principal inventories taken (tag state port). Nothing is a string in a shared
table that a reader has to know how to parse.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from tagwarden.core.inventory.pending import PendingDifference
from tagwarden.core.model import TagChange
from tagwarden.core.ports.known_objects import LogFileRead


@dataclass(frozen=True, slots=True)
class FailedUnit:
    """A unit that failed to be read or judged; ``quarantined`` once it is no longer tried."""

    source: str
    unit: str
    reason: str
    detail: str
    failures: int
    quarantined: bool
    first_failed_at: str
    last_failed_at: str
    payload: str | None = None  # what is needed to look at it again (an SQS message body)


class ProgressUnit(Protocol):
    """Inside one unit: committed with the findings of the same unit, or not at all."""

    def is_processed(self, event_id: str) -> bool: ...

    def mark_processed(
        self, event_id: str, event_time: str, source: str, changes: Sequence[TagChange] = ()
    ) -> None:
        """The event was judged; marking it again is harmless. ``changes``: its tag changes, kept
        so that a late event can have them judged again without the record."""
        ...

    def judged_changes(self, event_id: str) -> list[TagChange] | None:
        """The changes ``mark_processed`` kept for ``event_id``; None for an event not marked, or
        marked without them (by a release that kept the whole record instead)."""
        ...

    def mark_object(self, source: str, key: str) -> None:
        """The object (log file, message) ``key`` of ``source`` was read whole."""
        ...

    def note_log_files_read(self, files: Sequence[LogFileRead]) -> None:
        """The unit judged the records of these S3 log files: each kept with the moment it is
        committed (a file read again, with the later one), for the integrity check to verify."""
        ...

    def note_log_origins(self, newest: Mapping[tuple[str, str], float]) -> None:
        """The newest event time read from each (account, region): each kept at the largest seen,
        so that an origin that went silent before a restart is still seen silent after it."""
        ...

    def set_read_cursor(self, source: str, read_until: float) -> None:
        """``source`` has read everything logged before ``read_until`` (epoch seconds)."""
        ...

    def save_pending(self, scope: str, pending: Sequence[PendingDifference]) -> None:
        """Replaces the pending differences of ``scope``."""
        ...

    def add_pending(self, scope: str, pending: Sequence[PendingDifference]) -> None:
        """Appends to the pending differences of ``scope`` as committed when this is called: what
        another writer of the scope added meanwhile is kept."""
        ...

    def drop_pending(self, scope: str, done: Sequence[PendingDifference]) -> None:
        """Removes ``done`` from the pending differences of ``scope``, keeping the rest as committed."""
        ...


class ProgressReads(Protocol):
    """Reads outside a unit."""

    def objects_processed(self, source: str, keys: Collection[str]) -> set[str]:
        """Those of ``keys`` that ``mark_object`` marked for ``source``."""
        ...

    def forget_objects_processed(self, source: str, under: str, processed_before: str) -> int:
        """Deletes the marks of ``source``'s objects whose key starts with ``under`` that were
        committed before ``processed_before`` (UTC, ``YYYY-MM-DDTHH:MM:SSZ``), a few thousand per
        transaction; returns how many went."""
        ...

    def log_origins(self) -> dict[tuple[str, str], float]:
        """The newest event time of every (account, region) ``note_log_origins`` kept."""
        ...

    def read_cursor(self, source: str) -> float | None:
        """Where ``source`` got to, or None when it never committed a position."""
        ...

    def advance_read_cursor(self, source: str, read_until: float) -> None:
        """Outside a unit: ``source``'s cursor moved to ``read_until`` if that is later than where
        it stands (a cursor never goes back this way)."""
        ...

    def pending(self, scope: str) -> list[PendingDifference]:
        """The pending differences of ``scope``, in the order saved."""
        ...

    def note_unit_failure(
        self, source: str, unit: str, reason: str, detail: str, *, payload: str | None, quarantine_after: int
    ) -> FailedUnit:
        """Counts one failure of ``unit`` (outside any unit, so it survives the rollback of the
        failed one); it is quarantined at the ``quarantine_after``-th."""
        ...

    def is_quarantined(self, source: str, unit: str) -> bool: ...

    def failed_units(self, quarantined_only: bool = True) -> list[FailedUnit]:
        """The units that failed, the quarantined ones only unless ``quarantined_only`` is False."""
        ...
