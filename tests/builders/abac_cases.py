"""One benign and one abusive case for every detector and every rule field.

The same table runs through the processor in-process (tests/app/pipeline/test_abac_cases.py) and through
the real daemon against moto over HTTP (tests/e2e/test_daemon_cases.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.app.inventory import PrincipalRecord, record_principal_inventory

ACCOUNT = "123456789012"  # moto's account, so the e2e daemon reads these principals from IAM
OTHER = "222222222222"

POLICY: dict[str, Any] = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [
        {
            "id": "team-writers",
            "keys": ["team", "access-*"],
            "writers": [
                {"principal": "arn:aws:iam::*:role/TagAdmin"},
                {"invoked_by": "cloudformation.amazonaws.com"},
                {"principal_tag": {"tag-admin": "true"}},
            ],
            "values": {"allowed": ["alpha", "beta", "gamma"]},
            "severity": "critical",
        },
        {
            "id": "cost-center-format",
            "keys": ["cost-center"],
            "values": {"pattern": "^[0-9]{6}$"},
            "severity": "warning",
        },
        {
            "id": "prod-classification",
            "keys": ["classification"],
            "accounts": [ACCOUNT],
            "resources": ["arn:aws:s3:::prod-*"],
            "writers": [{"principal": "arn:aws:iam::*:role/DataSteward"}],
            "severity": "high",
        },
        {
            "id": "project-by-owners",
            "keys": ["project"],
            "writers": [{"same_as_resource": "team"}],
            "severity": "high",
        },
    ],
}

ROLES = {
    "dev-alpha": {"team": "alpha"},
    "dev-beta": {"team": "beta"},
    "TagAdmin": {},
    "DataSteward": {"team": "gamma"},
}
USERS = {"bob": {"team": "beta"}, "carol": {"team": "gamma"}, "tagbot": {"tag-admin": "true"}}
BUCKETS = {
    "alpha-data": {"team": "alpha"},
    "beta-data": {"team": "beta"},
    "shared-reports": {"team": "beta"},
    "beta-archive": {"team": "beta"},
}

ALICE = Caller(ACCOUNT, "dev-alpha", session="alice")
DAVE = Caller(ACCOUNT, "dev-beta", session="dave")
ADMIN = Caller(ACCOUNT, "TagAdmin", session="erin")
STACK = Caller(ACCOUNT, "dev-alpha", session="stack", invoked_by="cloudformation.amazonaws.com")
BOB = Caller(ACCOUNT, "bob")
TAGBOT = Caller(ACCOUNT, "tagbot")
ALICE_ELSEWHERE = Caller(OTHER, "dev-alpha", session="alice")

BUCKET = "arn:aws:s3:::{}"
INSTANCE = f"arn:aws:ec2:us-east-1:{ACCOUNT}:instance/i-0aaaaaaaaaaaaaaa1"
KMS_KEY = f"arn:aws:kms:us-east-1:{ACCOUNT}:key/1234abcd-12ab-34cd-56ef-1234567890ab"


@dataclass(frozen=True)
class Case:
    id: str
    covers: str
    benign: bool
    caller: Caller
    source: str
    name: str
    request: dict[str, Any]
    expected: frozenset[tuple[str, str, str, str]] = frozenset()  # (kind, severity, target, key)
    response: dict[str, Any] | None = None
    error: str | None = None


def _found(*items: tuple[str, str, str, str]) -> frozenset[tuple[str, str, str, str]]:
    return frozenset(items)


def _ec2_tags(instance: str, tags: dict[str, str]) -> dict[str, Any]:
    return {
        "resourcesSet": {"items": [{"resourceId": instance.rsplit("/", 1)[1]}]},
        "tagSet": {"items": tag_list(tags)},
    }


CASES: list[Case] = [
    # writers.principal
    Case(
        "writer-principal-benign",
        "writers.principal",
        True,
        ADMIN,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("new-gamma", {"team": "gamma"}),
    ),
    Case(
        "writer-principal-abusive",
        "writers.principal",
        False,
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("misc-data", {"team": "gamma"}),
        _found(("unauthorized_writer", "critical", BUCKET.format("misc-data"), "team")),
    ),
    # writers.invoked_by
    Case(
        "writer-invoked-by-benign",
        "writers.invoked_by",
        True,
        STACK,
        "ec2.amazonaws.com",
        "CreateTags",
        _ec2_tags(INSTANCE, {"team": "beta"}),
    ),
    Case(
        "writer-invoked-by-abusive",
        "writers.invoked_by",
        False,
        ALICE,
        "ec2.amazonaws.com",
        "CreateTags",
        _ec2_tags(INSTANCE.replace("aaa1", "aaa2"), {"team": "beta"}),
        _found(("unauthorized_writer", "critical", INSTANCE.replace("aaa1", "aaa2"), "team")),
    ),
    # writers.principal_tag
    Case(
        "writer-principal-tag-benign",
        "writers.principal_tag",
        True,
        TAGBOT,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("bot-data", {"team": "beta"}),
    ),
    Case(
        "writer-principal-tag-abusive",
        "writers.principal_tag",
        False,
        BOB,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("bob-data", {"team": "gamma"}),
        _found(("unauthorized_writer", "critical", BUCKET.format("bob-data"), "team")),
    ),
    # writers.same_as_resource
    Case(
        "writer-same-as-resource-benign",
        "writers.same_as_resource",
        True,
        ALICE,
        "tagging.amazonaws.com",
        "TagResources",
        {"resourceARNList": [BUCKET.format("alpha-data")], "tags": {"project": "apollo"}},
    ),
    Case(
        "writer-same-as-resource-abusive",
        "writers.same_as_resource",
        False,
        ALICE,
        "tagging.amazonaws.com",
        "TagResources",
        {"resourceARNList": [BUCKET.format("beta-archive")], "tags": {"project": "apollo"}},
        _found(("unauthorized_writer", "high", BUCKET.format("beta-archive"), "project")),
    ),
    # values.allowed
    Case(
        "values-allowed-benign",
        "values.allowed",
        True,
        ADMIN,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("new-beta", {"team": "beta"}),
    ),
    Case(
        "values-allowed-abusive",
        "values.allowed",
        False,
        ADMIN,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("new-omega", {"team": "omega"}),
        _found(("disallowed_value", "critical", BUCKET.format("new-omega"), "team")),
    ),
    # values.pattern
    Case(
        "values-pattern-benign",
        "values.pattern",
        True,
        BOB,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("cost-ok", {"cost-center": "123456"}),
    ),
    Case(
        "values-pattern-abusive",
        "values.pattern",
        False,
        BOB,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("cost-bad", {"cost-center": "12ab"}),
        _found(("disallowed_value", "warning", BUCKET.format("cost-bad"), "cost-center")),
    ),
    # accounts and resources scopes
    Case(
        "scope-accounts-benign",
        "accounts",
        True,
        ALICE_ELSEWHERE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("prod-elsewhere", {"classification": "public"}),
    ),
    Case(
        "scope-resources-benign",
        "resources",
        True,
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("dev-scratch", {"classification": "public"}),
    ),
    Case(
        "scope-abusive",
        "accounts+resources",
        False,
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("prod-ledger", {"classification": "public"}),
        _found(("unauthorized_writer", "high", BUCKET.format("prod-ledger"), "classification")),
    ),
    # self_grant
    Case(
        "self-grant-benign",
        "self_grant",
        True,
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("alpha-data", {"team": "alpha", "cost-center": "654321"}),
    ),
    Case(
        "self-grant-abusive",
        "self_grant",
        False,
        ALICE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("beta-data", {"team": "alpha"}),
        _found(
            ("unauthorized_writer", "critical", BUCKET.format("beta-data"), "team"),
            ("self_grant", "critical", BUCKET.format("beta-data"), "team"),
        ),
    ),
    # self_retag
    Case(
        "self-retag-benign",
        "self_retag",
        True,
        ALICE,
        "iam.amazonaws.com",
        "TagRole",
        {"roleName": "dev-alpha", "tags": tag_list({"email": "alice@example.com"})},
    ),
    Case(
        "self-retag-abusive",
        "self_retag",
        False,
        ALICE,
        "iam.amazonaws.com",
        "TagRole",
        {"roleName": "dev-alpha", "tags": tag_list({"team": "beta"})},
        _found(
            ("unauthorized_writer", "critical", f"arn:aws:iam::{ACCOUNT}:role/dev-alpha", "team"),
            ("self_retag", "critical", f"arn:aws:iam::{ACCOUNT}:role/dev-alpha", "team"),
        ),
    ),
    # principal_retag
    Case(
        "principal-retag-benign",
        "principal_retag",
        True,
        ADMIN,
        "iam.amazonaws.com",
        "TagUser",
        {"userName": "carol", "tags": tag_list({"team": "alpha"})},
    ),
    Case(
        "principal-retag-abusive",
        "principal_retag",
        False,
        DAVE,
        "iam.amazonaws.com",
        "TagUser",
        {"userName": "carol", "tags": tag_list({"team": "beta"})},
        _found(
            ("unauthorized_writer", "critical", f"arn:aws:iam::{ACCOUNT}:user/carol", "team"),
            ("principal_retag", "high", f"arn:aws:iam::{ACCOUNT}:user/carol", "team"),
        ),
    ),
    # session_tag
    Case(
        "session-tag-benign",
        "session_tag",
        True,
        BOB,
        "sts.amazonaws.com",
        "AssumeRole",
        {
            "roleArn": f"arn:aws:iam::{ACCOUNT}:role/dev-beta",
            "roleSessionName": "bob-mail",
            "tags": tag_list({"email": "bob@example.com"}),
        },
        response={
            "credentials": {"accessKeyId": "ASIABOBMAILSESSION01"},
            "assumedRoleUser": {"arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob-mail"},
        },
    ),
    Case(
        "session-tag-abusive",
        "session_tag",
        False,
        BOB,
        "sts.amazonaws.com",
        "AssumeRole",
        {
            "roleArn": f"arn:aws:iam::{ACCOUNT}:role/dev-beta",
            "roleSessionName": "bob-alpha",
            "tags": tag_list({"team": "alpha"}),
        },
        _found(
            (
                "unauthorized_writer",
                "critical",
                f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob-alpha",
                "team",
            ),
            ("session_tag", "high", f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob-alpha", "team"),
            ("self_retag", "critical", f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob-alpha", "team"),
        ),
        response={
            "credentials": {"accessKeyId": "ASIABOBALPHASESSION1"},
            "assumedRoleUser": {"arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-beta/bob-alpha"},
        },
    ),
    # lockout: a removed ABAC key, and a value nobody holds
    Case(
        "lockout-benign",
        "lockout",
        True,
        DAVE,
        "tagging.amazonaws.com",
        "UntagResources",
        {"resourceARNList": [BUCKET.format("shared-reports")], "tagKeys": ["cost-center"]},
    ),
    Case(
        "lockout-removal-abusive",
        "lockout",
        False,
        DAVE,
        "s3.amazonaws.com",
        "DeleteBucketTagging",
        {"bucketName": "shared-reports"},
        _found(
            ("unauthorized_writer", "critical", BUCKET.format("shared-reports"), "team"),
            ("lockout", "high", BUCKET.format("shared-reports"), "team"),
        ),
    ),
    Case(
        "lockout-value-abusive",
        "lockout",
        False,
        DAVE,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("orphan-data", {"team": "delta"}),
        _found(
            ("unauthorized_writer", "critical", BUCKET.format("orphan-data"), "team"),
            ("disallowed_value", "critical", BUCKET.format("orphan-data"), "team"),
            ("lockout", "high", BUCKET.format("orphan-data"), "team"),
        ),
    ),
    # denied_attempt
    Case(
        "denied-attempt-benign",
        "denied_attempt",
        True,
        ALICE,
        "kms.amazonaws.com",
        "TagResource",
        {"keyId": KMS_KEY, "tags": [{"tagKey": "env", "tagValue": "prod"}]},
        error="AccessDenied",
    ),
    Case(
        "denied-attempt-abusive",
        "denied_attempt",
        False,
        ALICE,
        "kms.amazonaws.com",
        "TagResource",
        {"keyId": KMS_KEY, "tags": [{"tagKey": "team", "tagValue": "alpha"}]},
        _found(("denied_attempt", "warning", KMS_KEY, "team")),
        error="AccessDenied",
    ),
]


@dataclass
class CaseLog:
    """The records of a day: the set-up (buckets tagged by the tag admin) then one record per case."""

    start: datetime = field(default_factory=lambda: datetime.now(tz=UTC) - timedelta(hours=1))
    records: list[dict[str, Any]] = field(default_factory=list)
    event_ids: dict[str, str] = field(default_factory=dict)

    def build(self) -> CaseLog:
        minute = 0
        for bucket, tags in BUCKETS.items():
            self.records.append(
                record(
                    ADMIN,
                    "s3.amazonaws.com",
                    "PutBucketTagging",
                    s3_tagging(bucket, tags),
                    time=self._at(minute),
                )
            )
        for case in CASES:
            minute += 1
            event_id = f"case-{case.id}"
            self.event_ids[case.id] = event_id
            self.records.append(
                record(
                    case.caller,
                    case.source,
                    case.name,
                    case.request,
                    time=self._at(minute),
                    response=case.response,
                    error_code=case.error,
                    event_id=event_id,
                )
            )
        return self

    def _at(self, minute: int) -> str:
        return (self.start + timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ")


def principal_tags() -> dict[str, dict[str, str]]:
    """What IAM says, keyed by principal ARN."""
    tags = {f"arn:aws:iam::{ACCOUNT}:role/{name}": dict(values) for name, values in ROLES.items()}
    tags.update({f"arn:aws:iam::{ACCOUNT}:user/{name}": dict(values) for name, values in USERS.items()})
    return tags


def findings_by_event(findings: list[Any]) -> dict[str, frozenset[tuple[str, str, str, str]]]:
    grouped: dict[str, set[tuple[str, str, str, str]]] = {}
    for f in findings:
        grouped.setdefault(f["event_id"] if isinstance(f, dict) else f.event_id, set()).add(
            (f["kind"], f["severity"], f["target"], f["tag_key"])
            if isinstance(f, dict)
            else (f.kind, f.severity, f.target, f.tag_key)
        )
    return {k: frozenset(v) for k, v in grouped.items()}


def take_inventory(store: Any) -> None:
    """What the daemon's principal inventory would record for the seeded account."""
    inventory = [
        PrincipalRecord(arn, arn.split(":")[5].split("/")[0], tags) for arn, tags in principal_tags().items()
    ]
    record_principal_inventory(store, ACCOUNT, inventory, 0.0)
