"""The progress side of one SQL unit (transaction): the objects and cursors its sources got to,
the pending differences of inventory scopes, and what the log files read say of their delivery
(each account and region's newest event, the S3 files whose records were judged)."""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from tagwarden.adapters.store.read_log_rows import note_read
from tagwarden.core.inventory.pending import PendingDifference
from tagwarden.core.ports.known_objects import LogFileRead

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql

CURSOR_UPSERT = (
    "INSERT INTO source_cursors (source, read_until, updated_at) VALUES (?,?,?) ON CONFLICT (source)"
    " DO UPDATE SET read_until = excluded.read_until, updated_at = excluded.updated_at"
)


class UnitProgress(ABC):
    def __init__(self, sql: Sql, now: str) -> None:
        self._sql = sql
        self._now = now  # the unit's time (as UnitFindings has it)
        self._origins: dict[tuple[str, str], float] = {}  # (account, region) -> newest event
        self._files_read: list[LogFileRead] = []

    @abstractmethod
    def _lock(self, names: Iterable[str]) -> None:
        """Takes the named locks until the transaction ends."""

    def _flush_progress(self) -> None:
        """Last of the unit's writes, in one order: replicas sharing an origin or a file wait on
        its row only for the commit."""
        if self._files_read:
            note_read(self._sql, self._files_read, time.time())
        if self._origins:
            self._sql.run_many(
                "INSERT INTO log_origins (account, region, newest) VALUES (?, ?, ?) ON CONFLICT"
                " (account, region) DO UPDATE SET newest = excluded.newest"
                " WHERE excluded.newest > log_origins.newest",
                [(account, region, moment) for (account, region), moment in sorted(self._origins.items())],
            )
        self._origins, self._files_read = {}, []

    def note_log_files_read(self, files: Sequence[LogFileRead]) -> None:
        self._files_read.extend(files)

    def note_log_origins(self, newest: Mapping[tuple[str, str], float]) -> None:
        for origin, moment in newest.items():
            self._origins[origin] = max(moment, self._origins.get(origin, moment))

    def set_read_cursor(self, source: str, read_until: float) -> None:
        self._sql.run(CURSOR_UPSERT, (source, read_until, self._now))

    def save_pending(self, scope: str, pending: Sequence[PendingDifference]) -> None:
        entries = json.dumps([p.to_dict() for p in pending], sort_keys=True)
        self._sql.run(
            "INSERT INTO pending_differences (scope, entries_json, updated_at) VALUES (?,?,?)"
            " ON CONFLICT (scope) DO UPDATE SET entries_json = excluded.entries_json,"
            " updated_at = excluded.updated_at",
            (scope, entries, self._now),
        )

    def add_pending(self, scope: str, pending: Sequence[PendingDifference]) -> None:
        if pending:
            self.save_pending(scope, [*self._pending_locked(scope), *pending])

    def drop_pending(self, scope: str, done: Sequence[PendingDifference]) -> None:
        if done:
            self.save_pending(scope, [p for p in self._pending_locked(scope) if p not in done])

    def _pending_locked(self, scope: str) -> list[PendingDifference]:
        """The scope's pending differences, read after taking its lock: two replicas recording
        under one scope take turns, and each reads what the other committed."""
        self._lock(["pending:" + scope])
        row = self._sql.row("SELECT entries_json FROM pending_differences WHERE scope = ?", (scope,))
        return [PendingDifference.from_dict(entry) for entry in json.loads(row[0])] if row else []

    def mark_object(self, source: str, key: str) -> None:
        self._sql.run(
            "INSERT INTO processed_objects (source, key, processed_at) VALUES (?,?,?) ON CONFLICT DO NOTHING",
            (source, key, self._now),
        )
