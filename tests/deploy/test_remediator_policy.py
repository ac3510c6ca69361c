"""deploy/iam/tagwarden-remediator-policy.json allows the tag actions of the services tagwarden
reverts (S3 buckets, IAM roles and users, EC2) and nothing else: every action of every service in
the Service Authorization Reference table (tagwarden/core/guardrails/iam_actions.json) is evaluated
with tagwarden's IAM engine."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tagwarden.core.guardrails import default_table
from tagwarden.core.iam import PolicySet, Request, evaluate, parse_policy
from tests.deploy.support import DEPLOY

IAM_DIR = DEPLOY / "iam"
ACCOUNT = "222222222222"
REMEDIATOR = f"arn:aws:sts::{ACCOUNT}:assumed-role/tagwarden-remediator/tagwarden-revert"
TARGETS = (
    "*",
    "arn:aws:s3:::team-alpha-data",
    f"arn:aws:iam::{ACCOUNT}:role/app",
    f"arn:aws:iam::{ACCOUNT}:user/alice",
    f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0123456789abcdef0",
    f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234",
    f"arn:aws:sqs:us-east-1:{ACCOUNT}:queue",
)
REVERTS = {
    "s3:GetBucketTagging",
    "s3:PutBucketTagging",
    "iam:ListRoleTags",
    "iam:TagRole",
    "iam:UntagRole",
    "iam:ListUserTags",
    "iam:TagUser",
    "iam:UntagUser",
    "ec2:DescribeTags",
    "ec2:CreateTags",
    "ec2:DeleteTags",
    "ec2:DescribeKeyPairs",  # key pairs and placement groups: their ARN names them, tags take the id
    "ec2:DescribePlacementGroups",
}


def policies() -> PolicySet:
    document: Any = json.loads((IAM_DIR / "tagwarden-remediator-policy.json").read_text())
    return PolicySet(identity=[parse_policy(document, "tagwarden-remediator", kind="identity")])


def every_action() -> list[str]:
    table = default_table()
    return sorted(f"{prefix}:{name}" for prefix, names in table.service_actions.items() for name in names)


def test_allows_exactly_the_tag_actions_it_reverts_with() -> None:
    stack = policies()
    allowed = set()
    actions = every_action()
    assert len(actions) > 15000
    for action in actions:
        for target in TARGETS:
            request = Request(REMEDIATOR, action, target, resource_account=ACCOUNT)
            if evaluate(stack, request).decision == "Allow":
                allowed.add(action)
    assert allowed == REVERTS


@pytest.mark.parametrize("action", ["iam:TagRole", "iam:UntagRole"])
@pytest.mark.parametrize("role", ["tagwarden-remediator", "tagwarden"])
def test_never_retags_itself_nor_the_daemon(action: str, role: str) -> None:
    request = Request(REMEDIATOR, action, f"arn:aws:iam::{ACCOUNT}:role/{role}", resource_account=ACCOUNT)
    assert evaluate(policies(), request).decision == "ExplicitDeny"


def test_only_the_daemon_may_assume_it() -> None:
    trust: Any = json.loads((IAM_DIR / "tagwarden-remediator-trust-policy.json").read_text())
    role = f"arn:aws:iam::{ACCOUNT}:role/tagwarden-remediator"
    allow_all = parse_policy(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    )
    stack = PolicySet(identity=[allow_all], resource=parse_policy(trust, "trust", kind="resource"))
    daemon = "arn:aws:sts::111111111111:assumed-role/tagwarden/s"
    other = "arn:aws:sts::111111111111:assumed-role/Developer/s"
    assert evaluate(stack, Request(daemon, "sts:AssumeRole", role)).decision == "Allow"
    assert evaluate(stack, Request(other, "sts:AssumeRole", role)).decision != "Allow"
