"""The PostgreSQL schema, created and migrated at start under an advisory lock, so that several
replicas starting at once migrate it exactly once. Same tables as SQLite's, version for version."""

from __future__ import annotations

from tagwarden.adapters.store.compute_rows import SCHEMA_V7
from tagwarden.adapters.store.known_rows import schema_v9
from tagwarden.adapters.store.outbox_rows import SCHEMA_V6, SCHEMA_V8
from tagwarden.adapters.store.read_log_rows import schema_v10, schema_v11
from tagwarden.adapters.store.schema_v5 import schema_v5

SCHEMA_VERSION = 11

# pg_advisory_xact_lock key: any constant no other application on the database uses.
MIGRATION_LOCK = 0x74A9_3D11_5C0E_0001

MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE findings (
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
CREATE INDEX findings_status ON findings (status, severity);
CREATE INDEX findings_time ON findings (event_time);
CREATE INDEX findings_target ON findings (target);

CREATE TABLE tag_history (
    target TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    key TEXT NOT NULL,
    key_folded TEXT NOT NULL,
    ts DOUBLE PRECISION NOT NULL,
    event_time TEXT NOT NULL,
    event_id TEXT NOT NULL,
    value TEXT,
    removed INTEGER NOT NULL DEFAULT 0,
    actor TEXT NOT NULL DEFAULT '',
    event_name TEXT NOT NULL DEFAULT '',
    origin TEXT NOT NULL DEFAULT 'event',
    PRIMARY KEY (target, key, event_id)
);
CREATE INDEX tag_history_target_ts ON tag_history (target, ts);

CREATE TABLE tag_current (
    target TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    key TEXT NOT NULL,
    key_folded TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (target, key)
);
CREATE INDEX tag_current_principals ON tag_current (target_kind, key_folded);

CREATE TABLE sessions (
    access_key_id TEXT PRIMARY KEY,
    ts DOUBLE PRECISION NOT NULL,
    grant_json TEXT NOT NULL
);

CREATE TABLE processed_events (
    event_id TEXT PRIMARY KEY,
    event_time TEXT NOT NULL,
    source TEXT NOT NULL,
    processed_at TEXT NOT NULL
);

CREATE TABLE events (event_id TEXT PRIMARY KEY, record_json TEXT NOT NULL);

CREATE TABLE processed_objects (
    source TEXT NOT NULL,
    key TEXT NOT NULL,
    processed_at TEXT NOT NULL,
    PRIMARY KEY (source, key)
);

CREATE TABLE deliveries (
    finding_id TEXT NOT NULL,
    sink TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt DOUBLE PRECISION NOT NULL DEFAULT 0,
    last_error TEXT,
    delivered_at TEXT,
    PRIMARY KEY (finding_id, sink)
);
CREATE INDEX deliveries_due ON deliveries (status, next_attempt);
""",
    2: """
ALTER TABLE deliveries ADD COLUMN lease_holder TEXT;
ALTER TABLE deliveries ADD COLUMN lease_until DOUBLE PRECISION NOT NULL DEFAULT 0;
CREATE TABLE source_cursors (
    source TEXT PRIMARY KEY, read_until DOUBLE PRECISION NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE principal_inventories (account TEXT PRIMARY KEY, taken_at DOUBLE PRECISION NOT NULL);
CREATE TABLE pending_differences (
    scope TEXT PRIMARY KEY, entries_json TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires DOUBLE PRECISION NOT NULL);
CREATE TABLE remediations (
    finding_id TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    detail TEXT NOT NULL,
    applied_at DOUBLE PRECISION,
    updated_at TEXT NOT NULL
);
CREATE INDEX remediations_applied ON remediations (applied_at);
CREATE TABLE health (id INTEGER PRIMARY KEY, checked_at TEXT NOT NULL);
CREATE TABLE failed_units (
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
""",
    # An event's tag changes, kept to judge them again; its record only when it gave findings.
    # Findings indexed by event (what judging again looks up), not by target (nothing does).
    3: """
ALTER TABLE processed_events ADD COLUMN changes_json TEXT;
DROP INDEX IF EXISTS findings_target;
CREATE INDEX findings_event ON findings (event_id);
""",
    # The events made with a session not known yet, judged again with its tags when it is.
    4: """
CREATE TABLE session_uses (
    access_key_id TEXT NOT NULL, event_id TEXT NOT NULL, PRIMARY KEY (access_key_id, event_id)
);
""",
    5: schema_v5(
        real="DOUBLE PRECISION",
        now_text="""to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')""",
    ),
    # What each sink was sent of a finding queued for it again, for the sink to withdraw.
    6: SCHEMA_V6,
    # What the events taught of compute resources' roles, shared by replicas, kept over restarts.
    7: SCHEMA_V7,
    # What each sink took, in finding id order (Alertmanager sinks send it again).
    8: SCHEMA_V8,
    # What the integrity check read of S3 (log files' hashes, digest files), for later checks.
    9: schema_v9(real="DOUBLE PRECISION", blob="BYTEA"),
    # The S3 log files the sources read, each verified by the integrity check wherever it lies.
    10: schema_v10(real="DOUBLE PRECISION"),
    # A files source's marks of the S3 objects it read, forgotten once its listing no longer reaches
    # them; the integrity check's verdict on a file read named before its window, kept.
    11: schema_v11(real="DOUBLE PRECISION"),
}
