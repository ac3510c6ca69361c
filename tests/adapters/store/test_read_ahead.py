"""StoreUnit.read_ahead (tagwarden/core/ports/store.py), on every engine: reading at once what a
unit is about to ask one question at a time changes no answer, before or after the unit writes."""

from __future__ import annotations

from typing import Any

from tagwarden.adapters.store import Store, StoreUnit
from tagwarden.core.model import SessionGrant
from tests.adapters.store.builders import BUCKET, change

OTHER = "arn:aws:s3:::other"
GRANT = SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "alpha"})
MANY = [f"unseen-{i}" for i in range(1200)]  # past one IN (...) list of 500


def _seed(store: Store) -> None:
    with store.unit() as tx:
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s")
        tx.record_change(change("e1", set={"team": "alpha"}), 100.0)
        tx.record_change(change("e3", set={"team": "gamma"}), 300.0)
        tx.record_snapshot(BUCKET, "resource", {"team": "gamma"}, 400.0, "inventory")
        tx.put_session(GRANT, 100.0)


def _answers(tx: StoreUnit) -> list[Any]:
    return [
        tx.is_processed("e1"),
        tx.is_processed("e2"),
        tx.is_processed(MANY[-1]),
        tx.current_tags(BUCKET),
        tx.tags_as_of(BUCKET, 200.0, "e2"),
        tx.current_tags(OTHER),
        tx.later_changes(BUCKET, 200.0, "e2"),
        tx.later_changes(BUCKET, 50.0, "e0"),
        tx.get_session("ASIA1"),
        tx.get_session("ASIA2"),
    ]


def _write(tx: StoreUnit) -> None:
    tx.mark_processed("e2", "2024-01-01T00:00:00Z", "s")
    tx.record_change(change("e2", set={"team": "beta"}), 200.0)
    tx.record_change(change("e5", target=OTHER, set={"team": "x"}), 500.0)
    tx.put_session(SessionGrant("ASIA2", "arn:aws:iam::1:role/r", None, {"team": "beta"}), 200.0)


def _run(store: Store, ahead: bool) -> tuple[list[Any], list[Any]]:
    try:
        with store.unit() as tx:
            if ahead:
                tx.read_ahead(["e1", "e2", *MANY], [BUCKET, OTHER, *MANY], ["ASIA1", "ASIA2", *MANY])
            before = _answers(tx)
            _write(tx)
            after = _answers(tx)
            raise RuntimeError("roll back, for the other run")
    except RuntimeError:
        pass
    return before, after


def test_reading_ahead_changes_no_answer(store: Store) -> None:
    _seed(store)
    plain = _run(store, ahead=False)
    assert _run(store, ahead=True) == plain
    before, after = plain
    assert before[:3] == [True, False, False] and after[:2] == [True, True]
    assert before[3].values == {"team": "gamma"} and before[4].values == {"team": "alpha"}
    assert [c.event_id for c in before[6]] == ["e3"] and [c.event_id for c in after[6]] == ["e3"]
    assert [c.event_id for c in after[7]] == ["e1", "e2", "e3"]
    assert after[5].values == {"team": "x"} and before[8] == GRANT and before[9] is None
    assert after[9] is not None and after[9].tags == {"team": "beta"}
