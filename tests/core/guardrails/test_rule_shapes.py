"""Every rule shape compiled, then judged by the IAM engine on hand-written requests: listed writers
allowed, everyone else explicitly denied, ungoverned keys untouched, on actions of eleven services,
a creation, removals and sts:TagSession."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from tagwarden.core.iam import Request
from tests.core.guardrails.calls import (
    ACCOUNT,
    ADDING,
    CREATING,
    REMOVING,
    compile_policy,
    decide,
    role,
    tag_call,
)

EVERY_CALL = ADDING + CREATING
TEAM_RULE: dict[str, Any] = {"id": "team", "keys": ["team"]}


def policy_with(writers: list[dict[str, Any]], **extra: Any) -> dict[str, Any]:
    return {"abac_keys": ["team"], "rules": [{**TEAM_RULE, "writers": writers, **extra}]}


@pytest.fixture(scope="module")
def by_principal() -> Any:
    return compile_policy(policy_with([{"principal": "arn:aws:iam::*:role/TagAdmin"}]))


@pytest.mark.parametrize(("action", "target"), EVERY_CALL)
def test_principal_writer_allowed_others_denied(by_principal: Any, action: str, target: str) -> None:
    admin = tag_call(action, target, "TagAdmin", tags={"team": "alpha"})
    assert decide(by_principal, admin).decision == "Allow"
    dev = tag_call(action, target, "Developer", tags={"team": "alpha"})
    assert decide(by_principal, dev).decision == "ExplicitDeny"
    spelled = tag_call(action, target, "Developer", tags={"TeAm": "alpha"})
    assert decide(by_principal, spelled).decision == "ExplicitDeny"
    ungoverned = tag_call(action, target, "Developer", tags={"cost-center": "123456"})
    assert decide(by_principal, ungoverned).decision == "Allow"


@pytest.mark.parametrize(("action", "target"), [ADDING[1], ADDING[2], REMOVING[0]])
def test_a_listed_writer_under_a_path_is_that_writer(by_principal: Any, action: str, target: str) -> None:
    """aws:PrincipalArn is the role's ARN with its path; tagwarden matches the glob without it too."""
    for arn in (role("admins/TagAdmin"), f"arn:aws:iam::{ACCOUNT}:role/a/b/TagAdmin"):
        call = tag_call(action, target, "TagAdmin", tags={"team": "alpha"}, removing=action in dict(REMOVING))
        pathed = replace(call, context={**call.context, "aws:PrincipalArn": arn})
        assert decide(by_principal, pathed).decision == "Allow"
    impostor = tag_call(action, target, "TagAdmin", tags={"team": "alpha"})
    impostor = replace(impostor, context={**impostor.context, "aws:PrincipalArn": role("admins/NotTagAdmin")})
    assert decide(by_principal, impostor).decision == "ExplicitDeny"


@pytest.mark.parametrize(("action", "target"), REMOVING)
def test_removing_a_governed_key_is_a_write(by_principal: Any, action: str, target: str) -> None:
    dev = tag_call(action, target, "Developer", tags={"team": ""}, removing=True)
    assert decide(by_principal, dev).decision == "ExplicitDeny"
    admin = tag_call(action, target, "TagAdmin", tags={"team": ""}, removing=True)
    assert decide(by_principal, admin).decision == "Allow"
    other = tag_call(action, target, "Developer", tags={"owner": ""}, removing=True)
    assert decide(by_principal, other).decision == "Allow"


def strip_every_tag(caller: str, resource_tags: dict[str, str], named: list[str] | None) -> Request:
    """ec2:DeleteTags with no Tag.N: every user tag of the instance goes (EC2 API Reference)."""
    context: dict[str, str | list[str]] = {"aws:PrincipalArn": role(caller), "aws:ViaAWSService": "false"}
    if named is not None:
        context["aws:TagKeys"] = named
    return Request(
        principal=f"arn:aws:sts::{ACCOUNT}:assumed-role/{caller}/session",
        action="ec2:DeleteTags",
        resource=REMOVING[1][1],
        resource_tags=resource_tags,
        resource_account=ACCOUNT,
        context=context,
    )


