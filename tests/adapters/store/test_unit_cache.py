"""What a SQLite unit keeps between units (current tags, sessions) never hides another writer's
commit or a rolled-back unit's, and what it writes late (processed events) is seen at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from tagwarden.adapters.store import open_store
from tagwarden.core.model import SessionGrant
from tests.adapters.store.builders import change


def test_another_connections_commit_is_seen_by_the_next_unit(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    daemon, replay = open_store(url), open_store(url)
    with daemon.unit() as tx:
        assert tx.current_tags("arn:aws:s3:::b").values == {}
        assert tx.get_session("ASIA1") is None
    with replay.unit() as tx:
        tx.record_change(change("e1", set={"team": "red"}), 1.0)
        tx.put_session(SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "red"}), 1.0)
    with daemon.unit() as tx:
        assert tx.current_tags("arn:aws:s3:::b").values == {"team": "red"}
        grant = tx.get_session("ASIA1")
        assert grant is not None and grant.tags == {"team": "red"}
    daemon.close()
    replay.close()


def test_a_rolled_back_unit_leaves_nothing_behind_in_the_cache(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    with pytest.raises(RuntimeError), store.unit() as tx:
        tx.record_change(change("e1", set={"team": "red"}), 1.0)
        assert tx.current_tags("arn:aws:s3:::b").values == {"team": "red"}
        raise RuntimeError("crash in the middle of a batch")
    with store.unit() as tx:
        assert tx.current_tags("arn:aws:s3:::b").values == {}
    store.close()


def test_an_event_marked_processed_is_processed_within_the_unit(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    with store.unit() as tx:
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s")
        assert tx.is_processed("e1")
    with store.unit() as tx:
        assert tx.is_processed("e1")
    store.close()
