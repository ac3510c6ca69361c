"""Requests written by hand for the guardrails tests, independently of the compiler and its proof.

Each carries the context keys AWS documents for the call (IAM User Guide, "Controlling access
during AWS requests" and the Service Authorization Reference for each action): aws:TagKeys with the
keys a call names, aws:RequestTag/<key> for the values it sets, aws:ResourceTag/<key> for the
target's tags before the call, aws:PrincipalArn, and aws:CalledVia / aws:ViaAWSService when a
service calls with the principal's credentials.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from tagwarden.core.governance import parse_policy_document
from tagwarden.core.guardrails import Guardrails, build_guardrails, default_table, restrict
from tagwarden.core.iam import Evaluation, PolicySet, Request, evaluate, parse_policy

ACCOUNT = "111111111111"
ALLOW_ALL = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
TRUST_ALL = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*", "Resource": "*"}],
}
# One tag-adding action of each of eleven services, a creation and a removal: (action, target).
ADDING = [
    ("s3:TagResource", "arn:aws:s3:::reports"),
    ("ec2:CreateTags", f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0abc"),
    ("iam:TagRole", f"arn:aws:iam::{ACCOUNT}:role/app"),
    ("lambda:TagResource", f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:job"),
    ("sqs:TagQueue", f"arn:aws:sqs:us-east-1:{ACCOUNT}:work"),
    ("rds:AddTagsToResource", f"arn:aws:rds:us-east-1:{ACCOUNT}:db:main"),
    ("kms:TagResource", f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234"),
    ("logs:TagResource", f"arn:aws:logs:us-east-1:{ACCOUNT}:log-group:app"),
    ("dynamodb:TagResource", f"arn:aws:dynamodb:us-east-1:{ACCOUNT}:table/orders"),
    ("sns:TagResource", f"arn:aws:sns:us-east-1:{ACCOUNT}:alerts"),
    ("secretsmanager:TagResource", f"arn:aws:secretsmanager:us-east-1:{ACCOUNT}:secret:db-AbCdEf"),
    ("ecr:TagResource", f"arn:aws:ecr:us-east-1:{ACCOUNT}:repository/app"),
]
REMOVING = [("iam:UntagRole", f"arn:aws:iam::{ACCOUNT}:role/app"), ("ec2:DeleteTags", ADDING[1][1])]
CREATING = [("ec2:RunInstances", f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/*")]
SERVICES = sorted({action.split(":")[0] for action, _ in ADDING + REMOVING + CREATING} | {"sts"})


def compile_policy(document: Mapping[str, Any], services: Sequence[str] = SERVICES) -> Guardrails:
    policy = parse_policy_document({"version": 1, **document})
    return build_guardrails(policy, restrict(default_table(), services))


def role(name: str) -> str:
    return f"arn:aws:iam::{ACCOUNT}:role/{name}"


def tag_call(
    action: str,
    target: str,
    principal_role: str,
    *,
    tags: Mapping[str, str],
    principal_tags: Mapping[str, str] | None = None,
    resource_tags: Mapping[str, str] | None = None,
    via: str | None = None,
    removing: bool = False,
) -> Request:
    context: dict[str, str | list[str]] = {
        "aws:PrincipalArn": role(principal_role),
        "aws:TagKeys": list(tags),
        "aws:ViaAWSService": "true" if via else "false",
    }
    if via in ("cloudformation.amazonaws.com", "athena.amazonaws.com", "kms.amazonaws.com"):
        context["aws:CalledVia"] = [via]
    if not removing:
        context.update({f"aws:RequestTag/{k}": v for k, v in tags.items()})
    return Request(
        principal=f"arn:aws:sts::{ACCOUNT}:assumed-role/{principal_role}/session",
        action=action,
        resource=target,
        principal_tags=dict(principal_tags or {}),
        resource_tags=dict(resource_tags or {}),
        resource_account=ACCOUNT,
        context=context,
    )


def decide(guardrails: Guardrails, request: Request, with_rcps: bool = True) -> Evaluation:
    scps = [parse_policy(ALLOW_ALL, "FullAWSAccess")] + [
        parse_policy(d.document, d.name) for d in guardrails.scps
    ]
    rcps = [parse_policy(d.document, d.name) for d in guardrails.rcps] if with_rcps else []
    # Role trust policies and KMS key policies must allow on their own (IAM User Guide).
    needs_resource_policy = request.action.startswith(("sts:", "kms:"))
    trust = parse_policy(TRUST_ALL, "resource-policy") if needs_resource_policy else None
    policies = PolicySet(
        identity=[parse_policy(ALLOW_ALL, "allow-all")],
        scps=[scps],
        rcps=[rcps] if rcps else [],
        resource=trust,
    )
    return evaluate(policies, request)
