"""Held-out corpus, round four (continued): see tests/core/normalize/heldout4_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)


ROUND4_E_ENTRIES: list[dict[str, Any]] = [
    held(
        "s3vectors-2025-07-15",
        "UntagResource",
        "amazons3vectors",
        record(
            "s3vectors",
            "UntagResource",
            {"resourceArn": f"arn:aws:s3vectors:us-east-1:{A}:bucket/my-vector-bucket", "tagKeys": ["team"]},
        ),
        change(f"arn:aws:s3vectors:us-east-1:{A}:bucket/my-vector-bucket", removed=GONE),
    ),
    held(
        "launch-wizard-2018-05-10",
        "UntagResource",
        "awslaunchwizard",
        record(
            "launchwizard",
            "UntagResource",
            {
                "resourceArn": f"arn:aws:launchwizard:us-east-1:{A}:deployment/a1b2c3d4-5678-90ab-cdef-EXAMPLE70707",
                "tagKeys": ["team"],
            },
        ),
        change(
            f"arn:aws:launchwizard:us-east-1:{A}:deployment/a1b2c3d4-5678-90ab-cdef-EXAMPLE70707",
            removed=GONE,
        ),
    ),
    held(
        "ds-2015-04-16",
        "CreateHybridAD",
        "awsdirectoryservice",
        record(
            "ds",
            "CreateHybridAD",
            {
                "SecretArn": f"arn:aws:secretsmanager:us-east-1:{A}:secret:HybridADSecret-AbCdEf",
                "AssessmentId": "da-1234567890abcdef0",
                "Tags": kv(team="alpha"),
            },
            {"DirectoryId": "d-1234567890"},
        ),
        change(f"arn:aws:ds:us-east-1:{A}:directory/d-1234567890", T),
        note="the request names a secret by ARN; the tags are the new directory's",
    ),
    held(
        "odb-2024-08-20",
        "CreateOdbNetwork",
        "awsservice-oracledatabase_aws",
        record(
            "odb",
            "CreateOdbNetwork",
            {
                "displayName": "my-odb-network",
                "availabilityZone": "us-east-1a",
                "clientSubnetCidr": "10.0.1.0/24",
                "tags": M,
            },
            {
                "displayName": "my-odb-network",
                "status": "PROVISIONING",
                "odbNetworkId": "odbnet_3ypjdabyxmexample",
            },
        ),
        change(f"arn:aws:odb:us-east-1:{A}:odb-network/odbnet_3ypjdabyxmexample", T),
    ),
    held(
        "timestream-write-2018-11-01",
        "CreateDatabase",
        "amazontimestream",
        record(
            "timestream",
            "CreateDatabase",
            {"DatabaseName": "my-database", "Tags": kv(team="alpha")},
            {
                "Database": {
                    "Arn": f"arn:aws:timestream:eu-west-1:{A}:database/my-database",
                    "DatabaseName": "my-database",
                    "TableCount": 0,
                }
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:timestream:eu-west-1:{A}:database/my-database", T),
    ),
    held(
        "codeconnections-2023-12-01",
        "TagResource",
        "awscodeconnections",
        record(
            "codeconnections",
            "TagResource",
            {
                "ResourceArn": f"arn:aws:codeconnections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
                "Tags": kv(team="alpha"),
            },
            region="us-west-2",
        ),
        change(f"arn:aws:codeconnections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f", T),
    ),
    held(
        "cloudhsmv2-2017-04-28",
        "CopyBackupToRegion",
        "awscloudhsm",
        record(
            "cloudhsm",
            "CopyBackupToRegion",
            {"DestinationRegion": "us-west-2", "BackupId": "backup-4kuraxsqetz", "TagList": kv(team="alpha")},
            {
                "DestinationBackup": {
                    "CreateTimestamp": 1549046743.0,
                    "SourceBackup": "backup-4kuraxsqetz",
                    "SourceCluster": "cluster-kdmrayrc7gi",
                    "SourceRegion": "us-east-1",
                }
            },
        ),
        unresolved("", T),
        note="the response names the source backup, not the copy made in us-west-2",
    ),
    held(
        "m2-2021-04-28",
        "TagResource",
        "awsmainframemodernizationservice",
        record(
            "m2",
            "TagResource",
            {"resourceArn": f"arn:aws:m2:us-east-1:{A}:app/y3ca6bhaife2bcvxar3lpypmbe", "tags": M},
        ),
        change(f"arn:aws:m2:us-east-1:{A}:app/y3ca6bhaife2bcvxar3lpypmbe", T),
    ),
    held(
        "dax-2017-04-19",
        "TagResource",
        "amazondynamodbacceleratordax",
        record(
            "dax",
            "TagResource",
            {
                "ResourceName": f"arn:aws:dax:us-west-2:{A}:cache/DAXcluster01",
                "Tags": kv(ClusterUsage="prod"),
            },
            {"Tags": kv(ClusterUsage="prod")},
            region="us-west-2",
        ),
        change(f"arn:aws:dax:us-west-2:{A}:cache/DAXcluster01", values(ClusterUsage="prod")),
        note="ResourceName holds the cluster's ARN (the reference's and the CLI's example)",
    ),
    held(
        "tnb-2008-10-21",
        "InstantiateSolNetworkInstance",
        "awstelconetworkbuilder",
        record(
            "tnb",
            "InstantiateSolNetworkInstance",
            {"nsInstanceId": "ni-0d5b823eb5c2a9241", "tags": M},
            {"nsLcmOpOccId": "no-0d5b823eb5c2a9241", "tags": M},
            region="us-west-2",
        ),
        change(f"arn:aws:tnb:us-west-2:{A}:network-operation/no-0d5b823eb5c2a9241", T),
        note="the tags go to the network operation the call starts, not the network instance "
        "(the reference's tags member says so)",
    ),
    held(
        "waf-2015-08-24",
        "UntagResource",
        "awswaf",
        record(
            "waf",
            "UntagResource",
            {
                "ResourceARN": f"arn:aws:waf::{A}:webacl/a1b2c3d4-5678-90ab-cdef-EXAMPLE80808",
                "TagKeys": ["team"],
            },
        ),
        change(f"arn:aws:waf::{A}:webacl/a1b2c3d4-5678-90ab-cdef-EXAMPLE80808", removed=GONE),
    ),
    held(
        "bedrock-agentcore-control-2023-06-05",
        "CreateAgentRuntime",
        "amazonbedrockagentcore",
        record(
            "bedrock-agentcore",
            "CreateAgentRuntime",
            {
                "agentRuntimeName": "my_agent",
                "agentRuntimeArtifact": {
                    "containerConfiguration": {
                        "containerUri": f"{A}.dkr.ecr.us-east-1.amazonaws.com/my-agent:latest"
                    }
                },
                "roleArn": f"arn:aws:iam::{A}:role/AgentRuntimeRole",
                "networkConfiguration": {"networkMode": "PUBLIC"},
                "tags": M,
            },
            {
                "agentRuntimeArn": f"arn:aws:bedrock-agentcore:us-east-1:{A}:runtime/my_agent-abc123XYZ0",
                "workloadIdentityDetails": {
                    "workloadIdentityArn": f"arn:aws:bedrock-agentcore:us-east-1:{A}:workload-identity-directory/default/workload-identity/my_agent-abc123XYZ0"
                },
                "agentRuntimeId": "my_agent-abc123XYZ0",
                "agentRuntimeVersion": "1",
                "status": "CREATING",
            },
        ),
        change(f"arn:aws:bedrock-agentcore:us-east-1:{A}:runtime/my_agent-abc123XYZ0", T),
        note="the response names a workload identity too; the tags are the runtime's",
    ),
    held(
        "route53globalresolver-2022-09-27",
        "UntagResource",
        "awsroute53globalresolver",
        record(
            "route53globalresolver",
            "UntagResource",
            {
                "resourceArn": f"arn:aws:route53globalresolver::{A}:global-resolver/gr-0123456789abcdef",
                "tagKeys": ["team"],
            },
        ),
        change(f"arn:aws:route53globalresolver::{A}:global-resolver/gr-0123456789abcdef", removed=GONE),
    ),
    held(
        "greengrass-2017-06-07",
        "CreateCoreDefinition",
        "awsiotgreengrass",
        record(
            "greengrass",
            "CreateCoreDefinition",
            {"Name": "MyCoreDefinition", "tags": M},
            {
                "Arn": f"arn:aws:greengrass:us-west-2:{A}:/greengrass/definition/cores/582efe12-b05a-409e-9a24-a2ba1bcc4a12",
                "Id": "582efe12-b05a-409e-9a24-a2ba1bcc4a12",
                "Name": "MyCoreDefinition",
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:greengrass:us-west-2:{A}:/greengrass/definition/cores/582efe12-b05a-409e-9a24-a2ba1bcc4a12",
            T,
        ),
    ),
]
