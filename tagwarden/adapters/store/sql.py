"""What the engines share: a statement runner over one connection, and the store's reads.

Statements are written once, with ``?`` placeholders and SQL both SQLite and PostgreSQL accept
(``ON CONFLICT``); each engine's ``Sql`` runs them on its own driver.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

from tagwarden.adapters.store.sql_unit import FINDING_COLUMNS, SqlUnit, row_to_finding
from tagwarden.core.arn import canonical_principal
from tagwarden.core.inventory.pending import PendingDifference
from tagwarden.core.model import Finding, KnownTags
from tagwarden.core.model.finding import FindingStatus
from tagwarden.core.model.tagfold import COMPLETE_MARKER
from tagwarden.core.ports.store import Delivery, FindingFilter, HistoryEntry
from tagwarden.core.timeutil import now_iso

Row = tuple[Any, ...]
_FINDING_SELECT = "SELECT " + ", ".join(FINDING_COLUMNS) + " FROM findings"


class Sql(Protocol):
    """One connection, or one transaction on it."""

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]: ...
    def row(self, sql: str, params: Sequence[Any] = ()) -> Row | None: ...
    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        """Runs a statement; returns the number of rows it changed."""
        ...

    def run_many(self, sql: str, params: Sequence[Sequence[Any]]) -> None: ...

    def lock_keys(self, keys: Sequence[str]) -> None:
        """Transaction-scoped locks on names; a single-writer engine needs none."""
        ...


def finding_where(where: FindingFilter | None) -> tuple[str, list[Any]]:
    clauses: list[str] = []
    params: list[Any] = []
    if where is not None:
        for column, values in (
            ("severity", where.severity),
            ("kind", where.kind),
            ("status", where.status),
            ("account", where.account),
        ):
            if values:
                clauses.append(f"{column} IN ({', '.join('?' for _ in values)})")
                params.extend(values)
    sql = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    sql += " ORDER BY event_time DESC, id"
    if where is not None and where.limit is not None:
        sql += " LIMIT ?"
        params.append(where.limit)
    return sql, params


class SqlStore(ABC):
    """The reads and single-statement writes every engine runs alike. An engine gives ``_reading``
    (a connection that sees the last commit), ``_writing`` (a transaction) and ``unit``."""

    @abstractmethod
    def _reading(self) -> AbstractContextManager[Sql]: ...

    @abstractmethod
    def _writing(self) -> AbstractContextManager[Sql]: ...

    @contextmanager
    def unit(self) -> Iterator[SqlUnit]:
        with self._writing() as sql:
            yield SqlUnit(sql)

    # findings
    def iter_findings(self, where: FindingFilter | None = None) -> Iterator[Finding]:
        clause, params = finding_where(where)
        with self._reading() as sql:
            rows = sql.rows(_FINDING_SELECT + clause, params)
        for row in rows:
            yield row_to_finding(row)

    def list_findings(self, where: FindingFilter | None = None) -> list[Finding]:
        return list(self.iter_findings(where))

    def get_finding(self, finding_id: str) -> Finding | None:
        with self._reading() as sql:
            row = sql.row(_FINDING_SELECT + " WHERE id = ?", (finding_id,))
        return row_to_finding(row) if row else None

    def set_status(self, finding_id: str, status: FindingStatus) -> Finding | None:
        with self._writing() as sql:
            sql.run(
                "UPDATE findings SET status = ?, updated_at = ? WHERE id = ?", (status, now_iso(), finding_id)
            )
        return self.get_finding(finding_id)

    def open_finding_counts(self) -> list[tuple[str, str, int]]:
        with self._reading() as sql:
            rows = sql.rows(
                "SELECT severity, kind, COUNT(*) FROM findings WHERE status = 'open' GROUP BY severity, kind"
            )
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        with self._reading() as sql:
            row = sql.row("SELECT record_json FROM events WHERE event_id = ?", (event_id,))
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        return record

    # tag state
    def tag_history(self, target: str, limit: int = 200) -> list[HistoryEntry]:
        with self._reading() as sql:
            rows = sql.rows(
                "SELECT target, key, value, removed, event_time, event_id, event_name, actor, origin"
                " FROM tag_history WHERE target IN (?, ?) AND key != ?"
                " ORDER BY ts DESC, event_id DESC LIMIT ?",
                (target, canonical_principal(target), COMPLETE_MARKER, limit),
            )
        return [HistoryEntry(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8]) for r in rows]

    def current_tags(self, target: str) -> KnownTags:
        with self._reading() as sql:
            return SqlUnit(sql).current_tags(target)

    def principals_known(self, account: str) -> float | None:
        with self._reading() as sql:
            row = sql.row("SELECT taken_at FROM principal_inventories WHERE account = ?", (account,))
        return float(row[0]) if row else None

    # progress
    def object_processed(self, source: str, key: str) -> bool:
        with self._reading() as sql:
            row = sql.row("SELECT 1 FROM processed_objects WHERE source = ? AND key = ?", (source, key))
        return row is not None

    def read_cursor(self, source: str) -> float | None:
        with self._reading() as sql:
            row = sql.row("SELECT read_until FROM source_cursors WHERE source = ?", (source,))
        return float(row[0]) if row else None

    def pending(self, scope: str) -> list[PendingDifference]:
        with self._reading() as sql:
            row = sql.row("SELECT entries_json FROM pending_differences WHERE scope = ?", (scope,))
        return [PendingDifference.from_dict(entry) for entry in json.loads(row[0])] if row else []

    # outbox
    def claim_deliveries(self, now: float, limit: int, holder: str, lease_seconds: float) -> list[Delivery]:
        with self._writing() as sql:
            due = sql.rows(
                "SELECT finding_id, sink, attempts FROM deliveries WHERE status = 'pending'"
                " AND next_attempt <= ? AND lease_until <= ? ORDER BY next_attempt, finding_id, sink"
                " LIMIT ?" + self._claim_lock,
                (now, now, limit),
            )
            sql.run_many(
                "UPDATE deliveries SET lease_holder = ?, lease_until = ? WHERE finding_id = ? AND sink = ?",
                [(holder, now + lease_seconds, r[0], r[1]) for r in due],
            )
        return [Delivery(str(r[0]), str(r[1]), int(r[2])) for r in due]

    _claim_lock = ""  # PostgreSQL: rows other transactions are claiming are skipped, not waited for

    def delivery_done(self, finding_id: str, sink: str) -> None:
        with self._writing() as sql:
            sql.run(
                "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,"
                " last_error = NULL, lease_holder = NULL, lease_until = 0 WHERE finding_id = ? AND sink = ?",
                (now_iso(), finding_id, sink),
            )

    def delivery_failed(self, finding_id: str, sink: str, error: str, next_attempt: float) -> None:
        with self._writing() as sql:
            sql.run(
                "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt = ?,"
                " lease_holder = NULL, lease_until = 0 WHERE finding_id = ? AND sink = ?",
                (error[:500], next_attempt, finding_id, sink),
            )

    def pending_deliveries(self) -> dict[str, int]:
        with self._reading() as sql:
            rows = sql.rows("SELECT sink, COUNT(*) FROM deliveries WHERE status = 'pending' GROUP BY sink")
        return {str(r[0]): int(r[1]) for r in rows}

    def delivery_status(self, finding_id: str) -> dict[str, str]:
        with self._reading() as sql:
            rows = sql.rows(
                "SELECT sink, status, attempts, last_error FROM deliveries WHERE finding_id = ?",
                (finding_id,),
            )
        return {
            str(r[0]): str(r[1]) if r[1] == "delivered" else f"pending after {r[2]} attempt(s): {r[3] or '-'}"
            for r in rows
        }

    # leases
    def try_lease(self, name: str, holder: str, now: float, seconds: float) -> bool:
        with self._writing() as sql:
            sql.run(
                "INSERT INTO leases (name, holder, expires) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE"
                " SET holder = excluded.holder, expires = excluded.expires"
                " WHERE leases.holder = excluded.holder OR leases.expires <= ?",
                (name, holder, now + seconds, now),
            )
            row = sql.row("SELECT holder FROM leases WHERE name = ?", (name,))
        return row is not None and row[0] == holder

    def release_lease(self, name: str, holder: str) -> None:
        with self._writing() as sql:
            sql.run("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    def lease_holder(self, name: str, now: float) -> str | None:
        with self._reading() as sql:
            row = sql.row("SELECT holder FROM leases WHERE name = ? AND expires > ?", (name, now))
        return str(row[0]) if row else None
