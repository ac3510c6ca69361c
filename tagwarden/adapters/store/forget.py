"""Forgetting the per-event bookkeeping older than ``store.forget_after_days``, in short transactions.

Without it the store grows by a row for every event judged and every session learned, for as long
as the daemon runs. Each table is emptied of rows written before the cut-off a batch at a time, so
that no transaction holds the store's write lock (SQLite) or many row locks (PostgreSQL) for long
while units keep committing.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from tagwarden.core.compute.persisted import FORGOTTEN_KINDS
from tagwarden.core.timeutil import parse_time

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql

BATCH_ROWS = 5_000

# (table, its key, the column dating each row, which rows may go): each column holds now_iso()'s
# fixed-width text, so that comparing the text compares the times.
FORGETTABLE: tuple[tuple[str, str, str, str], ...] = (
    ("processed_events", "event_id", "processed_at", ""),
    ("sessions", "access_key_id", "written_at", ""),
    ("session_uses", "access_key_id, event_id", "noted_at", ""),
    ("judged_grants", "event_id", "written_at", ""),
    ("judged_controls", "event_id", "written_at", ""),
    # Which role each resource runs as; launch templates and profiles stay (see persisted.py).
    ("compute_state", "kind, key", "written_at", f"kind IN {FORGOTTEN_KINDS!r} AND "),
)


def forget_written_before(
    writing: Callable[[], AbstractContextManager[Sql]], before: str, batch: int = BATCH_ROWS
) -> dict[str, int]:
    """Deletes, ``batch`` rows per transaction, the rows of each table in ``FORGETTABLE`` written
    before ``before``, and the log origins with no event since; returns how many went, by table."""
    if batch < 1:
        raise ValueError(f"batch must be at least 1, not {batch}")
    forgotten: dict[str, int] = {}
    for table, key, written, which in FORGETTABLE:
        statement = (
            f"DELETE FROM {table} WHERE ({key}) IN"
            f" (SELECT {key} FROM {table} WHERE {which}{written} < ? LIMIT ?)"
        )
        total = 0
        while True:
            with writing() as sql:
                deleted = sql.run(statement, (before, batch))
            total += deleted
            if deleted < batch:
                break
        forgotten[table] = total
    # An account and region no event came from since the cut-off: gone (a closed account, a
    # region no longer used), after TagwardenLogDeliveryGap had all that time to say so. One per
    # origin, so one statement.
    with writing() as sql:
        forgotten["log_origins"] = sql.run("DELETE FROM log_origins WHERE newest < ?", (parse_time(before),))
    return forgotten
