"""The PostgreSQL store: shared by any number of replicas (pip install 'tagwarden[postgres]').

Every replica holds a small connection pool. Units are transactions; deliveries are claimed with
``FOR UPDATE SKIP LOCKED``, so two replicas never claim the same one; the schema is migrated under
an advisory lock. The password may be in the URL, in ``PGPASSWORD`` or in a file; it is never
shown (errors name the URL without it).
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from tagwarden.adapters.store.postgres_schema import MIGRATION_LOCK, MIGRATIONS, SCHEMA_VERSION
from tagwarden.adapters.store.server_clock import ServerClock
from tagwarden.adapters.store.sql import Row, SqlStore
from tagwarden.core.ports.store import StoreError
from tagwarden.core.ports.units import UnitDeferred
from tagwarden.core.settings.store_url import redacted, url_passwords

try:
    import psycopg
    import psycopg_pool
except ImportError:  # pragma: no cover - the extra is not installed
    psycopg = None  # type: ignore[assignment]
    psycopg_pool = None  # type: ignore[assignment]


# How long a statement waits for a lock (a target's, held by another replica's unit) before the
# unit is given up and tried again; and how long a session may sit idle inside a transaction
# before the server ends it, releasing its locks: a replica that froze or lost the network in
# a unit would otherwise hold its targets until the server's TCP keepalive noticed (hours).
LOCK_WAIT_SECONDS = 60.0
IDLE_IN_UNIT_SECONDS = 600.0
# How long this side waits for the server to acknowledge what it sent before it gives the
# connection up (libpq's tcp_user_timeout), and TCP keepalives on idle pool connections: a server
# whose host died or was cut off (a failover, a lost node) otherwise holds a statement for the
# kernel's retransmissions (about 15 minutes), and an idle connection for ever. Chosen, not measured.
SERVER_SILENT_SECONDS = 60.0
KEEPALIVE = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3}


@functools.lru_cache(maxsize=512)
def _placeholders(sql: str) -> str:
    """The shared statements use ``?``; psycopg takes ``%s`` (and none of them holds a ``%``)."""
    return sql.replace("?", "%s")


class PostgresSql:
    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        rows: list[Row] = self._conn.execute(_placeholders(sql), params).fetchall()
        return rows

    def row(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        row: Row | None = self._conn.execute(_placeholders(sql), params).fetchone()
        return row

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        return int(self._conn.execute(_placeholders(sql), params).rowcount)

    def run_many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        if params:
            with self._conn.cursor() as cursor:
                cursor.executemany(_placeholders(sql), params)

    def rows_of_each(self, sql: str, params: Sequence[Sequence[Any]]) -> list[Row]:
        if not params:
            return []
        returned: list[Row] = []
        with self._conn.cursor() as cursor:
            cursor.executemany(_placeholders(sql), params, returning=True)
            while True:
                returned += cursor.fetchall()
                if not cursor.nextset():
                    return returned

    def lock_keys(self, keys: Sequence[str]) -> None:
        # One round trip for all of them (a unit locks some fifty names). unnest reads the array
        # out in order and each row's lock is taken as the row is read, so the locks are taken in
        # the sorted order of lock_ids, as one statement per lock took them.
        ids = lock_ids(keys)
        if ids:
            self._conn.execute(
                "SELECT count(pg_advisory_xact_lock(lock_id)) FROM unnest(%s::bigint[]) AS ids(lock_id)",
                (ids,),
            )


def lock_ids(keys: Sequence[str]) -> list[int]:
    """Advisory lock ids for names, sorted: every unit takes its locks in one order, so two units
    never wait for each other in a circle."""
    ids = {
        int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "big", signed=True)
        for key in keys
    }
    return sorted(ids)


def _password(password_file: str | None) -> dict[str, str]:
    if password_file is None:
        return {}
    try:
        return {"password": Path(password_file).read_text(encoding="utf-8").strip()}
    except OSError as exc:
        raise StoreError(f"cannot read the store password file {password_file}: {exc.strerror}") from None


class PostgresStore(SqlStore):
    _claim_lock = " FOR UPDATE SKIP LOCKED"
    found_version = 0  # the schema version the database had when opened; 0: new

    def __init__(self, url: str, *, password_file: str | None = None, pool_size: int = 8) -> None:
        if psycopg is None or psycopg_pool is None:
            raise StoreError(
                "store.url names PostgreSQL but psycopg is not installed: pip install 'tagwarden[postgres]'"
            )
        self._shown = redacted(url)
        self._server_clock = ServerClock(self._server_time)
        kwargs: dict[str, Any] = {
            "autocommit": True,
            "connect_timeout": 10,
            "tcp_user_timeout": int(SERVER_SILENT_SECONDS * 1000),
            **KEEPALIVE,
            **_password(password_file),
        }
        # libpq repeats what it cannot parse (a badly percent-encoded password among it): every
        # message shown is cleared of the password, as written and as read from its file.
        self._secrets = _secrets(url, kwargs.get("password"))
        try:
            # One plain connection first: a wrong address or password fails now, with libpq's reason,
            # instead of a pool retrying in the background.
            psycopg.connect(url, **kwargs).close()
        except psycopg.Error as exc:
            raise StoreError(
                f"cannot open PostgreSQL store {self._shown}: {_reason(exc, self._secrets)}"
            ) from None
        self._pool = psycopg_pool.ConnectionPool(
            url,
            min_size=1,
            max_size=pool_size,
            kwargs=kwargs,
            open=False,
            name="tagwarden",
            configure=_configure,
        )
        try:
            self._pool.open(wait=True, timeout=30)
            self.found_version = self.migrate()
        except (psycopg.Error, psycopg_pool.PoolTimeout) as exc:
            self._pool.close()
            raise StoreError(
                f"cannot open PostgreSQL store {self._shown}: {_reason(exc, self._secrets)}"
            ) from None

    def migrate(self) -> int:
        """Brings the schema to this release's version; returns the version found before."""
        with self._writing() as sql:
            # Another replica migrating may take longer than a target lock is waited for.
            sql.run("SET LOCAL lock_timeout = 0")
            sql.run("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))
            sql.run("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = sql.row("SELECT version FROM schema_version")
            found = 0 if row is None else int(row[0])
            if found > SCHEMA_VERSION:
                raise StoreError(
                    f"{self._shown} was written by a newer tagwarden (schema {found} > {SCHEMA_VERSION});"
                    " upgrade tagwarden"
                )
            for version in range(found + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        sql.run(statement)
            if row is None:
                sql.run("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))
            else:
                sql.run("UPDATE schema_version SET version = ?", (SCHEMA_VERSION,))
        return found

    @contextmanager
    def _reading(self) -> Iterator[PostgresSql]:
        with self._pool.connection() as conn:
            yield PostgresSql(conn)

    @contextmanager
    def _writing(self) -> Iterator[PostgresSql]:
        with self._pool.connection() as conn, conn.transaction():
            yield PostgresSql(conn)

    @contextmanager
    def unit(self) -> Iterator[Any]:
        try:
            with super().unit() as unit:
                yield unit
        except (psycopg.OperationalError, psycopg_pool.PoolTimeout) as exc:
            # The connection dropped or the server is away: the store's fault, not the unit's, so
            # the unit is kept and tried again instead of counted towards its quarantine.
            raise UnitDeferred(
                "store_unavailable", f"PostgreSQL store {self._shown}: {_reason(exc, self._secrets)}"
            ) from None

    def ping(self) -> None:
        try:
            self._write_health()
        except (psycopg.Error, psycopg_pool.PoolTimeout) as exc:
            raise StoreError(
                f"PostgreSQL store {self._shown} is not usable: {_reason(exc, self._secrets)}"
            ) from None

    def clock(self) -> float:
        """The server's time: replicas reckon leases alike whatever their own clocks say."""
        return self._server_clock()

    def _server_time(self) -> float:
        with self._reading() as sql:
            row = sql.row("SELECT EXTRACT(EPOCH FROM clock_timestamp())")
        assert row is not None
        return float(row[0])

    def close(self) -> None:
        self._pool.close()


def _configure(conn: Any) -> None:
    """Each new connection of the pool (autocommit: the settings hold for its session)."""
    conn.execute(f"SET lock_timeout = {int(LOCK_WAIT_SECONDS * 1000)}")
    conn.execute(f"SET idle_in_transaction_session_timeout = {int(IDLE_IN_UNIT_SECONDS * 1000)}")


def _secrets(url: str, from_file: str | None) -> list[str]:
    written = url_passwords(url)
    found = {*written, *(unquote(secret) for secret in written)}
    if from_file:
        found.add(from_file)
    return sorted(found, key=len, reverse=True)


def _reason(exc: BaseException, secrets: Sequence[str] = ()) -> str:
    # libpq's messages name host and port; one that echoes its input may name the password.
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    for secret in secrets:
        reason = reason.replace(secret, "***")
    return reason
