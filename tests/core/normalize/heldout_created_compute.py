"""Held-out corpus, part two (b): created databases, brokers, gateways, tasks and rules."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


CREATED_COMPUTE_ENTRIES: list[dict[str, Any]] = [
    held(
        "dms-2016-01-01",
        "CreateReplicationInstance",
        "awsdatabasemigrationservice",
        record(
            "dms",
            "CreateReplicationInstance",
            {
                "replicationInstanceIdentifier": "test-rep-1",
                "replicationInstanceClass": "dms.t3.medium",
                "tags": kv(team="alpha"),
            },
            {
                "replicationInstance": {
                    "replicationInstanceIdentifier": "test-rep-1",
                    "replicationInstanceArn": f"arn:aws:dms:us-east-1:{A}:rep:6UTDJGBOUS3VI3SUWA66XFJCJQ",
                }
            },
        ),
        change(f"arn:aws:dms:us-east-1:{A}:rep:6UTDJGBOUS3VI3SUWA66XFJCJQ", T),
    ),
    held(
        "redshift-serverless-2021-04-21",
        "CreateNamespace",
        "amazonredshiftserverless",
        record(
            "redshift-serverless",
            "CreateNamespace",
            {"namespaceName": "analytics", "dbName": "dev", "tags": lkv(team="alpha")},
            {
                "namespace": {
                    "namespaceName": "analytics",
                    "namespaceId": "1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
                    "namespaceArn": f"arn:aws:redshift-serverless:us-east-1:{A}:namespace/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d",
                }
            },
        ),
        change(
            f"arn:aws:redshift-serverless:us-east-1:{A}:namespace/1a2b3c4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d", T
        ),
    ),
    held(
        "opensearch-2021-01-01",
        "CreateDomain",
        "amazonopensearchservice",
        record(
            "es",
            "CreateDomain",
            {
                "domainName": "search-logs",
                "engineVersion": "OpenSearch_2.11",
                "tagList": kv(team="alpha"),
            },
            {
                "domainStatus": {
                    "domainId": f"{A}/search-logs",
                    "domainName": "search-logs",
                    "ARN": f"arn:aws:es:us-west-1:{A}:domain/search-logs",
                }
            },
            region="us-west-1",
        ),
        change(f"arn:aws:es:us-west-1:{A}:domain/search-logs", T),
    ),
    held(
        "mq-2017-11-27",
        "CreateBroker",
        "amazonmq",
        record(
            "mq",
            "CreateBroker",
            {
                "brokerName": "MyBroker",
                "deploymentMode": "SINGLE_INSTANCE",
                "engineType": "ACTIVEMQ",
                "tags": M,
            },
            {
                "brokerArn": f"arn:aws:mq:us-east-2:{A}:broker:MyBroker:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
                "brokerId": "b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9",
            },
            region="us-east-2",
        ),
        change(f"arn:aws:mq:us-east-2:{A}:broker:MyBroker:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9", T),
    ),
    held(
        "storagegateway-2013-06-30",
        "ActivateGateway",
        "awsstoragegateway",
        record(
            "storagegateway",
            "ActivateGateway",
            {
                "activationKey": "29AV1-3OFV9-VVIUB-NKT0I-LRO6V",
                "gatewayName": "My_Gateway",
                "gatewayRegion": "us-east-1",
                "tags": kv(team="alpha"),
            },
            {"gatewayARN": f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B"},
        ),
        change(f"arn:aws:storagegateway:us-east-1:{A}:gateway/sgw-12A3456B", T),
    ),
    held(
        "datasync-2018-11-09",
        "CreateTask",
        "awsdatasync",
        record(
            "datasync",
            "CreateTask",
            {
                "sourceLocationArn": f"arn:aws:datasync:us-east-2:{A}:location/loc-1111aaaa2222bbbb3",
                "destinationLocationArn": f"arn:aws:datasync:us-east-2:{A}:location/loc-3333cccc4444dddd5",
                "name": "MyTask",
                "tags": kv(team="alpha"),
            },
            {"taskArn": f"arn:aws:datasync:us-east-2:{A}:task/task-08de6e6697796f026"},
            region="us-east-2",
        ),
        change(f"arn:aws:datasync:us-east-2:{A}:task/task-08de6e6697796f026", T),
        note="the request's location ARNs are the task's source and destination, not its target",
    ),
    held(
        "ecs-2014-11-13",
        "RegisterTaskDefinition",
        "amazonelasticcontainerservice",
        record(
            "ecs",
            "RegisterTaskDefinition",
            {
                "family": "sleep360",
                "containerDefinitions": [{"name": "sleep", "image": "busybox"}],
                "tags": lkv(team="alpha"),
            },
            {
                "taskDefinition": {
                    "taskDefinitionArn": f"arn:aws:ecs:us-east-1:{A}:task-definition/sleep360:19",
                    "family": "sleep360",
                    "revision": 19,
                }
            },
        ),
        change(f"arn:aws:ecs:us-east-1:{A}:task-definition/sleep360:19", T),
    ),
    held(
        "ecs-2014-11-13",
        "RunTask",
        "amazonelasticcontainerservice",
        record(
            "ecs",
            "RunTask",
            {"cluster": "default", "taskDefinition": "sleep360:1", "count": 2, "tags": lkv(team="alpha")},
            {
                "tasks": [
                    {
                        "taskArn": f"arn:aws:ecs:us-east-1:{A}:task/default/a1b2c3d4e5f64a1b8c9d0e1f2a3b4c5d",
                        "clusterArn": f"arn:aws:ecs:us-east-1:{A}:cluster/default",
                        "taskDefinitionArn": f"arn:aws:ecs:us-east-1:{A}:task-definition/sleep360:1",
                    },
                    {
                        "taskArn": f"arn:aws:ecs:us-east-1:{A}:task/default/b2c3d4e5f6a74b2c9d0e1f2a3b4c5d6e",
                        "clusterArn": f"arn:aws:ecs:us-east-1:{A}:cluster/default",
                        "taskDefinitionArn": f"arn:aws:ecs:us-east-1:{A}:task-definition/sleep360:1",
                    },
                ]
            },
        ),
        change(f"arn:aws:ecs:us-east-1:{A}:task/default/a1b2c3d4e5f64a1b8c9d0e1f2a3b4c5d", T),
        change(f"arn:aws:ecs:us-east-1:{A}:task/default/b2c3d4e5f6a74b2c9d0e1f2a3b4c5d6e", T),
    ),
    held(
        "eks-2017-11-01",
        "CreateNodegroup",
        "amazonelastickubernetesservice",
        record(
            "eks",
            "CreateNodegroup",
            {
                "clusterName": "my-cluster",
                "nodegroupName": "my-nodegroup",
                "nodeRole": f"arn:aws:iam::{A}:role/node",
                "tags": M,
            },
            {
                "nodegroup": {
                    "nodegroupName": "my-nodegroup",
                    "clusterName": "my-cluster",
                    "nodegroupArn": f"arn:aws:eks:us-west-2:{A}:nodegroup/my-cluster/my-nodegroup/a8c75f2f-df78-a72f-4063-4b69af3de5b1",
                }
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:eks:us-west-2:{A}:nodegroup/my-cluster/my-nodegroup/a8c75f2f-df78-a72f-4063-4b69af3de5b1",
            T,
        ),
    ),
    held(
        "xray-2016-04-12",
        "CreateSamplingRule",
        "awsx-ray",
        record(
            "xray",
            "CreateSamplingRule",
            {
                "samplingRule": {"ruleName": "base-scorekeep", "resourceARN": "*", "priority": 9000},
                "tags": kv(team="alpha"),
            },
            {
                "samplingRuleRecord": {
                    "samplingRule": {
                        "ruleName": "base-scorekeep",
                        "ruleARN": f"arn:aws:xray:us-west-2:{A}:sampling-rule/base-scorekeep",
                        "resourceARN": "*",
                    }
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:xray:us-west-2:{A}:sampling-rule/base-scorekeep", T),
    ),
    held(
        "codestar-notifications-2019-10-15",
        "CreateNotificationRule",
        "awscodestarnotifications",
        record(
            "codestar-notifications",
            "CreateNotificationRule",
            {
                "name": "MyNotificationRule",
                "resource": f"arn:aws:codecommit:us-east-1:{A}:MyDemoRepo",
                "eventTypeIds": ["codecommit-repository-branches-and-tags-created"],
                "targets": [
                    {
                        "targetType": "SNS",
                        "targetAddress": f"arn:aws:sns:us-east-1:{A}:MyNotificationTopic",
                    }
                ],
                "detailType": "FULL",
                "tags": M,
            },
            {"arn": f"arn:aws:codestar-notifications:us-east-1:{A}:notificationrule/dc82df7a-EXAMPLE"},
        ),
        change(f"arn:aws:codestar-notifications:us-east-1:{A}:notificationrule/dc82df7a-EXAMPLE", T),
        note="the request's resource is the repository the rule watches, not the rule",
    ),
    held(
        "amp-2020-08-01",
        "CreateWorkspace",
        "amazonmanagedserviceforprometheus",
        record(
            "aps",
            "CreateWorkspace",
            {"alias": "prod", "tags": M},
            {
                "workspaceId": "ws-ae8c43f8-2cbb-4ba5-8a3e-aa97f4a2b4e7",
                "arn": f"arn:aws:aps:us-west-2:{A}:workspace/ws-ae8c43f8-2cbb-4ba5-8a3e-aa97f4a2b4e7",
                "status": {"statusCode": "CREATING"},
            },
            region="us-west-2",
        ),
        change(f"arn:aws:aps:us-west-2:{A}:workspace/ws-ae8c43f8-2cbb-4ba5-8a3e-aa97f4a2b4e7", T),
    ),
]
