"""Forgetting port contract (tagwarden/core/ports/forgetting.py), on every engine.

A unit dates what it writes with the time it began (``now_iso`` in the unit's module): the tests
set that clock, so that each unit's rows are written on a day of their own.
"""

from __future__ import annotations

import json

import pytest

from tagwarden.adapters.store import Store
from tagwarden.core.compute import JudgedGrant
from tagwarden.core.model import SessionGrant
from tagwarden.core.timeutil import parse_time
from tests.adapters.store.builders import BUCKET, change, finding

ROLE = "arn:aws:iam::1:role/r"


@pytest.fixture
def written_on(monkeypatch: pytest.MonkeyPatch) -> object:
    """Call with a day (``2026-01-05``): the units begun after it write their rows on that day."""

    def on(day: str) -> None:
        monkeypatch.setattr("tagwarden.adapters.store.sql_unit.now_iso", lambda: f"{day}T12:00:00Z")

    return on


def _bookkeep(store: Store, suffix: str) -> None:
    with store.unit() as tx:
        tx.mark_processed(
            f"e{suffix}", "2024-01-01T00:00:00Z", "trail", [change(f"e{suffix}", set={"a": "1"})]
        )
        tx.put_session(SessionGrant(f"ASIAS{suffix}", ROLE, None, {"team": "x"}), 100.0)
        tx.note_session_use(f"ASIAW{suffix}", f"e{suffix}")
        tx.keep_judged_grants(f"e{suffix}", [JudgedGrant(0, None, ROLE, None)])
        # Which role a resource runs as goes with the bookkeeping; a launch template stays.
        tx.put_compute_entries(
            {("resources", f"fn-{suffix}"): json.dumps(ROLE), ("launch_templates", f"lt-{suffix}"): "{}"}
        )


def test_bookkeeping_written_before_the_cut_off_is_forgotten(store: Store, written_on) -> None:  # type: ignore[no-untyped-def]
    written_on("2026-01-01")
    _bookkeep(store, "old")
    written_on("2026-01-10")
    _bookkeep(store, "new")

    assert store.forget_written_before("2026-01-05T00:00:00Z") == {
        "processed_events": 1,
        "sessions": 1,
        "session_uses": 1,
        "judged_grants": 1,
        "judged_controls": 0,
        "compute_state": 1,
        "log_origins": 0,
    }
    assert store.compute_entries([("resources", "fn-old"), ("resources", "fn-new")]) == {
        ("resources", "fn-new"): json.dumps(ROLE)
    }
    assert set(store.compute_entries([("launch_templates", "lt-old"), ("launch_templates", "lt-new")])) == {
        ("launch_templates", "lt-old"),
        ("launch_templates", "lt-new"),
    }
    with store.unit() as tx:
        assert not tx.is_processed("eold") and tx.judged_changes("eold") is None
        assert tx.is_processed("enew") and tx.judged_changes("enew") == [change("enew", set={"a": "1"})]
        assert tx.take_session_uses("ASIAWold") == []
        assert tx.take_session_uses("ASIAWnew") == ["enew"]
        assert tx.judged_grants("eold") is None and tx.judged_grants("enew") is not None
    assert store.get_session("ASIASold") is None
    assert store.get_session("ASIASnew") is not None
    # Nothing is left to forget on a second run.
    assert set(store.forget_written_before("2026-01-05T00:00:00Z").values()) == {0}


def test_a_cut_off_at_a_rows_second_keeps_it(store: Store, written_on) -> None:  # type: ignore[no-untyped-def]
    written_on("2026-01-01")
    _bookkeep(store, "1")
    assert set(store.forget_written_before("2026-01-01T12:00:00Z").values()) == {0}
    assert store.forget_written_before("2026-01-01T12:00:01Z")["processed_events"] == 1


def test_a_session_granted_again_is_dated_by_its_newer_grant(store: Store, written_on) -> None:  # type: ignore[no-untyped-def]
    grant = SessionGrant("ASIA1", ROLE, None, {"team": "x"})
    written_on("2026-01-01")
    with store.unit() as tx:
        tx.put_session(grant, 100.0)
    written_on("2026-01-10")
    with store.unit() as tx:
        tx.put_session(grant, 200.0)
    store.forget_written_before("2026-01-05T00:00:00Z")
    assert store.get_session("ASIA1") == grant


@pytest.mark.parametrize("rows", [6, 7])
def test_forgetting_goes_a_batch_at_a_time_to_the_end(store: Store, written_on, rows: int) -> None:  # type: ignore[no-untyped-def]
    written_on("2026-01-01")
    with store.unit() as tx:
        for n in range(rows):
            tx.mark_processed(f"e{n}", "2024-01-01T00:00:00Z", "trail")
    assert store.forget_written_before("2026-01-02T00:00:00Z", batch=3)["processed_events"] == rows
    with store.unit() as tx:
        assert not any(tx.is_processed(f"e{n}") for n in range(rows))
    with pytest.raises(ValueError, match="batch"):
        store.forget_written_before("2026-01-02T00:00:00Z", batch=0)


def test_findings_records_and_tags_are_kept(store: Store, written_on) -> None:  # type: ignore[no-untyped-def]
    written_on("2026-01-01")
    kept = finding("e1")
    with store.unit() as tx:
        tx.record_change(change("e1", set={"team": "alpha"}), 100.0)
        tx.add_findings([kept])
        tx.save_event("e1", '{"eventID": "e1"}')
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "trail")
    store.forget_written_before("2027-01-01T00:00:00Z")
    assert store.get_finding(kept.id) is not None
    assert store.get_event("e1") == {"eventID": "e1"}
    assert store.current_tags(BUCKET).values == {"team": "alpha"}
    assert [entry.event_id for entry in store.tag_history(BUCKET)] == ["e1"]


def test_an_account_and_region_silent_since_the_cut_off_is_forgotten(store: Store) -> None:
    quiet, live = ("111111111111", "eu-west-1"), ("111111111111", "us-east-1")
    with store.unit() as tx:
        tx.note_log_origins(
            {quiet: parse_time("2026-01-01T00:00:00Z"), live: parse_time("2026-01-10T00:00:00Z")}
        )
    assert store.forget_written_before("2026-01-05T00:00:00Z")["log_origins"] == 1
    assert list(store.log_origins()) == [live]
