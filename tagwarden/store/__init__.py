"""Where tagwarden keeps what it knows: findings, tag state, sessions, checkpoints."""

from tagwarden.store.base import HistoryEntry, Store, StoreError, StoreUnit
from tagwarden.store.factory import open_store

__all__ = ["HistoryEntry", "Store", "StoreError", "StoreUnit", "open_store"]
