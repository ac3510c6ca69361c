"""What the engines share: a statement runner over one connection, and the store's reads.

Statements are written once, with ``?`` placeholders and SQL both SQLite and PostgreSQL accept
(``ON CONFLICT``); each engine's ``Sql`` runs them on its own driver.
"""

from __future__ import annotations

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol

from tagwarden.adapters.store.compute_rows import select_entries
from tagwarden.adapters.store.finding_rows import FINDING_COLUMNS, row_to_finding
from tagwarden.adapters.store.forget import BATCH_ROWS, forget_written_before
from tagwarden.adapters.store.known_rows import (
    KnownTable,
    count_known,
    forget_known,
    insert_known,
    select_known,
)
from tagwarden.adapters.store.outbox_rows import requeue_statement
from tagwarden.adapters.store.read_log_rows import (
    buckets_read,
    checked,
    files_read,
    forget_read,
    note_checked,
    origins_read,
)
from tagwarden.adapters.store.sql_outbox import SqlOutbox
from tagwarden.adapters.store.sql_progress import SqlProgress
from tagwarden.adapters.store.sql_unit import SqlUnit
from tagwarden.adapters.store.unit_cache import UnitCache
from tagwarden.core.arn import canonical_principal
from tagwarden.core.model import Finding, KnownTags, SessionGrant
from tagwarden.core.model.finding import FindingStatus
from tagwarden.core.model.tagfold import COMPLETE_MARKER
from tagwarden.core.ports.compute_state import Entry
from tagwarden.core.ports.known_objects import KeptDigest, KeptLogHash, LogOrigin
from tagwarden.core.ports.store import FindingFilter, HistoryEntry
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
    def rows_of_each(self, sql: str, params: Sequence[Sequence[Any]]) -> list[Row]:
        """Runs ``sql`` once for each of ``params``; the rows the runs returned, in order (one
        round trip on PostgreSQL)."""
        ...

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


_REMEDIATION_UPSERT = (
    "INSERT INTO remediations (finding_id, status, detail, applied_at, updated_at)"
    " VALUES (?, ?, ?, ?, ?) ON CONFLICT (finding_id) DO UPDATE SET"
    " status = excluded.status, detail = excluded.detail,"
    " applied_at = excluded.applied_at, updated_at = excluded.updated_at"
)


