"""Held-out corpus, round six (continued): see tests/core/normalize/heldout6_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

CA = f"arn:aws:acm-pca:us-east-1:{A}:certificate-authority/12345678-1234-1234-1234-123456789012"
SCOPE = f"arn:aws:networkflowmonitor:us-east-1:{A}:scope/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
CHANNEL = f"arn:aws:mediapackage:us-west-2:{A}:channels/6d345804ec3f46c9b454a91d4a80d0e0"
TASK_SET = f"arn:aws:ecs:us-east-1:{A}:task-set/MyCluster/MyService/ecs-svc/1234567890123456789"
GS_CONFIG = f"arn:aws:groundstation:us-east-2:{A}:config/tracking/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
ASSOCIATION = f"arn:aws:codeguru-reviewer:us-west-2:{A}:association:a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
ROUTER = f"arn:aws:appmesh:us-west-2:{A}:mesh/apps/virtualRouter/serviceB"
ENVIRONMENT = f"arn:aws:cloud9:us-east-1:{A}:environment:8a34f51ce1e04a08882f1e811bd706EX"
MONITOR = f"arn:aws:networkmonitor:us-east-1:{A}:monitor/my-monitor"
PROFILE = f"arn:aws:b2bi:us-east-1:{A}:profile/p-60fbc37c87f04fce9"
DATA_LAKE = f"arn:aws:securitylake:us-east-1:{A}:data-lake/default"
WS_POOL = f"arn:aws:workspaces:us-east-1:{A}:workspacespool/wspool-abcd1234"
BULK = f"arn:aws:greengrass:us-east-1:{A}:/greengrass/bulk/deployments/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"

ROUND6_D_ENTRIES: list[dict[str, Any]] = [
    held(
        "acm-pca-2017-08-22",
        "UntagCertificateAuthority",
        "awsprivatecertificateauthority",
        record(
            "acm-pca", "UntagCertificateAuthority", {"certificateAuthorityArn": CA, "tags": [{"key": "team"}]}
        ),
        change(CA, removed=GONE),
    ),
    held(
        "glue-2017-03-31",
        "CreateUsageProfile",
        "awsglue",
        record(
            "glue",
            "CreateUsageProfile",
            {
                "name": "my-usage-profile",
                "configuration": {"jobConfiguration": {"numberOfWorkers": {"defaultValue": "10"}}},
                "tags": M,
            },
            {"name": "my-usage-profile"},
            region="eu-west-1",
        ),
        change(f"arn:aws:glue:eu-west-1:{A}:usageProfile/my-usage-profile", T),
    ),
    held(
        "networkflowmonitor-2023-04-19",
        "CreateScope",
        "amazoncloudwatchnetworkflowmonitor",
        record(
            "networkflowmonitor",
            "CreateScope",
            {
                "targets": [
                    {
                        "targetIdentifier": {"targetId": {"accountId": A}, "targetType": "ACCOUNT"},
                        "region": "us-east-1",
                    }
                ],
                "tags": M,
            },
            {
                "scopeId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "status": "IN_PROGRESS",
                "scopeArn": SCOPE,
                "tags": M,
            },
        ),
        change(SCOPE, T),
    ),
    held(
        "ssm-2014-11-06",
        "StartChangeRequestExecution",
        "awssystemsmanager",
        record(
            "ssm",
            "StartChangeRequestExecution",
            {
                "documentName": "AWS-HelloWorldChangeTemplate",
                "changeRequestName": "MyChangeRequest",
                "runbooks": [{"documentName": "AWS-HelloWorld"}],
                "tags": kv(team="alpha"),
            },
            {"automationExecutionId": "b5a1e5e7-7a4e-4a25-9c1e-EXAMPLE55555"},
        ),
        unresolved("", T),
        note=(
            "the tags are the change request's, an OpsItem whose id the record lacks; the response's "
            "AutomationExecutionId is the runbook workflow's"
        ),
    ),
    held(
        "mediapackage-2017-10-12",
        "CreateChannel",
        "awselementalmediapackage",
        record(
            "mediapackage",
            "CreateChannel",
            {"id": "my-channel", "tags": M},
            {"arn": CHANNEL, "id": "my-channel", "hlsIngest": {"ingestEndpoints": []}, "tags": M},
            region="us-west-2",
        ),
        change(CHANNEL, T),
    ),
    held(
        "ecs-2014-11-13",
        "CreateTaskSet",
        "amazonelasticcontainerservice",
        record(
            "ecs",
            "CreateTaskSet",
            {
                "service": "MyService",
                "cluster": "MyCluster",
                "taskDefinition": "MyTaskDefinition:2",
                "externalId": "my-external-id",
                "tags": lkv(team="alpha"),
            },
            {
                "taskSet": {
                    "id": "ecs-svc/1234567890123456789",
                    "taskSetArn": TASK_SET,
                    "serviceArn": f"arn:aws:ecs:us-east-1:{A}:service/MyCluster/MyService",
                    "clusterArn": f"arn:aws:ecs:us-east-1:{A}:cluster/MyCluster",
                    "status": "ACTIVE",
                    "taskDefinition": f"arn:aws:ecs:us-east-1:{A}:task-definition/MyTaskDefinition:2",
                    "tags": lkv(team="alpha"),
                }
            },
        ),
        change(TASK_SET, T),
        note="the tags are the task set's, not the service's or the cluster's",
    ),
    tag_call(
        "groundstation-2019-05-23",
        "awsgroundstation",
        "groundstation",
        "TagResource",
        {"resourceArn": GS_CONFIG, "tags": M},
        GS_CONFIG,
        region="us-east-2",
    ),
    untag_call(
        "codeguru-reviewer-2019-09-19",
        "amazoncodegurureviewer",
        "codeguru-reviewer",
        "UntagResource",
        {"resourceArn": ASSOCIATION, "tagKeys": ["team"]},
        ASSOCIATION,
        region="us-west-2",
    ),
    held(
        "appmesh-2019-01-25",
        "CreateVirtualRouter",
        "awsappmesh",
        record(
            "appmesh",
            "CreateVirtualRouter",
            {
                "meshName": "apps",
                "virtualRouterName": "serviceB",
                "spec": {"listeners": [{"portMapping": {"port": 80, "protocol": "http"}}]},
                "tags": lkv(team="alpha"),
            },
            {
                "virtualRouter": {
                    "meshName": "apps",
                    "metadata": {
                        "arn": ROUTER,
                        "meshOwner": A,
                        "resourceOwner": A,
                        "uid": "a1b2c3d4-5678-90ab-cdef-EXAMPLE66666",
                        "version": 1,
                    },
                    "spec": {"listeners": [{"portMapping": {"port": 80, "protocol": "http"}}]},
                    "status": {"status": "ACTIVE"},
                    "virtualRouterName": "serviceB",
                }
            },
            region="us-west-2",
        ),
        change(ROUTER, T),
        note="the tags are the router's, not the mesh's",
    ),
    untag_call(
        "cloud9-2017-09-23",
        "awscloud9",
        "cloud9",
        "UntagResource",
        {"ResourceARN": ENVIRONMENT, "TagKeys": ["team"]},
        ENVIRONMENT,
    ),
    held(
        "networkmonitor-2023-08-01",
        "CreateMonitor",
        "amazoncloudwatchnetworkmonitor",
        record(
            "networkmonitor",
            "CreateMonitor",
            {"monitorName": "my-monitor", "aggregationPeriod": 60, "tags": M},
            {
                "monitorArn": MONITOR,
                "monitorName": "my-monitor",
                "state": "PENDING",
                "aggregationPeriod": 60,
                "tags": M,
            },
        ),
        change(MONITOR, T),
    ),
    held(
        "config-2014-11-12",
        "PutResourceConfig",
        "awsconfig",
        record(
            "config",
            "PutResourceConfig",
            {
                "resourceType": "MyCompany::Server::OnPremises",
                "schemaVersionId": "00000001",
                "resourceId": "server-0001",
                "configuration": '{"os": "linux"}',
                "tags": M,
            },
        ),
        unresolved("", T),
        note="the tags are those of a third-party resource Config records; no ARN format names it",
    ),
    held(
        "b2bi-2022-06-23",
        "CreateProfile",
        "awsb2bdatainterchange",
        record(
            "b2bi",
            "CreateProfile",
            {
                "name": "my-profile",
                "phone": "5555555555",
                "businessName": "Example Corp",
                "logging": "ENABLED",
                "tags": kv(team="alpha"),
            },
            {
                "profileId": "p-60fbc37c87f04fce9",
                "profileArn": PROFILE,
                "name": "my-profile",
                "businessName": "Example Corp",
                "phone": "5555555555",
                "logging": "ENABLED",
                "createdAt": "2024-06-01T12:00:00Z",
            },
        ),
        change(PROFILE, T),
    ),
    held(
        "securitylake-2018-05-10",
        "CreateDataLake",
        "amazonsecuritylake",
        record(
            "securitylake",
            "CreateDataLake",
            {
                "configurations": [{"region": "us-east-1"}],
                "metaStoreManagerRoleArn": f"arn:aws:iam::{A}:role/AmazonSecurityLakeMetaStoreManager",
                "tags": lkv(team="alpha"),
            },
            {
                "dataLakes": [
                    {
                        "createStatus": "INITIALIZED",
                        "dataLakeArn": DATA_LAKE,
                        "region": "us-east-1",
                        "s3BucketArn": "arn:aws:s3:::aws-security-data-lake-us-east-1-example",
                    }
                ]
            },
        ),
        change(DATA_LAKE, T),
    ),
    held(
        "logs-2014-03-28",
        "UntagLogGroup",
        "amazoncloudwatchlogs",
        record(
            "logs",
            "UntagLogGroup",
            {"logGroupName": "/aws/lambda/my-function", "tags": ["team"]},
            region="eu-west-1",
        ),
        change(f"arn:aws:logs:eu-west-1:{A}:log-group:/aws/lambda/my-function", removed=GONE),
    ),
    held(
        "workspaces-2015-04-08",
        "CreateWorkspacesPool",
        "amazonworkspaces",
        record(
            "workspaces",
            "CreateWorkspacesPool",
            {
                "PoolName": "my-pool",
                "Description": "pool",
                "BundleId": "wsb-0123456789",
                "DirectoryId": "wsd-0123456789",
                "Capacity": {"DesiredUserSessions": 2},
                "Tags": kv(team="alpha"),
            },
            {
                "WorkspacesPool": {
                    "PoolId": "wspool-abcd1234",
                    "PoolArn": WS_POOL,
                    "PoolName": "my-pool",
                    "State": "CREATING",
                    "BundleId": "wsb-0123456789",
                    "DirectoryId": "wsd-0123456789",
                    "RunningMode": "AUTO_STOP",
                }
            },
        ),
        change(WS_POOL, T),
        note="the tags are the pool's, not the directory's or the bundle's",
    ),
    held(
        "sso-admin-2020-07-20",
        "CreateInstance",
        "awsiamidentitycenter",
        record(
            "sso",
            "CreateInstance",
            {"Name": "my-instance", "Tags": kv(team="alpha")},
            {"InstanceArn": "arn:aws:sso:::instance/ssoins-1234567890abcdef"},
        ),
        change("arn:aws:sso:::instance/ssoins-1234567890abcdef", T),
    ),
    held(
        "greengrass-2017-06-07",
        "StartBulkDeployment",
        "awsiotgreengrass",
        record(
            "greengrass",
            "StartBulkDeployment",
            {
                "ExecutionRoleArn": f"arn:aws:iam::{A}:role/GreengrassBulkDeployment",
                "InputFileUri": "https://amzn-s3-demo-bucket.s3.amazonaws.com/input.json",
                "tags": M,
            },
            {"BulkDeploymentArn": BULK, "BulkDeploymentId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"},
        ),
        change(BULK, T),
    ),
]
