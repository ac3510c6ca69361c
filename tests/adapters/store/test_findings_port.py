"""Findings port contract (tagwarden/core/ports/findings.py), on every engine."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tagwarden.adapters.store import Store
from tagwarden.core.ports.store import FindingFilter
from tagwarden.core.records.text import record_text
from tests.adapters.store.builders import finding


def test_findings_are_recorded_once(store: Store) -> None:
    with store.unit() as tx:
        assert tx.add_findings([finding("e1")]) == {finding("e1").id}
        assert tx.add_findings([finding("e1")]) == set()
    with store.unit() as tx:
        assert tx.add_findings([finding("e1")]) == set()
    assert len(store.list_findings()) == 1
    got = store.get_finding(finding("e1").id)
    assert got is not None and got.status == "open" and got.created_at
    assert got == finding("e1").__class__.from_dict({**finding("e1").to_dict(), "created_at": got.created_at})


def test_status_changes_and_filters(store: Store) -> None:
    with store.unit() as tx:
        tx.add_findings([finding("e1")])
        tx.add_findings([finding("e22", kind="lockout", severity="high", account="2")])
    assert store.set_status(finding("e1").id, "acknowledged") is not None
    assert store.set_status("tw-missing", "resolved") is None
    assert [f.kind for f in store.list_findings(FindingFilter(status=["open"]))] == ["lockout"]
    assert [f.kind for f in store.list_findings(FindingFilter(severity=["critical"]))] == ["self_grant"]
    assert [f.kind for f in store.list_findings(FindingFilter(account=["2"]))] == ["lockout"]
    assert [f.event_id for f in store.list_findings()] == ["e22", "e1"]  # newest event first
    assert store.list_findings(FindingFilter(limit=1))[0].event_id == "e22"
    assert [f.event_id for f in store.iter_findings(FindingFilter(kind=["lockout", "self_grant"]))] == [
        "e22",
        "e1",
    ]
    assert store.open_finding_counts() == [("high", "lockout", 1)]


def test_a_failed_unit_commits_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.unit() as tx:
        tx.add_findings([finding("e1")])
        tx.mark_processed("e1", "2024-01-01T00:00:00Z", "s")
        raise RuntimeError("crash in the middle of a batch")
    assert store.list_findings() == []
    with store.unit() as tx:
        assert not tx.is_processed("e1")


def test_records_are_kept_for_their_findings(store: Store) -> None:
    with store.unit() as tx:
        tx.save_event("e1", record_text({"eventID": "e1", "nested": {"a": [1]}}))
        tx.save_event("e1", record_text({"eventID": "e1", "changed": True}))  # the first one stays
    assert store.get_event("e1") == {"eventID": "e1", "nested": {"a": [1]}}
    assert store.get_event("e2") is None
    store.ping()


def test_remediation_status_is_kept_per_finding(store: Store) -> None:
    assert store.remediation("tw-1") is None
    store.set_remediation("tw-1", "planned", "dry_run: would set team=alpha", None)
    assert store.remediation("tw-1") == {"status": "planned", "detail": "dry_run: would set team=alpha"}
    store.set_remediation("tw-1", "done", "set team=alpha", 1000.0)
    store.set_remediation("tw-2", "failed", "AccessDenied", None)
    assert store.remediation("tw-1") == {"status": "done", "detail": "set team=alpha"}
    assert store.remediations_applied_since(999.0) == 1
    assert store.remediations_applied_since(1001.0) == 0


def test_findings_added_at_once_say_which_were_new(store: Store) -> None:
    with store.unit() as tx:
        assert tx.add_findings([finding("e1")]) == {finding("e1").id}
    many = [finding(f"e{n}") for n in range(1, 451)]  # past one statement's 200 rows
    with store.unit() as tx:
        added = tx.add_findings([*many, finding("e2")])  # e1 stored before; e2 given twice
        assert added == {f.id for f in many[1:]}
        assert tx.add_findings([]) == set()
        assert tx.add_findings(many[:3]) == set()
    stored = store.list_findings()
    assert len(stored) == 450 and all(f.status == "open" and f.created_at for f in stored)


def test_a_revised_finding_says_what_judging_says_now_and_a_superseded_one_is_open_again(
    store: Store,
) -> None:
    first, second = finding("e1"), finding("e22", kind="lockout", severity="high")
    with store.unit() as tx:
        tx.add_findings([first, second])
        tx.supersede(first.id)
    store.set_status(second.id, "acknowledged")
    with store.unit() as tx:
        tx.revise_finding(replace(first, old_value="alpha", explanation="now", severity="high"))
        tx.stage_findings([third := finding("e333")])
        tx.revise_finding(replace(third, old_value="gamma"))  # staged in this unit: written first
        tx.revise_finding(replace(second, explanation="now"))
    got = {f.event_id: (f.status, f.severity, f.old_value, f.explanation) for f in store.list_findings()}
    assert got == {
        "e1": ("open", "high", "alpha", "now"),
        "e22": ("acknowledged", "high", second.old_value, "now"),  # a person's status is kept
        "e333": ("open", "critical", "gamma", "e"),
    }


def test_a_revert_takes_its_place_in_the_hours_quota_once(store: Store) -> None:
    assert store.reserve_remediation("tw-a", "restore team", 1000.0, 0.0, 2)
    assert store.reserve_remediation("tw-a", "restore team", 1001.0, 0.0, 2)  # its own place again
    assert store.reserve_remediation("tw-b", "restore team", 1002.0, 0.0, 2)
    assert not store.reserve_remediation("tw-c", "restore team", 1003.0, 0.0, 2)  # two taken
    assert store.remediation("tw-a") == {"status": "applying", "detail": "restore team"}
    assert store.remediations_applied_since(0.0) == 2
    store.set_remediation("tw-b", "failed", "AccessDenied", None)  # a failed write gives its place back
    assert store.reserve_remediation("tw-c", "restore team", 1004.0, 0.0, 2)
    assert not store.reserve_remediation("tw-d", "restore team", 1005.0, 1000.0, 2)
    assert store.reserve_remediation("tw-d", "restore team", 1005.0, 1001.5, 2)  # tw-a's hour is over
