"""Where tagwarden keeps what it knows: findings, tag state, sessions, checkpoints."""

from tagwarden.adapters.store.store_url import open_store
from tagwarden.core.ports.store import HistoryEntry, Store, StoreError, StoreUnit

__all__ = ["HistoryEntry", "Store", "StoreError", "StoreUnit", "open_store"]
