"""Each operation that gives a workload a role, flagged and benign, replayed through the processor."""

from __future__ import annotations

import io
import json

import pytest

from tagwarden.adapters.store import open_store
from tagwarden.app.demo.records import Caller
from tagwarden.core.model.finding import at_least
from tagwarden.core.records import iter_records
from tests.builders.compute_records import (
    ACCOUNT,
    add_role_to_profile,
    associate_profile,
    create_function,
    create_instance_profile,
    disassociate_profile,
    instance,
    remove_role_from_profile,
    replace_association,
    run_instances,
    update_function_configuration,
)
from tests.core.compute.cases import ADMIN, ALICE, CALLERS, OPERATIONS, Operation, case_log
from tests.core.compute.scenario import make_processor, replay

T = "2024-06-03T10:{:02d}:00Z"


@pytest.mark.parametrize("operation", OPERATIONS, ids=[op.name for op in OPERATIONS])
@pytest.mark.parametrize(("case", "who", "team", "flagged"), CALLERS, ids=[c[0] for c in CALLERS])
def test_each_operation_flags_a_role_of_another_team_and_nothing_else(
    operation: Operation, case: str, who: Caller, team: str, flagged: bool
) -> None:
    findings = [f for f in replay(operation.records(7, team, who)) if f.kind == "compute_identity"]
    if not flagged:
        assert findings == []
        return
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.event_id, finding.target, finding.tag_key) == ("e7", operation.target(7), "team")
    assert (finding.old_value, finding.new_value, finding.severity) == (operation.old, team, "critical")
    assert f"role/app-{team}" in finding.explanation
    if operation.old is not None:
        assert "role/app-alpha" in finding.explanation  # the role it had before


def test_the_explanation_says_how_the_workloads_reach_changed() -> None:
    (finding,) = replay(OPERATIONS[2].records(1, "beta", ALICE))
    assert finding.explanation == (
        "arn:aws:iam::123456789012:role/dev-alpha (session arn:aws:sts::123456789012:assumed-role/dev-alpha/"
        "alice) gave EC2 instance arn:aws:ec2:us-east-1:123456789012:instance/i-00000000000000001 the role "
        "arn:aws:iam::123456789012:role/app-beta (team='beta') through instance profile "
        "123456789012/beta-profile with ReplaceIamInstanceProfileAssociation at 2024-06-03T10:03:00Z, "
        "replacing arn:aws:iam::123456789012:role/app-alpha (team='alpha'). The actor holds 'alpha' as its "
        "own 'team' tag and is not a listed writer of 'team': code running on this resource now acts as "
        "team='beta', so the actor reaches, through the workload, what ABAC grants to 'beta' (retagging "
        "itself by proxy)."
    )


def test_every_case_in_one_log_is_judged_alike() -> None:
    log = case_log()
    findings = replay(log.records)
    flagged = {
        (f.event_id, f.target, f.old_value, f.new_value) for f in findings if f.kind == "compute_identity"
    }
    assert flagged == log.flagged
    assert [f for f in findings if f.event_id in log.benign and at_least(f.severity, "warning")] == []


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


def test_a_profile_whose_role_is_unknown_raises_nothing() -> None:
    store = open_store("sqlite:///:memory:")
    body = json.dumps({"Records": OPERATIONS[0].records(1, "beta", ALICE)}).encode()
    make_processor(store, profiles=False).process(iter_records(io.BytesIO(body)), source="t", unit="u")
    assert store.list_findings() == []


def test_a_failed_call_gives_no_role() -> None:
    record = run_instances(ALICE, "i-0aaaa00000000009", "beta-profile", time=T.format(1), event_id="e1")
    record["errorCode"] = "Client.UnauthorizedOperation"
    assert [f for f in replay([record]) if f.kind == "compute_identity"] == []


def test_replaying_the_same_records_twice_raises_each_finding_once() -> None:
    store = open_store("sqlite:///:memory:")
    records = OPERATIONS[0].records(1, "beta", ALICE)
    replay(records, store)
    assert len(replay(records, store)) == 1


def test_auto_scaling_launching_the_instances_of_a_template_is_not_the_actor_choosing_a_role() -> None:
    # Auto Scaling runs instances with its service-linked role; whoever configured the group or
    # its launch template made the choice, and that call is judged itself.
    scaling = Caller(
        ACCOUNT,
        "aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling",
        session="AutoScaling",
    )
    records = [run_instances(scaling, "i-0cccc00000000001", "beta-profile", time=T.format(1), event_id="e1")]
    assert replay(records) == []


def test_resending_the_role_a_function_already_has_gives_it_nothing_new() -> None:
    records = [
        create_function(ADMIN, "shared", "app-beta", time=T.format(0), event_id="e0"),
        update_function_configuration(ALICE, "shared", "app-beta", time=T.format(1), event_id="e1"),
    ]
    assert replay(records) == []


def test_after_a_disassociation_the_instance_had_no_role_before_the_next_one() -> None:
    instance_id = "i-0dddd00000000001"
    records = [
        associate_profile(
            ADMIN, instance_id, "plain-profile", "iip-assoc-d1", time=T.format(0), event_id="e0"
        ),
        disassociate_profile(
            ADMIN, instance_id, "plain-profile", "iip-assoc-d1", time=T.format(1), event_id="e1"
        ),
        associate_profile(
            ALICE, instance_id, "beta-profile", "iip-assoc-d2", time=T.format(2), event_id="e2"
        ),
        run_instances(ADMIN, "i-0dddd00000000002", "alpha-profile", time=T.format(3), event_id="e3"),
        # RunInstances' response does not name the association it made: the instance stands for it
        replace_association(
            ALICE,
            "iip-assoc-unseen",
            "iip-assoc-d3",
            "i-0dddd00000000002",
            "beta-profile",
            time=T.format(4),
            event_id="e4",
        ),
    ]
    found = {(f.event_id, f.old_value, f.new_value) for f in replay(records)}
    # e4: the instance was launched with alpha-profile
    assert found == {("e2", None, "beta"), ("e4", "alpha", "beta")}
