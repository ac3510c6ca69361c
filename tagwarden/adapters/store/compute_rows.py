"""The compute state's entries as rows (schema 7, ``compute_state``): what the events taught of
which role each compute resource runs as, each launch template's versions, and instance profiles,
shared by every process on the store and kept over restarts."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from tagwarden.adapters.store.rows_in import rows_in
from tagwarden.core.compute.persisted import KINDS, Entry

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql

SCHEMA_V7 = """
CREATE TABLE compute_state (
    kind TEXT NOT NULL, key TEXT NOT NULL, value_json TEXT NOT NULL, written_at TEXT NOT NULL,
    PRIMARY KEY (kind, key)
);
CREATE INDEX compute_state_written ON compute_state (written_at);
"""


def select_entries(sql: Sql, wanted: Collection[Entry]) -> dict[Entry, str]:
    found: dict[Entry, str] = {}
    for kind in KINDS:  # a kind is a name of this code's, never text from a record
        keys = sorted(key for of, key in wanted if of == kind)
        if keys:
            select = f"SELECT key, value_json FROM compute_state WHERE kind = '{kind}' AND key"
            found.update(((kind, str(key)), str(text)) for key, text in rows_in(sql, select, keys))
    return found


def write_entries(sql: Sql, entries: Mapping[Entry, str | None], now: str) -> None:
    kept = [(kind, key, text, now) for (kind, key), text in sorted(entries.items()) if text is not None]
    gone = [(kind, key) for (kind, key), text in sorted(entries.items()) if text is None]
    if kept:
        sql.run_many(
            "INSERT INTO compute_state (kind, key, value_json, written_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (kind, key) DO UPDATE SET value_json = excluded.value_json,"
            " written_at = excluded.written_at",
            kept,
        )
    if gone:
        sql.run_many("DELETE FROM compute_state WHERE kind = ? AND key = ?", gone)
