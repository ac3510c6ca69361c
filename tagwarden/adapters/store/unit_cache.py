"""What a store's units read and keep between them (current tags, history, sessions)."""

from __future__ import annotations

from dataclasses import dataclass, field

from tagwarden.core.model import KnownTags, SessionGrant
from tagwarden.core.model.tagfold import HistoryRow


@dataclass(slots=True)
class UnitCache:
    """Current tags and sessions read by earlier units of this store, kept while no other
    connection has committed (SQLite's data_version says so); cleared after a rollback."""

    data_version: int = -1
    current: dict[str, KnownTags] = field(default_factory=dict)
    rows: dict[str, list[HistoryRow]] = field(default_factory=dict)  # a target's history, any order
    sessions: dict[str, SessionGrant | None] = field(default_factory=dict)
    limit: int = 50_000  # entries per kind: past it, everything is read again (a long backfill)

    def check(self, data_version: int) -> None:
        too_big = max(len(self.current), len(self.rows), len(self.sessions)) > self.limit
        if data_version != self.data_version or too_big:
            self.clear()
            self.data_version = data_version

    def clear(self) -> None:
        self.current.clear()
        self.rows.clear()
        self.sessions.clear()
