"""Where tagwarden keeps what it knows: findings, tag state, sessions, progress, the outbox."""

from tagwarden.adapters.store.factory import open_store
from tagwarden.core.ports.store import HistoryEntry, Store, StoreError, StoreUnit

__all__ = ["HistoryEntry", "Store", "StoreError", "StoreUnit", "open_store"]
