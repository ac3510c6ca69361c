"""Hand-written specs of create calls whose record determines the target (determined_specs.py).

Each record is written from the operation's API reference (cited by AWS's stable ``goto/WebAPI``
link) in the casing CloudTrail logs; each expected ARN by hand from the Service Authorization
Reference's format of the resource type the tags go to (named in the spec module's docstring).
"""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.normalize import Normalizer
from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import record, tags

NORMALIZER = Normalizer()
TEAM = [{"key": "team", "value": "alpha"}]

CASES: list[tuple[str, dict[str, Any], str]] = [
    (
        # https://docs.aws.amazon.com/goto/WebAPI/sesv2-2019-09-27/CreateEmailIdentity
        "ses-email-address",
        record(
            "ses",
            "CreateEmailIdentity",
            {"emailIdentity": "ops@example.com", "tags": TEAM},
            {"identityType": "EMAIL_ADDRESS", "verifiedForSendingStatus": False},
            region="eu-central-1",
        ),
        f"arn:aws:ses:eu-central-1:{A}:identity/ops@example.com",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/sesv2-2019-09-27/CreateDedicatedIpPool
        "ses-dedicated-ip-pool",
        record("ses", "CreateDedicatedIpPool", {"poolName": "marketing", "tags": TEAM}, {}),
        f"arn:aws:ses:us-east-1:{A}:dedicated-ip-pool/marketing",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/tnb-2008-10-21/TerminateSolNetworkInstance: the
        # tags go to the network operation the call starts, not the network instance.
        "tnb-terminate",
        record(
            "tnb",
            "TerminateSolNetworkInstance",
            {"nsInstanceId": "ni-0d5b823eb5c2a9241", "tags": {"team": "alpha"}},
            {"nsLcmOpOccId": "no-0d5b823eb5c2a9241", "tags": {"team": "alpha"}},
            region="us-west-2",
        ),
        f"arn:aws:tnb:us-west-2:{A}:network-operation/no-0d5b823eb5c2a9241",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/s3control-2018-08-20/PutStorageLensConfiguration
        "s3-storage-lens",
        record(
            "s3",
            "PutStorageLensConfiguration",
            {
                "configId": "org-lens",
                "storageLensConfiguration": {"id": "org-lens", "isEnabled": True},
                "tags": TEAM,
            },
            region="us-east-2",
        ),
        f"arn:aws:s3:us-east-2:{A}:storage-lens/org-lens",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/s3-2006-03-01/CreateMultipartUpload: the tags
        # (x-amz-tagging) are the object's once the upload completes.
        "s3-multipart-upload",
        record(
            "s3",
            "CreateMultipartUpload",
            {"bucketName": "amzn-s3-demo-bucket", "key": "reports/q1.csv", "tagging": "team=alpha"},
            {"uploadId": "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA"},
        ),
        "arn:aws:s3:::amzn-s3-demo-bucket/reports/q1.csv",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/storagegateway-2013-06-30/CreateSnapshot: an EBS
        # snapshot (its example's SnapshotId); EC2 snapshot ARNs hold no account.
        "storagegateway-ebs-snapshot",
        record(
            "storagegateway",
            "CreateSnapshot",
            {
                "volumeARN": f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B/volume/vol-1122AABB",
                "snapshotDescription": "nightly",
                "tags": tags(team="alpha"),
            },
            {
                "volumeARN": f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B/volume/vol-1122AABB",
                "snapshotId": "snap-78e22663",
            },
        ),
        "arn:aws:ec2:us-east-1::snapshot/snap-78e22663",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/workspaces-instances-2022-07-26/CreateVolume
        "workspaces-instances-volume",
        record(
            "workspaces-instances",
            "CreateVolume",
            {
                "availabilityZone": "us-east-1a",
                "sizeInGB": 100,
                "tagSpecifications": [{"resourceType": "volume", "tags": tags(team="alpha")}],
            },
            {"volumeId": "vol-0abcdef1234567890"},
        ),
        f"arn:aws:ec2:us-east-1:{A}:volume/vol-0abcdef1234567890",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/omics-2022-11-28/CreateAnnotationStoreVersion
        "omics-annotation-store-version",
        record(
            "omics",
            "CreateAnnotationStoreVersion",
            {"name": "my_ann_store", "versionName": "v2", "tags": {"team": "alpha"}},
            {"id": "a1b2c3d4e5f6", "name": "my_ann_store", "versionName": "v2", "status": "CREATING"},
            region="us-west-2",
        ),
        f"arn:aws:omics:us-west-2:{A}:annotationStore/my_ann_store/version/v2",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/pi-2018-02-27/CreatePerformanceAnalysisReport
        "pi-analysis-report",
        record(
            "pi",
            "CreatePerformanceAnalysisReport",
            {
                "serviceType": "RDS",
                "identifier": "db-ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                "startTime": 1700000000,
                "endTime": 1700003600,
                "tags": TEAM,
            },
            {"analysisReportId": "report-0d99cc91c4422ee61"},
        ),
        f"arn:aws:pi:us-east-1:{A}:perf-reports/RDS/db-ABCDEFGHIJKLMNOPQRSTUVWXYZ/report-0d99cc91c4422ee61",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/ssm-2014-11-06/StartAccessRequest: AccessRequestId
        # "^(oi)-[0-9a-f]{12}$", an OpsItem's id; opsitem/${ResourceId} (SAR list_awssystemsmanager).
        "ssm-access-request",
        record(
            "ssm",
            "StartAccessRequest",
            {
                "reason": "incident 42",
                "targets": [{"key": "InstanceIds", "values": ["i-02573cafcfEXAMPLE"]}],
                "tags": tags(team="alpha"),
            },
            {"accessRequestId": "oi-1a2b3c4d5e6f"},
        ),
        f"arn:aws:ssm:us-east-1:{A}:opsitem/oi-1a2b3c4d5e6f",
    ),
    (
        # https://docs.aws.amazon.com/goto/WebAPI/redshift-2012-12-01/CreateClusterSubnetGroup
        "redshift-subnet-group",
        record(
            "redshift",
            "CreateClusterSubnetGroup",
            {
                "clusterSubnetGroupName": "mysubnetgroup1",
                "description": "My subnet group 1",
                "subnetIds": ["subnet-763fdd1c"],
                "tags": tags(team="alpha"),
            },
            {"clusterSubnetGroup": {"clusterSubnetGroupName": "mysubnetgroup1", "vpcId": "vpc-796a5913"}},
            region="cn-north-1",
        ),
        f"arn:aws-cn:redshift:cn-north-1:{A}:subnetgroup:mysubnetgroup1",
    ),
]


@pytest.mark.parametrize(("made", "expected"), [(m, e) for _, m, e in CASES], ids=[c[0] for c in CASES])
def test_the_record_names_the_resource_its_tags_go_to(made: dict[str, Any], expected: str) -> None:
    result = NORMALIZER.normalize(made)

    assert result.unreadable is None, result.unreadable
    assert [(c.target_kind, c.target, dict(c.set)) for c in result.changes] == [
        ("resource", expected, {"team": "alpha"})
    ]


def test_a_network_operation_the_response_does_not_name_is_unresolved() -> None:
    made = record(
        "tnb", "UpdateSolNetworkInstance", {"nsInstanceId": "ni-1", "tags": {"team": "alpha"}}, None
    )

    assert [(c.target_kind, c.target) for c in NORMALIZER.normalize(made).changes] == [
        ("unresolved", "tnb:network-operation/?")
    ]
