"""Held-out corpus, round two: targets named by id or name, formats with two variables, EC2 ids
whose type's ARN holds a name, and created resources whose response gives only an id."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv
from tests.core.normalize.heldout_partitions_ec2 import tag_set_request, tag_specifications

T = values(team="alpha")
M = {"team": "alpha"}
EC2 = "ec2-2016-11-15"


ROUND2_ID_ENTRIES: list[dict[str, Any]] = [
    held(
        EC2,
        "CreateKeyPair",
        "amazonec2",
        record(
            "ec2",
            "CreateKeyPair",
            {"keyName": "my-key-pair", "tagSpecificationSet": tag_specifications("key-pair")},
            {
                "keyName": "my-key-pair",
                "keyPairId": "key-0123456789abcdef0",
                "keyFingerprint": "1f:51:ae",
            },
        ),
        change(f"arn:aws:ec2:us-east-1:{A}:key-pair/my-key-pair", T),
        note="a key pair's ARN holds its name (Service Authorization Reference), not its key- id",
    ),
    held(
        EC2,
        "CreateTags",
        "amazonec2",
        record("ec2", "CreateTags", tag_set_request("key-0123456789abcdef0"), region="eu-west-1"),
        unresolved("key-0123456789abcdef0", T),
        note="a key pair named by its id: the ARN holds the name, which the record lacks",
    ),
    held(
        EC2,
        "CreateTags",
        "amazonec2",
        record("ec2", "CreateTags", tag_set_request("pg-0123456789abcdef0"), region="eu-west-1"),
        unresolved("pg-0123456789abcdef0", T),
        note="a placement group's ARN holds its name, not its pg- id",
    ),
    held(
        EC2,
        "AllocateAddress",
        "amazonec2",
        record(
            "ec2",
            "AllocateAddress",
            {"domain": "vpc", "tagSpecificationSet": tag_specifications("elastic-ip")},
            {"publicIp": "203.0.113.0", "allocationId": "eipalloc-64d5890a", "domain": "vpc"},
            region="ap-northeast-1",
        ),
        change(f"arn:aws:ec2:ap-northeast-1:{A}:elastic-ip/eipalloc-64d5890a", T),
    ),
    held(
        EC2,
        "CreateNatGateway",
        "amazonec2",
        record(
            "ec2",
            "CreateNatGateway",
            {
                "subnetId": "subnet-1a2b3c4d",
                "allocationId": "eipalloc-37fc1a52",
                "tagSpecificationSet": tag_specifications("natgateway"),
            },
            {
                "natGateway": {
                    "natGatewayId": "nat-08d48af2a8e83edfd",
                    "subnetId": "subnet-1a2b3c4d",
                    "vpcId": "vpc-1122aabb",
                }
            },
        ),
        change(f"arn:aws:ec2:us-east-1:{A}:natgateway/nat-08d48af2a8e83edfd", T),
    ),
    held(
        EC2,
        "CreateFlowLogs",
        "amazonec2",
        record(
            "ec2",
            "CreateFlowLogs",
            {
                "resourceIds": ["vpc-1a2b3c4d"],
                "resourceType": "VPC",
                "trafficType": "ALL",
                "tagSpecificationSet": tag_specifications("vpc-flow-log"),
            },
            {"flowLogIdSet": {"items": [{"item": "fl-1a2b3c4d5e6f7a8b9"}]}},
        ),
        change(f"arn:aws:ec2:us-east-1:{A}:vpc-flow-log/fl-1a2b3c4d5e6f7a8b9", T),
    ),
    held(
        EC2,
        "CreateTags",
        "amazonec2",
        record(
            "ec2",
            "CreateTags",
            tag_set_request("dopt-0123456789abcdef0", "eigw-0123456789abcdef0"),
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:ec2:us-gov-west-1:{A}:dhcp-options/dopt-0123456789abcdef0", T),
        change(
            f"arn:aws-us-gov:ec2:us-gov-west-1:{A}:egress-only-internet-gateway/eigw-0123456789abcdef0", T
        ),
    ),
    held(
        "cloud9-2017-09-23",
        "CreateEnvironmentEC2",
        "awscloud9",
        record(
            "cloud9",
            "CreateEnvironmentEC2",
            {
                "name": "my-demo-env",
                "instanceType": "t3.small",
                "imageId": "amazonlinux-2023-x86_64",
                "tags": kv(team="alpha"),
            },
            {"environmentId": "8a34f51ce1e04a08882f1e811bd706EX"},
            region="us-east-2",
        ),
        change(f"arn:aws:cloud9:us-east-2:{A}:environment:8a34f51ce1e04a08882f1e811bd706EX", T),
    ),
    held(
        "transfer-2018-11-05",
        "CreateConnector",
        "awstransferfamily",
        record(
            "transfer",
            "CreateConnector",
            {
                "url": "sftp://sftp.example.com",
                "accessRole": f"arn:aws:iam::{A}:role/connector",
                "tags": kv(team="alpha"),
            },
            {"connectorId": "c-01234567890abcdef"},
        ),
        change(f"arn:aws:transfer:us-east-1:{A}:connector/c-01234567890abcdef", T),
    ),
    held(
        "transfer-2018-11-05",
        "CreateWorkflow",
        "awstransferfamily",
        record(
            "transfer",
            "CreateWorkflow",
            {"steps": [], "tags": kv(team="alpha")},
            {"workflowId": "w-1111aaaa2222bbbb3"},
        ),
        change(f"arn:aws:transfer:us-east-1:{A}:workflow/w-1111aaaa2222bbbb3", T),
    ),
    held(
        "appconfig-2019-10-09",
        "CreateEnvironment",
        "awsappconfig",
        record(
            "appconfig",
            "CreateEnvironment",
            {"applicationId": "339ohji", "name": "Example-Environment", "tags": M},
            {
                "applicationId": "339ohji",
                "id": "54j1r29",
                "name": "Example-Environment",
                "state": "READY_FOR_DEPLOYMENT",
            },
        ),
        change(f"arn:aws:appconfig:us-east-1:{A}:application/339ohji/environment/54j1r29", T),
    ),
    held(
        "appconfig-2019-10-09",
        "CreateConfigurationProfile",
        "awsappconfig",
        record(
            "appconfig",
            "CreateConfigurationProfile",
            {
                "applicationId": "339ohji",
                "name": "Example-Configuration-Profile",
                "locationUri": "hosted",
                "tags": M,
            },
            {"applicationId": "339ohji", "id": "ur8hx2f", "name": "Example-Configuration-Profile"},
        ),
        change(f"arn:aws:appconfig:us-east-1:{A}:application/339ohji/configurationprofile/ur8hx2f", T),
    ),
    held(
        "guardduty-2017-11-28",
        "CreateIPSet",
        "amazonguardduty",
        record(
            "guardduty",
            "CreateIPSet",
            {
                "detectorId": "12abc34d567e8fa901bc2d34e56789f0",
                "name": "trusted",
                "format": "TXT",
                "location": "s3://amzn-s3-demo-bucket/ips.txt",
                "activate": True,
                "tags": M,
            },
            {"ipSetId": "0cb0141ab9fbde177613ab9436212e90"},
        ),
        change(
            f"arn:aws:guardduty:us-east-1:{A}:detector/12abc34d567e8fa901bc2d34e56789f0/ipset/0cb0141ab9fbde177613ab9436212e90",
            T,
        ),
    ),
]
