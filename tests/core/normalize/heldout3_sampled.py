"""Held-out corpus, round three: operations drawn at random (random.seed(20261201), 24 of the
catalogued operations neither corpus had; 21 written, three skipped for time: Partner Central
StartEngagementFromOpportunityTask, Bedrock AgentCore CreatePaymentManager, Proton
CreateEnvironmentTemplateVersion), written after every fix and measured before any: an estimate
of how often a catalogued operation's record names its target exactly."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv, lkv
from tests.core.normalize.heldout_partitions_ec2 import tag_specifications

T = values(team="alpha")
M = {"team": "alpha"}


ROUND3_ENTRIES: list[dict[str, Any]] = [
    held(
        "cloudfront-2020-05-31",
        "CreateAnycastIpList",
        "amazoncloudfront",
        record(
            "cloudfront",
            "CreateAnycastIpList",
            {"name": "my-list", "ipCount": 21, "tags": {"items": kv(team="alpha")}},
            {
                "anycastIpList": {
                    "id": "aip_123abc",
                    "name": "my-list",
                    "arn": f"arn:aws:cloudfront::{A}:anycastiplist/aip_123abc",
                }
            },
        ),
        change(f"arn:aws:cloudfront::{A}:anycastiplist/aip_123abc", T),
    ),
    held(
        "workspaces-instances-2022-07-26",
        "CreateWorkspaceInstance",
        "awsworkspacesmanagedinstances",
        record(
            "workspaces-instances",
            "CreateWorkspaceInstance",
            {"managedInstance": {"instanceType": "t3.medium"}, "tags": kv(team="alpha")},
            {"workspaceInstanceId": "wsinst-0123456789abcdef0"},
        ),
        change(f"arn:aws:workspaces-instances:us-east-1:{A}:workspaceinstance/wsinst-0123456789abcdef0", T),
    ),
    held(
        "ec2-2016-11-15",
        "AuthorizeSecurityGroupEgress",
        "amazonec2",
        record(
            "ec2",
            "AuthorizeSecurityGroupEgress",
            {
                "groupId": "sg-1a2b3c4d",
                "ipPermissions": {"items": []},
                "tagSpecificationSet": tag_specifications("security-group-rule"),
            },
            {
                "_return": True,
                "securityGroupRuleSet": {
                    "items": [
                        {
                            "securityGroupRuleId": "sgr-0123456789abcdef0",
                            "groupId": "sg-1a2b3c4d",
                            "isEgress": True,
                        }
                    ]
                },
            },
        ),
        change(f"arn:aws:ec2:us-east-1:{A}:security-group-rule/sgr-0123456789abcdef0", T),
        note="the tags are the new rule's, not the group's",
    ),
    held(
        "cloudtrail-2013-11-01",
        "CreateEventDataStore",
        "awscloudtrail",
        record(
            "cloudtrail",
            "CreateEventDataStore",
            {"name": "my-event-data-store", "tagsList": kv(team="alpha")},
            {
                "eventDataStoreArn": f"arn:aws:cloudtrail:us-east-1:{A}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE",
                "name": "my-event-data-store",
            },
        ),
        change(f"arn:aws:cloudtrail:us-east-1:{A}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE", T),
    ),
    held(
        "dms-2016-01-01",
        "CreateMigrationProject",
        "awsdatabasemigrationservice",
        record(
            "dms",
            "CreateMigrationProject",
            {
                "migrationProjectName": "my-project",
                "instanceProfileIdentifier": "my-profile",
                "tags": kv(team="alpha"),
            },
            {
                "migrationProject": {
                    "migrationProjectName": "my-project",
                    "migrationProjectArn": f"arn:aws:dms:us-east-1:{A}:migration-project:EXAMPLEABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
                    "instanceProfileArn": f"arn:aws:dms:us-east-1:{A}:instance-profile:EXAMPLE0123456789",
                }
            },
        ),
        change(f"arn:aws:dms:us-east-1:{A}:migration-project:EXAMPLEABCDEFGHIJKLMNOPQRSTUVWXYZ012345", T),
    ),
    held(
        "connect-2017-08-08",
        "CreateUserHierarchyGroup",
        "amazonconnect",
        record(
            "connect",
            "CreateUserHierarchyGroup",
            {"name": "agents", "instanceId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "tags": M},
            {
                "hierarchyGroupId": "b2c3d4e5-6789-01ab-cdef-EXAMPLE22222",
                "hierarchyGroupArn": f"arn:aws:connect:us-west-2:{A}:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent-group/b2c3d4e5-6789-01ab-cdef-EXAMPLE22222",
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:connect:us-west-2:{A}:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent-group/b2c3d4e5-6789-01ab-cdef-EXAMPLE22222",
            T,
        ),
    ),
    held(
        "codestar-connections-2019-12-01",
        "TagResource",
        "awscodestarconnections",
        record(
            "codestar-connections",
            "TagResource",
            {
                "resourceArn": f"arn:aws:codestar-connections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
                "tags": kv(team="alpha"),
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:codestar-connections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
            T,
        ),
    ),
    held(
        "batch-2016-08-10",
        "CreateComputeEnvironment",
        "awsbatch",
        record(
            "batch",
            "CreateComputeEnvironment",
            {"computeEnvironmentName": "C4OnDemand", "type": "MANAGED", "tags": M},
            {
                "computeEnvironmentName": "C4OnDemand",
                "computeEnvironmentArn": f"arn:aws:batch:us-east-1:{A}:compute-environment/C4OnDemand",
            },
        ),
        change(f"arn:aws:batch:us-east-1:{A}:compute-environment/C4OnDemand", T),
    ),
    held(
        "wafv2-2019-07-29",
        "UntagResource",
        "awswafv2",
        record(
            "wafv2",
            "UntagResource",
            {
                "resourceARN": f"arn:aws:wafv2:us-east-1:{A}:global/webacl/ExampleWebACL/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "tagKeys": ["team"],
            },
        ),
        change(
            f"arn:aws:wafv2:us-east-1:{A}:global/webacl/ExampleWebACL/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
            removed=("team",),
        ),
    ),
    held(
        "discovery-2015-11-01",
        "CreateTags",
        "awsapplicationdiscoveryservice",
        record(
            "discovery",
            "CreateTags",
            {"configurationIds": ["d-server-099385097ef9fbcfb"], "tags": lkv(team="alpha")},
            region="us-west-2",
        ),
        unresolved("d-server-099385097ef9fbcfb", T),
        note="the Service Authorization Reference gives Application Discovery Service no resource types",
    ),
    held(
        "clouddirectory-2017-01-11",
        "UntagResource",
        "amazonclouddirectory",
        record(
            "clouddirectory",
            "UntagResource",
            {
                "resourceArn": f"arn:aws:clouddirectory:us-west-2:{A}:directory/AYb8AOV81kHNgdj8mAO3dNY",
                "tagKeys": ["team"],
            },
            region="us-west-2",
        ),
        change(f"arn:aws:clouddirectory:us-west-2:{A}:directory/AYb8AOV81kHNgdj8mAO3dNY", removed=("team",)),
    ),
]
