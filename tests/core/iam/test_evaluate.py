"""The evaluation API: decisions, explanations, the request context and the policy set."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.iam import PolicySet, Request, evaluate, parse_policy
from tagwarden.core.iam.principal_arns import PrincipalKind, parse_principal
from tagwarden.core.iam.request import build_context

A = "111111111111"
USER = f"arn:aws:iam::{A}:user/alice"
SESSION = f"arn:aws:sts::{A}:assumed-role/tagger/run-1"
ROLE = f"arn:aws:iam::{A}:role/app-role"


def policy(*statements: dict[str, Any], name: str = "", kind: Any = None) -> Any:
    return parse_policy({"Version": "2012-10-17", "Statement": list(statements)}, name, kind)


def allow(action: str = "*", resource: str = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Allow", "Action": action, "Resource": resource, **extra}


def deny(action: str = "*", resource: str = "*", **extra: Any) -> dict[str, Any]:
    return {"Effect": "Deny", "Action": action, "Resource": resource, **extra}


def request(principal: str = USER, action: str = "iam:TagRole", **extra: Any) -> Request:
    return Request(principal=principal, action=action, resource=ROLE, **extra)


def test_explicit_deny_names_the_policy_and_statement() -> None:
    policies = PolicySet(identity=(policy(allow(), name="admin"), policy(deny(Sid="NoTags"), name="guard")))
    result = evaluate(policies, request())
    assert result.decision == "ExplicitDeny"
    assert 'identity-based policy "guard" statement "NoTags" (#0)' in result.explanation
    assert result.statement is not None
    assert (result.statement.policy, result.statement.allow) == ("guard", False)


def test_allow_names_the_allowing_statement() -> None:
    result = evaluate(
        PolicySet(identity=(policy(deny("ec2:*"), allow("iam:Tag*"), name="tagger"),)), request()
    )
    assert result.decision == "Allow"
    assert 'identity-based policy "tagger" statement #1 allows iam:TagRole' in result.explanation


def test_implicit_deny_names_the_layer_without_an_allow() -> None:
    policies = PolicySet(identity=(policy(allow()),), boundary=policy(allow("ec2:*"), name="b"))
    result = evaluate(policies, request())
    assert result.decision == "ImplicitDeny"
    assert 'permissions boundary "b" does not allow iam:TagRole' in result.explanation
    assert result.statement is None


def test_implied_actions_must_all_be_allowed() -> None:
    context = {"tagwarden:ImpliedActions": ["ec2:CreateTags"]}
    only_tag_api = PolicySet(identity=(policy(allow("tag:TagResources")),))
    both = PolicySet(identity=(policy(allow("tag:TagResources"), allow("ec2:CreateTags")),))
    denied = evaluate(only_tag_api, request(action="tag:TagResources", context=context))
    allowed = evaluate(both, request(action="tag:TagResources", context=context))
    assert (denied.decision, denied.action) == ("ImplicitDeny", "ec2:CreateTags")
    assert denied.explanation.startswith("implied action ec2:CreateTags:")
    assert allowed.decision == "Allow"
    assert "Implied action(s) ec2:CreateTags also allowed." in allowed.explanation


def test_a_session_policy_for_a_user_is_rejected() -> None:
    with pytest.raises(ValueError, match="session policy"):
        evaluate(PolicySet(identity=(policy(allow()),), session=policy(allow())), request())


@pytest.mark.parametrize(
    "principal", ["alice", "arn:aws:iam::111111111111:group/devs", "arn:aws:s3:::bucket"]
)
def test_unsupported_principals_are_rejected(principal: str) -> None:
    with pytest.raises(ValueError, match="unsupported principal"):
        evaluate(PolicySet(), request(principal=principal))


def test_a_role_arn_as_principal_is_a_session_of_that_role() -> None:
    resource_policy = policy({**allow(), "Principal": {"AWS": f"arn:aws:iam::{A}:role/tagger"}})
    policies = PolicySet(resource=resource_policy, boundary=policy(allow("ec2:*")))
    assert evaluate(policies, request(principal=f"arn:aws:iam::{A}:role/tagger")).decision == "ImplicitDeny"
    assert (
        evaluate(
            PolicySet(resource=resource_policy), request(principal=f"arn:aws:iam::{A}:role/tagger")
        ).decision
        == "Allow"
    )


def test_role_principals_match_by_name_whatever_the_path() -> None:
    resource_policy = policy({**allow(), "Principal": {"AWS": f"arn:aws:iam::{A}:role/team/tagger"}})
    assert evaluate(PolicySet(resource=resource_policy), request(principal=SESSION)).decision == "Allow"


def test_service_principals_need_a_resource_policy() -> None:
    grant = policy({**allow("sts:AssumeRole"), "Principal": {"Service": "ec2.amazonaws.com"}})
    assume = Request("ec2.amazonaws.com", "sts:AssumeRole", ROLE)
    assert evaluate(PolicySet(resource=grant), assume).decision == "Allow"
    assert evaluate(PolicySet(), assume).decision == "ImplicitDeny"


def test_resource_policy_required_can_be_forced() -> None:
    policies = PolicySet(identity=(policy(allow()),), resource_policy_required=True)
    assert evaluate(policies, request()).decision == "ImplicitDeny"


def test_service_linked_role_can_be_declared() -> None:
    policies = PolicySet(identity=(policy(allow()),), scps=((policy(deny()),),), service_linked_role=True)
    assert evaluate(policies, request(principal=SESSION)).decision == "Allow"


def test_the_policy_set_is_frozen_into_tuples() -> None:
    identity = [policy(allow())]
    policies = PolicySet(identity=identity, scps=[[policy(allow())]])
    identity.append(policy(deny()))
    assert isinstance(policies.identity, tuple)
    assert evaluate(policies, request()).decision == "Allow"


def test_derived_context_keys() -> None:
    principal = parse_principal(SESSION)
    req = request(
        principal=SESSION,
        principal_tags={"Team": "blue", "env": "prod"},
        session_tags={"team": "red"},
        resource_tags={"Owner": "alice"},
        context={"aws:TagKeys": ["a", "b"], "AWS:SourceIp": "10.0.0.1"},
    )
    context = build_context(req, principal, A)
    assert context["aws:principaltag/team"] == ("red",)
    assert context["aws:principaltag/env"] == ("prod",)
    assert context["aws:resourcetag/owner"] == ("alice",)
    assert context["aws:principalarn"] == (f"arn:aws:iam::{A}:role/tagger",)
    assert context["aws:principaltype"] == ("AssumedRole",)
    assert context["aws:principalaccount"] == (A,)
    assert context["aws:resourceaccount"] == (A,)
    assert context["aws:tagkeys"] == ("a", "b")
    assert context["aws:sourceip"] == ("10.0.0.1",)
    assert "aws:username" not in context


def test_given_context_keys_override_derived_ones() -> None:
    arn = f"arn:aws:iam::{A}:role/team/tagger"
    condition = {"ArnEquals": {"aws:PrincipalArn": arn}}
    policies = PolicySet(identity=(policy(allow(Condition=condition)),))
    assert evaluate(policies, request(principal=SESSION)).decision == "ImplicitDeny"
    assert (
        evaluate(policies, request(principal=SESSION, context={"aws:PrincipalArn": arn})).decision == "Allow"
    )


def test_principal_parsing() -> None:
    assert parse_principal(USER).kind is PrincipalKind.USER
    assert parse_principal(f"arn:aws:iam::{A}:root").kind is PrincipalKind.ROOT
    session = parse_principal(SESSION)
    assert (session.kind, session.name, session.session_name) == (PrincipalKind.SESSION, "tagger", "run-1")
    role = parse_principal(
        f"arn:aws:iam::{A}:role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"
    )
    assert role.looks_service_linked
    assert role.principal_arn.endswith(
        ":role/aws-service-role/support.amazonaws.com/AWSServiceRoleForSupport"
    )


actions = st.sampled_from(
    ["iam:TagRole", "ec2:CreateTags", "s3:PutBucketTagging", "sts:TagSession", "kms:TagResource"]
)
principals = st.sampled_from([USER, SESSION, f"arn:aws:iam::{A}:root", "arn:aws:iam::222222222222:user/bob"])


@given(actions, principals)
def test_a_deny_everything_statement_always_wins(action: str, principal: str) -> None:
    grant = policy({**allow(), "Principal": "*"}, kind="resource")
    policies = PolicySet(identity=(policy(allow()), policy(deny())), resource=grant)
    assert evaluate(policies, Request(principal, action, ROLE)).decision == "ExplicitDeny"


@given(actions, principals)
def test_without_any_allow_nothing_is_allowed_except_to_the_root_user(action: str, principal: str) -> None:
    result = evaluate(
        PolicySet(identity=(policy(deny("nothing:Matches")),)), Request(principal, action, ROLE)
    )
    # The target is a role: sts actions on it need its trust policy, even for the root user.
    root_in_own_account = principal.endswith(f"{A}:root") and not action.startswith("sts:")
    assert (result.decision == "Allow") is root_in_own_account


def test_a_key_given_as_a_list_is_multivalued_and_never_a_policy_variable() -> None:
    # "You cannot use a multivalued context key as a policy variable" (IAM User Guide, single-valued
    # vs. multivalued context keys), even when the request holds one value of it.
    conditioned = allow(Condition={"StringEquals": {"aws:RequestTag/owner": "${aws:TagKeys}"}})
    policies = PolicySet(identity=(policy(conditioned),))
    listed = request(context={"aws:TagKeys": ["team"], "aws:RequestTag/owner": "team"})
    assert evaluate(policies, listed).decision == "ImplicitDeny"
