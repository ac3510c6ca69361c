"""Version 5 of the schema, written once for both engines: they differ only in the type of a
floating-point column and in how SQL says "now" as the store's time text.

When each mark, session and waiting use was written, and indexes on it, so that the bookkeeping
older than ``store.forget_after_days`` is found without a scan (``forget.py``); what version 4
wrote is dated to the migration, so it is forgotten that long after the upgrade. The roles given
and the control calls made with a session not known yet, as judged, to judge them again with its
tags (``judged_grants``, ``judged_controls``). The newest event of each account and region, so
that one silent before a restart is still seen (``log_origins``).
"""

from __future__ import annotations


def schema_v5(*, real: str, now_text: str) -> str:
    """The statements of version 5; ``now_text``: the engine's SQL for the current time as
    ``YYYY-MM-DDTHH:MM:SSZ`` (what ``now_iso`` writes)."""
    return f"""
ALTER TABLE sessions ADD COLUMN written_at TEXT NOT NULL DEFAULT '';
ALTER TABLE session_uses ADD COLUMN noted_at TEXT NOT NULL DEFAULT '';
UPDATE sessions SET written_at = {now_text};
UPDATE session_uses SET noted_at = {now_text};
CREATE INDEX processed_events_written ON processed_events (processed_at);
CREATE INDEX sessions_written ON sessions (written_at);
CREATE INDEX session_uses_noted ON session_uses (noted_at);
CREATE TABLE judged_grants (
    event_id TEXT PRIMARY KEY, grants_json TEXT NOT NULL, written_at TEXT NOT NULL
);
CREATE INDEX judged_grants_written ON judged_grants (written_at);
CREATE TABLE judged_controls (
    event_id TEXT PRIMARY KEY, call_json TEXT NOT NULL, written_at TEXT NOT NULL
);
CREATE INDEX judged_controls_written ON judged_controls (written_at);
CREATE TABLE log_origins (
    account TEXT NOT NULL, region TEXT NOT NULL, newest {real} NOT NULL, PRIMARY KEY (account, region)
);
"""
