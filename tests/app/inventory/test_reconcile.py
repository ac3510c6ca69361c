"""Snapshots into the tag state, and which differences become unattributed_change findings."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.inventory.reconcile import (
    Observed,
    Reconciler,
    contradicted,
    pending_differences,
    same_tags,
)
from tagwarden.app.logs import get_logger
from tagwarden.app.recording import Recorder
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model import Actor, Finding, KnownTags, TagChange
from tagwarden.core.timeutil import format_time

A = "111111111111"
BUCKET = "arn:aws:s3:::data"
ROLE = f"arn:aws:iam::{A}:role/dev"
POLICY = CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"], "rules": []}))
T0 = 1_700_000_000.0


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store("sqlite:///:memory:")
    yield opened
    opened.close()


def seen(tags: dict[str, str], target: str = BUCKET, kind: str = "resource") -> list[Observed]:
    return [Observed(target, kind, A, "us-east-1", tags)]


def event(store: Store, at: float, tags: dict[str, str | None], event_id: str = "e-1") -> None:
    change = TagChange(
        event_id=event_id,
        event_time=format_time(at),
        event_source="s3.amazonaws.com",
        event_name="PutBucketTagging",
        account=A,
        region="us-east-1",
        actor=Actor(arn=f"arn:aws:iam::{A}:role/admin"),
        target=BUCKET,
        target_kind="resource",
        set=tags,
        replace_all=True,
    )
    with store.unit() as tx:
        tx.record_change(change, at)


def reconciler(store: Store, grace: float = 600) -> Reconciler:
    return Reconciler(store, POLICY, "test", grace, Recorder(Metrics(), get_logger()))


def test_a_first_snapshot_sets_the_state_and_reports_nothing(store: Store) -> None:
    rec = reconciler(store, grace=0)
    assert rec.record(seen({"team": "alpha", "env": "prod"}), T0, T0 + 5) == 1
    assert store.current_tags(BUCKET) == KnownTags({"team": "alpha", "env": "prod"}, frozenset(), True)
    assert rec.confirm(T0 + 10) == []
    # The same tags again write nothing: the history records changes, not every inventory.
    assert rec.record(seen({"env": "prod", "team": "alpha"}), T0 + 100, T0 + 105) == 0
    assert len(store.tag_history(BUCKET)) == 2


def test_a_change_no_event_explains_becomes_a_finding_after_the_grace(store: Store) -> None:
    rec = reconciler(store, grace=600)
    rec.record(seen({"team": "alpha", "env": "prod"}), T0, T0 + 5)
    rec.record(seen({"team": "beta", "env": "dev"}), T0 + 3600, T0 + 3605)
    assert store.current_tags(BUCKET).values == {"team": "beta", "env": "dev"}
    assert [p["keys"] for p in pending_differences(store, "test")] == [
        {"team": "beta"}
    ]  # env is not governed
    assert rec.confirm(T0 + 3605 + 599) == []  # still waiting for a late event
    (finding,) = rec.confirm(T0 + 3605 + 600)
    assert (finding.kind, finding.tag_key, finding.old_value, finding.new_value) == (
        "unattributed_change",
        "team",
        "alpha",
        "beta",
    )
    assert (finding.severity, finding.target, finding.account, finding.actor) == (
        "warning",
        BUCKET,
        A,
        "unknown",
    )
    assert finding.event_time == format_time(T0 + 3600)
    assert "an earlier inventory" in finding.explanation
    assert pending_differences(store, "test") == []
    assert rec.confirm(T0 + 99999) == []


def test_a_late_event_logged_before_the_reading_explains_it(store: Store) -> None:
    rec = reconciler(store)
    rec.record(seen({"team": "alpha"}), T0, T0 + 5)
    rec.record(seen({"team": "beta"}), T0 + 3600, T0 + 3605)
    event(store, T0 + 1800, {"team": "beta"})  # delivered after the snapshot, logged before it
    assert rec.confirm(T0 + 9999) == []


def test_an_event_logged_while_the_reading_went_on_explains_it(store: Store) -> None:
    rec = reconciler(store)
    rec.record(seen({"team": "alpha"}), T0, T0 + 5)
    rec.record(seen({"team": "beta"}), T0 + 3600, T0 + 3660)
    event(store, T0 + 3630, {"team": "beta"})
    assert rec.confirm(T0 + 9999) == []


def test_an_event_that_says_otherwise_does_not_explain_it(store: Store) -> None:
    rec = reconciler(store)
    event(store, T0, {"team": "alpha"})
    rec.record(seen({"team": "gamma"}), T0 + 3600, T0 + 3605)
    event(store, T0 + 1800, {"team": "beta"}, event_id="e-2")
    (finding,) = rec.confirm(T0 + 9999)
    assert (finding.old_value, finding.new_value) == ("beta", "gamma")
    assert "PutBucketTagging by arn:aws:iam::111111111111:role/admin" in finding.explanation


def test_removed_and_added_keys_count_and_principal_keys_ignore_case(store: Store) -> None:
    rec = reconciler(store, grace=0)
    rec.record(seen({"Team": "alpha"}, ROLE, "principal"), T0, T0)
    rec.record(seen({"team": "alpha"}, ROLE, "principal"), T0 + 10, T0 + 10)
    assert rec.confirm(T0 + 20) == []  # IAM keys fold case: nothing changed
    rec.record(seen({}, ROLE, "principal"), T0 + 30, T0 + 30)
    (removed,) = rec.confirm(T0 + 40)
    assert (removed.target_kind, removed.old_value, removed.new_value) == ("principal", "alpha", None)
    rec.record(seen({"TEAM": "beta"}, ROLE, "principal"), T0 + 50, T0 + 50)
    (added,) = rec.confirm(T0 + 60)
    assert (added.tag_key, added.old_value, added.new_value) == ("TEAM", None, "beta")


def test_findings_are_recorded_once_and_queued_for_sinks(store: Store) -> None:
    queued: list[str] = []

    def route(finding: Finding) -> list[str]:
        queued.append(finding.id)
        return ["pager"]

    rec = Reconciler(store, POLICY, "test", 0, Recorder(Metrics(), get_logger(), route))
    rec.record(seen({"team": "alpha"}), T0, T0)
    rec.record(seen({"team": "beta"}), T0 + 10, T0 + 10)
    (finding,) = rec.confirm(T0 + 20)
    assert queued == [finding.id]
    assert [f.id for f in store.list_findings()] == [finding.id]


tags = st.dictionaries(
    st.sampled_from(["team", "Team", "env", "owner"]), st.sampled_from(["a", "b", "A"]), max_size=4
)


@given(tags)
def test_a_complete_state_equal_to_the_observation_contradicts_nothing(observed: dict[str, str]) -> None:
    known = KnownTags(observed, frozenset(), True)
    assert same_tags(known, observed, fold=False)
    assert contradicted(known, observed, fold=False) == {}


@given(tags, tags, st.booleans())
def test_contradictions_name_only_keys_known_or_observed(
    known_values: dict[str, str], observed: dict[str, str], complete: bool
) -> None:
    known = KnownTags(known_values, frozenset(), complete)
    found: dict[str, Any] = contradicted(known, observed, fold=False)
    for key, value in found.items():
        assert key in known_values or key in observed
        assert value == observed.get(key)
        assert known_values.get(key) != observed.get(key)
    if not complete:
        assert set(found) <= set(known_values)  # a key tagwarden never knew contradicts nothing


@pytest.mark.parametrize("logged", [T0, T0 - 1])
def test_an_event_in_the_second_a_reading_began_explains_the_next_reading(
    store: Store, logged: float
) -> None:
    """CloudTrail's eventTime holds whole seconds and AWS's clock is not the daemon's: a change
    made just after an earlier reading began (T0 + 0.5) is logged at T0, or a second earlier
    by a clock behind the daemon's, and ordered before that reading, which did not see it. The
    next reading, which does, is explained by it, not an unattributed change."""
    rec = reconciler(store, grace=0)
    rec.record(seen({"team": "alpha"}), T0 + 0.5, T0 + 0.8)  # the first reading, alpha
    event(store, logged, {"team": "beta"})
    rec.record(seen({"team": "beta"}), T0 + 60, T0 + 61)
    assert rec.confirm(T0 + 120) == []


def test_an_event_well_before_a_reading_does_not_explain_a_later_change(store: Store) -> None:
    rec = reconciler(store, grace=0)
    event(store, T0 - 30, {"team": "beta"})
    rec.record(seen({"team": "alpha"}), T0, T0 + 1)  # someone set it back to alpha unseen
    rec.record(seen({"team": "beta"}), T0 + 60, T0 + 61)
    found = {(f.kind, f.old_value, f.new_value) for f in rec.confirm(T0 + 120)}
    assert found == {("unattributed_change", "beta", "alpha"), ("unattributed_change", "alpha", "beta")}
