"""The SQLite store: one file, WAL journal, one writer at a time, readers alongside."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tagwarden.model import Finding, KnownTags, SessionGrant, TagChange
from tagwarden.model.finding import FindingStatus
from tagwarden.normalize.arns import canonical_principal, is_iam_principal
from tagwarden.store.base import FindingFilter, HistoryEntry, StoreError
from tagwarden.store.sqlite_schema import SCHEMA, SCHEMA_VERSION
from tagwarden.store.tagfold import COMPLETE_MARKER, HistoryRow, fold_rows
from tagwarden.timeutil import format_time, now_iso

_FINDING_COLUMNS = tuple(Finding.__dataclass_fields__)
_FINDING_SELECT = "SELECT " + ", ".join(_FINDING_COLUMNS) + " FROM findings"


def state_key(target: str) -> str:
    """Targets are keyed without an IAM user's or role's path: TagRole records carry only the name."""
    return canonical_principal(target)


_Row = tuple[str, str | None, bool]  # key, value, removed


@dataclass(frozen=True, slots=True)
class _Origin:
    ts: float
    event_id: str
    actor: str
    event_name: str
    kind: str  # "event" or "snapshot"


def _row_to_finding(row: sqlite3.Row) -> Finding:
    return Finding.from_dict(dict(zip(_FINDING_COLUMNS, row, strict=True)))


class SQLiteUnit:
    """One write transaction on the writer connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._now = now_iso()

    def is_processed(self, event_id: str) -> bool:
        row = self._conn.execute("SELECT 1 FROM processed_events WHERE event_id = ?", (event_id,)).fetchone()
        return row is not None

    def mark_processed(self, event_id: str, event_time: str, source: str) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO processed_events (event_id, event_time, source, processed_at)"
            " VALUES (?,?,?,?)",
            (event_id, event_time, source, self._now),
        )

    def _rows(self, target: str, ts: float | None = None, event_id: str = "") -> list[HistoryRow]:
        sql = "SELECT ts, event_id, key, value, removed FROM tag_history WHERE target = ?"
        params: tuple[Any, ...] = (state_key(target),)
        if ts is not None:
            sql += " AND (ts < ? OR (ts = ? AND event_id < ?))"
            params += (ts, ts, event_id)
        return [HistoryRow(r[0], r[1], r[2], r[3], bool(r[4])) for r in self._conn.execute(sql, params)]

    def tags_as_of(self, target: str, ts: float, event_id: str) -> KnownTags:
        return fold_rows(self._rows(target, ts, event_id), is_iam_principal(target))

    def current_tags(self, target: str) -> KnownTags:
        return fold_rows(self._rows(target), is_iam_principal(target))

    def _history(self, target: str, kind: str, rows: list[_Row], origin: _Origin) -> None:
        when = format_time(origin.ts)
        self._conn.executemany(
            "INSERT OR IGNORE INTO tag_history (target, target_kind, key, key_folded, ts, event_time,"
            " event_id, value, removed, actor, event_name, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    target,
                    kind,
                    key,
                    key.casefold(),
                    origin.ts,
                    when,
                    origin.event_id,
                    value,
                    int(removed),
                    origin.actor,
                    origin.event_name,
                    origin.kind,
                )
                for key, value, removed in rows
            ],
        )
        self._refresh_current(target, kind)

    def _refresh_current(self, target: str, kind: str) -> None:  # target is a state key
        tags = self.current_tags(target)
        self._conn.execute("DELETE FROM tag_current WHERE target = ?", (target,))
        self._conn.executemany(
            "INSERT INTO tag_current (target, target_kind, key, key_folded, value) VALUES (?,?,?,?,?)",
            [(target, kind, key, key.casefold(), value) for key, value in tags.values.items()],
        )

    def record_change(self, change: TagChange, ts: float) -> None:
        if not change.succeeded or change.keys_hidden:
            return
        rows: list[_Row] = []
        if change.replace_all:
            rows.append((COMPLETE_MARKER, None, False))
        rows += [(key, value, False) for key, value in change.set.items()]
        rows += [(key, None, True) for key in change.removed]
        if rows:
            target = state_key(change.target)
            origin = _Origin(ts, change.event_id, change.actor.arn, change.event_name, "event")
            self._history(target, change.target_kind, rows, origin)

    def record_snapshot(
        self, target: str, target_kind: str, tags: Mapping[str, str], ts: float, origin: str
    ) -> None:
        rows: list[_Row] = [(COMPLETE_MARKER, None, False)]
        rows += [(key, value, False) for key, value in tags.items()]
        key = state_key(target)
        self._history(key, target_kind, rows, _Origin(ts, f"{origin}@{ts:.3f}", origin, "", "snapshot"))

    def principal_values(self, key: str) -> frozenset[str] | None:
        # Only an inventory of every principal makes "no principal holds this value" knowable.
        known = self._conn.execute(
            "SELECT 1 FROM checkpoints WHERE source LIKE 'inventory:principals:%' LIMIT 1"
        ).fetchone()
        if known is None:
            return None
        rows = self._conn.execute(
            "SELECT DISTINCT value FROM tag_current WHERE target_kind = 'principal' AND key_folded = ?",
            (key.casefold(),),
        )
        return frozenset(row[0] for row in rows)

    def put_session(self, session: SessionGrant, ts: float) -> None:
        if not session.access_key_id:
            return
        self._conn.execute(
            "INSERT INTO sessions (access_key_id, ts, grant_json) VALUES (?,?,?) ON CONFLICT (access_key_id)"
            " DO UPDATE SET ts = excluded.ts, grant_json = excluded.grant_json"
            " WHERE excluded.ts >= sessions.ts",
            (session.access_key_id, ts, json.dumps(session.to_dict())),
        )

    def get_session(self, access_key_id: str) -> SessionGrant | None:
        row = self._conn.execute(
            "SELECT grant_json FROM sessions WHERE access_key_id = ?", (access_key_id,)
        ).fetchone()
        return SessionGrant.from_dict(json.loads(row[0])) if row else None

    def add_finding(self, finding: Finding) -> bool:
        values = finding.to_dict()
        values["created_at"] = values["created_at"] or self._now
        values["updated_at"] = self._now
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        cursor = self._conn.execute(
            f"INSERT OR IGNORE INTO findings ({columns}) VALUES ({marks})", tuple(values.values())
        )
        return cursor.rowcount == 1

    def save_event(self, event_id: str, record: Mapping[str, Any]) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO events (event_id, record_json) VALUES (?, ?)",
            (event_id, json.dumps(record, separators=(",", ":"))),
        )

    def set_checkpoint(self, source: str, value: str) -> None:
        self._conn.execute(
            "INSERT INTO checkpoints (source, value, updated_at) VALUES (?,?,?) ON CONFLICT (source)"
            " DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
            (source, value, self._now),
        )

    def mark_object(self, source: str, key: str) -> None:
        self._conn.execute(
            "INSERT OR IGNORE INTO processed_objects (source, key, processed_at) VALUES (?,?,?)",
            (source, key, self._now),
        )


class SQLiteStore:
    def __init__(self, path: str) -> None:
        self._path = path
        self._memory = path == ":memory:"
        if not self._memory:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.RLock()
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
            conn.execute("PRAGMA synchronous = FULL")
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
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield SQLiteUnit(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

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
            yield _row_to_finding(row)

    def list_findings(self, where: FindingFilter | None = None) -> list[Finding]:
        return list(self.iter_findings(where))

    def get_finding(self, finding_id: str) -> Finding | None:
        with self._reading() as conn:
            row = conn.execute(_FINDING_SELECT + " WHERE id = ?", (finding_id,)).fetchone()
        return _row_to_finding(row) if row else None

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

    def ping(self) -> None:
        try:
            with self._reading() as conn:
                conn.execute("SELECT 1").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self._path} is not usable: {exc}") from None

    def close(self) -> None:
        with self._write_lock:
            self._writer.close()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