class SqlStore(SqlOutbox, SqlProgress, ABC):
    """The reads and single-statement writes every engine runs alike. An engine gives ``_reading``
    (a connection that sees the last commit), ``_writing`` (a transaction) and ``unit``."""

    @abstractmethod
    def _reading(self) -> AbstractContextManager[Sql]: ...

    @abstractmethod
    def _writing(self) -> AbstractContextManager[Sql]: ...

    def _write_health(self) -> None:
        """Write the health row, for ``ping``: a store that answers reads but takes no writes (a full
        or read-only disk, a database in recovery) still answers SELECT 1."""
        with self._writing() as sql:
            sql.run(
                "INSERT INTO health (id, checked_at) VALUES (1, ?)"
                " ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
                (now_iso(),),
            )

    def _unit_cache(self, sql: Sql) -> UnitCache:
        """What a unit may keep of what earlier units read; an engine with other writers keeps
        nothing across units."""
        return UnitCache()

    @contextmanager
    def unit(self) -> Iterator[SqlUnit]:
        with self._writing() as sql:
            unit = SqlUnit(sql, self._unit_cache(sql))
            yield unit
            unit.flush()

    def forget_written_before(self, before: str, batch: int = BATCH_ROWS) -> dict[str, int]:
        return forget_written_before(self._writing, before, batch)

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

    def set_status(
        self, finding_id: str, status: FindingStatus, *, requeue_except: Collection[str] | None = None
    ) -> Finding | None:
        before = self.get_finding(finding_id) if requeue_except is not None else None
        with self._writing() as sql:
            sql.run(
                "UPDATE findings SET status = ?, updated_at = ? WHERE id = ?", (status, now_iso(), finding_id)
            )
            if before is not None and requeue_except is not None and before.status != status:
                sql.run(*requeue_statement(finding_id, before, requeue_except))
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

    def set_remediation(self, finding_id: str, status: str, detail: str, applied_at: float | None) -> None:
        with self._writing() as sql:
            sql.run(_REMEDIATION_UPSERT, (finding_id, status, detail[:500], applied_at, now_iso()))

    def remediation(self, finding_id: str) -> dict[str, str] | None:
        with self._reading() as sql:
            row = sql.row("SELECT status, detail FROM remediations WHERE finding_id = ?", (finding_id,))
        return {"status": str(row[0]), "detail": str(row[1])} if row else None

    def remediations_applied_since(self, ts: float) -> int:
        with self._reading() as sql:
            row = sql.row("SELECT COUNT(*) FROM remediations WHERE applied_at >= ?", (ts,))
        return int(row[0]) if row else 0

    def reserve_remediation(self, finding_id: str, detail: str, now: float, since: float, limit: int) -> bool:
        with self._writing() as sql:
            sql.lock_keys(["remediation:quota"])  # replicas count and take one at a time
            row = sql.row(
                "SELECT COUNT(*) FROM remediations WHERE applied_at >= ? AND finding_id != ?",
                (since, finding_id),
            )
            if row is not None and int(row[0]) >= limit:
                return False
            sql.run(_REMEDIATION_UPSERT, (finding_id, "applying", detail[:500], now, now_iso()))
        return True

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

    def get_session(self, access_key_id: str) -> SessionGrant | None:
        with self._reading() as sql:
            return SqlUnit(sql).get_session(access_key_id)

    def principals_known(self, account: str) -> float | None:
        with self._reading() as sql:
            row = sql.row("SELECT taken_at FROM principal_inventories WHERE account = ?", (account,))
        return float(row[0]) if row else None

    # compute state
    def compute_entries(self, wanted: Collection[Entry]) -> dict[Entry, str]:
        if not wanted:
            return {}
        with self._reading() as sql:
            return select_entries(sql, wanted)

    # known objects
    def log_hashes(self, keys: Collection[str]) -> dict[str, str]:
        return {key: str(values[0]) for key, values in self._known("log_hashes", keys).items()}

    def keep_log_hashes(self, hashes: Sequence[KeptLogHash]) -> None:
        self._keep_known("log_hashes", hashes)

    def forget_log_hashes(self, modified_before: float) -> int:
        return self._forget_known("log_hashes", modified_before)

    def log_hash_count(self) -> int:
        return self._count_known("log_hashes")

    def digest_copies(self, keys: Collection[str]) -> dict[str, tuple[bytes, str | None]]:
        return {
            key: (bytes(content), None if signature is None else str(signature))
            for key, (content, signature) in self._known("digest_copies", keys).items()
        }

    def keep_digest_copies(self, copies: Sequence[KeptDigest]) -> None:
        self._keep_known("digest_copies", copies)

    def forget_digest_copies(self, modified_before: float) -> int:
        return self._forget_known("digest_copies", modified_before)

    def digest_copy_count(self) -> int:
        return self._count_known("digest_copies")

    def log_file_buckets_read(self, since: float) -> list[str]:
        with self._reading() as sql:
            return buckets_read(sql, since)

    def log_file_origins_read(self, since: float) -> list[LogOrigin]:
        with self._reading() as sql:
            return origins_read(sql, since)

    def log_files_read(self, origin: LogOrigin, since: float) -> list[str]:
        with self._reading() as sql:
            return files_read(sql, origin, since)

    def log_files_checked(self, urls: Collection[str]) -> set[str]:
        with self._reading() as sql:
            return checked(sql, sorted(set(urls)))

    def note_log_files_checked(self, urls: Collection[str], at: float) -> None:
        with self._writing() as sql:
            note_checked(sql, sorted(set(urls)), at)

    def forget_log_files_read(self, read_before: float) -> int:
        with self._writing() as sql:
            return forget_read(sql, read_before)

    def _known(self, table: KnownTable, keys: Collection[str]) -> dict[str, tuple[Any, ...]]:
        if not keys:
            return {}
        with self._reading() as sql:
            return select_known(sql, table, keys)

    def _keep_known(self, table: KnownTable, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self._writing() as sql:
                insert_known(sql, table, rows)

    def _forget_known(self, table: KnownTable, modified_before: float) -> int:
        with self._writing() as sql:
            return forget_known(sql, table, modified_before)

    def _count_known(self, table: KnownTable) -> int:
        with self._reading() as sql:
            return count_known(sql, table)

    # leases
    def clock(self) -> float:
        return time.time()  # one host's store: its replicas share its clock (PostgreSQL: the server's)

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
