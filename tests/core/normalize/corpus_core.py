"""Documented corpus, part one: the services ABAC leans on most, and the issue's defects."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, entry, goto, record, tags, unresolved, values

SSM = "ssm-2014-11-06"
_SSM_TYPES = (
    ("Parameter", "/prod/db/password", "parameter/prod/db/password"),
    ("Parameter", "MyParameter", "parameter/MyParameter"),
    ("Document", "Example-RunCommand", "document/Example-RunCommand"),
    ("ManagedInstance", "mi-1a2b3c4d5e6f", "managed-instance/mi-1a2b3c4d5e6f"),
    ("MaintenanceWindow", "mw-012345abcde", "maintenancewindow/mw-012345abcde"),
    ("PatchBaseline", "pb-012345abcde", "patchbaseline/pb-012345abcde"),
    ("OpsItem", "oi-1f050EXAMPLE", "opsitem/oi-1f050EXAMPLE"),
    ("OpsMetadata", "/aws/ssm/MyGroup/appmanager", "opsmetadata/aws/ssm/MyGroup/appmanager"),
    (
        "Automation",
        "4105a4fc-f944-11e6-9d32-0123456789ab",
        "automation-execution/4105a4fc-f944-11e6-9d32-0123456789ab",
    ),
)


SSM_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(SSM, "AddTagsToResource"),
        record(
            "ssm",
            "AddTagsToResource",
            {"resourceType": kind, "resourceId": rid, "tags": tags(team="alpha")},
        ),
        change(f"arn:aws:ssm:us-east-1:{A}:{arn}", values(team="alpha")),
    )
    for kind, rid, arn in _SSM_TYPES
]
SSM_ENTRIES += [
    entry(
        goto(SSM, "RemoveTagsFromResource"),
        record(
            "ssm",
            "RemoveTagsFromResource",
            {"resourceType": "Parameter", "resourceId": "/prod/db/password", "tagKeys": ["team"]},
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:ssm:cn-north-1:{A}:parameter/prod/db/password", removed=("team",)),
    ),
    entry(
        goto(SSM, "PutParameter"),
        record(
            "ssm",
            "PutParameter",
            {"name": "/app/db/host", "type": "String", "tags": tags(team="beta")},
            {"version": 1, "tier": "Standard"},
        ),
        change(f"arn:aws:ssm:us-east-1:{A}:parameter/app/db/host", values(team="beta")),
    ),
    entry(
        goto(SSM, "CreateDocument"),
        record(
            "ssm",
            "CreateDocument",
            {"name": "Deploy-App", "content": "{}", "tags": tags(team="beta")},
            {"documentDescription": {"name": "Deploy-App", "status": "Creating"}},
            region="eu-west-1",
        ),
        change(f"arn:aws:ssm:eu-west-1:{A}:document/Deploy-App", values(team="beta")),
    ),
]


EFS = "elasticfilesystem-2015-02-01"
AP = "fsap-1234567890abcdef0"


west = "us-west-2"
EFS_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(EFS, "TagResource"),
        record(
            "elasticfilesystem",
            "TagResource",
            {"resourceId": "fs-01234567", "tags": tags(key1="value1", key2="value2")},
            region=west,
        ),
        change(
            f"arn:aws:elasticfilesystem:{west}:{A}:file-system/fs-01234567",
            values(key1="value1", key2="value2"),
        ),
    ),
    entry(
        goto(EFS, "TagResource"),
        record(
            "elasticfilesystem",
            "TagResource",
            {"resourceId": "fsap-0123456789abcdef0", "tags": tags(team="alpha")},
            region=west,
        ),
        change(
            f"arn:aws:elasticfilesystem:{west}:{A}:access-point/fsap-0123456789abcdef0",
            values(team="alpha"),
        ),
    ),
    entry(
        goto(EFS, "UntagResource"),
        record(
            "elasticfilesystem",
            "UntagResource",
            {"resourceId": "fs-0123456789abcdef0", "tagKeys": ["team"]},
            region="us-gov-west-1",
        ),
        change(
            f"arn:aws-us-gov:elasticfilesystem:us-gov-west-1:{A}:file-system/fs-0123456789abcdef0",
            removed=("team",),
        ),
    ),
    entry(
        goto(EFS, "CreateTags"),
        record(
            "elasticfilesystem",
            "CreateTags",
            {"fileSystemId": "fs-e2a6438b", "tags": tags(Name="MyFileSystem")},
            region=west,
        ),
        change(f"arn:aws:elasticfilesystem:{west}:{A}:file-system/fs-e2a6438b", values(Name="MyFileSystem")),
    ),
    entry(
        goto(EFS, "CreateFileSystem"),
        record(
            "elasticfilesystem",
            "CreateFileSystem",
            {
                "creationToken": "tokenstring",
                "performanceMode": "generalPurpose",
                "tags": tags(Name="MyFileSystem"),
            },
            {
                "fileSystemId": "fs-01234567",
                "fileSystemArn": f"arn:aws:elasticfilesystem:{west}:{A}:file-system/fs-01234567",
            },
            region=west,
        ),
        change(f"arn:aws:elasticfilesystem:{west}:{A}:file-system/fs-01234567", values(Name="MyFileSystem")),
    ),
    entry(
        goto(EFS, "CreateAccessPoint"),
        record(
            "elasticfilesystem",
            "CreateAccessPoint",
            {"clientToken": "t", "fileSystemId": "fs-01234567", "tags": tags(Name="dev")},
            {
                "accessPointId": "fsap-1234567890abcdef0",
                "accessPointArn": f"arn:aws:elasticfilesystem:{west}:{A}:access-point/{AP}",
            },
            region=west,
        ),
        change(
            f"arn:aws:elasticfilesystem:{west}:{A}:access-point/fsap-1234567890abcdef0",
            values(Name="dev"),
        ),
    ),
]


EC2 = "ec2-2016-11-15"


def _ec2_tags(ids: list[str], **pairs: str) -> dict[str, Any]:
    return {"resourcesSet": {"items": [{"resourceId": i} for i in ids]}, "tagSet": {"items": tags(**pairs)}}


e = "arn:aws:ec2:us-east-1"
EC2_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(EC2, "CreateTags"),
        record(
            "ec2",
            "CreateTags",
            _ec2_tags(["ami-1234567890abcdef0", "i-1234567890abcdef0"], webserver="", stack="Production"),
            {"_return": True},
        ),
        change(f"{e}::image/ami-1234567890abcdef0", {"webserver": "", "stack": "Production"}),
        change(f"{e}:{A}:instance/i-1234567890abcdef0", {"webserver": "", "stack": "Production"}),
    ),
    entry(
        goto(EC2, "CreateTags"),
        record("ec2", "CreateTags", _ec2_tags(["sfr-73fbd2ce-aa30-494c-8788-1cee4EXAMPLE"], team="alpha")),
        change(f"{e}:{A}:spot-fleet-request/sfr-73fbd2ce-aa30-494c-8788-1cee4EXAMPLE", values(team="alpha")),
    ),
    entry(
        goto(EC2, "CreateTags"),
        record("ec2", "CreateTags", _ec2_tags(["eice-0123456789example"], team="alpha")),
        change(f"{e}:{A}:instance-connect-endpoint/eice-0123456789example", values(team="alpha")),
    ),
    entry(
        goto(EC2, "CreateTags"),
        record("ec2", "CreateTags", _ec2_tags(["ipam-pool-07ccc86aa41bef7ce"], team="net")),
        change(f"arn:aws:ec2::{A}:ipam-pool/ipam-pool-07ccc86aa41bef7ce", values(team="net")),
    ),
    entry(
        goto(EC2, "CreateTags"),
        record(
            "ec2",
            "CreateTags",
            _ec2_tags(["snap-1234567890abcdef0", "vol-1234567890abcdef0"], team="alpha"),
            region="eu-west-1",
        ),
        change("arn:aws:ec2:eu-west-1::snapshot/snap-1234567890abcdef0", values(team="alpha")),
        change(f"arn:aws:ec2:eu-west-1:{A}:volume/vol-1234567890abcdef0", values(team="alpha")),
    ),
    entry(
        goto(EC2, "CreateTags"),
        record(
            "ec2",
            "CreateTags",
            _ec2_tags(["vpc-1a2b3c4d", "subnet-9d4a7b6c", "sg-903004f8"], team="net"),
            region="cn-northwest-1",
        ),
        change(f"arn:aws-cn:ec2:cn-northwest-1:{A}:vpc/vpc-1a2b3c4d", values(team="net")),
        change(f"arn:aws-cn:ec2:cn-northwest-1:{A}:subnet/subnet-9d4a7b6c", values(team="net")),
        change(f"arn:aws-cn:ec2:cn-northwest-1:{A}:security-group/sg-903004f8", values(team="net")),
    ),
    entry(
        goto(EC2, "DeleteTags"),
        record(
            "ec2",
            "DeleteTags",
            {
                "resourcesSet": {"items": [{"resourceId": "i-1234567890abcdef0"}]},
                "tagSet": {"items": [{"key": "Purpose"}]},
            },
        ),
        change(f"{e}:{A}:instance/i-1234567890abcdef0", removed=("Purpose",)),
    ),
    entry(
        goto(EC2, "RunInstances"),
        record(
            "ec2",
            "RunInstances",
            {
                "instancesSet": {
                    "items": [{"imageId": "ami-0abcdef1234567890", "minCount": 1, "maxCount": 1}]
                },
                "instanceType": "t3.micro",
                "tagSpecificationSet": {
                    "items": [
                        {"resourceType": "instance", "tags": tags(team="alpha")},
                        {"resourceType": "volume", "tags": tags(team="alpha")},
                    ]
                },
            },
            {
                "instancesSet": {
                    "items": [{"instanceId": "i-0598c7d356eba48d7", "imageId": "ami-0abcdef1234567890"}]
                }
            },
        ),
        change(f"{e}:{A}:instance/i-0598c7d356eba48d7", values(team="alpha")),
        unresolved("volume", values(team="alpha")),
        note="RunInstances' response names the instance but not the volumes it creates",
    ),
    entry(
        goto(EC2, "CreateTags"),
        record(
            "ec2",
            "CreateTags",
            _ec2_tags(["tgw-attach-0123456789abcdef0", "tgw-rtb-0123456789abcdef0"], team="net"),
            region="ap-southeast-2",
        ),
        change(
            f"arn:aws:ec2:ap-southeast-2:{A}:transit-gateway-attachment/tgw-attach-0123456789abcdef0",
            values(team="net"),
        ),
        change(
            f"arn:aws:ec2:ap-southeast-2:{A}:transit-gateway-route-table/tgw-rtb-0123456789abcdef0",
            values(team="net"),
        ),
    ),
]


def core_entries() -> list[dict[str, Any]]:
    return [*SSM_ENTRIES, *EFS_ENTRIES, *EC2_ENTRIES]
