"""The integrity check's log hashes as rows (schema 9, ``log_hashes``): one per S3 log file and
listing fingerprint, with the file's LastModified to forget it by."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

from tagwarden.adapters.store.rows_in import rows_in
from tagwarden.core.ports.log_hashes import KeptLogHash

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql


def schema_v9(*, real: str) -> str:
    """Version 9; ``real``: the engine's floating-point type."""
    return f"""
CREATE TABLE log_hashes (key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, modified {real} NOT NULL);
CREATE INDEX log_hashes_modified ON log_hashes (modified);
"""


def select_log_hashes(sql: Sql, keys: Collection[str]) -> dict[str, str]:
    rows = rows_in(sql, "SELECT key, sha256 FROM log_hashes WHERE key", sorted(keys))
    return {str(key): str(sha256) for key, sha256 in rows}


def insert_log_hashes(sql: Sql, hashes: Sequence[KeptLogHash]) -> None:
    if hashes:
        sql.run_many(
            "INSERT INTO log_hashes (key, sha256, modified) VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING",
            sorted(hashes),  # one order for every writer: two never wait on each other in a circle
        )
