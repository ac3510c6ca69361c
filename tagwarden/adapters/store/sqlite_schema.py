"""The SQLite schema: version 1 as first released, then the steps that migrate it. (Version 1 runs
at every start, to add what a file made by an early release lacks: the one index a later version
drops is left out of it, so that a start does not make it again.)"""

from __future__ import annotations

import json
import sqlite3

from tagwarden.adapters.store.schema_v5 import schema_v5
from tagwarden.core.timeutil import parse_time

SCHEMA_VERSION = 11

SCHEMA_V1 = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS findings (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    severity TEXT NOT NULL,
    rule TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_name TEXT NOT NULL,
    event_source TEXT NOT NULL,
    event_time TEXT NOT NULL,
    account TEXT NOT NULL,
    region TEXT NOT NULL,
    actor TEXT NOT NULL,
    actor_session TEXT,
    target TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    tag_key TEXT NOT NULL,
    old_value TEXT,
    new_value TEXT,
    explanation TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_status ON findings (status, severity);
CREATE INDEX IF NOT EXISTS findings_time ON findings (event_time);
-- (Version 1 also indexed findings by target, which no query reads: version 3 drops it.)

CREATE TABLE IF NOT EXISTS tag_history (
    target TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    key TEXT NOT NULL,
    key_folded TEXT NOT NULL,
    ts REAL NOT NULL,
    event_time TEXT NOT NULL,
    event_id TEXT NOT NULL,
    value TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    actor TEXT NOT NULL DEFAULT '',
    event_name TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT 'event',
    PRIMARY KEY (target, key, event_id)
);
CREATE INDEX IF NOT EXISTS tag_history_target_ts ON tag_history (target, ts);

-- The latest value of every key of every target, kept in step with tag_history.
CREATE TABLE IF NOT EXISTS tag_current (
    target TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    key TEXT NOT NULL,
    key_folded TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (target, key)
);
CREATE INDEX IF NOT EXISTS tag_current_principals ON tag_current (target_kind, key_folded);

CREATE TABLE IF NOT EXISTS sessions (
    access_key_id TEXT PRIMARY KEY,
    ts REAL NOT NULL,
    grant_json TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS processed_events (
    event_id TEXT PRIMARY KEY,
    event_time TEXT NOT NULL,
    source TEXT NOT NULL,
    processed_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS events (
    event_id TEXT PRIMARY KEY,
    record_json TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS checkpoints (
    source TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- The outbox of alert sinks: one row per (finding, sink), written with the finding itself.
CREATE TABLE IF NOT EXISTS deliveries (
    finding_id TEXT NOT NULL,
    sink TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered_at TEXT,
    PRIMARY KEY (finding_id, sink)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries (status, next_attempt);

-- Reverts of findings (remediate: revert): one row per finding, its latest status.
CREATE TABLE IF NOT EXISTS remediations (
    finding_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    detail TEXT NOT NULL,
    applied_at REAL,
    updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS remediations_applied ON remediations (applied_at);

CREATE TABLE IF NOT EXISTS processed_objects (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    PRIMARY KEY (source, key)
);

-- Written by the readiness check, so that it sees a store that cannot write.
CREATE TABLE IF NOT EXISTS health (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL);

-- Units (messages, files) that failed to be read or judged: quarantined = 1 once set aside.
CREATE TABLE IF NOT EXISTS failed_units (
    source TEXT NOT NULL,
    unit TEXT NOT NULL,
    reason TEXT NOT NULL,
    detail TEXT NOT NULL,
    payload TEXT,
    failures INTEGER NOT NULL DEFAULT 0,
    quarantined INTEGER NOT NULL DEFAULT 0,
    first_failed_at TEXT NOT NULL,
    last_failed_at TEXT NOT NULL,
    PRIMARY KEY (source, unit)
);
"""

# Version 2: typed cursors instead of strings in one shared ``checkpoints`` table, delivery leases
# for several processes sharing one outbox, and leases for scheduled jobs.
SCHEMA_V2 = """
ALTER TABLE deliveries ADD COLUMN lease_holder TEXT;
ALTER TABLE deliveries ADD COLUMN lease_until REAL NOT NULL DEFAULT 0;
CREATE TABLE source_cursors (source TEXT PRIMARY KEY, read_until REAL NOT NULL, updated_at TEXT NOT NULL);
CREATE TABLE principal_inventories (account TEXT PRIMARY KEY, taken_at REAL NOT NULL);
CREATE TABLE pending_differences (
    scope TEXT PRIMARY KEY, entries_json TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires REAL NOT NULL);
"""

# Version 3: an event's tag changes are kept with its processed mark, to judge them again after a
# late event; the record itself (``events``) is kept only for events that gave findings. Findings
# are indexed by their event, which judging again looks them up by, instead of by target, which
# nothing looks them up by.
SCHEMA_V3 = """
ALTER TABLE processed_events ADD COLUMN changes_json TEXT;
DROP INDEX IF EXISTS findings_target;
CREATE INDEX findings_event ON findings (event_id);
"""

# Version 4: the events made with a session not known yet (its AssumeRole* record not judged yet),
# judged again with the session's tags when it is.
SCHEMA_V4 = """
CREATE TABLE session_uses (
    access_key_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (access_key_id, event_id)
);
"""

SCHEMA_V5 = schema_v5(real="REAL", now_text="strftime('%Y-%m-%dT%H:%M:%SZ', 'now')")

# How version 1 named its checkpoints.
_V1_PRINCIPALS = "inventory:principals:"
_V1_PENDING = "inventory:pending:"


def move_v1_checkpoints(conn: sqlite3.Connection) -> None:
    """Moves each version 1 checkpoint into the table of its type, then drops the shared table."""
    now = "1970-01-01T00:00:00Z"
    for source, value, updated in conn.execute(
        "SELECT source, value, updated_at FROM checkpoints"
    ).fetchall():
        if source.startswith(_V1_PENDING):
            entries = json.loads(value) if value else []
            conn.execute(
                "INSERT INTO pending_differences VALUES (?, ?, ?)",
                (source[len(_V1_PENDING) :], json.dumps(entries, sort_keys=True), updated or now),
            )
            continue
        at = parse_time(value)
        if at is None:
            continue  # nothing readable to keep: the source starts from its lookback again
        if source.startswith(_V1_PRINCIPALS):
            conn.execute(
                "INSERT INTO principal_inventories VALUES (?, ?)", (source[len(_V1_PRINCIPALS) :], at)
            )
        else:
            conn.execute("INSERT INTO source_cursors VALUES (?, ?, ?)", (source, at, updated or now))
    conn.execute("DROP TABLE checkpoints")