@pytest.mark.parametrize("named", [None, []], ids=["no key", "empty key list"])
def test_removing_every_tag_writes_the_governed_keys_the_target_carries(
    by_principal: Any, named: list[str] | None
) -> None:
    carrying = {"team": "alpha", "owner": "x"}
    assert decide(by_principal, strip_every_tag("Developer", carrying, named)).decision == "ExplicitDeny"
    assert decide(by_principal, strip_every_tag("TagAdmin", carrying, named)).decision == "Allow"
    bare = strip_every_tag("Developer", {"owner": "x"}, named)
    assert decide(by_principal, bare).decision == "Allow"


def test_session_tags_on_abac_keys(by_principal: Any) -> None:
    target = "arn:aws:iam::111111111111:role/app"
    dev = tag_call("sts:TagSession", target, "Developer", tags={"team": "alpha"})
    assert decide(by_principal, dev).decision == "ExplicitDeny"
    assert (
        decide(by_principal, tag_call("sts:TagSession", target, "TagAdmin", tags={"team": "a"})).decision
        == "Allow"
    )
    other = tag_call("sts:TagSession", target, "Developer", tags={"project": "x"})
    assert decide(by_principal, other).decision == "Allow"


@pytest.mark.parametrize(("action", "target"), ADDING)
def test_principal_tag_writer(action: str, target: str) -> None:
    guardrails = compile_policy(policy_with([{"principal_tag": {"tag-admin": "true"}}]))
    admin = tag_call(action, target, "Anyone", tags={"team": "a"}, principal_tags={"tag-admin": "true"})
    assert decide(guardrails, admin).decision == "Allow"
    wrong = tag_call(action, target, "Anyone", tags={"team": "a"}, principal_tags={"tag-admin": "false"})
    assert decide(guardrails, wrong).decision == "ExplicitDeny"
    untagged = tag_call(action, target, "Anyone", tags={"team": "a"})
    assert decide(guardrails, untagged).decision == "ExplicitDeny"


@pytest.mark.parametrize(("action", "target"), ADDING)
def test_invoked_by_a_service_that_names_itself_in_called_via(action: str, target: str) -> None:
    guardrails = compile_policy(policy_with([{"invoked_by": "cloudformation.amazonaws.com"}]))
    stack = tag_call(action, target, "Deployer", tags={"team": "a"}, via="cloudformation.amazonaws.com")
    assert decide(guardrails, stack).decision == "Allow"
    direct = tag_call(action, target, "Deployer", tags={"team": "a"})
    assert decide(guardrails, direct).decision == "ExplicitDeny"
    athena = tag_call(action, target, "Deployer", tags={"team": "a"}, via="athena.amazonaws.com")
    assert decide(guardrails, athena).decision == "ExplicitDeny"


def test_invoked_by_other_services_is_an_approximation_said_plainly() -> None:
    guardrails = compile_policy(policy_with([{"invoked_by": "autoscaling.amazonaws.com"}]))
    action, target = ADDING[1]
    via = tag_call(action, target, "Deployer", tags={"team": "a"}, via="autoscaling.amazonaws.com")
    assert decide(guardrails, via).decision == "Allow"
    assert (
        decide(guardrails, tag_call(action, target, "Deployer", tags={"team": "a"})).decision
        == "ExplicitDeny"
    )
    assert any("aws:ViaAWSService" in item.why for item in guardrails.limitations)


def test_invoked_by_other_services_denies_a_call_whose_context_lacks_via_aws_service() -> None:
    """aws:ViaAWSService is documented as present in most requests, not all: a Deny that needs
    it to be "false" would let a call without it through (a missing key fails Bool)."""
    guardrails = compile_policy(policy_with([{"invoked_by": "autoscaling.amazonaws.com"}]))
    action, target = ADDING[1]
    call = tag_call(action, target, "Deployer", tags={"team": "a"})
    bare = replace(call, context={k: v for k, v in call.context.items() if k != "aws:ViaAWSService"})
    assert "aws:ViaAWSService" not in bare.context
    assert decide(guardrails, bare).decision == "ExplicitDeny"


