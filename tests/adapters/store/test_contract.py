"""The store contract: every engine must pass these (today: SQLite on a file and in memory)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from tagwarden.adapters.store import Store, StoreError, open_store
from tagwarden.core.model import Actor, Finding, SessionGrant, TagChange, finding_id
from tagwarden.core.ports.store import FindingFilter
from tests.builders.findings import make_finding


@pytest.fixture(params=["file", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = f"sqlite:///{tmp_path / 'state.db'}" if request.param == "file" else "sqlite:///:memory:"
    opened = open_store(url)
    yield opened
    opened.close()


ACTOR = Actor(arn="arn:aws:iam::1:role/dev", session_arn="arn:aws:sts::1:assumed-role/dev/a")


def change(event_id: str, target: str = "arn:aws:s3:::b", **fields: object) -> TagChange:
    base: dict[str, object] = {
        "event_id": event_id,
        "event_time": "2024-01-01T00:00:00Z",
        "event_source": "s3.amazonaws.com",
        "event_name": "PutBucketTagging",
        "account": "1",
        "region": "us-east-1",
        "actor": ACTOR,
        "target": target,
        "target_kind": "resource",
    }
    base.update(fields)
    return TagChange(**base)  # type: ignore[arg-type]


def finding(
    event_id: str, kind: str = "self_grant", severity: str = "critical", account: str = "1"
) -> Finding:
    return make_finding(
        id=finding_id(event_id, "t", "team", kind),
        kind=kind,
        severity=severity,
        rule="r",
        event_id=event_id,
        event_name="X",
        event_source="s",
        event_time=f"2024-01-0{len(event_id)}T00:00:00Z",
        account=account,
        actor="a",
        target="t",
        explanation="e",
    )


def test_findings_are_recorded_once(store: Store) -> None:
    with store.unit() as tx:
        assert tx.add_finding(finding("e1"))
        assert not tx.add_finding(finding("e1"))
    with store.unit() as tx:
        assert not tx.add_finding(finding("e1"))
    assert len(store.list_findings()) == 1
    got = store.get_finding(finding("e1").id)
    assert got is not None and got.status == "open" and got.created_at


def test_status_changes_and_filters(store: Store) -> None:
    with store.unit() as tx:
        tx.add_finding(finding("e1"))
        tx.add_finding(finding("e22", kind="lockout", severity="high", account="2"))
    assert store.set_status(finding("e1").id, "acknowledged") is not None
    assert store.set_status("tw-missing", "resolved") is None
    assert [f.kind for f in store.list_findings(FindingFilter(status=["open"]))] == ["lockout"]
    assert [f.kind for f in store.list_findings(FindingFilter(severity=["critical"]))] == ["self_grant"]
    assert [f.kind for f in store.list_findings(FindingFilter(account=["2"]))] == ["lockout"]
    assert [f.event_id for f in store.list_findings()] == ["e22", "e1"]  # newest event first
    assert store.list_findings(FindingFilter(limit=1))[0].event_id == "e22"
    assert store.open_finding_counts() == [("high", "lockout", 1)]


def test_a_failed_unit_commits_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.unit() as tx:
        tx.add_finding(finding("e1"))
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s")
        raise RuntimeError("crash in the middle of a batch")
    assert store.list_findings() == []
    with store.unit() as tx:
        assert not tx.is_processed("e1")


def test_tags_as_of_read_history_out_of_order(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e3", set={"team": "gamma"}), 300.0)
        tx.record_change(change("e1", set={"team": "alpha", "cost": "1"}), 100.0)
        tx.record_change(change("e2", removed=("cost",)), 200.0)
        assert tx.tags_as_of("arn:aws:s3:::b", 150.0, "x").values == {"team": "alpha", "cost": "1"}
        at_250 = tx.tags_as_of("arn:aws:s3:::b", 250.0, "x")
        assert at_250.values == {"team": "alpha"} and at_250.lookup("cost") == (True, None)
        assert tx.tags_as_of("arn:aws:s3:::b", 300.0, "e3").values == {"team": "alpha"}
        assert tx.current_tags("arn:aws:s3:::b").values == {"team": "gamma"}
        assert tx.tags_as_of("arn:aws:s3:::b", 50.0, "x").lookup("team") == (False, None)


def test_replace_all_makes_the_set_complete(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e1", set={"team": "alpha", "cost": "1"}), 100.0)
        tx.record_change(change("e2", set={"team": "beta"}, replace_all=True), 200.0)
        after = tx.current_tags("arn:aws:s3:::b")
    assert after.values == {"team": "beta"} and after.complete
    assert after.lookup("cost") == (True, None) and after.lookup("never-seen") == (True, None)


def test_failed_and_hidden_changes_leave_state_alone(store: Store) -> None:
    with store.unit() as tx:
        tx.record_change(change("e1", set={"team": "alpha"}, outcome="AccessDenied"), 100.0)
        tx.record_change(change("e2", keys_hidden=True), 100.0)
        assert tx.current_tags("arn:aws:s3:::b").values == {}


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
        tx.set_checkpoint("inventory:principals:1", "2024-01-01T00:00:00Z")
        assert tx.principal_values("TEAM") == frozenset({"gamma", "beta"})
        # The path is not part of a principal's identity (TagRole records carry only the name), and IAM
        # compares tag keys case-insensitively: team replaced Team.
        assert tx.current_tags("arn:aws:iam::1:role/other/dev").values == {"team": "gamma"}


def test_sessions_keep_the_newest_grant(store: Store) -> None:
    old = SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "alpha"})
    new = SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "beta"})
    with store.unit() as tx:
        tx.put_session(new, 200.0)
        tx.put_session(old, 100.0)
        got = tx.get_session("ASIA1")
        assert got is not None and got.tags == {"team": "beta"}
        assert tx.get_session("ASIA2") is None


def test_checkpoints_objects_events_history(store: Store) -> None:
    with store.unit() as tx:
        tx.set_checkpoint("src", "2024-01-01T00:00:00Z")
        tx.set_checkpoint("src", "2024-01-02T00:00:00Z")
        tx.mark_object("src", "s3://b/k")
        tx.save_event("e1", {"eventID": "e1", "nested": {"a": [1]}})
        tx.record_change(change("e1", set={"team": "alpha"}), 100.0)
    assert store.get_checkpoint("src") == "2024-01-02T00:00:00Z"
    assert store.get_checkpoint("other") is None
    assert store.object_processed("src", "s3://b/k") and not store.object_processed("src", "s3://b/j")
    assert store.get_event("e1") == {"eventID": "e1", "nested": {"a": [1]}}
    (entry,) = store.tag_history("arn:aws:s3:::b")
    assert (entry.key, entry.value, entry.event_id, entry.actor) == ("team", "alpha", "e1", ACTOR.arn)
    store.ping()


def test_readers_are_not_blocked_by_a_writer(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    with store.unit() as tx:
        tx.add_finding(finding("e1"))
    started, release = threading.Event(), threading.Event()

    def write() -> None:
        with store.unit() as tx:
            tx.add_finding(finding("e22"))
            started.set()
            release.wait(5)

    writer = threading.Thread(target=write)
    writer.start()
    started.wait(5)
    assert [f.event_id for f in store.list_findings()] == ["e1"]  # reads the last commit, not blocked
    release.set()
    writer.join()
    assert len(store.list_findings()) == 2


def test_unsupported_urls_say_what_to_use() -> None:
    with pytest.raises(StoreError, match="sqlite:///"):
        open_store("postgres://db/tagwarden")


def test_remediation_status_is_kept_per_finding(store: Store) -> None:
    assert store.remediation("tw-1") is None
    store.set_remediation("tw-1", "planned", "dry_run: would set team=alpha", None)
    assert store.remediation("tw-1") == {"status": "planned", "detail": "dry_run: would set team=alpha"}
    store.set_remediation("tw-1", "done", "set team=alpha", 1000.0)
    store.set_remediation("tw-2", "failed", "AccessDenied", None)
    assert store.remediation("tw-1") == {"status": "done", "detail": "set team=alpha"}
    assert store.remediations_applied_since(999.0) == 1
    assert store.remediations_applied_since(1001.0) == 0
