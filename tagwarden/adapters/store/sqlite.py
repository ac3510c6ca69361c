"""The SQLite store: one file, WAL journal, one writer at a time, readers alongside."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tagwarden.adapters.store.sqlite_schema import SCHEMA, SCHEMA_VERSION
from tagwarden.adapters.store.sqlite_unit import FINDING_COLUMNS, SQLiteUnit, UnitCache, row_to_finding
from tagwarden.core.arn import canonical_principal
from tagwarden.core.model import Finding, KnownTags
from tagwarden.core.model.finding import FindingStatus
from tagwarden.core.model.tagfold import COMPLETE_MARKER
from tagwarden.core.ports.store import Delivery, FailedUnit, FindingFilter, HistoryEntry, StoreError
from tagwarden.core.ports.units import UnitDeferred
from tagwarden.core.timeutil import now_iso

_FINDING_SELECT = "SELECT " + ", ".join(FINDING_COLUMNS) + " FROM findings"
_FAILED_COLUMNS = (
    "source, unit, reason, detail, failures, quarantined, first_failed_at, last_failed_at, payload"
)


def _failed_unit(row: Any) -> FailedUnit:
    return FailedUnit(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        int(row[4]),
        bool(row[5]),
        str(row[6]),
        str(row[7]),
        None if row[8] is None else str(row[8]),
    )


class SQLiteStore:
    def __init__(self, path: str, *, durable: bool = True) -> None:
        """``durable``: each commit reaches the disk before it returns (synchronous FULL). Without,
        a commit survives a crash of tagwarden but the last ones may be lost to a power cut
        (synchronous NORMAL): for replays, which are run again after such a loss."""
        self._path = path
        self._synchronous = "FULL" if durable else "NORMAL"
        self._memory = path == ":memory:"
        if not self._memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.RLock()
        self._cache = UnitCache()
        self._local = threading.local()
        try:
            self._writer = self._connect()
            self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open SQLite store {path}: {exc}") from None

    def _connect(self) -> sqlite3.Connection:
        # One connection for :memory: (each would be a new database); for a file, a writer
        # connection plus one reader per thread, which WAL lets read while the writer writes.
        conn = sqlite3.connect(self._path, timeout=30, check_same_thread=False, isolation_level=None)
        conn.execute("PRAGMA busy_timeout = 30000")
        if not self._memory:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute(f"PRAGMA synchronous = {self._synchronous}")
        return conn

    def _migrate(self) -> None:
        with self._write_lock:
            self._writer.executescript(SCHEMA)
            row = self._writer.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                self._writer.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            elif row[0] > SCHEMA_VERSION:
                raise StoreError(
                    f"{self._path} was written by a newer tagwarden (schema {row[0]} > {SCHEMA_VERSION}); "
                    "upgrade tagwarden or point store.url at another file"
                )

    def _reader(self) -> sqlite3.Connection:
        if self._memory:
            return self._writer
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        if self._memory:
            with self._write_lock:
                yield self._writer
        else:
            yield self._reader()

    @contextmanager
    def unit(self) -> Iterator[SQLiteUnit]:
        with self._write_lock:
            conn = self._writer
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    self._cache.check(conn)
                    unit = SQLiteUnit(conn, self._cache)
                    yield unit
                    unit.flush()
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    self._cache.clear()  # it may hold what the rollback undid
                    raise
                conn.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                # Disk full, read-only, I/O error, locked: the store's fault, not the unit's.
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                self._cache.clear()
                raise UnitDeferred("store_unavailable", f"SQLite store {self._path}: {exc}") from None

    def get_checkpoint(self, source: str) -> str | None:
        with self._reading() as conn:
            row = conn.execute("SELECT value FROM checkpoints WHERE source = ?", (source,)).fetchone()
        return str(row[0]) if row else None

    def object_processed(self, source: str, key: str) -> bool:
        with self._reading() as conn:
            row = conn.execute(
                "SELECT 1 FROM processed_objects WHERE source = ? AND key = ?", (source, key)
            ).fetchone()
        return row is not None

    def _where(self, where: FindingFilter | None) -> tuple[str, list[Any]]:
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

    def iter_findings(self, where: FindingFilter | None = None) -> Iterator[Finding]:
        sql, params = self._where(where)
        with self._reading() as conn:
            rows = conn.execute(_FINDING_SELECT + sql, params).fetchall()
        for row in rows:
            yield row_to_finding(row)

    def list_findings(self, where: FindingFilter | None = None) -> list[Finding]:
        return list(self.iter_findings(where))

    def get_finding(self, finding_id: str) -> Finding | None:
        with self._reading() as conn:
            row = conn.execute(_FINDING_SELECT + " WHERE id = ?", (finding_id,)).fetchone()
        return row_to_finding(row) if row else None

    def set_status(self, finding_id: str, status: FindingStatus) -> Finding | None:
        with self._write_lock:
            self._writer.execute(
                "UPDATE findings SET status = ?, updated_at = ? WHERE id = ?", (status, now_iso(), finding_id)
            )
        return self.get_finding(finding_id)

    def open_finding_counts(self) -> list[tuple[str, str, int]]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT severity, kind, COUNT(*) FROM findings WHERE status = 'open' GROUP BY severity, kind"
            ).fetchall()
        return [(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        with self._reading() as conn:
            row = conn.execute("SELECT record_json FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        return record

    def tag_history(self, target: str, limit: int = 200) -> list[HistoryEntry]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT target, key, value, removed, event_time, event_id, event_name, actor, origin"
                " FROM tag_history WHERE target IN (?, ?) AND key != ?"
                " ORDER BY ts DESC, event_id DESC LIMIT ?",
                (target, canonical_principal(target), COMPLETE_MARKER, limit),
            ).fetchall()
        return [HistoryEntry(r[0], r[1], r[2], bool(r[3]), r[4], r[5], r[6], r[7], r[8]) for r in rows]

    def current_tags(self, target: str) -> KnownTags:
        with self._reading() as conn:
            unit = SQLiteUnit(conn)
            return unit.current_tags(target)

    def due_deliveries(self, now: float, limit: int) -> list[Delivery]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT finding_id, sink, attempts FROM deliveries"
                " WHERE status = 'pending' AND next_attempt <= ? ORDER BY next_attempt, rowid LIMIT ?",
                (now, limit),
            ).fetchall()
        return [Delivery(str(r[0]), str(r[1]), int(r[2])) for r in rows]

    def delivery_done(self, finding_id: str, sink: str) -> None:
        with self._write_lock:
            self._writer.execute(
                "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,"
                " last_error = NULL WHERE finding_id = ? AND sink = ?",
                (now_iso(), finding_id, sink),
            )

    def deliveries_done(self, sink: str, finding_ids: Sequence[str]) -> None:
        if not finding_ids:
            return
        with self._write_lock:
            self._writer.execute("BEGIN IMMEDIATE")
            try:
                self._writer.executemany(
                    "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,"
                    " last_error = NULL WHERE finding_id = ? AND sink = ?",
                    [(now_iso(), finding_id, sink) for finding_id in finding_ids],
                )
            except BaseException:
                self._writer.execute("ROLLBACK")
                raise
            self._writer.execute("COMMIT")

    def delivery_failed(self, finding_id: str, sink: str, error: str, next_attempt: float) -> None:
        with self._write_lock:
            self._writer.execute(
                "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt = ?"
                " WHERE finding_id = ? AND sink = ?",
                (error[:500], next_attempt, finding_id, sink),
            )

    def pending_deliveries(self) -> dict[str, int]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT sink, COUNT(*) FROM deliveries WHERE status = 'pending' GROUP BY sink"
            ).fetchall()
        return {str(r[0]): int(r[1]) for r in rows}

    def delivery_status(self, finding_id: str) -> dict[str, str]:
        with self._reading() as conn:
            rows = conn.execute(
                "SELECT sink, status, attempts, last_error FROM deliveries WHERE finding_id = ?",
                (finding_id,),
            ).fetchall()
        return {
            str(r[0]): str(r[1]) if r[1] == "delivered" else f"pending after {r[2]} attempt(s): {r[3] or '-'}"
            for r in rows
        }

    def set_remediation(self, finding_id: str, status: str, detail: str, applied_at: float | None) -> None:
        with self._write_lock:
            self._writer.execute(
                "INSERT INTO remediations (finding_id, status, detail, applied_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (finding_id) DO UPDATE SET"
                " status = excluded.status, detail = excluded.detail,"
                " applied_at = excluded.applied_at, updated_at = excluded.updated_at",
                (finding_id, status, detail[:500], applied_at, now_iso()),
            )

    def remediation(self, finding_id: str) -> dict[str, str] | None:
        with self._reading() as conn:
            row = conn.execute(
                "SELECT status, detail FROM remediations WHERE finding_id = ?", (finding_id,)
            ).fetchone()
        return {"status": str(row[0]), "detail": str(row[1])} if row else None

    def remediations_applied_since(self, ts: float) -> int:
        with self._reading() as conn:
            row = conn.execute("SELECT COUNT(*) FROM remediations WHERE applied_at >= ?", (ts,)).fetchone()
        return int(row[0])

    def note_unit_failure(
        self, source: str, unit: str, reason: str, detail: str, *, payload: str | None, quarantine_after: int
    ) -> FailedUnit:
        now = now_iso()
        with self._write_lock:
            self._writer.execute(
                "INSERT INTO failed_units (source, unit, reason, detail, payload, failures, quarantined,"
                " first_failed_at, last_failed_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)"
                " ON CONFLICT (source, unit) DO UPDATE SET reason = excluded.reason,"
                " detail = excluded.detail, payload = COALESCE(excluded.payload, payload),"
                " failures = failures + 1, quarantined = (failures + 1 >= ?),"
                " last_failed_at = excluded.last_failed_at",
                (
                    source,
                    unit,
                    reason,
                    detail[:2000],
                    payload,
                    int(quarantine_after <= 1),
                    now,
                    now,
                    quarantine_after,
                ),
            )
            row = self._writer.execute(
                f"SELECT {_FAILED_COLUMNS} FROM failed_units WHERE source = ? AND unit = ?", (source, unit)
            ).fetchone()
        return _failed_unit(row)

    def is_quarantined(self, source: str, unit: str) -> bool:
        with self._reading() as conn:
            row = conn.execute(
                "SELECT 1 FROM failed_units WHERE source = ? AND unit = ? AND quarantined = 1", (source, unit)
            ).fetchone()
        return row is not None

    def failed_units(self, quarantined_only: bool = True) -> list[FailedUnit]:
        where = " WHERE quarantined = 1" if quarantined_only else ""
        with self._reading() as conn:
            rows = conn.execute(
                f"SELECT {_FAILED_COLUMNS} FROM failed_units{where} ORDER BY last_failed_at, source, unit"
            ).fetchall()
        return [_failed_unit(r) for r in rows]

    def ping(self) -> None:
        """Write, not only read: a full or read-only disk still answers SELECT 1."""
        try:
            with self._write_lock:
                self._writer.execute(
                    "INSERT OR REPLACE INTO health (id, checked_at) VALUES (1, ?)", (now_iso(),)
                )
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self._path} is not usable: {exc}") from None

    def close(self) -> None:
        with self._write_lock:
            self._writer.close()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
