"""Progress port contract (tagwarden/core/ports/progress.py): typed cursors, processed events and
objects, on every engine."""

from __future__ import annotations

from tagwarden.adapters.store import Store
from tagwarden.core.inventory.pending import PendingDifference
from tagwarden.core.model import Actor, TagChange
from tagwarden.core.records.text import record_text

DIFF = PendingDifference("arn:aws:s3:::b", "resource", "1", "us-east-1", 10.0, 20.0, {"team": None})


def test_read_cursors_are_per_source(store: Store) -> None:
    assert store.read_cursor("trail") is None
    with store.unit() as tx:
        tx.set_read_cursor("trail", 1704067200.0)
        tx.set_read_cursor("trail", 1704153600.5)
        tx.set_read_cursor("other", 5.0)
    assert store.read_cursor("trail") == 1704153600.5
    assert store.read_cursor("other") == 5.0


def test_pending_differences_are_replaced_per_scope(store: Store) -> None:
    assert store.pending("job") == []
    second = PendingDifference("arn:aws:iam::1:role/r", "principal", "1", "", 11.0, 21.0, {"Team": "x"})
    with store.unit() as tx:
        tx.save_pending("job", [DIFF, second])
        tx.save_pending("other", [second])
    assert store.pending("job") == [DIFF, second]
    with store.unit() as tx:
        tx.save_pending("job", [])
    assert store.pending("job") == [] and store.pending("other") == [second]


def test_pending_differences_are_added_to_and_dropped_from_what_is_committed(store: Store) -> None:
    second = PendingDifference("arn:aws:iam::1:role/r", "principal", "1", "", 11.0, 21.0, {"Team": "x"})
    with store.unit() as tx:
        tx.add_pending("job", [DIFF])
    with store.unit() as tx:
        tx.add_pending("job", [second])
        tx.add_pending("job", [])
    assert store.pending("job") == [DIFF, second]
    with store.unit() as tx:
        tx.drop_pending("job", [DIFF])
    assert store.pending("job") == [second]


def test_processed_events_and_objects(store: Store) -> None:
    with store.unit() as tx:
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s")
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s")
        tx.mark_object("src", "s3://b/k")
        tx.mark_object("src", "s3://b/k")
        assert tx.is_processed("e1") and not tx.is_processed("e2")
    assert store.objects_processed("src", ["s3://b/k", "s3://b/j", "s3://b/k"]) == {"s3://b/k"}
    assert store.objects_processed("x", ["s3://b/k"]) == set() and store.objects_processed("src", []) == set()


def test_objects_processed_are_looked_up_many_at_once(store: Store) -> None:
    keys = [f"s3://b/AWSLogs/{n:05}.json.gz" for n in range(1_203)]
    with store.unit() as tx:
        for key in keys[::2]:
            tx.mark_object("src", key)
    assert store.objects_processed("src", reversed(keys)) == set(keys[::2])  # type: ignore[arg-type]


def test_a_cursor_advanced_outside_a_unit_never_goes_back(store: Store) -> None:
    store.advance_read_cursor("files s3://b/", 100.0)
    store.advance_read_cursor("files s3://b/", 50.0)
    assert store.read_cursor("files s3://b/") == 100.0
    store.advance_read_cursor("files s3://b/", 150.5)
    assert store.read_cursor("files s3://b/") == 150.5 and store.read_cursor("files") is None


def test_marks_are_forgotten_by_source_path_and_time(store: Store) -> None:
    under = ["s3://b/AWSLogs/1.json.gz", "s3://b/AWSLogs/2.json.gz", "s3://b/AWSLogs/3.json.gz"]
    elsewhere = ["s3://b/AWSLogsX/4.json.gz", "s3://c/AWSLogs/5.json.gz", "/local/AWSLogs/6.json.gz"]
    with store.unit() as tx:
        for key in under + elsewhere:
            tx.mark_object("src", key)
        tx.mark_object("other", under[0])
    assert store.forget_objects_processed("src", "s3://b/AWSLogs/", "2000-01-01T00:00:00Z") == 0
    assert store.forget_objects_processed("src", "s3://b/AWSLogs/", "2999-01-01T00:00:00Z", batch=2) == 3
    assert store.objects_processed("src", under + elsewhere) == set(elsewhere)
    assert store.objects_processed("other", under) == {under[0]}


