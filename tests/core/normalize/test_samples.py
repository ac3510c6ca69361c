"""Every real record in ../shared/cloudtrail-samples/records, with its target and tags written out.

These agree with the independent expectations in tests/fixtures/cloudtrail/expected.json (whose
"why" fields give the reasons); here they are stated directly so a regression names the record.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tagwarden.core.normalize import Normalizer

REPO = Path(__file__).resolve().parents[3]
SHARED = REPO.parent / "shared" / "cloudtrail-samples" / "records"
COPIED = REPO / "tests" / "fixtures" / "cloudtrail" / "samples"
RECORDS = SHARED if SHARED.is_dir() else COPIED


@dataclass(frozen=True)
class Change:
    target: str
    set: dict[str, str | None]
    removed: list[str] = field(default_factory=list)
    keys_hidden: bool = False
    at_creation: bool = False


@dataclass(frozen=True)
class Expected:
    changes: list[Change] = field(default_factory=list)
    unreadable: str | None = None


SAMPLES: dict[str, Expected] = {
    "DataDog-stratus-red-team__CreateProfile__1.json": Expected(
        [
            Change(
                "arn:aws:rolesanywhere:cn-northsouth-3r:791182566784:profile/910042eb-8463-427d-8095-6fd60ac303d9",
                {},
                keys_hidden=True,
                at_creation=True,
            )
        ]
    ),
    "DataDog-stratus-red-team__CreateTrustAnchor__1.json": Expected(
        [
            Change(
                "arn:aws:rolesanywhere:cn-northsouth-3r:791182566784:trust-anchor/4d07f6a0-1c50-44d3-951b-b68b783daa0a",
                {},
                keys_hidden=True,
                at_creation=True,
            )
        ]
    ),
    "DataDog-stratus-red-team__CreateUser__1.json": Expected(
        [
            Change(
                "arn:aws:iam::229654561268:user/malicious-iam-user",
                {"StratusRedTeam": "true"},
                at_creation=True,
            )
        ]
    ),
    "Netflix-consoleme__TagRole__1.json": Expected(
        [Change("arn:aws:iam::123456789012:role/abcrole", {"1": "1", "2": "2"})]
    ),
    "awsdocs-amazon-ec2-user-guide__TagResource__1.json": Expected(
        [Change("arn:aws:rbin:us-west-2:123456789012:rule/ABCDEF01234", {"purpose": "production"})]
    ),
    "awsdocs-amazon-ec2-user-guide__UntagResource__1.json": Expected(
        [Change("arn:aws:rbin:us-west-2:123456789012:rule/ABCDEF01234", {}, removed=["purpose"])]
    ),
    "awsdocs-amazon-efs-user-guide__CreateTags__1.json": Expected(
        [
            Change(
                "arn:aws:elasticfilesystem:us-west-2:111122223333:file-system/fs-00112233",
                {"TagName": "AnotherNewTag"},
            )
        ]
    ),
    "awsdocs-amazon-efs-user-guide__DeleteTags__1.json": Expected([]),
    "awsdocs-amazon-emr-management-guide__RunJobFlow__1.json": Expected(
        [
            Change(
                "arn:aws:elasticmapreduce:us-west-2:123456789012:cluster/j-2WDJCGEG4E6AJ",
                {"domain": "prod", "realm": "us-west-2", "executionType": "VERIFICATION"},
                at_creation=True,
            )
        ]
    ),
    "awsdocs-amazon-fsx-windows-user-guide__TagResource__1.json": Expected(
        unreadable="requestParameters has no tags member"
    ),
    "awsdocs-amazon-fsx-windows-user-guide__UntagResource__1.json": Expected(
        unreadable="requestParameters has no tagKeys member"
    ),
    "awsdocs-amazon-redshift-management-guide__CreateConnection__1.json": Expected(
        [
            Change(
                "arn:aws:sqlworkbench:ca-central-1:123456789012:connection/ce56b1be-dd65-4bfb-8b17-12345123456",
                {"sqlworkbench-resource-owner": "AAKEOFPINEXAMPLE:session"},
                at_creation=True,
            )
        ]
    ),
    "awsdocs-amazon-route53-docs__CreateResolverEndpoint__1.json": Expected([]),
    "awsdocs-aws-batch-user-guide__CreateComputeEnvironment__1.json": Expected(
        [Change("ec2:instance/?", {"testBatchTags": "CLI testing CE"}, at_creation=True)]
    ),
    "awsdocs-aws-certificate-user-guide__AddTagsToCertificate__1.json": Expected(
        [
            Change(
                "arn:aws:acm:us-east-1:123456789012:certificate/fedcba98-7654-3210-fedc-ba9876543210",
                {"Admin": "Alice"},
            )
        ]
    ),
    "awsdocs-aws-certificate-user-guide__RemoveTagsFromCertificate__1.json": Expected(
        [
            Change(
                "arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012",
                {},
                removed=["Admin"],
            )
        ]
    ),
    "awsdocs-aws-cloud9-user-guide__TagResource__1.json": Expected(
        [
            Change(
                "arn:aws:cloud9:us-east-1:123456789012:environment:3XXXXXXXXX6a4221b7d8e07d9ef6ee21",
                {},
                keys_hidden=True,
            )
        ]
    ),
    "awsdocs-aws-cloud9-user-guide__UntagResource__1.json": Expected(
        [
            Change(
                "arn:aws:cloud9:us-east-1:123456789012:environment:3XXXXXXXXX6a4221b7d8e07d9ef6ee21",
                {},
                keys_hidden=True,
            )
        ]
    ),
    "awsdocs-aws-elemental-mediaconvert-user-guide__CreateQueue__1.json": Expected([]),
    "awsdocs-aws-elemental-mediaconvert-user-guide__TagResource__1.json": Expected(
        [Change("arn:aws:mediaconvert:eu-west-1:111122223333:queues/1", {"CostCenter": "BU-Test"})]
    ),
    "awsdocs-aws-kms-developer-guide__CreateKey__1.json": Expected([]),
    "awsdocs-aws-kms-developer-guide__TagResource__1.json": Expected(
        [
            Change(
                "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                {"Department": "IT"},
            )
        ]
    ),
    "awsdocs-aws-kms-developer-guide__UntagResource__1.json": Expected(
        [
            Change(
                "arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                {},
                removed=["Dept"],
            )
        ]
    ),
    "awsdocs-aws-organizations-docs__CreateAccount__1.json": Expected([]),
    "awsdocs-iam-user-guide__AssumeRoleWithSAML__1.json": Expected(
        [
            Change(
                "arn:aws:sts::444455556666:assumed-role/SAMLTestRoleShibboleth/MyAssignedRoleSessionName",
                {"CostCenter": "987654", "Project": "Unicorn", "Department": "Engineering"},
            )
        ]
    ),
    "awsdocs-iam-user-guide__AssumeRoleWithWebIdentity__1.json": Expected(
        [
            Change(
                "arn:aws:sts::444455556666:assumed-role/FederatedWebIdentityRole/MyAssignedRoleSessionName",
                {"CostCenter": "24680", "Project": "Pegasus"},
            )
        ]
    ),
    "awsdocs-iam-user-guide__AssumeRole__1.json": Expected(
        [
            Change(
                "arn:aws:sts::111111111111:assumed-role/test-role/Role2WithTags",
                {"Email": "johndoe@example.com", "CostCenter": "12345"},
            )
        ]
    ),
    "awsdocs-iam-user-guide__CreateAnalyzer__1.json": Expected(
        [
            Change(
                "arn:aws:access-analyzer:us-west-2:111122223333:analyzer/test",
                {"tagkey1": "tagvalue1"},
                at_creation=True,
            )
        ]
    ),
    "awsdocs-tag-editor__TagResources__1.json": Expected(
        [Change("arn:aws:events:us-east-1:123456789012:rule/SecretsManagerMonitorRule", {"owner": "alice"})]
    ),
    "custodian__AddTags__1.json": Expected(
        [
            Change(
                "arn:aws:elasticloadbalancing:us-east-1:123456789123:loadbalancer/app/test/433ae0ba96204181",
                {"WAF": "Internal"},
            )
        ]
    ),
    "custodian__CreateCluster__1.json": Expected(
        [
            Change(
                "arn:aws:cloudhsm:us-east-1:644160558196:cluster/cluster-dqf7m6ithhc",
                {"Owner": "test"},
                at_creation=True,
            )
        ]
    ),
    "custodian__TagResource__1.json": Expected(
        [Change("arn:aws:cloudfront::351936369470:distribution/E53370FUHBNLK", {"WAF": "Internal"})]
    ),
    "custodian__TagResource__2.json": Expected(
        [Change("arn:aws:apigateway:us-east-1::/restapis/abcdef74gh/stages/test2", {"WAF": "BR-IP"})]
    ),
    "greysongundrum-stelligent-u__CreateTags__1.json": Expected(
        [
            Change(
                "arn:aws:ec2:us-west-2:324320755747:instance/i-0f14b755dab42a062",
                {
                    "User": "greyson.gundrum.labs",
                    "Purpose": "Stelligent-U",
                    "Topic": "Logging AWS infrastructure changes",
                    "Lab": "8.2.2",
                },
            )
        ]
    ),
    "noqdev-iambic__TagRole__1.json": Expected(
        [
            Change(
                "arn:aws:iam::1234567890012:role/test_detect_role",
                {"test-tag": "detection-for-eventbridge-attempt-2"},
            )
        ]
    ),
    "panther__RunInstances__1.json": Expected(
        [
            Change(
                "arn:aws:ec2:us-east-1:123123123123:instance/i-0d7e4b9be8a0de6ea",
                {"Name": "test2"},
                at_creation=True,
            )
        ]
    ),
    "panther__RunInstances__2.json": Expected(
        [
            Change(
                "arn:aws:ec2:us-west-2:123456789012:instance/i-00000000000000000",
                {"Name": "test"},
                at_creation=True,
            )
        ]
    ),
    "panther__RunInstances__3.json": Expected(
        [
            Change(
                "arn:aws:ec2:us-west-2:123456789012:instance/i-00000000000000000",
                {"Name": "test"},
                at_creation=True,
            ),
            Change(
                "arn:aws:ec2:us-west-2:123456789012:instance/i-00000000000000001",
                {"Name": "test"},
                at_creation=True,
            ),
        ]
    ),
    "panther__RunInstances__4.json": Expected(
        [
            Change(
                "arn:aws:ec2:us-west-2:123456789012:instance/i-00000000000000000",
                {"Name": "test"},
                at_creation=True,
            )
        ]
    ),
    "panther__RunInstances__5.json": Expected(
        [
            Change(
                "arn:aws:ec2:us-west-2:123412341234:instance/i-0690cd354a0c3850c",
                {"Name": "fake thing whatever"},
                at_creation=True,
            )
        ]
    ),
}


def test_every_sample_record_is_listed() -> None:
    assert {path.name for path in RECORDS.glob("*.json")} == set(SAMPLES)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_sample_record(name: str) -> None:
    expected = SAMPLES[name]
    record = json.loads((RECORDS / name).read_text(encoding="utf-8"))

    result = Normalizer().normalize(record)

    got = [
        Change(c.target, dict(c.set), list(c.removed), c.keys_hidden, c.at_creation) for c in result.changes
    ]
    assert got == expected.changes
    assert result.unreadable == expected.unreadable
    if expected.changes or expected.unreadable:
        assert result.spec is not None
