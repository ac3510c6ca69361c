"""Held-out corpus, round seven, part A (continued: draws 15 to 28): see
tests/core/normalize/heldout7a_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import M, T, untag_call
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held, kv, lkv

PI = f"arn:aws:pi:us-east-2:{A}:metrics/rds/db-ABCDEFGHIJKLMNOPQRSTUVWXY1"
REFACTOR = (
    f"arn:aws:refactor-spaces:us-west-2:{B}:environment/env-abcde12345/application/app-fghij67890"
    "/service/svc-klmno13579"
)
GRAFANA = f"arn:aws:grafana:eu-west-2:{A}:/workspaces/g-abcdef1234"
MPA_TEAM = f"arn:aws:mpa:us-east-1:{A}:approval-team/a1b2c3d4e5f6g7h8"
STACK = f"arn:aws:cloudformation:sa-east-1:{A}:stack/my-stack/5b6c7d8e-9f01-23ab-cdef-EXAMPLE44444"
CHANGE_SET = (
    f"arn:aws:cloudformation:sa-east-1:{A}:changeSet/my-change-set/1a2b3c4d-5e6f-7a8b-9c0d-EXAMPLE55555"
)
PLAN = f"arn:aws:arc-region-switch::{A}:plan/my-plan:a1b2c3"
LB = f"arn:aws:elasticloadbalancing:eu-west-1:{A}:loadbalancer/app/my-load-balancer/50dc6c495c0c9188"
LISTENER = f"arn:aws:elasticloadbalancing:eu-west-1:{A}:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2"
TARGETS = f"arn:aws:elasticloadbalancing:eu-west-1:{A}:targetgroup/my-targets/73e2d6bc24d8a067"
PLUGIN = f"arn:aws:kafkaconnect:ap-southeast-1:{A}:custom-plugin/my-connector-plugin/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111-4"
CHANNEL = f"arn:aws:mediapackagev2:eu-west-1:{A}:channelGroup/my-channel-group/channel/my-channel"
WRAPPING_KEY = f"arn:aws:payment-cryptography:us-west-2:{A}:key/ov6icy4ryas4zcza"
IMPORTED_KEY = f"arn:aws:payment-cryptography:us-west-2:{A}:key/tqv5yij6wtxx64pi"
KEY_ATTRIBUTES = {
    "KeyUsage": "TR31_D0_SYMMETRIC_DATA_ENCRYPTION_KEY",
    "KeyClass": "SYMMETRIC_KEY",
    "KeyAlgorithm": "AES_128",
    "KeyModesOfUse": {"Encrypt": True, "Decrypt": True, "Wrap": True, "Unwrap": True},
}

ROUND7A_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "route53profiles-2018-05-10",
        "AssociateProfile",
        "amazonroute53profiles",
        record(
            "route53profiles",
            "AssociateProfile",
            {
                "Name": "my-association",
                "ProfileId": "rp-0123456789abcdef",
                "ResourceId": "vpc-0123456789abcdef0",
                "Tags": kv(team="alpha"),
            },
            {
                "ProfileAssociation": {
                    "CreationTime": "2024-06-01T12:00:00Z",
                    "Id": "rpassoc-0123456789abcdef",
                    "ModificationTime": "2024-06-01T12:00:00Z",
                    "Name": "my-association",
                    "OwnerId": A,
                    "ProfileId": "rp-0123456789abcdef",
                    "ResourceId": "vpc-0123456789abcdef0",
                    "Status": "CREATING",
                    "StatusMessage": "Creating Profile Association",
                }
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:route53profiles:eu-west-1:{A}:profile-association/rpassoc-0123456789abcdef", T),
        note="the tags identify the Profile association, not the profile or the VPC",
    ),
    held(
        "pi-2018-02-27",
        "UntagResource",
        "awsperformanceinsights",
        record(
            "pi",
            "UntagResource",
            {"ServiceType": "RDS", "ResourceARN": PI, "TagKeys": ["team"]},
            {},
            region="us-east-2",
        ),
        change(PI, removed=("team",)),
    ),
    held(
        "migration-hub-refactor-spaces-2021-10-26",
        "CreateService",
        "awsmigrationhubrefactorspaces",
        record(
            "refactor-spaces",
            "CreateService",
            {
                "EnvironmentIdentifier": "env-abcde12345",
                "ApplicationIdentifier": "app-fghij67890",
                "Name": "my-service",
                "EndpointType": "URL",
                "UrlEndpoint": {"Url": "http://10.0.1.25:8080/orders"},
                "VpcId": "vpc-0123456789abcdef0",
                "Tags": M,
            },
            {
                "ApplicationId": "app-fghij67890",
                "Arn": REFACTOR,
                "CreatedByAccountId": A,
                "CreatedTime": "2024-06-01T12:00:00Z",
                "EndpointType": "URL",
                "EnvironmentId": "env-abcde12345",
                "Name": "my-service",
                "OwnerAccountId": B,
                "ServiceId": "svc-klmno13579",
                "State": "CREATING",
                "Tags": M,
                "UrlEndpoint": {"Url": "http://10.0.1.25:8080/orders"},
                "VpcId": "vpc-0123456789abcdef0",
            },
            region="us-west-2",
        ),
        change(REFACTOR, T),
        note="the service's owner is always the environment's owner, another account than the caller's",
    ),
    held(
        "memorydb-2021-01-01",
        "CreateParameterGroup",
        "amazonmemorydb",
        record(
            "memorydb",
            "CreateParameterGroup",
            {"ParameterGroupName": "my-pg", "Family": "memorydb_redis7", "Tags": kv(team="alpha")},
            {
                "ParameterGroup": {
                    "Name": "my-pg",
                    "Family": "memorydb_redis7",
                    "Description": " ",
                    "ARN": f"arn:aws:memorydb:ap-south-1:{A}:parametergroup/my-pg",
                }
            },
            region="ap-south-1",
        ),
        change(f"arn:aws:memorydb:ap-south-1:{A}:parametergroup/my-pg", T),
    ),
    untag_call(
        "grafana-2020-08-18",
        "amazonmanagedgrafana",
        "grafana",
        "UntagResource",
        {"resourceArn": GRAFANA, "tagKeys": ["team"]},
        GRAFANA,
        region="eu-west-2",
    ),
    untag_call(
        "mpa-2022-07-26",
        "multi-partyapproval",
        "mpa",
        "UntagResource",
        {"ResourceArn": MPA_TEAM, "TagKeys": ["team"]},
        MPA_TEAM,
    ),
    held(
        "cloudformation-2010-05-15",
        "CreateChangeSet",
        "awscloudformation",
        record(
            "cloudformation",
            "CreateChangeSet",
            {
                "stackName": "my-stack",
                "templateURL": "https://amzn-s3-demo-bucket.s3.amazonaws.com/template.yaml",
                "changeSetName": "my-change-set",
                "changeSetType": "CREATE",
                "tags": kv(team="alpha"),
            },
            {"id": CHANGE_SET, "stackId": STACK},
            region="sa-east-1",
        ),
        change(STACK, T),
        note="the tags are documented as the stack's (and propagated to its resources), not the change set's",
    ),
    held(
        "arc-region-switch-2022-07-26",
        "CreatePlan",
        "amazonarcregionswitch",
        record(
            "arc-region-switch",
            "CreatePlan",
            {
                "name": "my-plan",
                "workflows": [
                    {
                        "workflowTargetAction": "activate",
                        "workflowTargetRegion": "us-west-2",
                        "steps": [
                            {
                                "name": "approve",
                                "executionBlockType": "ManualApproval",
                                "executionBlockConfiguration": {
                                    "executionApprovalConfig": {
                                        "approvalRole": f"arn:aws:iam::{A}:role/RegionSwitchApprover",
                                        "timeoutMinutes": 60,
                                    }
                                },
                            }
                        ],
                    }
                ],
                "executionRole": f"arn:aws:iam::{A}:role/RegionSwitchExecution",
                "regions": ["us-east-1", "us-west-2"],
                "recoveryApproach": "activePassive",
                "primaryRegion": "us-east-1",
                "tags": M,
            },
            {
                "plan": {
                    "arn": PLAN,
                    "name": "my-plan",
                    "executionRole": f"arn:aws:iam::{A}:role/RegionSwitchExecution",
                    "regions": ["us-east-1", "us-west-2"],
                    "recoveryApproach": "activePassive",
                    "primaryRegion": "us-east-1",
                    "owner": A,
                    "version": "1",
                    "updatedAt": "2024-06-01T12:00:00Z",
                }
            },
        ),
        change(PLAN, T),
        note="a plan's ARN has no region and ends in a suffix the service adds to the name",
    ),
    held(
        "elasticloadbalancingv2-2015-12-01",
        "CreateListener",
        "awselasticloadbalancing",
        record(
            "elasticloadbalancing",
            "CreateListener",
            {
                "loadBalancerArn": LB,
                "protocol": "HTTP",
                "port": 80,
                "defaultActions": [{"type": "forward", "targetGroupArn": TARGETS}],
                "tags": kv(team="alpha"),
            },
            {
                "listeners": [
                    {
                        "listenerArn": LISTENER,
                        "loadBalancerArn": LB,
                        "port": 80,
                        "protocol": "HTTP",
                        "defaultActions": [{"type": "forward", "targetGroupArn": TARGETS}],
                    }
                ]
            },
            region="eu-west-1",
        ),
        change(LISTENER, T),
        note="the tags are the listener's, not the load balancer's or the target group's",
    ),
    held(
        "kafkaconnect-2021-09-14",
        "CreateCustomPlugin",
        "amazonmanagedstreamingforkafkaconnect",
        record(
            "kafkaconnect",
            "CreateCustomPlugin",
            {
                "name": "my-connector-plugin",
                "contentType": "JAR",
                "location": {
                    "s3Location": {"bucketArn": "arn:aws:s3:::amzn-s3-demo-bucket", "fileKey": "plugin.jar"}
                },
                "tags": M,
            },
            {
                "customPluginArn": PLUGIN,
                "customPluginState": "CREATING",
                "name": "my-connector-plugin",
                "revision": 1,
            },
            region="ap-southeast-1",
        ),
        change(PLUGIN, T),
        note="the tags are the plugin's, not the bucket's",
    ),
    held(
        "mediapackagev2-2022-12-25",
        "CreateChannel",
        "awselementalmediapackagev2",
        record(
            "mediapackagev2",
            "CreateChannel",
            {
                "ChannelGroupName": "my-channel-group",
                "ChannelName": "my-channel",
                "InputType": "CMAF",
                "Tags": M,
            },
            {
                "Arn": CHANNEL,
                "ChannelName": "my-channel",
                "ChannelGroupName": "my-channel-group",
                "CreatedAt": "2024-06-01T12:00:00Z",
                "ModifiedAt": "2024-06-01T12:00:00Z",
                "IngestEndpoints": [
                    {
                        "Id": "1",
                        "Url": "https://abcde1.ingest.vwxyz.mediapackagev2.eu-west-1.amazonaws.com/in/v1/x",
                    }
                ],
                "InputType": "CMAF",
                "ETag": "GlfT+dJxvtN2f5mdVxLwqEg2E3g=",
                "Tags": M,
            },
            region="eu-west-1",
        ),
        change(CHANNEL, T),
        note="the tags are the channel's, not the channel group's",
    ),
    held(
        "elasticmapreduce-2009-03-31",
        "CreatePersistentAppUI",
        "amazonelasticmapreduce",
        record(
            "elasticmapreduce",
            "CreatePersistentAppUI",
            {
                "targetResourceArn": f"arn:aws:elasticmapreduce:us-east-1:{A}:cluster/j-3SD91U2E1L2QX",
                "tags": lkv(team="alpha"),
            },
            {"persistentAppUIId": "pa-ABCDEFGHIJ0123456789", "runtimeRoleEnabledCluster": False},
        ),
        unresolved("", T),
        note="the reference has no ARN format for a persistent application UI; the cluster is only named",
    ),
    held(
        "payment-cryptography-2021-09-14",
        "ImportKey",
        "awspaymentcryptography",
        record(
            "payment-cryptography",
            "ImportKey",
            {
                "KeyMaterial": {
                    "Tr31KeyBlock": {
                        "WrappingKeyIdentifier": WRAPPING_KEY,
                        "WrappedKeyBlock": "D0112B0AX00E00002E0A3D58252CB67564853373D1EBCC1E23B2ADE7B15E967CC27B85D599",
                    }
                },
                "KeyCheckValueAlgorithm": "ANSI_X9_24",
                "Enabled": True,
                "Tags": kv(team="alpha"),
            },
            {
                "Key": {
                    "KeyArn": IMPORTED_KEY,
                    "KeyAttributes": KEY_ATTRIBUTES,
                    "KeyCheckValue": "7CC9E2",
                    "KeyCheckValueAlgorithm": "ANSI_X9_24",
                    "Enabled": True,
                    "Exportable": True,
                    "KeyState": "CREATE_COMPLETE",
                    "KeyOrigin": "EXTERNAL",
                    "CreateTimestamp": "2024-06-01T12:00:00Z",
                }
            },
            region="us-west-2",
        ),
        change(IMPORTED_KEY, T),
        note="the tags are the imported key's, not the wrapping key's",
    ),
    held(
        "mailmanager-2023-10-17",
        "CreateAddonSubscription",
        "amazonsimpleemailservicev2",
        record(
            "ses",
            "CreateAddonSubscription",
            {"AddonName": "SPAMHAUS_DBL", "Tags": kv(team="alpha")},
            {"AddonSubscriptionId": "as-abcdefghij0123456789"},
            region="eu-central-1",
        ),
        change(f"arn:aws:ses:eu-central-1:{A}:addon-subscription/as-abcdefghij0123456789", T),
        note="Mail Manager is logged under ses.amazonaws.com and its ARNs carry the ses prefix",
    ),
]
