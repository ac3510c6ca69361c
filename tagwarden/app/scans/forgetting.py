"""What the daemon's forget job deletes, and ``tagwarden db forget`` with it: one list for both."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tagwarden.adapters.integrity import forget_outside_window
from tagwarden.adapters.store import Store


def forget_old_rows(store: Store, written_before: str, window_hours: float) -> dict[str, int]:
    """The per-event bookkeeping written before ``written_before``, and what the integrity check
    kept of the objects its window (``window_hours``) no longer reaches (which it forgets itself
    as it runs, but it may no longer run, or not here). The rows deleted, by table."""
    forgotten = store.forget_written_before(written_before)
    since = datetime.now(UTC) - timedelta(hours=window_hours)
    return forgotten | forget_outside_window(store, since)
