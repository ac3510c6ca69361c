"""Parsing policy documents: what AWS accepts, and clear errors naming policy and statement."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest

from tagwarden.core.iam import IamPolicyError, Policy, parse_policy

ALLOW_TAG = {"Effect": "Allow", "Action": "iam:TagRole", "Resource": "*"}


def test_statement_may_be_a_single_object_and_elements_strings() -> None:
    policy = parse_policy({"Version": "2012-10-17", "Statement": ALLOW_TAG}, "single")
    assert policy.name == "single"
    assert len(policy.statements) == 1
    assert policy.statements[0].allow


def test_a_json_string_is_accepted() -> None:
    policy = parse_policy(json.dumps({"Version": "2012-10-17", "Statement": [ALLOW_TAG, ALLOW_TAG]}))
    assert len(policy.statements) == 2


def test_the_policy_id_names_an_unnamed_policy() -> None:
    assert parse_policy({"Id": "my-policy", "Statement": [ALLOW_TAG]}).name == "my-policy"


def test_missing_version_means_2008() -> None:
    assert parse_policy({"Statement": [ALLOW_TAG]}).version == "2008-10-17"


def test_policies_are_immutable() -> None:
    policy = parse_policy({"Statement": [ALLOW_TAG]}, "p")
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.name = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        policy.statements[0].allow = False  # type: ignore[misc]


def test_statements_for_an_action_are_split_into_deny_and_allow() -> None:
    policy = parse_policy(
        {
            "Statement": [
                {"Effect": "Allow", "Action": "iam:Tag*", "Resource": "*"},
                {"Effect": "Deny", "Action": "iam:TagRole", "Resource": "*"},
                {"Effect": "Allow", "Action": "ec2:*", "Resource": "*"},
            ]
        }
    )
    denies, allows = policy.statements_for("iam:tagrole")
    assert [(name, s.index) for name, s in denies] == [("(unnamed)", 1)]
    assert [s.index for _, s in allows] == [0]
    assert policy.statements_for("iam:tagrole") is policy.statements_for("iam:tagrole")


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ("{not json", "not valid JSON"),
        ([1, 2], "must be a JSON object"),
        ({"Statement": [ALLOW_TAG], "Extra": 1}, "unknown element(s) 'Extra'"),
        ({"Version": "2019-01-01", "Statement": [ALLOW_TAG]}, "Version must be"),
        ({"Statement": "x"}, "Statement must be an object or a list"),
        ({"Statement": [ALLOW_TAG, "x"]}, "statement 1: a statement must be a JSON object"),
        (
            {"Statement": [{"Sid": "S", "Effect": "Permit", "Action": "*", "Resource": "*"}]},
            'statement 0 (Sid "S")',
        ),
        ({"Statement": [{"Effect": "Allow", "Resource": "*"}]}, "needs Action or NotAction"),
        ({"Statement": [{**ALLOW_TAG, "NotAction": "x:y"}]}, "Action or NotAction, not both"),
        ({"Statement": [{**ALLOW_TAG, "NotResource": "*"}]}, "Resource or NotResource, not both"),
        ({"Statement": [{**ALLOW_TAG, "Action": "TagRole"}]}, "is not '*' or 'service:action'"),
        ({"Statement": [{**ALLOW_TAG, "Action": []}]}, "Action must not be empty"),
        ({"Statement": [{**ALLOW_TAG, "Resource": "bucket"}]}, "is not '*' or an ARN"),
        ({"Statement": [{**ALLOW_TAG, "Resource": 5}]}, "Resource must be a non-empty string"),
        ({"Statement": [{**ALLOW_TAG, "Condition": {"Bogus": {"k": "v"}}}]}, "unknown condition operator"),
        ({"Statement": [{**ALLOW_TAG, "Colour": "red"}]}, "unknown element(s) 'Colour'"),
        (
            {"Statement": [{**ALLOW_TAG, "Principal": {"AWS": "arn:aws:iam::111111111111:role/*"}}]},
            "wildcards are not allowed",
        ),
        ({"Statement": [{**ALLOW_TAG, "Principal": {"Group": "x"}}]}, "unknown principal type"),
        ({"Statement": [{**ALLOW_TAG, "Principal": "everyone"}]}, 'must be "*" or an object'),
        (
            {
                "Version": "2012-10-17",
                "Statement": [{**ALLOW_TAG, "Condition": {"StringEquals": {"k": "${a, b}"}}}],
            },
            "malformed policy variable",
        ),
    ],
)
def test_invalid_documents_name_the_policy_and_statement(document: Any, message: str) -> None:
    with pytest.raises(IamPolicyError) as raised:
        parse_policy(document, "the-policy")
    assert message in str(raised.value)
    assert "the-policy" in str(raised.value)


@pytest.mark.parametrize(
    ("kind", "statement", "message"),
    [
        ("identity", {**ALLOW_TAG, "Principal": "*"}, "Principal is not allowed in a identity policy"),
        ("scp", {**ALLOW_TAG, "Principal": "*"}, "Principal is not allowed in a scp policy"),
        ("identity", {"Effect": "Allow", "Action": "*"}, "needs Resource or NotResource"),
        ("resource", ALLOW_TAG, "needs Principal or NotPrincipal"),
        ("rcp", {**ALLOW_TAG, "Principal": {"AWS": "111111111111"}}, 'takes "Principal": "*"'),
    ],
)
def test_placement_rules(kind: Any, statement: dict[str, Any], message: str) -> None:
    with pytest.raises(IamPolicyError, match=message.replace("(", r"\(")):
        parse_policy({"Statement": [statement]}, "p", kind)


def test_resource_policies_may_omit_resource() -> None:
    policy: Policy = parse_policy(
        {
            "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": "111111111111"}, "Action": "sts:AssumeRole"}
            ]
        },
        "trust",
        "resource",
    )
    assert policy.statements[0].resources is None
