"""Where tagwarden keeps what it knows: findings, tag state, sessions, progress, the outbox."""

from tagwarden.adapters.store.store_url import migrate_store, open_store
from tagwarden.core.ports.store import HistoryEntry, Store, StoreError, StoreUnit

__all__ = ["HistoryEntry", "Store", "StoreError", "StoreUnit", "migrate_store", "open_store"]
