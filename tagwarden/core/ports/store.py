"""The store's interface. Every engine passes the same contract tests (tests/adapters/store)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any, Protocol

from tagwarden.core.model import Finding, KnownTags, SessionGrant, TagChange
from tagwarden.core.model.finding import FindingStatus


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says what to check."""


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
class Delivery:
    """A finding waiting to be pushed to one sink."""

    finding_id: str
    sink: str
    attempts: int


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


@dataclass(frozen=True, slots=True)
class FindingFilter:
    severity: Sequence[str] = ()
    kind: Sequence[str] = ()
    status: Sequence[str] = ()
    account: Sequence[str] = ()
    limit: int | None = None


class StoreUnit(Protocol):
    """One transaction: everything written through it commits together, or not at all."""

    def is_processed(self, event_id: str) -> bool: ...
    def mark_processed(self, event_id: str, event_time: str, source: str) -> None: ...
    def tags_as_of(self, target: str, ts: float, event_id: str) -> KnownTags: ...
    def current_tags(self, target: str) -> KnownTags: ...
    def record_change(self, change: TagChange, ts: float) -> None: ...
    def record_snapshot(
        self, target: str, target_kind: str, tags: Mapping[str, str], ts: float, origin: str
    ) -> None: ...
    def principal_values(self, key: str) -> frozenset[str] | None:
        """Values of ``key`` that some principal holds; None until a principal inventory was taken."""
        ...

    def put_session(self, session: SessionGrant, ts: float) -> None: ...
    def get_session(self, access_key_id: str) -> SessionGrant | None: ...
    def add_finding(self, finding: Finding) -> bool: ...
    def save_event(self, event_id: str, record: Mapping[str, Any]) -> None: ...
    def set_checkpoint(self, source: str, value: str) -> None: ...
    def mark_object(self, source: str, key: str) -> None: ...
    def enqueue_delivery(self, finding_id: str, sink: str, not_before: float = 0.0) -> None:
        """Queue ``finding_id`` for ``sink`` in this transaction, due from ``not_before`` (epoch s)."""
        ...


class Store(Protocol):
    def unit(self) -> AbstractContextManager[StoreUnit]: ...
    def get_checkpoint(self, source: str) -> str | None: ...
    def object_processed(self, source: str, key: str) -> bool: ...
    def list_findings(self, where: FindingFilter | None = None) -> list[Finding]: ...
    def iter_findings(self, where: FindingFilter | None = None) -> Iterator[Finding]: ...
    def get_finding(self, finding_id: str) -> Finding | None: ...
    def set_status(self, finding_id: str, status: FindingStatus) -> Finding | None: ...
    def open_finding_counts(self) -> list[tuple[str, str, int]]: ...
    def get_event(self, event_id: str) -> dict[str, Any] | None: ...
    def tag_history(self, target: str, limit: int = 200) -> list[HistoryEntry]: ...
    def current_tags(self, target: str) -> KnownTags: ...
    def due_deliveries(self, now: float, limit: int) -> list[Delivery]: ...
    def delivery_done(self, finding_id: str, sink: str) -> None: ...
    def deliveries_done(self, sink: str, finding_ids: Sequence[str]) -> None:
        """Mark many deliveries to one sink done, in one transaction."""
        ...

    def delivery_failed(self, finding_id: str, sink: str, error: str, next_attempt: float) -> None: ...
    def pending_deliveries(self) -> dict[str, int]: ...
    def delivery_status(self, finding_id: str) -> dict[str, str]: ...
    def set_remediation(self, finding_id: str, status: str, detail: str, applied_at: float | None) -> None:
        """The latest status of a finding's revert; ``applied_at`` when a revert was applied."""
        ...

    def remediation(self, finding_id: str) -> dict[str, str] | None:
        """``{"status", "detail"}`` of a finding's revert, None when none was queued."""
        ...

    def remediations_applied_since(self, ts: float) -> int: ...

    def note_unit_failure(
        self, source: str, unit: str, reason: str, detail: str, *, payload: str | None, quarantine_after: int
    ) -> FailedUnit:
        """Count one failure of ``unit``; it is quarantined at the ``quarantine_after``-th."""
        ...

    def is_quarantined(self, source: str, unit: str) -> bool: ...
    def failed_units(self, quarantined_only: bool = True) -> list[FailedUnit]: ...
    def ping(self) -> None: ...
    def close(self) -> None: ...
