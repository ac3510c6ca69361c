"""Principals from GetAccountAuthorizationDetails pages: roles and users through one builder.

Shapes: IAM API Reference, GetAccountAuthorizationDetails (RoleDetail, UserDetail, GroupDetail,
ManagedPolicyDetail); IAM returns policy documents URL-encoded.
"""

from __future__ import annotations

import json
import urllib.parse

from tagwarden.core.inventory.principal_details import principals_from_details

ACCOUNT = "111111111111"


def _policy(action: str) -> dict[str, object]:
    return {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": action, "Resource": "*"}]}


def _encoded(document: dict[str, object]) -> str:
    return urllib.parse.quote(json.dumps(document))


MANAGED = f"arn:aws:iam::{ACCOUNT}:policy/tagger"
BOUNDARY = f"arn:aws:iam::{ACCOUNT}:policy/bound"
TRUST = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": ACCOUNT}, "Action": "sts:AssumeRole"}],
}
PAGE = {
    "RoleDetailList": [
        {
            "RoleName": "dev",
            "Arn": f"arn:aws:iam::{ACCOUNT}:role/dev",
            "Tags": [{"Key": "team", "Value": "alpha"}],
            "AssumeRolePolicyDocument": _encoded(TRUST),
            "RolePolicyList": [
                {"PolicyName": "inline", "PolicyDocument": _encoded(_policy("s3:PutBucketTagging"))}
            ],
            "AttachedManagedPolicies": [
                {"PolicyArn": MANAGED},
                {"PolicyArn": f"arn:aws:iam::{ACCOUNT}:policy/gone"},
            ],
            "PermissionsBoundary": {"PermissionsBoundaryArn": BOUNDARY},
        }
    ],
    "UserDetailList": [
        {
            "UserName": "bob",
            "Arn": f"arn:aws:iam::{ACCOUNT}:user/bob",
            "Tags": [{"Key": "team", "Value": "beta"}],
            "UserPolicyList": [{"PolicyName": "own", "PolicyDocument": _encoded(_policy("iam:TagUser"))}],
            "GroupList": ["admins", "not-returned"],
        }
    ],
    "GroupDetailList": [
        {
            "GroupName": "admins",
            "GroupPolicyList": [
                {"PolicyName": "group-inline", "PolicyDocument": _encoded(_policy("iam:TagRole"))}
            ],
            "AttachedManagedPolicies": [{"PolicyArn": MANAGED}],
        }
    ],
    "Policies": [
        {
            "Arn": arn,
            "DefaultVersionId": "v1",
            "PolicyVersionList": [
                {"VersionId": "v1", "IsDefaultVersion": True, "Document": _encoded(_policy(action))}
            ],
        }
        for arn, action in ((MANAGED, "ec2:CreateTags"), (BOUNDARY, "ec2:*"))
    ],
}


def test_a_role_carries_inline_attached_boundary_and_trust_policies() -> None:
    role, _user = principals_from_details([PAGE])
    assert (role.kind, role.tags, role.account) == ("role", {"team": "alpha"}, ACCOUNT)
    assert [p.name for p in role.policies] == ["role/dev inline inline", MANAGED]
    assert role.policies[1].document == _policy("ec2:CreateTags")
    assert role.boundary is not None and role.boundary.document == _policy("ec2:*")
    assert role.trust_policy is not None and role.trust_policy.document == TRUST
    assert role.unresolved == (f"arn:aws:iam::{ACCOUNT}:policy/gone",)


def test_a_user_carries_its_own_and_its_groups_policies_and_no_trust_policy() -> None:
    _role, user = principals_from_details([PAGE])
    assert (user.kind, user.tags, user.account) == ("user", {"team": "beta"}, ACCOUNT)
    assert [p.name for p in user.policies] == [
        "user/bob inline own",
        "group/admins inline group-inline",
        MANAGED,
    ]
    assert (user.boundary, user.trust_policy, user.unresolved) == (None, None, ())