def _change(event_id: str, target: str, team: str) -> TagChange:
    actor = Actor("arn:aws:iam::1:role/dev", "AssumedRole", "1", access_key_id="ASIA1")
    return TagChange(
        event_id, "2024-01-01T00:00:00Z", "s3.amazonaws.com", "PutBucketTagging", "1", "us-east-1",
        actor, target, "resource", set={"team": team, "hidden": None}, removed=("owner",), replace_all=True,
    )  # fmt: skip


def test_the_changes_marked_with_an_event_are_read_back_whole(store: Store) -> None:
    kept = [_change("e1", "arn:aws:s3:::a", "beta"), _change("e1", "arn:aws:s3:::b", "alpha")]
    with store.unit() as tx:
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s", kept)
        tx.mark_processed("e2", "2024-01-01T00:00:00Z", "s")
        assert tx.judged_changes("e1") == kept  # as the unit sees it, before the commit
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s", [])  # marking again changes nothing
    with store.unit() as tx:
        assert tx.judged_changes("e1") == kept
        assert tx.judged_changes("e2") is None  # marked without changes
        assert tx.judged_changes("e3") is None  # not marked


def test_cursors_commit_with_their_unit_or_not_at_all(store: Store) -> None:
    try:
        with store.unit() as tx:
            tx.set_read_cursor("trail", 5.0)
            tx.save_pending("job", [DIFF])
            raise KeyError("crash")
    except KeyError:
        pass
    assert store.read_cursor("trail") is None and store.pending("job") == []


def test_a_unit_is_quarantined_at_its_nth_failure_and_listed(store: Store) -> None:
    first = store.note_unit_failure("q", "m1", "bad_record", "boom", payload="{}", quarantine_after=2)
    assert (first.failures, first.quarantined, first.payload) == (1, False, "{}")
    assert not store.is_quarantined("q", "m1")
    assert store.failed_units() == []
    second = store.note_unit_failure("q", "m1", "judge_error", "again", payload=None, quarantine_after=2)
    assert (second.failures, second.quarantined, second.reason) == (2, True, "judge_error")
    assert second.payload == "{}"  # a later failure without the body keeps the first one's
    assert store.is_quarantined("q", "m1")
    assert not store.is_quarantined("q", "m2")
    assert [(u.source, u.unit) for u in store.failed_units()] == [("q", "m1")]
    store.note_unit_failure("q", "m2", "bad_record", "x", payload=None, quarantine_after=3)
    assert len(store.failed_units(quarantined_only=False)) == 2


def test_a_unit_quarantined_at_its_first_failure(store: Store) -> None:
    failed = store.note_unit_failure(
        "files", "a.json.gz", "unreadable", "x", payload=None, quarantine_after=1
    )
    assert failed.quarantined and store.is_quarantined("files", "a.json.gz")


def test_ping_writes_again_and_leaves_the_store_to_units(store: Store) -> None:
    store.ping()
    store.ping()  # the health row is there: the write is an update of it
    with store.unit() as tx:  # no transaction of the ping's is left open
        tx.save_event("e1", record_text({"eventID": "e1"}))
    assert store.get_event("e1") == {"eventID": "e1"}


def test_log_origins_keep_the_newest_event_of_each_account_and_region(store: Store) -> None:
    assert store.log_origins() == {}
    with store.unit() as tx:
        tx.note_log_origins({("111111111111", "us-east-1"): 200.0, ("111111111111", "eu-west-1"): 50.0})
        tx.note_log_origins({})
    with store.unit() as tx:
        tx.note_log_origins({("111111111111", "us-east-1"): 100.0, ("222222222222", "us-east-1"): 70.0})
    with store.unit() as tx:
        tx.note_log_origins({("111111111111", "eu-west-1"): 60.0})
    assert store.log_origins() == {
        ("111111111111", "us-east-1"): 200.0,
        ("111111111111", "eu-west-1"): 60.0,
        ("222222222222", "us-east-1"): 70.0,
    }
