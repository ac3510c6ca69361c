"""Two accounts on moto with principals, resources and policies that show every kind of drift and
both authorized and excess writers of the ABAC key ``team``.

Account A (moto's own, 123456789012) is where tagwarden runs; account B (222222222222) is
reached by assuming TagwardenReadOnly, which moto grants into any account.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import boto3
import yaml

A = "123456789012"
B = "222222222222"
FAILING = "333333333333"

GOVERNANCE: dict[str, Any] = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [
        {
            "id": "team-writers",
            "keys": ["team"],
            "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}],
            "values": {"allowed": ["alpha", "beta", "gamma", "delta"]},
            "severity": "critical",
        }
    ],
}


def document(*statements: dict[str, Any]) -> str:
    return json.dumps({"Version": "2012-10-17", "Statement": list(statements)})


ADMIN = document({"Effect": "Allow", "Action": "*", "Resource": "*"})
ABAC = document(
    {
        "Effect": "Allow",
        "Action": ["s3:PutBucketTagging", "s3:GetObject"],
        "Resource": "*",
        "Condition": {
            "StringEquals": {
                "aws:ResourceTag/team": "${aws:PrincipalTag/team}",
                "aws:RequestTag/team": "${aws:PrincipalTag/team}",
            }
        },
    }
)
BUCKET_TAGGER = document({"Effect": "Allow", "Action": "s3:PutBucketTagging", "Resource": "*"})
# In B, only the tag administrators may write bucket tags at all.
NO_BUCKET_TAGGING = {
    "Version": "2012-10-17",
    "Statement": [
        {
            "Effect": "Deny",
            "Action": ["s3:PutBucketTagging", "s3:TagResource", "s3:UntagResource", "s3:DeleteBucketTagging"],
            "Resource": "*",
            "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/TagAdmin"}},
        }
    ],
}
FULL_ACCESS = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

A_BUCKETS = {
    "alpha-data": {"team": "alpha"},
    "beta-data": {"team": "beta"},
    "beta-logs": {"team": "Beta"},  # beta spelled differently
    "gamma-data": {"team": "gamma"},  # nobody holds gamma
    "omega-data": {"team": "omega"},  # nobody holds omega, and the policy does not allow it
    "no-team": {"env": "prod"},  # the ABAC key is missing
    "doubled": {"team": "alpha", "Team": "alpha"},  # two keys that differ only in case
    "drifting": {"team": "alpha"},  # changed later with no event
    "explained": {"team": "alpha"},  # changed later, and the event is received
}


def trust(account: str, *actions: str) -> str:
    principal = {"AWS": f"arn:aws:iam::{account}:root"}
    return document({"Effect": "Allow", "Principal": principal, "Action": list(actions) or "sts:AssumeRole"})


def session_in(account: str) -> boto3.session.Session:
    if account == A:
        return boto3.session.Session(region_name="us-east-1")
    credentials = boto3.client("sts").assume_role(
        RoleArn=f"arn:aws:iam::{account}:role/TagwardenReadOnly", RoleSessionName="seed"
    )["Credentials"]
    return boto3.session.Session(
        aws_access_key_id=credentials["AccessKeyId"],
        aws_secret_access_key=credentials["SecretAccessKey"],
        aws_session_token=credentials["SessionToken"],
        region_name="us-east-1",
    )


def _role(iam: Any, name: str, account: str, tags: dict[str, str], policy: str | None, **kwargs: str) -> None:
    iam.create_role(
        RoleName=name,
        AssumeRolePolicyDocument=kwargs.get("trust_policy", trust(account)),
        Tags=[{"Key": k, "Value": v} for k, v in tags.items()],
    )
    if policy is not None:
        iam.put_role_policy(RoleName=name, PolicyName=f"{name}-policy", PolicyDocument=policy)


def _bucket(s3: Any, name: str, tags: dict[str, str]) -> None:
    s3.create_bucket(Bucket=name)
    s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]})


def seed() -> None:
    a = session_in(A)
    iam = a.client("iam")
    _role(iam, "dev-alpha", A, {"team": "alpha"}, ABAC)
    _role(iam, "dev-beta", A, {"team": "beta"}, BUCKET_TAGGER)
    _role(iam, "dev-delta", A, {"team": "delta"}, None)
    _role(iam, "TagAdmin", A, {}, ADMIN)
    s3 = a.client("s3")
    for name, tags in A_BUCKETS.items():
        _bucket(s3, name, tags)

    b = session_in(B)
    iam = b.client("iam")
    _role(iam, "TagAdmin", B, {}, ADMIN)
    _role(iam, "ci-deployer", B, {"team": "beta"}, ADMIN)
    _role(
        iam,
        "session-target",
        B,
        {"team": "alpha"},
        None,
        trust_policy=trust(B, "sts:AssumeRole", "sts:TagSession"),
    )
    s3 = b.client("s3")
    _bucket(s3, "b-shared", {"team": "beta"})
    grant = {
        "Effect": "Allow",
        "Principal": {"AWS": f"arn:aws:iam::{A}:role/dev-beta"},
        "Action": "s3:PutBucketTagging",
        "Resource": "arn:aws:s3:::b-shared",
    }
    s3.put_bucket_policy(Bucket="b-shared", Policy=document(grant))
    b.client("kms", region_name="eu-west-1").create_key(Tags=[{"TagKey": "team", "TagValue": "alpha"}])


def retag(account: str, bucket: str, tags: dict[str, str]) -> None:
    s3 = session_in(account).client("s3")
    s3.put_bucket_tagging(
        Bucket=bucket, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]}
    )


def write_config(directory: Path, accounts: list[str], **inventory: Any) -> Path:
    (directory / "full.json").write_text(json.dumps(FULL_ACCESS))
    (directory / "no-bucket-tagging.json").write_text(json.dumps(NO_BUCKET_TAGGING))
    config = {
        "policy": GOVERNANCE,
        "store": {"url": f"sqlite:///{directory / 'state.db'}"},
        "aws": {"region": "us-east-1", "max_attempts": 2, "principal_inventory_interval_seconds": 0},
        "logging": {"format": "json", "level": "warning"},
        "inventory": {
            "regions": ["us-east-1", "eu-west-1"],
            "accounts": [{"id": account} for account in accounts],
            "unattributed_grace_seconds": 0,
            "organization": {
                "source": "files",
                "management_account": A,
                "accounts": [
                    {"account": B, "scps": [["full.json"], ["full.json", "no-bucket-tagging.json"]]}
                ],
            },
            **inventory,
        },
    }
    path = directory / "tagwarden.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


# What the scans report on this scenario.
EXPECTED_DRIFT = [
    ("case_conflict", None, "arn:aws:s3:::doubled"),
    ("case_conflict", "Beta", "arn:aws:s3:::beta-logs"),
    ("disallowed_value", "Beta", "arn:aws:s3:::beta-logs"),
    ("disallowed_value", "omega", "arn:aws:s3:::omega-data"),
    ("missing_key", None, "arn:aws:s3:::no-team"),
    ("orphan_value", "gamma", "arn:aws:s3:::gamma-data"),
    ("orphan_value", "omega", "arn:aws:s3:::omega-data"),
    ("unused_principal_value", "delta", f"arn:aws:iam::{A}:role/dev-delta"),
]
EXPECTED_WRITERS = {
    # (principal, via, class, resource account, authorized)
    (f"arn:aws:iam::{A}:role/dev-beta", "tag_resource", "s3:bucket", A, False),
    (f"arn:aws:iam::{A}:role/dev-beta", "tag_resource", "s3:bucket", B, False),  # b-shared's bucket policy
    (f"arn:aws:iam::{A}:role/TagAdmin", "retag_principal", "iam:role", A, True),
    (f"arn:aws:iam::{A}:role/TagAdmin", "retag_principal", "iam:role (itself)", A, True),
    (f"arn:aws:iam::{A}:role/TagAdmin", "tag_resource", "s3:bucket", A, True),
    (f"arn:aws:iam::{B}:role/TagAdmin", "retag_principal", "iam:role", B, True),
    (f"arn:aws:iam::{B}:role/TagAdmin", "retag_principal", "iam:role (itself)", B, True),
    (f"arn:aws:iam::{B}:role/TagAdmin", "session_tag", "sts:session", B, True),
    (f"arn:aws:iam::{B}:role/TagAdmin", "tag_resource", "kms:key", B, True),
    (f"arn:aws:iam::{B}:role/TagAdmin", "tag_resource", "s3:bucket", B, True),
    # ci-deployer is an admin, but B's SCP keeps it off bucket tags.
    (f"arn:aws:iam::{B}:role/ci-deployer", "retag_principal", "iam:role", B, False),
    (f"arn:aws:iam::{B}:role/ci-deployer", "retag_principal", "iam:role (itself)", B, False),
    (f"arn:aws:iam::{B}:role/ci-deployer", "session_tag", "sts:session", B, False),
    (f"arn:aws:iam::{B}:role/ci-deployer", "tag_resource", "kms:key", B, False),
}
