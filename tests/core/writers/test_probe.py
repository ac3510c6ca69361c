"""The writers scan on hand-made inventories: who IAM lets write a governed tag, and how."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.inventory.snapshot import (
    AccountInventory,
    Inventory,
    OrganizationPolicies,
    PolicyDocument,
    PrincipalRecord,
    ResourceRecord,
)
from tagwarden.core.normalize.catalog import catalog_document
from tagwarden.core.writers import (
    WriterItem,
    build_inputs,
    excess_findings,
    find_writers,
    governed_keys,
    tag_actions,
    writer_counts,
)
from tagwarden.core.writers.actions import arn_type
from tagwarden.core.writers.probe import tag_context, with_key

A, B = "111111111111", "222222222222"
ACTIONS = tag_actions(catalog_document()["operations"])
GOVERNANCE: dict[str, Any] = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [
        {"id": "team-writers", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]},
        {"id": "project-owners", "keys": ["project"], "writers": [{"same_as_resource": "team"}]},
    ],
}


def doc(*statements: dict[str, Any]) -> dict[str, Any]:
    return {"Version": "2012-10-17", "Statement": list(statements)}


ADMIN = doc({"Effect": "Allow", "Action": "*", "Resource": "*"})
# ABAC done right: work on your team's resources, and only ever set your own team on them.
ABAC = doc(
    {
        "Effect": "Allow",
        "Action": ["s3:PutBucketTagging", "ec2:CreateTags"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "aws:ResourceTag/team": "${aws:PrincipalTag/team}",
                "aws:RequestTag/team": "${aws:PrincipalTag/team}",
            }
        },
    }
)


def role(name: str, account: str = A, tags: dict[str, str] | None = None, **extra: Any) -> PrincipalRecord:
    policies = tuple(PolicyDocument(f"{name}-{i}", d) for i, d in enumerate(extra.pop("policies", ())))
    return PrincipalRecord(
        f"arn:aws:iam::{account}:role/{name}", "role", tags or {}, account, policies, **extra
    )


def bucket(name: str, account: str = A, **tags: str) -> ResourceRecord:
    return ResourceRecord(f"arn:aws:s3:::{name}", account, "us-east-1", tags)


def scan(
    principals: list[PrincipalRecord],
    resources: list[ResourceRecord],
    *,
    policies: dict[str, dict[str, Any]] | None = None,
    organization: OrganizationPolicies | None = None,
    governance: dict[str, Any] | None = None,
) -> list[WriterItem]:
    accounts: dict[str, AccountInventory] = {}
    for p in principals:
        accounts.setdefault(p.account, AccountInventory(p.account, 0.0)).principals.append(p)
    for r in resources:
        accounts.setdefault(r.account, AccountInventory(r.account, 0.0)).resources.append(r)
    for arn, document in (policies or {}).items():
        owner = next(r.account for r in resources if r.arn == arn)
        accounts[owner].resource_policies[arn] = PolicyDocument(f"policy of {arn}", document)
    inventory = Inventory(list(accounts.values()), [], organization or OrganizationPolicies())
    compiled = CompiledPolicy(parse_policy_document(governance or GOVERNANCE))
    return find_writers(build_inputs(inventory, ACTIONS), compiled, ["team"])


def view(items: list[WriterItem]) -> set[tuple[str, str, str, bool]]:
    return {(i.principal.rsplit("/", 1)[1], i.via, i.target_class, i.authorized) for i in items}


def test_abac_done_right_writes_nothing_an_admin_everything_and_only_the_listed_one_is_authorized() -> None:
    principals = [
        role("dev-alpha", tags={"team": "alpha"}, policies=[ABAC]),
        role("TagAdmin", policies=[ADMIN]),
        role("ops", tags={"team": "beta"}, policies=[ADMIN]),
    ]
    items = scan(principals, [bucket("alpha-data", team="alpha"), bucket("beta-data", team="beta")])
    assert view(items) == {
        ("TagAdmin", "retag_principal", "iam:role", True),
        ("TagAdmin", "retag_principal", "iam:role (itself)", True),
        ("TagAdmin", "tag_resource", "s3:bucket", True),
        ("ops", "retag_principal", "iam:role", False),
        ("ops", "retag_principal", "iam:role (itself)", False),
        ("ops", "tag_resource", "s3:bucket", False),
    }
    ops_bucket = next(i for i in items if i.principal.endswith("/ops") and i.target_class == "s3:bucket")
    assert ops_bucket.probes == (
        "other->own",
        "none->own",
        "own->other",
        "none->other",
        "other->removed",
        "own->removed",
    )
    assert ops_bucket.statement == 'identity-based policy "ops-0" statement #0'
    assert ops_bucket.members == 2 and ops_bucket.resource == "arn:aws:s3:::alpha-data"
    assert writer_counts(items, ["team"]) == {("team", True): 1, ("team", False): 1}


def test_a_deny_on_tag_keys_does_not_stop_put_bucket_tagging_from_dropping_the_key() -> None:
    # PutBucketTagging sends the whole new set: removing 'team' sends no 'team' in aws:TagKeys.
    guarded = doc(
        {"Effect": "Allow", "Action": "s3:PutBucketTagging", "Resource": "*"},
        {
            "Effect": "Deny",
            "Action": ["s3:PutBucketTagging", "s3:TagResource", "s3:UntagResource", "s3:DeleteBucketTagging"],
            "Resource": "*",
            "Condition": {"ForAnyValue:StringEquals": {"aws:TagKeys": ["team"]}},
        },
    )
    items = scan(
        [role("dev", tags={"team": "beta"}, policies=[guarded])], [bucket("b", team="alpha", env="prod")]
    )
    (item,) = items
    assert (item.target_class, item.probes, item.action) == (
        "s3:bucket",
        ("other->removed", "own->removed"),
        "s3:PutBucketTagging",
    )
    assert not item.authorized


def test_scps_and_boundaries_take_writers_away() -> None:
    deny_tagging = doc(
        {"Effect": "Allow", "Action": "*", "Resource": "*"},
        {
            "Effect": "Deny",
            "Action": ["s3:PutBucketTagging", "s3:TagResource", "iam:Tag*", "iam:Untag*"],
            "Resource": "*",
        },
    )
    organization = OrganizationPolicies(
        scps={A: ((PolicyDocument("no-tagging", deny_tagging),),)},
    )
    items = scan(
        [role("ops", tags={"team": "beta"}, policies=[ADMIN])],
        [bucket("b", team="alpha")],
        organization=organization,
    )
    assert {i.target_class for i in items} == {"s3:bucket"}  # s3:DeleteBucketTagging and UntagResource remain
    assert {p for i in items for p in i.probes} == {"other->removed", "own->removed"}
    bounded = role(
        "ops",
        tags={"team": "beta"},
        policies=[ADMIN],
        boundary=PolicyDocument("boundary", doc({"Effect": "Allow", "Action": "s3:Get*", "Resource": "*"})),
    )
    assert scan([bounded], [bucket("b", team="alpha")]) == []


def test_a_bucket_policy_in_another_account_makes_a_cross_account_writer() -> None:
    tagger = role(
        "tagger",
        tags={"team": "beta"},
        policies=[doc({"Effect": "Allow", "Action": "s3:PutBucketTagging", "Resource": "*"})],
    )
    shared = bucket("shared", account=B, team="alpha")
    grant = doc(
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{A}:role/tagger"},
            "Action": "s3:PutBucketTagging",
            "Resource": "arn:aws:s3:::shared",
        }
    )
    assert [i for i in scan([tagger], [shared]) if i.resource_account == B] == []
    (item,) = [i for i in scan([tagger], [shared], policies={shared.arn: grant}) if i.resource_account == B]
    assert (item.account, item.resource, item.authorized) == (A, "arn:aws:s3:::shared", False)
    assert "other->own" in item.probes


def test_session_tags_through_a_trust_policy_that_allows_tag_session() -> None:
    trust = doc(
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{A}:root"},
            "Action": ["sts:AssumeRole", "sts:TagSession"],
        }
    )
    plain_trust = doc(
        {"Effect": "Allow", "Principal": {"AWS": f"arn:aws:iam::{A}:root"}, "Action": "sts:AssumeRole"}
    )
    assume = doc({"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"})
    principals = [
        role("app", tags={"team": "alpha"}, trust_policy=PolicyDocument("trust", trust)),
        role("legacy", trust_policy=PolicyDocument("trust", plain_trust)),
        role(
            "caller",
            tags={"team": "beta"},
            policies=[assume, doc({"Effect": "Allow", "Action": "sts:TagSession", "Resource": "*"})],
        ),
        role("no-permission", tags={"team": "gamma"}),
    ]
    items = scan(principals, [])
    assert view(items) == {("caller", "session_tag", "sts:session", False)}
    (item,) = items
    assert item.resource == f"arn:aws:iam::{A}:role/app" and item.probes == ("session:own", "session:other")


def test_federated_providers_named_for_tag_session_are_writers() -> None:
    provider = f"arn:aws:iam::{A}:saml-provider/Okta"
    trust = doc(
        {
            "Effect": "Allow",
            "Principal": {"Federated": provider},
            "Action": ["sts:AssumeRoleWithSAML", "sts:TagSession"],
        }
    )
    items = scan([role("sso-dev", trust_policy=PolicyDocument("trust", trust))], [])
    assert [(i.principal, i.principal_kind, i.via, i.authorized) for i in items] == [
        (provider, "federated", "session_tag", False)
    ]
    listed = {**GOVERNANCE, "rules": [{"id": "sso", "keys": ["team"], "writers": [{"principal": provider}]}]}
    assert [
        i.authorized
        for i in scan([role("sso-dev", trust_policy=PolicyDocument("trust", trust))], [], governance=listed)
    ] == [True]


def test_same_as_resource_writers_are_authorized_on_their_own_team_only() -> None:
    owners = {
        "version": 1,
        "abac_keys": [],
        "rules": [{"id": "owners", "keys": ["team"], "writers": [{"same_as_resource": "team"}]}],
    }
    everything = role(
        "dev",
        tags={"team": "alpha"},
        policies=[doc({"Effect": "Allow", "Action": "s3:PutBucketTagging", "Resource": "*"})],
    )
    (item,) = scan([everything], [bucket("b", team="beta")], governance=owners)
    assert not item.authorized and item.listed_writer  # listed for own->other, not for other->own
    own_only = role(
        "dev",
        tags={"team": "alpha"},
        policies=[
            doc(
                {
                    "Effect": "Allow",
                    "Action": "s3:PutBucketTagging",
                    "Resource": "*",
                    "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}},
                }
            )
        ],
    )
    (item,) = scan([own_only], [bucket("b", team="beta")], governance=owners)
    assert item.authorized and item.probes == ("own->other", "own->removed")


def test_unparsable_policies_are_named() -> None:
    broken = PrincipalRecord(
        f"arn:aws:iam::{A}:role/x",
        "role",
        {},
        A,
        (PolicyDocument("broken", {"Statement": "nope"}),),
        unresolved=("arn:aws:iam::aws:policy/Gone",),
    )
    inventory = Inventory([AccountInventory(A, 0.0, principals=[broken])])
    problems = build_inputs(inventory, ACTIONS).problems
    assert any(p.startswith("broken:") for p in problems)
    assert any("arn:aws:iam::aws:policy/Gone was not returned" in p for p in problems)


def test_excess_findings_are_one_per_principal_key_and_statement_and_stable() -> None:
    principals = [role("ops", tags={"team": "beta"}, policies=[ADMIN]), role("TagAdmin", policies=[ADMIN])]
    items = scan(principals, [bucket("a", team="alpha")])
    policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    findings = excess_findings(items, policy, 1_700_000_000.0)
    (finding,) = findings
    assert (finding.kind, finding.severity, finding.rule, finding.tag_key) == (
        "excess_tag_writer",
        "high",
        "team-writers",
        "team",
    )
    assert finding.target == finding.actor == f"arn:aws:iam::{A}:role/ops"
    assert "arn:aws:iam::*:role/TagAdmin" in finding.explanation
    assert excess_findings(items, policy, 1_800_000_000.0)[0].id == finding.id  # the next scan: same finding


def test_governed_keys_take_literal_keys_and_the_keys_globs_match() -> None:
    policy = CompiledPolicy(
        parse_policy_document(
            {"version": 1, "abac_keys": ["team"], "rules": [{"id": "r", "keys": ["access-*", "Owner"]}]}
        )
    )
    assert governed_keys(policy, ["access-level", "env", "TEAM"]) == ["access-level", "Owner", "team"]


@pytest.mark.parametrize(
    ("arn", "service", "kind", "add", "remove"),
    [
        (
            "arn:aws:s3:::b",
            "s3",
            "bucket",
            {"s3:PutBucketTagging", "s3:TagResource"},
            {"s3:PutBucketTagging", "s3:DeleteBucketTagging", "s3:UntagResource"},
        ),
        (
            f"arn:aws:ec2:us-east-1:{A}:instance/i-1",
            "ec2",
            "instance",
            {"ec2:CreateTags"},
            {"ec2:DeleteTags"},
        ),
        (f"arn:aws:iam::{A}:role/x", "iam", "role", {"iam:TagRole"}, {"iam:UntagRole"}),
        (f"arn:aws:kms:us-east-1:{A}:key/k", "kms", "key", {"kms:TagResource"}, {"kms:UntagResource"}),
        (
            f"arn:aws:rds:us-east-1:{A}:db:x",
            "rds",
            "db",
            {"rds:AddTagsToResource"},
            {"rds:RemoveTagsFromResource"},
        ),
        (f"arn:aws:sqs:us-east-1:{A}:queue", "sqs", "", {"sqs:TagQueue"}, {"sqs:UntagQueue"}),
        (
            f"arn:aws:nosuchservice:us-east-1:{A}:thing/x",
            "nosuchservice",
            "thing",
            {"nosuchservice:TagResource"},
            {"nosuchservice:UntagResource"},
        ),
    ],
)
def test_tag_actions_by_resource_type(
    arn: str, service: str, kind: str, add: set[str], remove: set[str]
) -> None:
    assert arn_type(arn) == (service, kind)
    actions = ACTIONS.for_type(service, kind)
    assert (set(actions.add), set(actions.remove)) == (add, remove)


def test_request_context_follows_what_each_action_sends() -> None:
    actions = ACTIONS.for_type("s3", "bucket")
    before = {"team": "alpha", "env": "prod"}
    assert tag_context("s3:TagResource", actions, "team", before, "beta") == {
        "aws:RequestTag/team": "beta",
        "aws:TagKeys": ["team"],
    }
    assert tag_context("s3:UntagResource", actions, "team", before, None) == {"aws:TagKeys": ["team"]}
    assert tag_context("s3:PutBucketTagging", actions, "team", before, None) == {
        "aws:RequestTag/env": "prod",
        "aws:TagKeys": ["env"],
    }
    assert tag_context("s3:DeleteBucketTagging", actions, "team", before, None) == {}
    assert with_key({"Team": "a", "x": "y"}, "team", "b") == {"x": "y", "team": "b"}


def test_other_abac_keys_stand_at_the_principals_values_so_own_team_grants_count() -> None:
    governance = {
        **GOVERNANCE,
        "rules": [
            {
                "id": "finops",
                "keys": ["cost-center"],
                "writers": [{"principal": "arn:aws:iam::*:role/FinOps"}],
            }
        ],
    }
    own_team_only = doc(
        {
            "Effect": "Allow",
            "Action": "s3:*",
            "Resource": "*",
            "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}},
        }
    )
    accounts = AccountInventory(A, 0.0)
    accounts.principals.append(role("dev", tags={"team": "alpha"}, policies=[own_team_only]))
    accounts.resources.append(bucket("someone-elses", team="beta", **{"cost-center": "100"}))
    compiled = CompiledPolicy(parse_policy_document(governance))
    items = find_writers(build_inputs(Inventory([accounts]), ACTIONS), compiled, ["cost-center", "team"])
    (cost,) = [i for i in items if i.key == "cost-center"]
    assert (
        not cost.authorized and "none->other" in cost.probes
    )  # on alpha's buckets, though the sample is beta's
    (team,) = [i for i in items if i.key == "team"]
    assert team.probes == ("own->other", "own->removed")  # giving a bucket away is a write too


def test_bucket_policies_that_differ_only_in_their_bucket_share_a_class() -> None:
    def tls(name: str) -> dict[str, Any]:
        arn = f"arn:aws:s3:::{name}"
        return doc(
            {
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [arn, f"{arn}/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }
        )

    grant = doc(
        {
            "Effect": "Allow",
            "Principal": {"AWS": f"arn:aws:iam::{B}:role/ci"},
            "Action": "s3:*",
            "Resource": "*",
        }
    )
    buckets = [bucket(f"b{n}", team="alpha") for n in range(5)]
    policies = {buckets[n].arn: tls(f"b{n}") for n in range(3)} | {buckets[3].arn: grant}
    items = scan([role("ops", tags={"team": "beta"}, policies=[ADMIN])], buckets, policies=policies)
    classes = sorted((i.target_class, i.members) for i in items if i.via == "tag_resource")
    # The three TLS-only buckets are one class; the grant to another account changes nothing for
    # ops, so that bucket counts with the one without a policy.
    assert classes == [("s3:bucket", 2), ("s3:bucket", 3)]
