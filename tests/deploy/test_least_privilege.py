"""deploy/iam: tagwarden can read what it needs and cannot write a single tag.

The documents are evaluated with tagwarden's own IAM engine (tagwarden.core.iam). The tag-writing
actions come from botocore's service models (installed with boto3), so a service AWS adds
tomorrow is covered as soon as botocore knows it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

import botocore.session
import pytest
import yaml

from tagwarden.core.iam import PolicySet, Request, evaluate, parse_policy
from tagwarden.core.iam.documents import Policy
from tests.deploy.support import DEPLOY, KUSTOMIZE_DIR

IAM_DIR = DEPLOY / "iam"
TOOLING_ACCOUNT = "111111111111"
MEMBER_ACCOUNT = "222222222222"
DAEMON_ROLE = f"arn:aws:iam::{TOOLING_ACCOUNT}:role/tagwarden"
DAEMON = f"arn:aws:sts::{TOOLING_ACCOUNT}:assumed-role/tagwarden/botocore-session-1700000000"
MEMBER_ROLE = f"arn:aws:iam::{MEMBER_ACCOUNT}:role/TagwardenReadOnly"
MEMBER = f"arn:aws:sts::{MEMBER_ACCOUNT}:assumed-role/TagwardenReadOnly/tagwarden-inventory"

QUEUE = f"arn:aws:sqs:us-east-1:{TOOLING_ACCOUNT}:tagwarden-cloudtrail"
DEAD_LETTER_QUEUE = f"arn:aws:sqs:us-east-1:{TOOLING_ACCOUNT}:tagwarden-cloudtrail-dlq"
LOG_BUCKET = "arn:aws:s3:::example-org-cloudtrail-logs"
LOG_OBJECT = f"{LOG_BUCKET}/AWSLogs/o-exampleorgid/{MEMBER_ACCOUNT}/CloudTrail/us-east-1/2026/01/31/x.json.gz"
TOPIC = f"arn:aws:sns:us-east-1:{TOOLING_ACCOUNT}:tagwarden-alerts"


def key_arn(account: str) -> str:
    return f"arn:aws:kms:us-east-1:{account}:key/1234abcd-12ab-34cd-56ef-1234567890ab"


# ARNs a tag write could target: tagwarden's own resources and role, a member account's role,
# user, bucket, key and instance, and the organization.
TYPICAL_ARNS = (
    "*",
    DAEMON_ROLE,
    MEMBER_ROLE,
    f"arn:aws:iam::{MEMBER_ACCOUNT}:user/alice",
    f"arn:aws:iam::{MEMBER_ACCOUNT}:policy/TeamAlphaAccess",
    QUEUE,
    DEAD_LETTER_QUEUE,
    TOPIC,
    LOG_BUCKET,
    LOG_OBJECT,
    "arn:aws:s3:::team-beta-data",
    key_arn(TOOLING_ACCOUNT),
    key_arn(MEMBER_ACCOUNT),
    f"arn:aws:ec2:us-east-1:{MEMBER_ACCOUNT}:instance/i-0123456789abcdef0",
    f"arn:aws:organizations::{TOOLING_ACCOUNT}:account/o-exampleorgid/{MEMBER_ACCOUNT}",
    f"arn:aws:cloudtrail:us-east-1:{TOOLING_ACCOUNT}:trail/organization-trail",
)

# The brief's definition of a tag-writing operation...
TAG_WRITE = re.compile(r"^(Tag|Untag|AddTags|RemoveTags|CreateTags|DeleteTags)|^(Put|Delete)\w*Tagging$")
# ...and a wider net: any write verb on tags (route53:ChangeTagsForResource,
# autoscaling:CreateOrUpdateTags, elasticbeanstalk:UpdateTagsForResource...).
TAG_WRITE_WIDE = re.compile(r"^(Add|Change|Create|Delete|Modify|Put|Remove|Replace|Set|Update)\w*Tag")
# Tag-writing IAM actions that are no botocore operation of that name.
EXTRA_TAG_WRITES = (
    "sts:TagSession",
    "iam:TagRole",
    "iam:TagUser",
    "s3:PutObjectVersionTagging",
    "s3:DeleteObjectVersionTagging",
)
# Where a service's IAM action prefix is neither its signingName nor its endpointPrefix.
PREFIX_OVERRIDES = {"tagging": "tag", "monitoring": "cloudwatch"}
# IAM actions that have no botocore operation of the same name.
NOT_AN_OPERATION = {"s3:ListBucket"}

READ_VERBS = ("Get", "List", "Describe", "Lookup")
# The only non-read actions the daemon needs, each for a stated reason (see deploy/iam/README.md).
NON_READ_ALLOWED = {
    "sqs:ReceiveMessage",
    "sqs:DeleteMessage",
    "sqs:ChangeMessageVisibility",
    "sts:AssumeRole",
    "sns:Publish",
}


# --- the documents --------------------------------------------------------------------------


def load(name: str) -> dict[str, Any]:
    document = json.loads((IAM_DIR / name).read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


def daemon_document() -> dict[str, Any]:
    return load("tagwarden-policy.json")


def member_role() -> dict[str, Any]:
    return load("member-account-role.json")


def member_document() -> dict[str, Any]:
    (policy,) = member_role()["Policies"]
    document = policy["PolicyDocument"]
    assert isinstance(document, dict)
    return document


def member_trust() -> Policy:
    return parse_policy(member_role()["AssumeRolePolicyDocument"], "TagwardenReadOnly trust", kind="resource")


def identity(document: dict[str, Any], name: str) -> PolicySet:
    return PolicySet(
        identity=[parse_policy(document, name, kind="identity")],
        boundary=None,
        scps=[],
        rcps=[],
        resource=None,
        session=None,
    )


def everything_for_account(account: str) -> Policy:
    """A resource policy that lets the whole account do anything: the identity side decides."""
    return parse_policy(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
                    "Action": "*",
                    "Resource": "*",
                }
            ],
        },
        f"everything for {account}",
        kind="resource",
    )


def default_key_policy(account: str) -> Policy:
    """KMS's default key policy: the account's IAM policies decide."""
    return parse_policy(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "Enable IAM User Permissions",
                    "Effect": "Allow",
                    "Principal": {"AWS": f"arn:aws:iam::{account}:root"},
                    "Action": "kms:*",
                    "Resource": "*",
                }
            ],
        },
        "default key policy",
        kind="resource",
    )


def with_resource(policies: PolicySet, resource: Policy | None) -> PolicySet:
    return PolicySet(
        identity=policies.identity,
        boundary=None,
        scps=[],
        rcps=[],
        resource=resource,
        session=None,
    )


def decide(policies: PolicySet, principal: str, action: str, resource: str) -> str:
    request = Request(
        principal=principal,
        action=action,
        resource=resource,
        principal_tags={},
        session_tags={},
        resource_tags={"team": "security"},
        context={"aws:PrincipalOrgID": "o-exampleorgid", "aws:SecureTransport": "true"},
    )
    return evaluate(policies, request).decision


def allowed_actions(document: dict[str, Any]) -> list[str]:
    actions: list[str] = []
    for statement in document["Statement"]:
        found = statement["Action"]
        actions.extend([found] if isinstance(found, str) else found)
    return actions


# --- the tag-writing actions, from botocore -------------------------------------------------


@cache
def service_operations() -> dict[str, frozenset[str]]:
    """IAM action prefix -> operation names, over every service botocore ships a model for."""
    session = botocore.session.get_session()
    by_prefix: dict[str, set[str]] = {}
    for service in session.get_available_services():
        model = session.get_service_model(service)
        prefixes = {model.metadata.get("signingName"), model.metadata.get("endpointPrefix")} - {None}
        prefixes |= {PREFIX_OVERRIDES[p] for p in list(prefixes) if p in PREFIX_OVERRIDES}
        for prefix in prefixes:
            by_prefix.setdefault(str(prefix), set()).update(model.operation_names)
    return {prefix: frozenset(names) for prefix, names in by_prefix.items()}


@cache
def tag_writing_actions(*, wide: bool = True) -> tuple[str, ...]:
    actions = set(EXTRA_TAG_WRITES)
    for prefix, operations in service_operations().items():
        for operation in operations:
            if TAG_WRITE.search(operation) or (wide and TAG_WRITE_WIDE.search(operation)):
                actions.add(f"{prefix}:{operation}")
    return tuple(sorted(actions))


def allowed_tag_writes(policies: PolicySet, principal: str, account: str) -> list[str]:
    """Every (action on ARN) among the tag writes that the policies allow, resource policy or not."""
    permissive = with_resource(policies, everything_for_account(account))
    allowed = []
    for action in tag_writing_actions():
        for arn in TYPICAL_ARNS:
            for candidate in (policies, permissive):
                if decide(candidate, principal, action, arn) == "Allow":
                    allowed.append(f"{action} on {arn}")
                    break
    return allowed


def test_botocore_yields_the_known_tag_writers() -> None:
    """The action list is real: it holds the tag writes everyone knows, under their IAM prefixes."""
    narrow = set(tag_writing_actions(wide=False))
    for action in (
        "ec2:CreateTags",
        "ec2:DeleteTags",
        "iam:TagRole",
        "iam:UntagUser",
        "s3:PutBucketTagging",
        "s3:DeleteObjectTagging",
        "tag:TagResources",
        "tag:UntagResources",
        "rds:AddTagsToResource",
        "sqs:TagQueue",
        "kms:TagResource",
        "organizations:TagResource",
        "cloudwatch:TagResource",
        "sts:TagSession",
    ):
        assert action in narrow, action
    wide = set(tag_writing_actions())
    assert {"route53:ChangeTagsForResource", "autoscaling:CreateOrUpdateTags"} <= wide
    assert len(narrow) > 500, "botocore's service models seem to be missing"


# --- nothing writes a tag -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "document", "principal", "account"),
    [
        ("tagwarden-policy.json", daemon_document, DAEMON, TOOLING_ACCOUNT),
        ("member-account-role.json", member_document, MEMBER, MEMBER_ACCOUNT),
    ],
    ids=["daemon", "member-role"],
)
def test_no_tag_write_is_allowed_anywhere(name: str, document: Any, principal: str, account: str) -> None:
    allowed = allowed_tag_writes(identity(document(), name), principal, account)
    assert not allowed, f"{name} allows tag writes: {allowed[:20]}"


def test_the_check_would_catch_a_tag_writing_statement() -> None:
    """Negative control: the same check flags a policy with one tagging statement added."""
    for extra in (
        {"Effect": "Allow", "Action": "tag:TagResources", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:Tag*", "Resource": "arn:aws:iam::*:role/*"},
        {"Effect": "Allow", "Action": "s3:PutBucketTagging", "Resource": LOG_BUCKET},
        {"Effect": "Allow", "Action": "sts:TagSession", "Resource": "*"},
    ):
        document = daemon_document()
        document["Statement"].append(extra)
        assert allowed_tag_writes(identity(document, "widened"), DAEMON, TOOLING_ACCOUNT), extra


def test_the_member_role_trust_lets_nobody_tag_a_session() -> None:
    daemon = with_resource(identity(daemon_document(), "daemon"), member_trust())
    assert decide(daemon, DAEMON, "sts:TagSession", MEMBER_ROLE) != "Allow"
    # Not even a principal whose own policy allows everything.
    anything = identity(
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}, "admin"
    )
    assert decide(with_resource(anything, member_trust()), DAEMON, "sts:TagSession", MEMBER_ROLE) != "Allow"


# --- and reads what it needs ----------------------------------------------------------------

DAEMON_NEEDS = [
    ("iam:GetAccountAuthorizationDetails", "*"),
    ("iam:ListRoles", "*"),
    ("iam:ListUsers", "*"),
    ("iam:GetRole", f"arn:aws:iam::{TOOLING_ACCOUNT}:role/TagAdmin"),
    ("iam:ListRoleTags", f"arn:aws:iam::{TOOLING_ACCOUNT}:role/TagAdmin"),
    ("iam:ListUserTags", f"arn:aws:iam::{TOOLING_ACCOUNT}:user/alice"),
    ("iam:ListInstanceProfiles", "*"),  # compute_identity: which role an instance profile holds
    ("iam:GetInstanceProfile", f"arn:aws:iam::{TOOLING_ACCOUNT}:instance-profile/web"),
    ("ec2:DescribeLaunchTemplates", "*"),  # compute_identity: templates made before tagwarden watched
    ("ec2:DescribeLaunchTemplateVersions", "*"),
    ("iam:GetPolicyVersion", f"arn:aws:iam::{TOOLING_ACCOUNT}:policy/TeamAlphaAccess"),
    ("iam:ListAttachedRolePolicies", f"arn:aws:iam::{TOOLING_ACCOUNT}:role/TagAdmin"),
    ("tag:GetResources", "*"),
    ("organizations:DescribeOrganization", "*"),
    ("organizations:ListAccounts", "*"),
    ("organizations:ListPolicies", "*"),
    ("organizations:ListPoliciesForTarget", "*"),
    ("organizations:DescribePolicy", "*"),
    ("s3:GetBucketPolicy", "arn:aws:s3:::team-beta-data"),
    ("s3:GetBucketTagging", "arn:aws:s3:::team-beta-data"),
    ("cloudtrail:LookupEvents", "*"),
    # control_tamper: what carries CloudTrail here, read at start (app/delivery_path.py)
    ("cloudtrail:DescribeTrails", "*"),
    ("events:ListEventBuses", "*"),
    ("events:ListRuleNamesByTarget", "*"),
    ("events:DescribeRule", f"arn:aws:events:us-east-1:{TOOLING_ACCOUNT}:rule/cloudtrail-to-tagwarden"),
    ("events:ListTargetsByRule", f"arn:aws:events:us-east-1:{TOOLING_ACCOUNT}:rule/cloudtrail-to-tagwarden"),
    ("sns:ListSubscriptionsByTopic", f"arn:aws:sns:us-east-1:{TOOLING_ACCOUNT}:organization-trail"),
    ("sns:ListSubscriptions", "*"),  # the queue's subscriptions: SNS lists them by account and region
    ("sqs:ReceiveMessage", QUEUE),
    ("sqs:DeleteMessage", QUEUE),
    ("sqs:ChangeMessageVisibility", QUEUE),
    ("sqs:GetQueueAttributes", QUEUE),
    ("sqs:GetQueueAttributes", DEAD_LETTER_QUEUE),
    ("s3:GetObject", LOG_OBJECT),
    ("s3:ListBucket", LOG_BUCKET),
    ("sns:Publish", TOPIC),
]
MEMBER_NEEDS = [
    ("iam:GetAccountAuthorizationDetails", "*"),
    ("iam:ListRoles", "*"),
    ("iam:ListRoleTags", f"arn:aws:iam::{MEMBER_ACCOUNT}:role/TeamAlphaDeveloper"),
    ("iam:GetUser", f"arn:aws:iam::{MEMBER_ACCOUNT}:user/alice"),
    ("tag:GetResources", "*"),
    ("s3:GetBucketPolicy", "arn:aws:s3:::team-beta-data"),
    ("s3:GetBucketTagging", "arn:aws:s3:::team-beta-data"),
    ("cloudtrail:LookupEvents", "*"),
]


@pytest.mark.parametrize(("action", "resource"), DAEMON_NEEDS)
def test_the_daemon_can_do_what_it_needs(action: str, resource: str) -> None:
    assert decide(identity(daemon_document(), "daemon"), DAEMON, action, resource) == "Allow"


@pytest.mark.parametrize(("action", "resource"), MEMBER_NEEDS)
def test_the_member_role_can_do_what_inventory_needs(action: str, resource: str) -> None:
    assert decide(identity(member_document(), "member"), MEMBER, action, resource) == "Allow"


@pytest.mark.parametrize("action", ["kms:GetKeyPolicy", "kms:ListResourceTags"])
def test_key_policies_and_key_tags_are_readable_where_the_key_policy_delegates_to_iam(action: str) -> None:
    daemon = with_resource(identity(daemon_document(), "daemon"), default_key_policy(TOOLING_ACCOUNT))
    assert decide(daemon, DAEMON, action, key_arn(TOOLING_ACCOUNT)) == "Allow"
    member = with_resource(identity(member_document(), "member"), default_key_policy(MEMBER_ACCOUNT))
    assert decide(member, MEMBER, action, key_arn(MEMBER_ACCOUNT)) == "Allow"


def test_the_daemon_resolves_its_queues_key_alias_where_the_key_policy_delegates_to_iam() -> None:
    daemon = with_resource(identity(daemon_document(), "daemon"), default_key_policy(TOOLING_ACCOUNT))
    assert decide(daemon, DAEMON, "kms:DescribeKey", key_arn(TOOLING_ACCOUNT)) == "Allow"


def test_the_daemon_assumes_the_member_role_and_nobody_else_does() -> None:
    daemon = with_resource(identity(daemon_document(), "daemon"), member_trust())
    assert decide(daemon, DAEMON, "sts:AssumeRole", MEMBER_ROLE) == "Allow"
    other_session = f"arn:aws:sts::{TOOLING_ACCOUNT}:assumed-role/ci-deployer/build-42"
    anything = identity(
        {
            "Version": "2012-10-17",
            "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*"}],
        },
        "other",
    )
    assert (
        decide(with_resource(anything, member_trust()), other_session, "sts:AssumeRole", MEMBER_ROLE)
        != "Allow"
    )


@pytest.mark.parametrize(
    ("action", "resource"),
    [
        ("sqs:ReceiveMessage", f"arn:aws:sqs:us-east-1:{TOOLING_ACCOUNT}:payments-orders"),
        ("sqs:DeleteMessage", DEAD_LETTER_QUEUE),
        ("sqs:SendMessage", QUEUE),
        ("sqs:PurgeQueue", QUEUE),
        ("s3:GetObject", "arn:aws:s3:::team-beta-data/customers.csv"),
        ("s3:PutObject", LOG_OBJECT),
        ("s3:DeleteObject", LOG_OBJECT),
        ("sts:AssumeRole", f"arn:aws:iam::{MEMBER_ACCOUNT}:role/OrganizationAccountAccessRole"),
        ("sns:Publish", f"arn:aws:sns:us-east-1:{TOOLING_ACCOUNT}:payments-alerts"),
        ("iam:CreateRole", "*"),
        ("iam:PassRole", "*"),
        ("iam:PutRolePolicy", DAEMON_ROLE),
        ("iam:CreateAccessKey", f"arn:aws:iam::{MEMBER_ACCOUNT}:user/alice"),
        ("organizations:CreateAccount", "*"),
        ("organizations:AttachPolicy", "*"),
        ("cloudtrail:StopLogging", "*"),
        ("kms:Decrypt", key_arn(TOOLING_ACCOUNT)),
    ],
)
def test_the_daemon_cannot_reach_beyond_its_resources(action: str, resource: str) -> None:
    # Even where a resource policy would let the whole account in, its own policy says no.
    daemon = identity(daemon_document(), "daemon")
    for policies in (daemon, with_resource(daemon, everything_for_account(TOOLING_ACCOUNT))):
        assert decide(policies, DAEMON, action, resource) != "Allow", (action, resource)


@pytest.mark.parametrize(
    ("action", "resource"),
    [
        ("sts:AssumeRole", "arn:aws:iam::333333333333:role/TagwardenReadOnly"),
        ("organizations:ListAccounts", "*"),
        ("sqs:ReceiveMessage", QUEUE),
        ("iam:CreateRole", "*"),
    ],
)
def test_the_member_role_reads_inventory_only(action: str, resource: str) -> None:
    assert decide(identity(member_document(), "member"), MEMBER, action, resource) != "Allow"


# --- the documents themselves ---------------------------------------------------------------


def statements(document: dict[str, Any]) -> Iterable[dict[str, Any]]:
    yield from document["Statement"]


@pytest.mark.parametrize("document", [daemon_document, member_document], ids=["daemon", "member-role"])
def test_documents_are_plain_allow_lists_of_named_actions(document: Any) -> None:
    doc = document()
    assert doc["Version"] == "2012-10-17"
    sids = [statement["Sid"] for statement in statements(doc)]
    assert len(sids) == len(set(sids)), "every statement has its own Sid"
    for statement in statements(doc):
        assert statement["Effect"] == "Allow"
        assert set(statement) <= {"Sid", "Effect", "Action", "Resource", "Condition"}, statement["Sid"]
    operations = service_operations()
    for action in allowed_actions(doc):
        assert "*" not in action and "?" not in action, f"wildcard action {action}"
        prefix, _, name = action.partition(":")
        assert name.startswith(READ_VERBS) or action in NON_READ_ALLOWED, f"{action} is not a read"
        assert not TAG_WRITE.search(name) and not TAG_WRITE_WIDE.search(name), action
        assert action in NOT_AN_OPERATION or name in operations.get(prefix, ()), f"{action}: no such API"


def test_resources_match_the_daemon_config() -> None:
    config = yaml.safe_load((KUSTOMIZE_DIR / "config" / "tagwarden.yaml").read_text(encoding="utf-8"))
    (source,) = config["sources"]
    match = re.fullmatch(r"https://sqs\.([a-z0-9-]+)\.amazonaws\.com/(\d{12})/([\w-]+)", source["queue_url"])
    assert match, source["queue_url"]
    region, account, name = match.groups()
    assert region == config["aws"]["region"]
    assert f"arn:aws:sqs:{region}:{account}:{name}" == QUEUE
    assert QUEUE in json.dumps(daemon_document())


def test_roles_and_service_account_refer_to_each_other() -> None:
    service_account = yaml.safe_load((KUSTOMIZE_DIR / "serviceaccount.yaml").read_text(encoding="utf-8"))
    role_arn = service_account["metadata"]["annotations"]["eks.amazonaws.com/role-arn"]
    assert role_arn == DAEMON_ROLE
    (trust,) = member_role()["AssumeRolePolicyDocument"]["Statement"]
    assert trust == {
        "Sid": trust["Sid"],
        "Effect": "Allow",
        "Principal": {"AWS": DAEMON_ROLE},
        "Action": "sts:AssumeRole",
    }
    assert member_role()["RoleName"] == MEMBER_ROLE.rsplit("/", 1)[1]
    assert f"role/{member_role()['RoleName']}" in json.dumps(daemon_document())


def test_irsa_trust_policy_admits_only_the_service_account() -> None:
    document = load("tagwarden-trust-policy.json")
    parse_policy(document, "tagwarden trust", kind="resource")
    (statement,) = document["Statement"]
    assert statement["Action"] == "sts:AssumeRoleWithWebIdentity"
    issuer = statement["Principal"]["Federated"].split(":oidc-provider/", 1)[1]
    service_account = yaml.safe_load((KUSTOMIZE_DIR / "serviceaccount.yaml").read_text(encoding="utf-8"))
    name = service_account["metadata"]["name"]
    assert statement["Condition"] == {
        "StringEquals": {
            f"{issuer}:sub": f"system:serviceaccount:tagwarden:{name}",
            f"{issuer}:aud": "sts.amazonaws.com",
        }
    }
