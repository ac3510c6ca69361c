"""The SQLite engine's connection settings that a long replay's speed depends on."""

from __future__ import annotations

from pathlib import Path

from tagwarden.adapters.store.sqlite import SQLiteStore


def test_writer_cache_and_checkpoint_interval(tmp_path: Path) -> None:
    store = SQLiteStore(str(tmp_path / "state.db"), durable=False)
    try:
        conn = store._writer
        assert conn.execute("PRAGMA cache_size").fetchone()[0] == -64 * 1024
        assert conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 10_000
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL, for replays
    finally:
        store.close()
    durable = SQLiteStore(str(tmp_path / "durable.db"))
    try:
        assert durable._writer.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        durable.close()
