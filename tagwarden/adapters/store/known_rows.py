"""What the integrity check keeps of the S3 objects it read, as rows (schema 9): ``log_hashes`` and
``digest_copies``, one row per object and listing fingerprint, with the object's LastModified to
forget it by."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any, Literal

from tagwarden.adapters.store.rows_in import rows_in

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql

KnownTable = Literal["log_hashes", "digest_copies"]
# The columns after the key, as kept and as given back (the LastModified is kept only).
_VALUES: dict[KnownTable, tuple[str, ...]] = {
    "log_hashes": ("sha256",),
    "digest_copies": ("content", "signature"),
}


def schema_v9(*, real: str, blob: str) -> str:
    """Version 9; ``real`` and ``blob``: the engine's floating-point and byte-string types."""
    return f"""
CREATE TABLE log_hashes (key TEXT PRIMARY KEY, sha256 TEXT NOT NULL, modified {real} NOT NULL);
CREATE INDEX log_hashes_modified ON log_hashes (modified);
CREATE TABLE digest_copies (
    key TEXT PRIMARY KEY, content {blob} NOT NULL, signature TEXT, modified {real} NOT NULL
);
CREATE INDEX digest_copies_modified ON digest_copies (modified);
"""


def select_known(sql: Sql, table: KnownTable, keys: Collection[str]) -> dict[str, tuple[Any, ...]]:
    """The values kept under each of ``keys`` that has a row, by key."""
    select = f"SELECT key, {', '.join(_VALUES[table])} FROM {table} WHERE key"
    return {str(row[0]): tuple(row[1:]) for row in rows_in(sql, select, sorted(keys))}


def insert_known(sql: Sql, table: KnownTable, rows: Sequence[Sequence[Any]]) -> None:
    """Rows of (key, values..., modified); a key kept already keeps its row."""
    columns = ("key", *_VALUES[table], "modified")
    sql.run_many(
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        " ON CONFLICT (key) DO NOTHING",
        # One order for every writer: two never wait on each other in a circle.
        sorted(rows, key=lambda row: str(row[0])),
    )


def forget_known(sql: Sql, table: KnownTable, modified_before: float) -> int:
    return sql.run(f"DELETE FROM {table} WHERE modified < ?", (modified_before,))


def count_known(sql: Sql, table: KnownTable) -> int:
    row = sql.row(f"SELECT COUNT(*) FROM {table}")
    return int(row[0]) if row else 0
