"""The writers scan's identity passers: who can give a workload another team's role."""

from __future__ import annotations

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.recording import Recorder
from tagwarden.app.scans.writers_scan import writers_report
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.inventory.snapshot import (
    AccountInventory,
    Inventory,
    OrganizationPolicies,
    PolicyDocument,
    PrincipalRecord,
)
from tagwarden.core.writers import PasserItem, build_inputs, identity_passers, passer_findings
from tests.core.writers.test_probe import ACTIONS, ADMIN, GOVERNANCE, doc, role

A = "111111111111"
RUN = {"Effect": "Allow", "Action": ["ec2:RunInstances", "ec2:AssociateIamInstanceProfile"], "Resource": "*"}
PASS_TO_EC2 = {
    "Sid": "PassAnyRoleToEc2",
    "Effect": "Allow",
    "Action": "iam:PassRole",
    "Resource": f"arn:aws:iam::{A}:role/app-*",
    "Condition": {"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}},
}
PASS_OWN_TEAM = {
    "Sid": "PassOwnTeamsRoles",
    "Effect": "Allow",
    "Action": "iam:PassRole",
    "Resource": "*",
    "Condition": {"StringEquals": {"iam:ResourceTag/team": "${aws:PrincipalTag/team}"}},
}
PASS_TO_LAMBDA = {
    **PASS_TO_EC2,
    "Sid": "PassToLambda",
    "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}},
}
APPS = [role("app-alpha", tags={"team": "alpha"}), role("app-beta", tags={"team": "beta"})]


def passers(principals: list[PrincipalRecord]) -> list[PasserItem]:
    account = AccountInventory(A, 0.0)
    account.principals += [*principals, *APPS]
    inventory = Inventory([account], [], OrganizationPolicies())
    policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    return identity_passers(build_inputs(inventory, ACTIONS), policy, ["team"])


def who(items: list[PasserItem]) -> set[tuple[str, str, str]]:
    return {(i.principal.arn.rsplit("/", 1)[1], i.role.rsplit("/", 1)[1], i.statement) for i in items}


def test_a_principal_that_can_pass_another_teams_role_to_ec2_is_found_with_the_allowing_statement() -> None:
    items = passers([role("dev-alpha", tags={"team": "alpha"}, policies=[doc(RUN, PASS_TO_EC2)])])
    assert who(items) == {
        ("dev-alpha", "app-beta", 'identity-based policy "dev-alpha-0" statement "PassAnyRoleToEc2" (#1)')
    }
    (item,) = items
    assert (item.key, item.own, item.value) == ("team", "alpha", "beta")
    assert set(item.calls) == {"ec2:RunInstances", "ec2:AssociateIamInstanceProfile"}


def test_a_principal_that_can_pass_only_its_own_teams_roles_is_not() -> None:
    assert passers([role("dev-alpha", tags={"team": "alpha"}, policies=[doc(RUN, PASS_OWN_TEAM)])]) == []


def test_passing_to_a_service_the_principal_cannot_call_gives_nothing() -> None:
    # iam:PassedToService: the role may be passed to Lambda only, and the principal may call EC2 only.
    assert passers([role("dev-alpha", tags={"team": "alpha"}, policies=[doc(RUN, PASS_TO_LAMBDA)])]) == []


def test_passing_without_a_compute_call_gives_nothing() -> None:
    assert passers([role("dev-alpha", tags={"team": "alpha"}, policies=[doc(PASS_TO_EC2)])]) == []


def test_a_permissions_boundary_without_passrole_stops_it() -> None:
    boundary = PolicyDocument("boundary", doc(RUN))
    found = passers(
        [role("dev-alpha", tags={"team": "alpha"}, policies=[doc(RUN, PASS_TO_EC2)], boundary=boundary)]
    )
    assert found == []


def test_a_listed_writer_of_the_key_is_not_an_excess_passer() -> None:
    assert passers([role("TagAdmin", policies=[ADMIN])]) == []


def test_a_principal_without_the_key_passing_a_role_with_it_is_found() -> None:
    items = passers([role("ci", policies=[doc(RUN, PASS_TO_EC2)])])
    assert who(items) == {
        ("ci", "app-alpha", 'identity-based policy "ci-0" statement "PassAnyRoleToEc2" (#1)'),
        ("ci", "app-beta", 'identity-based policy "ci-0" statement "PassAnyRoleToEc2" (#1)'),
    }


def test_one_finding_per_principal_key_and_statement_naming_the_statement_and_the_roles() -> None:
    items = passers([role("ci", policies=[doc(RUN, PASS_TO_EC2)])])
    policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    (finding,) = passer_findings(items, policy, 1717400000.0)
    assert (finding.kind, finding.severity, finding.target, finding.tag_key) == (
        "excess_identity_passer",
        "high",
        f"arn:aws:iam::{A}:role/ci",
        "team",
    )
    assert 'statement "PassAnyRoleToEc2"' in finding.explanation
    assert "app-alpha" in finding.explanation and "app-beta" in finding.explanation
    assert passer_findings(items, policy, 1717400999.0)[0].id == finding.id  # the same standing grant


def test_the_writers_scan_commits_the_passers_and_lists_them() -> None:
    account = AccountInventory(A, 0.0)
    account.principals += [role("dev-alpha", tags={"team": "alpha"}, policies=[doc(RUN, PASS_TO_EC2)]), *APPS]
    store = open_store("sqlite:///:memory:")
    policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    report = writers_report(
        Inventory([account], [], OrganizationPolicies()),
        store,
        policy,
        1717400000.0,
        Recorder(Metrics(), get_logger()),
    )
    assert [(i.via, i.principal.rsplit("/", 1)[1], i.resource.rsplit("/", 1)[1]) for i in report.passers] == [
        ("pass_role", "dev-alpha", "app-beta")
    ]
    stored = [f for f in store.list_findings() if f.kind == "excess_identity_passer"]
    assert [f.target for f in stored] == [f"arn:aws:iam::{A}:role/dev-alpha"]
