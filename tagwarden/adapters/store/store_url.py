"""Opening a store from its URL."""

from __future__ import annotations

from tagwarden.adapters.store.sqlite import SQLiteStore
from tagwarden.core.ports.store import Store, StoreError

SQLITE_PREFIX = "sqlite:///"


def open_store(url: str, *, durable: bool = True) -> Store:
    """``sqlite:///relative/path.db``, ``sqlite:////absolute/path.db`` or ``sqlite:///:memory:``.
    ``durable`` False lets the last commits be lost to a power cut (not to a crash), for replays."""
    if url.startswith(SQLITE_PREFIX):
        path = url[len(SQLITE_PREFIX) :]
        if not path:
            raise StoreError(f"store URL {url!r} names no file; use sqlite:///path/to/state.db")
        return SQLiteStore(path, durable=durable)
    scheme = url.split(":", 1)[0] if ":" in url else url
    raise StoreError(f"store URL scheme {scheme!r} is not supported; use sqlite:///path/to/state.db")