@pytest.mark.parametrize(("action", "target"), [ADDING[1], ADDING[10]])  # EC2 and Secrets Manager
def test_same_as_resource_writer(action: str, target: str) -> None:
    """ec2:CreateTags and secretsmanager:TagResource carry aws:ResourceTag (Service Authorization
    Reference)."""
    guardrails = compile_policy(policy_with([{"same_as_resource": "team"}]))
    mine = tag_call(
        action,
        target,
        "Dev",
        tags={"team": "beta"},
        principal_tags={"team": "alpha"},
        resource_tags={"team": "alpha"},
    )
    assert decide(guardrails, mine).decision == "Allow"
    theirs = tag_call(
        action,
        target,
        "Dev",
        tags={"team": "alpha"},
        principal_tags={"team": "alpha"},
        resource_tags={"team": "beta"},
    )
    assert decide(guardrails, theirs).decision == "ExplicitDeny"
    untagged_actor = tag_call(action, target, "Dev", tags={"team": "alpha"}, resource_tags={"team": "alpha"})
    assert decide(guardrails, untagged_actor).decision == "ExplicitDeny"
    untagged_target = tag_call(
        action, target, "Dev", tags={"team": "alpha"}, principal_tags={"team": "alpha"}
    )
    assert decide(guardrails, untagged_target).decision == "ExplicitDeny"


@pytest.mark.parametrize(("action", "target"), EVERY_CALL)
def test_values_outside_the_allowed_list_are_denied_to_everyone(action: str, target: str) -> None:
    guardrails = compile_policy(
        policy_with([{"principal": "arn:aws:iam::*:role/TagAdmin"}], values={"allowed": ["alpha", "beta"]})
    )
    assert decide(guardrails, tag_call(action, target, "TagAdmin", tags={"team": "beta"})).decision == "Allow"
    outside = tag_call(action, target, "TagAdmin", tags={"team": "omega"})
    assert decide(guardrails, outside).decision == "ExplicitDeny"
    free = tag_call(action, target, "Developer", tags={"owner": "omega"})
    assert decide(guardrails, free).decision == "Allow"
    policies = guardrails.tag_policies[0].document
    assert policies["tags"]["team"]["tag_value"]["@@assign"] == ["alpha", "beta"]


def test_a_writer_entry_is_a_conjunction() -> None:
    writers = [{"principal": "arn:aws:iam::*:role/TagAdmin", "principal_tag": {"approved": "yes"}}]
    guardrails = compile_policy(policy_with(writers))
    action, target = ADDING[2]
    both = tag_call(action, target, "TagAdmin", tags={"team": "a"}, principal_tags={"approved": "yes"})
    assert decide(guardrails, both).decision == "Allow"
    only_role = tag_call(action, target, "TagAdmin", tags={"team": "a"})
    assert decide(guardrails, only_role).decision == "ExplicitDeny"
    only_tag = tag_call(action, target, "Other", tags={"team": "a"}, principal_tags={"approved": "yes"})
    assert decide(guardrails, only_tag).decision == "ExplicitDeny"


def test_nobody_may_write() -> None:
    guardrails = compile_policy(policy_with([]))
    action, target = ADDING[0]
    assert (
        decide(guardrails, tag_call(action, target, "TagAdmin", tags={"team": "a"})).decision
        == "ExplicitDeny"
    )
    assert decide(guardrails, tag_call(action, target, "TagAdmin", tags={"x": "a"})).decision == "Allow"


def test_a_rule_without_writers_restricts_only_values() -> None:
    guardrails = compile_policy(
        {"rules": [{"id": "env", "keys": ["env"], "values": {"allowed": ["prod", "dev"]}}]}
    )
    action, target = ADDING[3]
    assert decide(guardrails, tag_call(action, target, "Anyone", tags={"env": "dev"})).decision == "Allow"
    assert (
        decide(guardrails, tag_call(action, target, "Anyone", tags={"env": "qa"})).decision == "ExplicitDeny"
    )


def test_scoped_rule_leaves_other_accounts_and_resources_alone() -> None:
    rule = {
        **TEAM_RULE,
        "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}],
        "resources": ["arn:aws:s3:::*"],
        "accounts": ["111111111111"],
    }
    guardrails = compile_policy({"rules": [rule]})
    bucket = tag_call("s3:TagResource", "arn:aws:s3:::reports", "Dev", tags={"team": "a"})
    assert decide(guardrails, bucket).decision == "ExplicitDeny"
    queue = tag_call("sqs:TagQueue", ADDING[4][1], "Dev", tags={"team": "a"})
    assert decide(guardrails, queue).decision == "Allow"


