"""tagwarden db forget: what the daemon's forget job deletes, on demand."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tagwarden.adapters.store import open_store
from tagwarden.app.cli.main import main
from tagwarden.core.ports.known_objects import KeptDigest, KeptLogHash
from tagwarden.core.timeutil import format_time


def _config(tmp_path: Path, forget: str = "") -> Path:
    path = tmp_path / "tagwarden.yaml"
    path.write_text(f"policy: {{version: 1}}\nstore: {{url: 'sqlite:///state.db'{forget}}}\n")
    return path


def _mark(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, event_id: str, days_ago: int) -> None:
    written = format_time(int(time.time()) - days_ago * 86400)
    monkeypatch.setattr("tagwarden.adapters.store.sql_unit.now_iso", lambda: written)
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    with store.unit() as tx:
        tx.mark_processed(event_id, "2024-01-01T00:00:00Z", "trail")
    store.close()


def _processed(tmp_path: Path, event_id: str) -> bool:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    with store.unit() as tx:
        done = tx.is_processed(event_id)
    store.close()
    return done


def test_db_forget_deletes_what_is_older_than_the_configured_days(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, ", forget_after_days: 10")
    _mark(tmp_path, monkeypatch, "old", 11)
    _mark(tmp_path, monkeypatch, "recent", 9)
    assert main(["db", "forget", "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert (
        "processed_events 1, sessions 0, session_uses 0, judged_grants 0, judged_controls 0,"
        " compute_state 0, log_origins 0, log_hashes 0, digest_copies 0" in out
    )
    assert not _processed(tmp_path, "old") and _processed(tmp_path, "recent")
    assert main(["db", "forget", "--config", str(config), "--days", "8"]) == 0
    assert not _processed(tmp_path, "recent")


def test_db_forget_refuses_what_would_lose_sessions_in_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path)
    with pytest.raises(SystemExit) as exited:
        main(["db", "forget", "--config", str(config), "--days", "1"])
    assert exited.value.code == 2
    assert "at least 2" in capsys.readouterr().err


def test_db_forget_with_nothing_to_forget_by_says_how_to(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = _config(tmp_path, ", forget_after_days: null")
    assert main(["db", "forget", "--config", str(config)]) == 1
    assert "give --days" in capsys.readouterr().err


def test_db_forget_also_forgets_what_the_integrity_check_kept_outside_its_window(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As the forget job does: a daemon whose integrity check no longer runs leaves them behind.
    path = tmp_path / "tagwarden.yaml"
    path.write_text(
        "policy: {version: 1}\nstore: {url: 'sqlite:///state.db'}\nintegrity: {verify_window_hours: 24}\n"
    )
    now = time.time()
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    store.keep_log_hashes(
        [KeptLogHash(key, "a" * 64, now - hours * 3600) for key, hours in (("old", 30), ("new", 20))]
    )
    store.keep_digest_copies([KeptDigest("old", b"x", None, now - 30 * 3600)])
    store.close()
    assert main(["db", "forget", "--config", str(path)]) == 0
    assert "log_hashes 1, digest_copies 1" in capsys.readouterr().out
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    assert store.log_hashes(["old", "new"]) == {"new": "a" * 64}
    store.close()
