"""What only the SQLite engine promises: readers beside a writer, URLs, and migrating version 1 files."""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path

import pytest

from tagwarden.adapters.store import StoreError, open_store
from tagwarden.adapters.store.sqlite_schema import SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_VERSION
from tagwarden.app.cli.main import main
from tests.adapters.store.builders import V4_ROWS, check_v4_rows_after_upgrade, finding


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    with store.unit() as tx:
        tx.add_findings([finding("e1")])
    started, release = threading.Event(), threading.Event()

    def write() -> None:
        with store.unit() as tx:
            tx.add_findings([finding("e22")])
            started.set()
            release.wait(5)

    writer = threading.Thread(target=write)
    writer.start()
    started.wait(5)
    assert [f.event_id for f in store.list_findings()] == ["e1"]  # reads the last commit, not blocked
    release.set()
    writer.join()
    assert len(store.list_findings()) == 2
    store.close()


def test_unsupported_urls_say_what_to_use() -> None:
    with pytest.raises(StoreError, match=r"sqlite:///.*postgresql://"):
        open_store("mysql://db/tagwarden")
    with pytest.raises(StoreError, match="names no file"):
        open_store("sqlite:///")


def test_a_version_1_file_keeps_its_checkpoints_as_typed_cursors(tmp_path: Path) -> None:
    path = tmp_path / "v1.db"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1)
    pending = [{"target": "arn:aws:s3:::b", "kind": "resource", "account": "1", "region": "r",
                "started": 1.0, "finished": 2.0, "keys": {"team": None}}]  # fmt: skip
    conn.executemany(
        "INSERT INTO checkpoints VALUES (?, ?, 'x')",
        [
            ("inventory:principals:111", "2024-01-01T00:00:00Z"),
            ("inventory:pending:inventory", json.dumps(pending)),
            ("trailless", "2024-01-02T00:00:00Z"),
            ("broken", "not a time"),
        ],
    )
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.execute("INSERT INTO deliveries (finding_id, sink) VALUES ('f1', 'hook')")
    conn.commit()
    conn.close()
    store = open_store(f"sqlite:///{path}")
    assert store.principals_known("111") == 1704067200.0
    assert [p.to_dict() for p in store.pending("inventory")] == pending
    assert store.read_cursor("trailless") == 1704153600.0 and store.read_cursor("broken") is None
    assert [d.finding_id for d in store.claim_deliveries(1.0, 10, "a", 5.0)] == ["f1"]
    store.close()
    reopened = open_store(f"sqlite:///{path}")  # a second start migrates nothing again
    assert reopened.read_cursor("trailless") == 1704153600.0
    reopened.close()


def test_a_version_2_file_keeps_its_records_and_marks(tmp_path: Path) -> None:
    """Version 2 kept every tag change's record and no changes: both stay readable."""
    path = tmp_path / "v2.db"
    conn = sqlite3.connect(path)
    # As version 2 left a file: version 1's tables and indexes (findings by target among them).
    conn.executescript(SCHEMA_V1 + SCHEMA_V2 + "DROP TABLE checkpoints;")
    conn.execute("CREATE INDEX findings_target ON findings (target)")
    conn.execute("INSERT INTO schema_version VALUES (2)")
    conn.execute("INSERT INTO processed_events VALUES ('e1', '2024-01-01T00:00:00Z', 's', 'x')")
    conn.execute("""INSERT INTO events VALUES ('e1', '{"eventID": "e1"}')""")
    conn.commit()
    conn.close()
    store = open_store(f"sqlite:///{path}")
    with store.unit() as tx:
        assert tx.is_processed("e1") and tx.judged_changes("e1") is None
        assert tx.saved_event("e1") == {"eventID": "e1"}
        tx.mark_processed("e2", "2024-01-01T00:00:00Z", "s")
    assert store.get_event("e1") == {"eventID": "e1"}
    store.close()
    open_store(f"sqlite:///{path}").close()  # a second start makes nothing version 3 dropped
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(SCHEMA_VERSION,)]
        indexes = {row[0] for row in conn.execute("SELECT name FROM sqlite_schema WHERE type = 'index'")}
        assert "findings_event" in indexes and "findings_target" not in indexes
    conn.close()


def test_a_version_4_files_sessions_are_dated_to_the_upgrade(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA_V1 + SCHEMA_V2 + "DROP TABLE checkpoints;" + SCHEMA_V3 + SCHEMA_V4)
    conn.execute("INSERT INTO schema_version VALUES (4)")
    for statement, params in V4_ROWS:
        conn.execute(statement, params)
    conn.commit()
    conn.close()
    store = open_store(f"sqlite:///{path}")
    check_v4_rows_after_upgrade(store)
    store.close()


def test_judging_again_finds_an_events_findings_by_index(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        plan = conn.execute("EXPLAIN QUERY PLAN SELECT id FROM findings WHERE event_id = 'e1'").fetchall()
    conn.close()
    assert "USING INDEX findings_event" in " ".join(str(step[-1]) for step in plan)


def test_a_file_from_a_newer_release_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "new.db"
    open_store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer tagwarden"):
        open_store(f"sqlite:///{path}")


def test_db_migrate_brings_a_version_1_file_to_the_current_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    conn = sqlite3.connect(tmp_path / "state.db")
    conn.executescript(SCHEMA_V1)
    conn.execute("INSERT INTO schema_version VALUES (1)")
    conn.commit()
    conn.close()
    config = tmp_path / "tagwarden.yaml"
    config.write_text("policy: {version: 1}\nstore: {url: 'sqlite:///state.db'}\n")
    assert main(["db", "migrate", "--config", str(config)]) == 0
    assert f"schema migrated from version 1 to {SCHEMA_VERSION}" in capsys.readouterr().out
    assert main(["db", "migrate", "--config", str(config)]) == 0
    assert f"schema version {SCHEMA_VERSION}, current" in capsys.readouterr().out