def test_a_rule_scoped_to_resources_still_guards_its_session_tags() -> None:
    rule = {**TEAM_RULE, "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}
    guardrails = compile_policy(
        {"abac_keys": ["team"], "rules": [{**rule, "resources": ["arn:aws:ec2:*:*:*"]}]}
    )
    dev = tag_call("sts:TagSession", role("app"), "Developer", tags={"team": "alpha"})
    assert decide(guardrails, dev).decision == "ExplicitDeny"
    assert decide(
        guardrails, tag_call("sts:TagSession", role("app"), "TagAdmin", tags={"team": "a"})
    ).decision == ("Allow")
    assert guardrails.proof.failures == []


def test_glob_keys_match_common_spellings_and_say_what_they_miss() -> None:
    rule = {"id": "access", "keys": ["access-*"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}
    guardrails = compile_policy({"rules": [rule]})
    action, target = ADDING[5]
    for key in ("access-db", "ACCESS-DB", "Access-db"):
        assert decide(guardrails, tag_call(action, target, "Dev", tags={key: "x"})).decision == "ExplicitDeny"
    assert (
        decide(guardrails, tag_call(action, target, "TagAdmin", tags={"access-db": "x"})).decision == "Allow"
    )
    assert any("case-sensitive" in item.why for item in guardrails.limitations)


def test_abac_keys_no_rule_covers_are_never_passed_as_session_tags() -> None:
    guardrails = compile_policy(
        {"abac_keys": ["team", "cost-center"], "rules": [{**TEAM_RULE, "writers": []}]}
    )
    role = "arn:aws:iam::111111111111:role/app"
    orphan = tag_call("sts:TagSession", role, "TagAdmin", tags={"cost-center": "1"})
    assert decide(guardrails, orphan).decision == "ExplicitDeny"
    other = tag_call("sts:TagSession", role, "TagAdmin", tags={"project": "1"})
    assert decide(guardrails, other).decision == "Allow"
    assert guardrails.proof.failures == []


@pytest.mark.parametrize("action", ["sts:TagSession", "iam:TagRole", "iam:CreateRole", "iam:UntagRole"])
def test_only_writers_named_without_tags_hand_out_the_tag_that_makes_a_writer(action: str) -> None:
    admins = [{"principal": "arn:aws:iam::*:role/TagAdmin"}, {"principal_tag": {"tag-admin": "true"}}]
    guardrails = compile_policy(policy_with(admins))
    removing = action == "iam:UntagRole"

    def grant(caller: str, **extra: Any) -> str:
        call = tag_call(
            action, role("Developer"), caller, tags={"tag-admin": "true"}, removing=removing, **extra
        )
        return decide(guardrails, call).decision

    assert grant("Developer") == "ExplicitDeny"
    assert grant("Holder", principal_tags={"tag-admin": "true"}) == "ExplicitDeny"
    assert grant("TagAdmin") == "Allow"
    other = tag_call(action, role("Developer"), "Developer", tags={"project": "x"}, removing=removing)
    assert decide(guardrails, other).decision == "Allow"
    assert guardrails.proof.failures == []


def test_the_key_of_a_same_as_resource_writer_cannot_be_self_granted() -> None:
    rule = {"id": "cost", "keys": ["cost-center"], "writers": [{"same_as_resource": "team"}]}
    guardrails = compile_policy({"rules": [rule]})
    for action in ("iam:TagRole", "sts:TagSession"):
        call = tag_call(action, role("Developer"), "Developer", tags={"team": "alpha"})
        assert decide(guardrails, call).decision == "ExplicitDeny"
    assert guardrails.proof.failures == []


def test_a_writer_key_another_rule_governs_is_granted_by_that_rule_writers() -> None:
    rules = [
        {**TEAM_RULE, "writers": [{"principal_tag": {"tag-admin": "true"}}]},
        {"id": "admins", "keys": ["tag-admin"], "writers": [{"principal": "arn:aws:iam::*:role/Security"}]},
    ]
    guardrails = compile_policy({"rules": rules})
    for action in ("iam:TagRole", "sts:TagSession"):
        dev = tag_call(action, role("Developer"), "Developer", tags={"tag-admin": "true"})
        assert decide(guardrails, dev).decision == "ExplicitDeny"
        security = tag_call(action, role("Developer"), "Security", tags={"tag-admin": "true"})
        assert decide(guardrails, security).decision == "Allow"
    assert guardrails.proof.failures == []
