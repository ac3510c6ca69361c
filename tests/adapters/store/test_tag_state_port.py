"""Tag state port contract (tagwarden/core/ports/tag_state.py), on every engine."""

from __future__ import annotations

from tagwarden.adapters.store import Store
from tagwarden.core.ports.store import LaterChange
from tests.adapters.store.builders import ACTOR, BUCKET, change


def test_tags_as_of_read_history_out_of_order(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e3", set={"team": "gamma"}), 300.0)
        tx.record_change(change("e1", set={"team": "alpha", "cost": "1"}), 100.0)
        tx.record_change(change("e2", removed=("cost",)), 200.0)
        assert tx.tags_as_of(BUCKET, 150.0, "x").values == {"team": "alpha", "cost": "1"}
        at_250 = tx.tags_as_of(BUCKET, 250.0, "x")
        assert at_250.values == {"team": "alpha"} and at_250.lookup("cost") == (True, None)
        assert tx.tags_as_of(BUCKET, 300.0, "e3").values == {"team": "alpha"}
        assert tx.current_tags(BUCKET).values == {"team": "gamma"}
        assert tx.tags_as_of(BUCKET, 50.0, "x").lookup("team") == (False, None)
    assert store.current_tags(BUCKET).values == {"team": "gamma"}


def test_later_changes_are_what_a_late_event_can_affect(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e3", set={"team": "gamma", "cost": "3"}), 300.0)
        tx.record_change(change("e1", set={"team": "alpha"}), 100.0)
        tx.record_snapshot(BUCKET, "resource", {"team": "gamma"}, 400.0, "inventory")
        tx.record_change(change("e9", target="arn:aws:s3:::other", set={"team": "x"}), 500.0)
        assert tx.later_changes(BUCKET, 200.0, "e2") == [LaterChange("e3", 300.0)]
        assert tx.later_changes(BUCKET, 100.0, "e1") == [LaterChange("e3", 300.0)]
        assert tx.later_changes(BUCKET, 50.0, "e0") == [LaterChange("e1", 100.0), LaterChange("e3", 300.0)]
        assert tx.later_changes(BUCKET, 300.0, "e3") == []


def test_replace_all_makes_the_set_complete(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e1", set={"team": "alpha", "cost": "1"}), 100.0)
        tx.record_change(change("e2", set={"team": "beta"}, replace_all=True), 200.0)
        after = tx.current_tags(BUCKET)
    assert after.values == {"team": "beta"} and after.complete
    assert after.lookup("cost") == (True, None) and after.lookup("never-seen") == (True, None)


def test_a_removal_only_if_the_key_holds_a_value_removes_only_that_value(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e1", set={"team": "alpha", "env": "prod"}), 100.0)
        tx.record_change(
            change("e2", removed=("team", "env"), removed_if={"team": "beta", "env": "prod"}), 200.0
        )
        tx.record_change(change("e3", removed=("owner",), removed_if={"owner": "x"}), 300.0)
        after = tx.current_tags(BUCKET)
    assert after.values == {"team": "alpha"} and after.lookup("env") == (True, None)
    assert after.lookup("owner") == (False, None)  # its value was not known: it may have stayed


def test_failed_and_hidden_changes_leave_state_alone(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e1", set={"team": "alpha"}, outcome="AccessDenied"), 100.0)
        tx.record_change(change("e2", keys_hidden=True), 100.0)
        assert tx.current_tags(BUCKET).values == {}


def test_snapshots_and_principal_values(store: Store) -> None:
    with store.unit() as tx:
        assert tx.principal_values("team") is None  # no principal known: nothing can be said
        tx.record_snapshot("arn:aws:iam::1:role/path/dev", "principal", {"Team": "alpha"}, 100.0, "iam")
        tx.record_snapshot("arn:aws:iam::1:user/bob", "principal", {"team": "beta"}, 100.0, "iam")
        tx.record_change(
            change("e1", target="arn:aws:iam::1:role/dev", target_kind="principal", set={"team": "gamma"}),
            200.0,
        )
        assert tx.principal_values("team") is None  # some principals, but not all of them, are known
        tx.mark_principals_known("1", 150.0)
        assert tx.principal_values("TEAM") == frozenset({"gamma", "beta"})
        # The path is not part of a principal's identity (TagRole records carry only the name), and IAM
        # compares tag keys case-insensitively: team replaced Team.
        assert tx.current_tags("arn:aws:iam::1:role/other/dev").values == {"team": "gamma"}
    assert store.principals_known("1") == 150.0 and store.principals_known("2") is None


def test_history_newest_first_without_markers(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e1", set={"team": "alpha"}), 100.0)
        tx.record_change(change("e1", set={"team": "alpha"}), 100.0)  # a redelivery adds nothing
        tx.record_change(change("e2", set={"team": "beta"}, replace_all=True), 200.0)
    entries = store.tag_history(BUCKET)
    assert [(e.key, e.value, e.event_id, e.origin) for e in entries] == [
        ("team", "beta", "e2", "event"),
        ("team", "alpha", "e1", "event"),
    ]
    assert entries[0].actor == ACTOR.arn and not entries[0].removed
    assert len(store.tag_history(BUCKET, limit=1)) == 1


def test_a_change_recorded_again_is_read_as_recorded_once(store: Store) -> None:
    """The history a unit reads after its own writes is what a later unit reads from the store:
    writing an event's change again (a redelivery, a snapshot at the same moment) adds nothing."""
    first = change("e1", set={"team": "alpha"})
    with store.unit() as tx:
        tx.record_change(first, 100.0)
        assert tx.later_changes(BUCKET, 50.0, "e0") == [LaterChange("e1", 100.0)]  # the history is read
        tx.record_change(change("e1", set={"team": "beta"}), 100.0)  # the same (target, key, event)
        tx.record_change(change("e2", set={"team": "gamma"}), 200.0)
        in_unit = ([tx.tags_as_of(BUCKET, ts, "x").values for ts in (150.0, 250.0)], tx.current_tags(BUCKET))
    with store.unit() as tx:
        from_store = (
            [tx.tags_as_of(BUCKET, ts, "x").values for ts in (150.0, 250.0)],
            tx.current_tags(BUCKET),
        )
    assert in_unit == from_store
    assert from_store[0] == [{"team": "alpha"}, {"team": "gamma"}] and from_store[1].values == {
        "team": "gamma"
    }
    assert [(entry.event_id, entry.value) for entry in store.tag_history(BUCKET)] == [
        ("e2", "gamma"),
        ("e1", "alpha"),
    ]
