"""Tag state port: the tags of every target as they were at any time, from events and snapshots.

Targets are keyed without an IAM user's or role's path (TagRole records carry only the name), and
a principal's keys compare case-insensitively, as IAM compares them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from tagwarden.core.model import KnownTags, TagChange


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One key's change on one target, for a target's tag history."""

    target: str
    key: str
    value: str | None
    removed: bool
    event_time: str
    event_id: str
    event_name: str
    actor: str
    origin: str  # "event" or "snapshot"


@dataclass(frozen=True, slots=True)
class LaterChange:
    """A change already recorded after some moment: what a late event may have to re-judge."""

    event_id: str
    ts: float


class TagStateUnit(Protocol):
    """Reads and writes of the tag state inside one unit (they see the unit's own writes)."""

    def tags_as_of(self, target: str, ts: float, event_id: str) -> KnownTags:
        """The tags just before the change (``ts``, ``event_id``): every change ordered before it
        by time, then by event id, whatever order they were recorded in."""
        ...

    def current_tags(self, target: str) -> KnownTags:
        """The tags after every recorded change."""
        ...

    def record_change(self, change: TagChange, ts: float) -> None:
        """Adds a successful change with visible keys at ``ts``; failed or hidden changes are ignored,
        and a change already recorded (same target, key and event) is not recorded twice."""
        ...

    def record_snapshot(
        self, target: str, target_kind: str, tags: Mapping[str, str], ts: float, origin: str
    ) -> None:
        """Records the complete tag set ``tags`` observed at ``ts`` by ``origin`` (iam, inventory)."""
        ...

    def later_changes(self, target: str, ts: float, event_id: str) -> list[LaterChange]:
        """Changes of ``target`` recorded from events and ordered after (``ts``, ``event_id``),
        oldest first."""
        ...

    def lock_targets(self, targets: Iterable[str], sessions: Iterable[str] = ()) -> None:
        """Until this unit ends, other units that lock any of ``targets`` wait: two processes never
        judge changes of one target side by side, so each sees the other's changes (event-time order
        holds across replicas). ``sessions`` (access key ids) alike: a session and a call made with it
        are never judged side by side. Call once, before reading the targets' state."""
        ...

    def mark_principals_known(self, account: str, taken_at: float) -> None:
        """Every principal of ``account`` is now in the tag state (a full inventory was taken)."""
        ...

    def principal_values(self, key: str) -> frozenset[str] | None:
        """Values of ``key`` that some principal holds; None until a principal inventory was taken."""
        ...


class TagStateReads(Protocol):
    """Reads outside a unit."""

    def current_tags(self, target: str) -> KnownTags: ...

    def tag_history(self, target: str, limit: int = 200) -> list[HistoryEntry]:
        """The newest ``limit`` key changes of ``target``, newest first."""
        ...

    def principals_known(self, account: str) -> float | None:
        """When the last full principal inventory of ``account`` was taken, or None."""
        ...
