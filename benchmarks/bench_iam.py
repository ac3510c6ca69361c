"""Benchmark: one IAM evaluation against 20 policies of 10 statements each (target: < 50 us).

Run as a script for a report::

    python benchmarks/bench_iam.py

or with pytest-benchmark (the project's pytest options disable benchmarks by default)::

    pytest benchmarks/bench_iam.py --benchmark-enable -p no:cacheprovider

The 20 policies: 15 identity-based policies, a permissions boundary, 3 SCP levels and a
session policy; 10 statements each, mixing exact and wildcard actions, ARN patterns, policy
variables, tag conditions, set operators, IP and Bool conditions and Deny statements (20 of which
apply to the benchmark's iam:TagRole request). "Warm" is the steady state of an inventory run
(each policy already saw the action); "cold" clears every per-policy cache before each
evaluation; "varied" cycles through 60 actions; "stress" makes every Deny apply to every action.
"""

from __future__ import annotations

import statistics
import sys
import timeit
from collections.abc import Callable
from typing import Any

from tagwarden.core.iam import Policy, PolicySet, Request, evaluate, parse_policy

ACCOUNT = "111111111111"
ACTIONS = [
    "iam:TagRole",
    "iam:UntagRole",
    "iam:TagUser",
    "ec2:CreateTags",
    "ec2:DeleteTags",
    "s3:PutBucketTagging",
    "s3:GetObject",
    "s3:PutObject",
    "ec2:DescribeInstances",
    "iam:ListRoles",
    "sts:AssumeRole",
    "kms:Decrypt",
]


def _statement(policy: int, index: int, stress: bool) -> dict[str, Any]:
    team = f"team-{policy % 7}"
    shapes: list[dict[str, Any]] = [
        {"Action": ["iam:TagRole", "iam:UntagRole"], "Resource": f"arn:aws:iam::{ACCOUNT}:role/{team}-*"},
        {"Action": "ec2:Describe*", "Resource": "*"},
        {"Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::home/${aws:username}/*"},
        {
            "Action": "iam:Tag*",
            "Resource": "*",
            "Condition": {
                "StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"},
                "ForAllValues:StringEquals": {"aws:TagKeys": ["team", "cost-center", "owner"]},
            },
        },
        {
            "Action": ["ec2:CreateTags", "ec2:DeleteTags"],
            "Resource": f"arn:aws:ec2:*:{ACCOUNT}:instance/*",
            "Condition": {"StringLike": {"aws:RequestTag/env": ["dev*", "stage*"]}},
        },
        {"Action": ["kms:Decrypt", "kms:Encrypt"], "Resource": f"arn:aws:kms:us-east-1:{ACCOUNT}:key/*"},
        {
            "Action": "s3:*Tagging",
            "Resource": [f"arn:aws:s3:::{team}-data", f"arn:aws:s3:::{team}-data/*"],
            "Condition": {"IpAddress": {"aws:SourceIp": ["10.0.0.0/8", "192.0.2.0/24"]}},
        },
        {"Action": ["iam:List*", "iam:Get*"], "Resource": "*"},
        {
            "Effect": "Deny",
            "Action": ["iam:TagRole", "iam:TagUser", "ec2:CreateTags"],
            "Resource": "*",
            "Condition": {"ForAnyValue:StringLike": {"aws:TagKeys": ["governance:*", "aws:*"]}},
        },
        {
            # The IAM User Guide's Bool example: deny S3 without TLS.
            "Effect": "Deny",
            "Action": "s3:*",
            "Resource": "*",
            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
        },
    ]
    statement = dict(shapes[(policy + index) % len(shapes)])
    statement.setdefault("Effect", "Allow")
    if stress and statement["Effect"] == "Deny":
        statement["Action"] = "*"
    statement["Sid"] = f"P{policy}S{index}"
    return statement


def build_policies(stress: bool = False) -> PolicySet:
    """With ``stress`` every Deny statement applies to every action (40 Deny checks per request)."""

    def policy(number: int, kind: Any) -> Policy:
        document = {
            "Version": "2012-10-17",
            "Statement": [_statement(number, index, stress) for index in range(10)],
        }
        return parse_policy(document, f"policy-{number}", kind)

    def allow_all(number: int, kind: Any) -> Policy:
        # Guardrail-style policies: one broad Allow plus nine targeted statements.
        document = {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]
            + [_statement(number, index, stress) for index in range(9)],
        }
        return parse_policy(document, f"policy-{number}", kind)

    return PolicySet(
        identity=tuple(policy(n, "identity") for n in range(15)),
        boundary=allow_all(15, "boundary"),
        scps=tuple((allow_all(n, "scp"),) for n in (16, 17, 18)),
        session=allow_all(19, "session"),
    )


def build_request(action: str = "iam:TagRole") -> Request:
    return Request(
        principal=f"arn:aws:sts::{ACCOUNT}:assumed-role/team-3-dev/alice",
        action=action,
        resource=f"arn:aws:iam::{ACCOUNT}:role/team-3-app",
        principal_tags={"team": "team-3"},
        session_tags={"env": "dev"},
        resource_tags={"team": "team-3", "owner": "alice"},
        context={
            "aws:RequestTag/team": "team-3",
            "aws:TagKeys": ["team"],
            "aws:SourceIp": "10.1.2.3",
            "aws:SecureTransport": "true",
        },
    )


def _all_policies(policies: PolicySet) -> list[Policy]:
    found = list(policies.identity) + [p for level in policies.scps for p in level]
    found += [p for p in (policies.boundary, policies.session) if p is not None]
    return found


def clear_caches(policies: PolicySet) -> None:
    """Forget every policy's per-action statement index."""
    for policy in _all_policies(policies):
        policy._by_action.clear()


def _scenarios() -> dict[str, Callable[[], object]]:
    policies = build_policies()
    stressed = build_policies(stress=True)
    request = build_request()
    varied = [build_request(f"{ACTIONS[i % len(ACTIONS)].split(':')[0]}:Action{i}") for i in range(48)]
    varied += [build_request(action) for action in ACTIONS]
    counter = iter(range(10**12))

    def warm() -> object:
        return evaluate(policies, request)

    def cold() -> object:
        clear_caches(policies)
        return evaluate(policies, request)

    def cycling() -> object:
        return evaluate(policies, varied[next(counter) % len(varied)])

    def stress() -> object:
        return evaluate(stressed, request)

    return {
        "warm": warm,
        "cold (caches cleared each time)": cold,
        "varied (60 actions, warm)": cycling,
        "stress (40 applicable Denies, warm)": stress,
    }


def main() -> int:
    policies = build_policies()
    print(f"decision for the benchmark request: {evaluate(policies, build_request()).decision}")
    for name, function in _scenarios().items():
        function()
        number = 2000
        runs = timeit.repeat(function, number=number, repeat=7)
        per_call = [run / number * 1e6 for run in runs]
        print(f"{name:34} best {min(per_call):7.2f} us   median {statistics.median(per_call):7.2f} us")
    return 0


def test_evaluate_warm(benchmark: Any) -> None:
    assert benchmark(_scenarios()["warm"]) is not None


def test_evaluate_cold(benchmark: Any) -> None:
    assert benchmark(_scenarios()["cold (caches cleared each time)"]) is not None


def test_evaluate_varied_actions(benchmark: Any) -> None:
    assert benchmark(_scenarios()["varied (60 actions, warm)"]) is not None


def test_evaluate_stress(benchmark: Any) -> None:
    assert benchmark(_scenarios()["stress (40 applicable Denies, warm)"]) is not None


if __name__ == "__main__":
    sys.exit(main())
