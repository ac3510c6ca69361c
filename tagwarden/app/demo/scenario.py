"""The demo's story: an account using ABAC on a team tag, a day of tag changes, some of them abuse."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list

POLICY: dict[str, Any] = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [
        {
            "id": "abac-keys-by-tag-admins",
            "description": "Only the tag administrators and CloudFormation write ABAC keys",
            "keys": ["team", "access-*"],
            "writers": [
                {"principal": "arn:aws:iam::*:role/TagAdmin"},
                {"invoked_by": "cloudformation.amazonaws.com"},
            ],
            "values": {"allowed": ["alpha", "beta", "gamma"]},
            "severity": "critical",
        },
        {
            "id": "cost-center-format",
            "description": "cost-center is a six-digit code",
            "keys": ["cost-center"],
            "values": {"pattern": "^[0-9]{6}$"},
            "severity": "warning",
        },
    ],
}

ROLES = {"dev-alpha": {"team": "alpha"}, "dev-beta": {"team": "beta"}, "TagAdmin": {"tag-admin": "true"}}
USERS = {"bob": {"team": "beta"}, "carol": {"team": "gamma"}}
BUCKETS = {"alpha-data": {"team": "alpha"}, "beta-data": {"team": "beta"}, "shared-reports": {"team": "beta"}}


@dataclass(slots=True)
class Scenario:
    account: str
    start: datetime = field(default_factory=lambda: datetime.now(tz=UTC) - timedelta(minutes=30))
    records: list[dict[str, Any]] = field(default_factory=list)
    expected: list[tuple[str, str]] = field(default_factory=list)  # (kind, what) the demo should report

    def _at(self, minutes: int) -> str:
        return (self.start + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def build(self, instance_id: str = "i-0123456789abcdef0") -> Scenario:
        a = self.account
        alice = Caller(a, "dev-alpha", session="alice")
        beta_dev = Caller(a, "dev-beta", session="dave")
        admin = Caller(a, "TagAdmin", session="erin")
        bob = Caller(a, "bob")
        stack = Caller(a, "dev-alpha", session="cfn", invoked_by="cloudformation.amazonaws.com")
        add = self.records.append
        # Noise: most of CloudTrail is not tag changes.
        for minute in range(0, 20, 2):
            add(
                record(
                    alice,
                    "s3.amazonaws.com",
                    "GetObject",
                    {"bucketName": "alpha-data", "key": "r.csv"},
                    time=self._at(minute),
                )
            )
            add(record(beta_dev, "ec2.amazonaws.com", "DescribeInstances", {}, time=self._at(minute)))
        # Benign: the tag administrator labels the team buckets and a new one; CloudFormation tags
        # an instance; a developer sets a well-formed cost-center.
        for bucket, tags in {**BUCKETS, "gamma-data": {"team": "gamma"}}.items():
            add(
                record(
                    admin, "s3.amazonaws.com", "PutBucketTagging", s3_tagging(bucket, tags), time=self._at(0)
                )
            )
        add(
            record(
                stack,
                "ec2.amazonaws.com",
                "CreateTags",
                {
                    "resourcesSet": {"items": [{"resourceId": instance_id}]},
                    "tagSet": {"items": tag_list({"team": "alpha"})},
                },
                time=self._at(2),
            )
        )
        add(
            record(
                alice,
                "s3.amazonaws.com",
                "PutBucketTagging",
                s3_tagging("alpha-data", {"team": "alpha", "cost-center": "123456"}),
                time=self._at(3),
            )
        )
        # Abuse: alice moves the beta team's bucket into her own team (self-grant).
        add(
            record(
                alice,
                "s3.amazonaws.com",
                "PutBucketTagging",
                s3_tagging("beta-data", {"team": "alpha"}),
                time=self._at(5),
            )
        )
        self.expected.append(("self_grant", "alice retags beta-data to her own team"))
        # Abuse: alice retags her own role into the beta team (self-retag).
        add(
            record(
                alice,
                "iam.amazonaws.com",
                "TagRole",
                {"roleName": "dev-alpha", "tags": tag_list({"team": "beta"})},
                time=self._at(7),
            )
        )
        self.expected.append(("self_retag", "alice retags her own role"))
        # Abuse: dave (beta) retags another principal (principal retag).
        add(
            record(
                beta_dev,
                "iam.amazonaws.com",
                "TagUser",
                {"userName": "carol", "tags": tag_list({"team": "beta"})},
                time=self._at(8),
            )
        )
        self.expected.append(("principal_retag", "dave retags carol"))
        # Abuse: bob passes team=alpha as a session tag (session tag, self-retag).
        add(
            record(
                bob,
                "sts.amazonaws.com",
                "AssumeRole",
                {
                    "roleArn": f"arn:aws:iam::{a}:role/dev-beta",
                    "roleSessionName": "bob",
                    "tags": tag_list({"team": "alpha"}),
                },
                response={
                    "credentials": {"accessKeyId": "ASIADEMOBOBSESSION1"},
                    "assumedRoleUser": {"arn": f"arn:aws:sts::{a}:assumed-role/dev-beta/bob"},
                },
                time=self._at(9),
            )
        )
        self.expected.append(("session_tag", "bob passes team=alpha as a session tag"))
        # Abuse: dave strips the team tag from shared-reports (lock-out).
        add(
            record(
                beta_dev,
                "s3.amazonaws.com",
                "DeleteBucketTagging",
                {"bucketName": "shared-reports"},
                time=self._at(10),
            )
        )
        self.expected.append(("lockout", "dave removes team from shared-reports"))
        # A failed attempt, and a value outside the allowed set.
        add(
            record(
                alice,
                "kms.amazonaws.com",
                "TagResource",
                {
                    "keyId": "1234abcd-12ab-34cd-56ef-1234567890ab",
                    "tags": [{"tagKey": "team", "tagValue": "alpha"}],
                },
                error_code="AccessDenied",
                time=self._at(11),
            )
        )
        self.expected.append(("denied_attempt", "alice fails to tag a KMS key"))
        add(
            record(
                admin,
                "s3.amazonaws.com",
                "PutBucketTagging",
                s3_tagging("gamma-data", {"team": "omega"}),
                time=self._at(12),
            )
        )
        self.expected.append(("disallowed_value", "the tag admin sets team=omega"))
        self.records.sort(key=lambda r: str(r["eventTime"]))
        return self
