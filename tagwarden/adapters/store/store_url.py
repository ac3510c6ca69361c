"""Opening a store from its URL."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from tagwarden.adapters.store.postgres_schema import SCHEMA_VERSION as PG_SCHEMA_VERSION
from tagwarden.adapters.store.sqlite import SQLiteStore
from tagwarden.adapters.store.sqlite_schema import SCHEMA_VERSION as SQLITE_SCHEMA_VERSION
from tagwarden.core.ports.store import Store, StoreError
from tagwarden.core.settings.store_url import SQLITE_PREFIX, is_postgres, sqlite_file

if TYPE_CHECKING:
    from tagwarden.adapters.store.postgres import PostgresStore


def open_store(
    url: str,
    *,
    password_file: str | None = None,
    pool_size: int = 8,
    durable: bool = True,
    existing: bool = False,
) -> Store:
    """``durable`` False lets the last SQLite commits be lost to a power cut (not to a crash), for
    replays; PostgreSQL ignores it. ``existing``: a SQLite file that is not there is an error, not
    a new empty store (for commands that only read or mark what was judged)."""
    path = sqlite_file(url)
    if existing and path is not None and not Path(path).exists():
        raise StoreError(
            f"no store at {path}: nothing was judged into it yet. Check --config and store.url "
            "(a relative path is from the config file's folder), or run the daemon or "
            "`tagwarden replay` first"
        )
    return _open_engine(url, password_file=password_file, pool_size=pool_size, durable=durable)


def migrate_store(url: str, *, password_file: str | None = None) -> tuple[int, int]:
    """Creates or migrates the schema of the store at ``url``, alone; (version found, version now)
    where 0 means there was none."""
    engine = _open_engine(url, password_file=password_file, pool_size=1)
    engine.close()
    now = SQLITE_SCHEMA_VERSION if isinstance(engine, SQLiteStore) else PG_SCHEMA_VERSION
    return engine.found_version, now


def _open_engine(
    url: str, *, password_file: str | None, pool_size: int, durable: bool = True
) -> SQLiteStore | PostgresStore:
    """``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db``, ``sqlite:///:memory:``, or
    ``postgresql://USER[:PASSWORD]@HOST:PORT/DB`` (password also from ``password_file`` or PGPASSWORD)."""
    if url.startswith(SQLITE_PREFIX):
        path = url[len(SQLITE_PREFIX) :]
        if not path:
            raise StoreError(f"store URL {url!r} names no file; use sqlite:///path/to/state.db")
        return SQLiteStore(path, durable=durable)
    if is_postgres(url):
        # psycopg takes a twentieth of a second to import: only those who use it pay for it.
        from tagwarden.adapters.store.postgres import PostgresStore  # noqa: PLC0415

        return PostgresStore(url, password_file=password_file, pool_size=pool_size)
    scheme = url.split(":", 1)[0] if ":" in url else url
    raise StoreError(
        f"store URL scheme {scheme!r} is not supported; use sqlite:///path/to/state.db"
        " or postgresql://USER@HOST:PORT/DB"
    )
