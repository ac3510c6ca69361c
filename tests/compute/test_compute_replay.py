"""Each operation that gives a workload a role, flagged and benign, replayed through the processor."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from typing import Any

import pytest

from tagwarden.adapters.store import open_store
from tagwarden.core.records import iter_records
from tests.compute.scenario import ADMIN, ALICE, CAROL, make_processor, replay
from tests.compute_records import (
    add_role_to_profile,
    associate_profile,
    create_function,
    create_instance_profile,
    function,
    instance,
    profile,
    register_task_definition,
    remove_role_from_profile,
    replace_association,
    run_instances,
    update_function_configuration,
)

T = "2024-06-03T10:{:02d}:00Z"
Records = Callable[[Any], list[dict[str, Any]]]


def _run(team: str) -> Records:
    return lambda who: [
        run_instances(who, "i-0aaaa00000000001", f"{team}-profile", time=T.format(1), event_id="e1")
    ]


def _associate(team: str) -> Records:
    return lambda who: [
        associate_profile(
            who, "i-0aaaa00000000002", f"{team}-profile", "iip-assoc-01", time=T.format(1), event_id="e1"
        )
    ]


def _replace(team: str) -> Records:
    # The instance had alpha-profile (associated earlier by the admin); now it gets ``team``'s.
    return lambda who: [
        associate_profile(
            ADMIN, "i-0aaaa00000000003", "alpha-profile", "iip-assoc-02", time=T.format(0), event_id="e0"
        ),
        replace_association(
            who,
            "iip-assoc-02",
            "iip-assoc-03",
            "i-0aaaa00000000003",
            f"{team}-profile",
            time=T.format(1),
            event_id="e1",
        ),
    ]


def _add_role(team: str) -> Records:
    return lambda who: [
        add_role_to_profile(who, "web-profile", f"app-{team}", time=T.format(1), event_id="e1")
    ]


def _create_function(team: str) -> Records:
    return lambda who: [create_function(who, "report", f"app-{team}", time=T.format(1), event_id="e1")]


def _update_function(team: str) -> Records:
    return lambda who: [
        create_function(ADMIN, "report", "app-alpha", time=T.format(0), event_id="e0"),
        update_function_configuration(who, "report", f"app-{team}", time=T.format(1), event_id="e1"),
    ]


def _task_definition(team: str) -> Records:
    return lambda who: [
        register_task_definition(ADMIN, "web", 1, "app-alpha", time=T.format(0), event_id="e0"),
        register_task_definition(who, "web", 2, f"app-{team}", time=T.format(1), event_id="e1"),
    ]


TASK = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2"
# operation, records for a team, target of the finding, old value the resource had before
OPERATIONS = [
    ("RunInstances", _run, instance("i-0aaaa00000000001"), None),
    ("AssociateIamInstanceProfile", _associate, instance("i-0aaaa00000000002"), None),
    ("ReplaceIamInstanceProfileAssociation", _replace, instance("i-0aaaa00000000003"), "alpha"),
    ("AddRoleToInstanceProfile", _add_role, profile("web-profile"), None),
    ("CreateFunction", _create_function, function("report"), None),
    ("UpdateFunctionConfiguration", _update_function, function("report"), "alpha"),
    ("RegisterTaskDefinition", _task_definition, TASK, "alpha"),
]
IDS = [op[0] for op in OPERATIONS]


@pytest.mark.parametrize(("name", "records", "target", "old"), OPERATIONS, ids=IDS)
def test_giving_a_workload_another_teams_role_is_flagged(
    name: str, records: Callable[[str], Records], target: str, old: str | None
) -> None:
    findings = [f for f in replay(records("beta")(ALICE)) if f.kind == "compute_identity"]
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.event_id, finding.target, finding.tag_key) == ("e1", target, "team")
    assert (finding.old_value, finding.new_value, finding.severity) == (old, "beta", "critical")
    assert finding.actor.endswith(":role/dev-alpha")
    assert "app-beta" in finding.explanation and "'alpha'" in finding.explanation
    if old is not None:
        assert "app-alpha" in finding.explanation  # the role it had before


@pytest.mark.parametrize(("name", "records", "target", "old"), OPERATIONS, ids=IDS)
def test_giving_a_workload_the_actors_own_teams_role_is_not(
    name: str, records: Callable[[str], Records], target: str, old: str | None
) -> None:
    assert [f for f in replay(records("alpha")(ALICE)) if f.kind == "compute_identity"] == []


@pytest.mark.parametrize(("name", "records", "target", "old"), OPERATIONS, ids=IDS)
def test_a_listed_writer_of_the_key_may_give_any_teams_role(
    name: str, records: Callable[[str], Records], target: str, old: str | None
) -> None:
    assert [f for f in replay(records("beta")(ADMIN)) if f.kind == "compute_identity"] == []


@pytest.mark.parametrize(("name", "records", "target", "old"), OPERATIONS, ids=IDS)
def test_an_actor_without_the_key_giving_a_role_that_has_it_is_flagged(
    name: str, records: Callable[[str], Records], target: str, old: str | None
) -> None:
    findings = [f for f in replay(records("beta")(CAROL)) if f.kind == "compute_identity"]
    assert [(f.target, f.new_value) for f in findings] == [(target, "beta")]


@pytest.mark.parametrize(("name", "records", "target", "old"), OPERATIONS, ids=IDS)
def test_neither_the_actor_nor_the_role_carrying_the_key_is_not_flagged(
    name: str, records: Callable[[str], Records], target: str, old: str | None
) -> None:
    assert [f for f in replay(records("plain")(CAROL)) if f.kind == "compute_identity"] == []


def test_an_update_that_does_not_change_the_role_is_not_a_grant() -> None:
    records = [update_function_configuration(ALICE, "report", None, time=T.format(1), event_id="e1")]
    assert replay(records) == []


def test_a_profile_learned_from_events_gives_its_role_to_the_instances_launched_with_it() -> None:
    records = [
        create_instance_profile(ADMIN, "batch-profile", time=T.format(0), event_id="p0"),
        add_role_to_profile(ADMIN, "batch-profile", "app-beta", time=T.format(1), event_id="p1"),
        run_instances(ALICE, "i-0bbbb00000000001", "batch-profile", time=T.format(2), event_id="r1"),
        remove_role_from_profile(ADMIN, "batch-profile", "app-beta", time=T.format(3), event_id="p2"),
        add_role_to_profile(ADMIN, "batch-profile", "app-alpha", time=T.format(4), event_id="p3"),
        run_instances(ALICE, "i-0bbbb00000000002", "batch-profile", time=T.format(5), event_id="r2"),
    ]
    store = open_store("sqlite:///:memory:")
    body = json.dumps({"Records": records}).encode()
    # No IAM for profiles: what the profile holds is known from the events alone.
    make_processor(store, profiles=False).process(iter_records(io.BytesIO(body)), source="t", unit="u")
    flagged = [(f.event_id, f.target) for f in store.list_findings() if f.kind == "compute_identity"]
    assert flagged == [("r1", instance("i-0bbbb00000000001"))]


def test_a_failed_call_gives_no_role() -> None:
    record = run_instances(ALICE, "i-0aaaa00000000009", "beta-profile", time=T.format(1), event_id="e1")
    record["errorCode"] = "Client.UnauthorizedOperation"
    assert [f for f in replay([record]) if f.kind == "compute_identity"] == []


def test_replaying_the_same_records_twice_raises_each_finding_once() -> None:
    store = open_store("sqlite:///:memory:")
    records = _run("beta")(ALICE)
    replay(records, store)
    assert len(replay(records, store)) == 1
