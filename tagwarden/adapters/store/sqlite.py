"""The SQLite store: one file, WAL journal, one writer at a time, readers alongside."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from tagwarden.adapters.store.compute_rows import SCHEMA_V7  # the same on both engines
from tagwarden.adapters.store.known_rows import schema_v9
from tagwarden.adapters.store.lock import make_folder_of
from tagwarden.adapters.store.outbox_rows import SCHEMA_V6, SCHEMA_V8  # the same on both engines
from tagwarden.adapters.store.read_log_rows import schema_v10, schema_v11
from tagwarden.adapters.store.sql import Row, SqlStore
from tagwarden.adapters.store.sqlite_schema import (
    SCHEMA_V1,
    SCHEMA_V2,
    SCHEMA_V3,
    SCHEMA_V4,
    SCHEMA_V5,
    SCHEMA_VERSION,
    move_v1_checkpoints,
)
from tagwarden.adapters.store.unit_cache import UnitCache
from tagwarden.core.ports.store import StoreError
from tagwarden.core.ports.units import UnitDeferred

CHECKPOINT_PAGES = 10_000  # WAL pages between checkpoints (docs/performance.md)


class SQLiteSql:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        return self._conn.execute(sql, params).fetchall()

    def row(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row: Row | None = self._conn.execute(sql, params).fetchone()
        return row

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        return self._conn.execute(sql, params).rowcount

    def run_many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        self._conn.executemany(sql, params)

    def rows_of_each(self, sql: str, params: Sequence[Sequence[Any]]) -> list[Row]:
        # executemany returns no rows: one execute each (the statement is cached, the call in-process)
        execute = self._conn.execute
        return [row for values in params for row in execute(sql, values).fetchall()]

    def lock_keys(self, keys: Sequence[str]) -> None:
        """One writer at a time already: units never run side by side."""


# The steps after version 2 (whose step also moves version 1's checkpoints), in order.
_STEPS = {
    3: SCHEMA_V3,
    4: SCHEMA_V4,
    5: SCHEMA_V5,
    6: SCHEMA_V6,
    7: SCHEMA_V7,
    8: SCHEMA_V8,
    9: schema_v9(real="REAL", blob="BLOB"),
    10: schema_v10(real="REAL"),
    11: schema_v11(real="REAL"),
}


def _run_script(conn: sqlite3.Connection, script: str) -> None:
    """Each statement inside the open transaction (``executescript`` would commit it first)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


class SQLiteStore(SqlStore):
    found_version = 0  # the schema version the file had when opened; 0: new

    def __init__(self, path: str, *, durable: bool = True) -> None:
        """``durable``: each commit reaches the disk before it returns (synchronous FULL). Without,
        a commit survives a crash of tagwarden but the last ones may be lost to a power cut
        (synchronous NORMAL): for replays, which are run again after such a loss."""
        self._path = path
        self._synchronous = "FULL" if durable else "NORMAL"
        self._memory = path == ":memory:"
        if not self._memory:
            make_folder_of(path)
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
            # A unit writes a few hundred pages, many of them again within a few units:
            # checkpointing every 10,000 pages instead of SQLite's 1,000 copies each such page
            # back once, with a tenth of the syncs; the WAL file grows to about 40 MiB.
            conn.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")
        return conn

    def _migrate(self) -> None:
        with self._writing() as sql:
            conn = self._writer
            # Every table of version 1, old and added since (IF NOT EXISTS): a file made by an
            # earlier release of version 1 gains the tables it lacks.
            _run_script(conn, SCHEMA_V1)
            row = sql.row("SELECT version FROM schema_version")
            version = 1 if row is None else int(row[0])
            self.found_version = 0 if row is None else version
            if row is None:
                sql.run("INSERT INTO schema_version (version) VALUES (1)")
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self._path} was written by a newer tagwarden (schema {version} > {SCHEMA_VERSION}); "
                    "upgrade tagwarden or point store.url at another file"
                )
            if version < 2:
                _run_script(conn, SCHEMA_V2)
                move_v1_checkpoints(conn)
                sql.run("UPDATE schema_version SET version = 2")
            for step, script in _STEPS.items():
                if version < step:
                    _run_script(conn, script)
                    sql.run("UPDATE schema_version SET version = ?", (step,))

    def _reader(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
        return conn

    @contextmanager
    def _reading(self) -> Iterator[SQLiteSql]:
        if self._memory:
            with self._write_lock:
                yield SQLiteSql(self._writer)
        else:
            yield SQLiteSql(self._reader())

    @contextmanager
    def _writing(self) -> Iterator[SQLiteSql]:
        with self._write_lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield SQLiteSql(conn)
                conn.execute("COMMIT")  # may fail too (a full disk): SQLite then rolls back itself
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                self._cache.clear()  # it may hold what the rollback undid
                raise

    def _unit_cache(self, sql: object) -> UnitCache:
        """Kept across units while no other connection has committed (SQLite's data_version)."""
        self._cache.check(int(self._writer.execute("PRAGMA data_version").fetchone()[0]))
        return self._cache

    @contextmanager
    def unit(self) -> Iterator[Any]:
        try:
            with super().unit() as unit:
                yield unit
        except sqlite3.OperationalError as exc:
            # Disk full, read-only, I/O error, locked: the store's fault, not the unit's.
            raise UnitDeferred("store_unavailable", f"SQLite store {self._path}: {exc}") from None

    def ping(self) -> None:
        try:
            self._write_health()
        except sqlite3.Error as exc:
            raise StoreError(f"SQLite store {self._path} is not usable: {exc}") from None

    def close(self) -> None:
        with self._write_lock:
            self._writer.close()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
