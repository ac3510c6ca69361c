"""The store: every port in one object, and the unit (transaction) the writes go through.

Each port is documented in its own module; every engine passes each port's contract suite
(tests/adapters/store). Engines raise ``StoreError`` when the database cannot be opened or reached; a bug
in a statement raises the driver's own error.
"""

from __future__ import annotations

from collections.abc import Collection
from contextlib import AbstractContextManager
from typing import Protocol

from tagwarden.core.ports.compute_state import ComputeStateReads, ComputeStateUnit
from tagwarden.core.ports.findings import FindingFilter, FindingReads, FindingWrites
from tagwarden.core.ports.forgetting import Forgetting
from tagwarden.core.ports.known_objects import DigestCopies, LogFilesRead, LogHashes
from tagwarden.core.ports.leases import Leases
from tagwarden.core.ports.outbox import Delivery, Outbox, OutboxWrites
from tagwarden.core.ports.progress import FailedUnit, ProgressReads, ProgressUnit
from tagwarden.core.ports.sessions import SessionReads, SessionUnit
from tagwarden.core.ports.tag_state import HistoryEntry, LaterChange, TagStateReads, TagStateUnit

__all__ = [
    "Delivery",
    "FailedUnit",
    "FindingFilter",
    "HistoryEntry",
    "LaterChange",
    "Store",
    "StoreError",
    "StoreUnit",
]


class StoreError(RuntimeError):
    """The store cannot be opened or used; the message says what to check."""


class StoreUnit(
    FindingWrites, TagStateUnit, SessionUnit, ProgressUnit, OutboxWrites, ComputeStateUnit, Protocol
):
    """One transaction: everything written through it commits together, or not at all."""

    def read_ahead(
        self,
        event_ids: Collection[str],
        targets: Collection[str],
        access_key_ids: Collection[str],
        created_sessions: Collection[str] = (),
    ) -> None:
        """A hint, after the unit has locked its targets: it is about to ask, one at a time,
        whether these events were processed, about these targets' tags, about these sessions, and
        about the sessions it creates and the uses noted of them. An engine may read them all at
        once; every answer stays what it would have been."""
        ...


class Store(
    FindingReads,
    TagStateReads,
    SessionReads,
    ProgressReads,
    Outbox,
    Leases,
    Forgetting,
    ComputeStateReads,
    LogHashes,
    DigestCopies,
    LogFilesRead,
    Protocol,
):
    def unit(self) -> AbstractContextManager[StoreUnit]:
        """A transaction; it commits when the block ends and rolls back when the block raises."""
        ...

    def ping(self) -> None:
        """Raises ``StoreError`` when the store is not usable."""
        ...

    def close(self) -> None: ...
