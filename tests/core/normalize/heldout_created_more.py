"""Held-out corpus, part two: more created resources, whose responses hold other ARNs too."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


CREATED_MORE_ENTRIES: list[dict[str, Any]] = [
    held(
        "license-manager-2018-08-01",
        "CreateLicenseConfiguration",
        "awslicensemanager",
        record(
            "license-manager",
            "CreateLicenseConfiguration",
            {"name": "windows-server", "licenseCountingType": "vCPU", "tags": kv(team="alpha")},
            {
                "licenseConfigurationArn": f"arn:aws:license-manager:us-west-2:{A}:license-configuration:lic-0123456789abcdef0123456789abcdef"
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:license-manager:us-west-2:{A}:license-configuration:lic-0123456789abcdef0123456789abcdef",
            T,
        ),
    ),
    held(
        "detective-2018-10-26",
        "CreateGraph",
        "amazondetective",
        record(
            "detective",
            "CreateGraph",
            {"tags": M},
            {"graphArn": f"arn:aws:detective:us-east-1:{A}:graph:027c7c4610ea4aacaf0b883093cab899"},
        ),
        change(f"arn:aws:detective:us-east-1:{A}:graph:027c7c4610ea4aacaf0b883093cab899", T),
    ),
    held(
        "inspector2-2020-06-08",
        "CreateFilter",
        "amazoninspector2",
        record(
            "inspector2",
            "CreateFilter",
            {"action": "SUPPRESS", "name": "low-sev", "filterCriteria": {}, "tags": M},
            {"arn": f"arn:aws:inspector2:us-east-1:{A}:owner/{A}/filter/0a1b2c3d4e5f6a7b"},
        ),
        change(f"arn:aws:inspector2:us-east-1:{A}:owner/{A}/filter/0a1b2c3d4e5f6a7b", T),
    ),
    held(
        "accessanalyzer-2019-11-01",
        "CreateAnalyzer",
        "awsiamaccessanalyzer",
        record(
            "access-analyzer",
            "CreateAnalyzer",
            {"analyzerName": "ConsoleAnalyzer", "type": "ACCOUNT", "tags": M},
            {"arn": f"arn:aws:access-analyzer:eu-west-1:{A}:analyzer/ConsoleAnalyzer"},
            region="eu-west-1",
        ),
        change(f"arn:aws:access-analyzer:eu-west-1:{A}:analyzer/ConsoleAnalyzer", T),
    ),
    held(
        "fms-2018-01-01",
        "PutPolicy",
        "awsfirewallmanager",
        record(
            "fms",
            "PutPolicy",
            {
                "policy": {"policyName": "sg-policy", "resourceType": "AWS::EC2::Instance"},
                "tagList": kv(team="alpha"),
            },
            {
                "policy": {"policyId": "1a2b3c4d-5e6f-7a8b-9c0d-111122223333", "policyName": "sg-policy"},
                "policyArn": f"arn:aws:fms:us-east-1:{A}:policy/1a2b3c4d-5e6f-7a8b-9c0d-111122223333",
            },
        ),
        change(f"arn:aws:fms:us-east-1:{A}:policy/1a2b3c4d-5e6f-7a8b-9c0d-111122223333", T),
    ),
    held(
        "iot-2015-05-28",
        "CreateThingGroup",
        "awsiot",
        record(
            "iot",
            "CreateThingGroup",
            {"thingGroupName": "LightBulbs", "tags": kv(team="alpha")},
            {
                "thingGroupName": "LightBulbs",
                "thingGroupArn": f"arn:aws:iot:us-west-2:{A}:thinggroup/LightBulbs",
                "thingGroupId": "9198bf9f-1e76-4a88-8e8c-e7140142c331",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:iot:us-west-2:{A}:thinggroup/LightBulbs", T),
    ),
    held(
        "iot-2015-05-28",
        "CreatePolicy",
        "awsiot",
        record(
            "iot",
            "CreatePolicy",
            {"policyName": "UpdateDeviceCertPolicy", "policyDocument": "{}", "tags": kv(team="alpha")},
            {
                "policyName": "UpdateDeviceCertPolicy",
                "policyArn": f"arn:aws:iot:us-west-2:{A}:policy/UpdateDeviceCertPolicy",
                "policyVersionId": "1",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:iot:us-west-2:{A}:policy/UpdateDeviceCertPolicy", T),
    ),
    held(
        "eventbridge-2015-10-07",
        "PutRule",
        "amazoneventbridge",
        record(
            "events",
            "PutRule",
            {
                "name": "order-created",
                "eventBusName": "orders",
                "eventPattern": "{}",
                "tags": kv(team="alpha"),
            },
            {"ruleArn": f"arn:aws:events:eu-west-1:{A}:rule/orders/order-created"},
            region="eu-west-1",
        ),
        change(f"arn:aws:events:eu-west-1:{A}:rule/orders/order-created", T),
    ),
    held(
        "appstream-2016-12-01",
        "CreateFleet",
        "amazonappstream2.0",
        record(
            "appstream",
            "CreateFleet",
            {
                "name": "ExampleFleet",
                "instanceType": "stream.standard.medium",
                "imageName": "base",
                "tags": M,
            },
            {
                "fleet": {
                    "arn": f"arn:aws:appstream:us-east-1:{A}:fleet/ExampleFleet",
                    "name": "ExampleFleet",
                    "imageArn": "arn:aws:appstream:us-east-1::image/base",
                }
            },
        ),
        change(f"arn:aws:appstream:us-east-1:{A}:fleet/ExampleFleet", T),
    ),
    held(
        "batch-2016-08-10",
        "CreateJobQueue",
        "awsbatch",
        record(
            "batch",
            "CreateJobQueue",
            {"jobQueueName": "LowPriority", "priority": 1, "computeEnvironmentOrder": [], "tags": M},
            {
                "jobQueueName": "LowPriority",
                "jobQueueArn": f"arn:aws:batch:us-east-1:{A}:job-queue/LowPriority",
            },
        ),
        change(f"arn:aws:batch:us-east-1:{A}:job-queue/LowPriority", T),
    ),
    held(
        "states-2016-11-23",
        "CreateActivity",
        "awsstepfunctions",
        record(
            "states",
            "CreateActivity",
            {"name": "my-activity", "tags": lkv(team="alpha")},
            {
                "activityArn": f"arn:aws:states:sa-east-1:{A}:activity:my-activity",
                "creationDate": "2024-06-01T12:00:00Z",
            },
            region="sa-east-1",
        ),
        change(f"arn:aws:states:sa-east-1:{A}:activity:my-activity", T),
    ),
    held(
        "glue-2017-03-31",
        "CreateRegistry",
        "awsglue",
        record(
            "glue",
            "CreateRegistry",
            {"registryName": "my-registry", "tags": M},
            {
                "registryArn": f"arn:aws:glue:us-east-2:{A}:registry/my-registry",
                "registryName": "my-registry",
            },
            region="us-east-2",
        ),
        change(f"arn:aws:glue:us-east-2:{A}:registry/my-registry", T),
    ),
]
