"""Held-out corpus, round three (b): the rest of the randomly drawn operations."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv

T = values(team="alpha")
M = {"team": "alpha"}


ROUND3_MORE_ENTRIES: list[dict[str, Any]] = [
    held(
        "entityresolution-2018-05-10",
        "CreateIdMappingWorkflow",
        "awsentityresolution",
        record(
            "entityresolution",
            "CreateIdMappingWorkflow",
            {
                "workflowName": "match-ids",
                "inputSourceConfig": [],
                "idMappingTechniques": {"idMappingType": "PROVIDER"},
                "tags": M,
            },
            {
                "workflowName": "match-ids",
                "workflowArn": f"arn:aws:entityresolution:us-east-1:{A}:idmappingworkflow/match-ids",
                "inputSourceConfig": [{"inputSourceARN": f"arn:aws:glue:us-east-1:{A}:table/db/source"}],
            },
        ),
        change(f"arn:aws:entityresolution:us-east-1:{A}:idmappingworkflow/match-ids", T),
    ),
    held(
        "waf-regional-2016-11-28",
        "CreateWebACL",
        "awswafregional",
        record(
            "waf-regional",
            "CreateWebACL",
            {
                "name": "CreateExample",
                "metricName": "CreateExample",
                "defaultAction": {"type": "ALLOW"},
                "changeToken": "abcd12f2",
                "tags": kv(team="alpha"),
            },
            {
                "webACL": {
                    "webACLId": "example-46da-4444-5555-example",
                    "name": "CreateExample",
                    "rules": [],
                },
                "changeToken": "abcd12f2",
            },
            region="ap-southeast-2",
        ),
        change(f"arn:aws:waf-regional:ap-southeast-2:{A}:webacl/example-46da-4444-5555-example", T),
    ),
    held(
        "apprunner-2020-05-15",
        "CreateAutoScalingConfiguration",
        "awsapprunner",
        record(
            "apprunner",
            "CreateAutoScalingConfiguration",
            {"autoScalingConfigurationName": "high-availability", "minSize": 5, "tags": kv(team="alpha")},
            {
                "autoScalingConfiguration": {
                    "autoScalingConfigurationArn": f"arn:aws:apprunner:us-east-1:{A}:autoscalingconfiguration/high-availability/1/2f50e7656d7819fead0f59672e68042e",
                    "autoScalingConfigurationName": "high-availability",
                    "autoScalingConfigurationRevision": 1,
                }
            },
        ),
        change(
            f"arn:aws:apprunner:us-east-1:{A}:autoscalingconfiguration/high-availability/1/2f50e7656d7819fead0f59672e68042e",
            T,
        ),
    ),
    held(
        "pinpoint-sms-voice-v2-2022-03-31",
        "CreatePool",
        "amazonpinpointsmsvoicev2",
        record(
            "sms-voice",
            "CreatePool",
            {
                "originationIdentity": "+12065550100",
                "messageType": "TRANSACTIONAL",
                "tags": kv(team="alpha"),
            },
            {
                "poolArn": f"arn:aws:sms-voice:us-east-1:{A}:pool/pool-0123456789abcdef0123456789abcdef",
                "poolId": "pool-0123456789abcdef0123456789abcdef",
            },
        ),
        change(f"arn:aws:sms-voice:us-east-1:{A}:pool/pool-0123456789abcdef0123456789abcdef", T),
    ),
    held(
        "iotwireless-2020-11-22",
        "CreateDestination",
        "awsiotwireless",
        record(
            "iotwireless",
            "CreateDestination",
            {
                "name": "my-destination",
                "expressionType": "RuleName",
                "expression": "my_rule",
                "roleArn": f"arn:aws:iam::{A}:role/iotwireless",
                "tags": kv(team="alpha"),
            },
            {
                "arn": f"arn:aws:iotwireless:us-east-1:{A}:Destination/my-destination",
                "name": "my-destination",
            },
        ),
        change(f"arn:aws:iotwireless:us-east-1:{A}:Destination/my-destination", T),
    ),
    held(
        "ssm-2014-11-06",
        "CreateActivation",
        "awssystemsmanager",
        record(
            "ssm",
            "CreateActivation",
            {
                "defaultInstanceName": "web",
                "iamRole": "service-role/AmazonEC2RunCommandRoleForManagedInstances",
                "tags": kv(team="alpha"),
            },
            {"activationId": "5743558d-563b-4457-8682-d16c3EXAMPLE"},
        ),
        unresolved("5743558d-563b-4457-8682-d16c3EXAMPLE", T),
        note="the Service Authorization Reference has no format for an activation",
    ),
    held(
        "comprehend-2017-11-27",
        "StartKeyPhrasesDetectionJob",
        "amazoncomprehend",
        record(
            "comprehend",
            "StartKeyPhrasesDetectionJob",
            {
                "jobName": "keyphrases",
                "languageCode": "en",
                "dataAccessRoleArn": f"arn:aws:iam::{A}:role/comprehend",
                "tags": kv(team="alpha"),
            },
            {
                "jobId": "123456abcdeb0e11022f22a11EXAMPLE",
                "jobArn": f"arn:aws:comprehend:us-west-2:{A}:key-phrases-detection-job/123456abcdeb0e11022f22a11EXAMPLE",
                "jobStatus": "SUBMITTED",
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:comprehend:us-west-2:{A}:key-phrases-detection-job/123456abcdeb0e11022f22a11EXAMPLE",
            T,
        ),
    ),
    held(
        "bedrock-agent-2023-06-05",
        "CreateKnowledgeBase",
        "amazonbedrock",
        record(
            "bedrock",
            "CreateKnowledgeBase",
            {
                "name": "docs-kb",
                "roleArn": f"arn:aws:iam::{A}:role/kb",
                "knowledgeBaseConfiguration": {"type": "VECTOR"},
                "tags": M,
            },
            {
                "knowledgeBase": {
                    "knowledgeBaseId": "KB12345678",
                    "name": "docs-kb",
                    "knowledgeBaseArn": f"arn:aws:bedrock:us-east-1:{A}:knowledge-base/KB12345678",
                    "roleArn": f"arn:aws:iam::{A}:role/kb",
                }
            },
        ),
        change(f"arn:aws:bedrock:us-east-1:{A}:knowledge-base/KB12345678", T),
    ),
    held(
        "eks-2017-11-01",
        "RegisterCluster",
        "amazonelastickubernetesservice",
        record(
            "eks",
            "RegisterCluster",
            {
                "name": "my-connected-cluster",
                "connectorConfig": {
                    "roleArn": f"arn:aws:iam::{A}:role/eks-connector",
                    "provider": "OTHER",
                },
                "tags": M,
            },
            {
                "cluster": {
                    "name": "my-connected-cluster",
                    "arn": f"arn:aws:eks:eu-west-1:{A}:cluster/my-connected-cluster",
                    "roleArn": f"arn:aws:iam::{A}:role/eks-connector",
                }
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:eks:eu-west-1:{A}:cluster/my-connected-cluster", T),
    ),
    held(
        "sagemaker-2017-07-24",
        "CreateSpace",
        "amazonsagemaker",
        record(
            "sagemaker",
            "CreateSpace",
            {"domainId": "d-xxxxxxxxxxxx", "spaceName": "my-space", "tags": kv(team="alpha")},
            {"spaceArn": f"arn:aws:sagemaker:us-east-1:{A}:space/d-xxxxxxxxxxxx/my-space"},
        ),
        change(f"arn:aws:sagemaker:us-east-1:{A}:space/d-xxxxxxxxxxxx/my-space", T),
    ),
]
