"""Held-out corpus, part one (b): more created resources (streams, maps, media, notebooks, portfolios)."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


CREATED_MEDIA_ENTRIES: list[dict[str, Any]] = [
    held(
        "kinesisanalyticsv2-2018-05-23",
        "CreateApplication",
        "amazonkinesisanalytics",
        record(
            "kinesisanalytics",
            "CreateApplication",
            {
                "applicationName": "my-flink-app",
                "runtimeEnvironment": "FLINK-1_18",
                "serviceExecutionRole": f"arn:aws:iam::{A}:role/flink",
                "tags": kv(team="alpha"),
            },
            {
                "applicationDetail": {
                    "applicationARN": f"arn:aws:kinesisanalytics:ap-northeast-1:{A}:application/my-flink-app",
                    "applicationName": "my-flink-app",
                }
            },
            region="ap-northeast-1",
        ),
        change(f"arn:aws:kinesisanalytics:ap-northeast-1:{A}:application/my-flink-app", T),
    ),
    held(
        "kinesisvideo-2017-09-30",
        "CreateStream",
        "amazonkinesisvideostreams",
        record(
            "kinesisvideo",
            "CreateStream",
            {"streamName": "my-stream", "dataRetentionInHours": 24, "tags": M},
            {"streamARN": f"arn:aws:kinesisvideo:us-west-2:{A}:stream/my-stream/1234567890123"},
            region="us-west-2",
        ),
        change(f"arn:aws:kinesisvideo:us-west-2:{A}:stream/my-stream/1234567890123", T),
    ),
    held(
        "location-2020-11-19",
        "CreateMap",
        "amazonlocation",
        record(
            "geo",
            "CreateMap",
            {"mapName": "ExampleMap", "configuration": {"style": "VectorEsriStreets"}, "tags": M},
            {
                "mapName": "ExampleMap",
                "mapArn": f"arn:aws:geo:eu-west-1:{A}:map/ExampleMap",
                "createTime": "2020-11-19T12:00:00Z",
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:geo:eu-west-1:{A}:map/ExampleMap", T),
    ),
    held(
        "mediaconvert-2017-08-29",
        "CreateQueue",
        "awselementalmediaconvert",
        record(
            "mediaconvert",
            "CreateQueue",
            {"name": "Customer1", "description": "Jobs we run for our cusotmer.", "tags": M},
            {
                "queue": {
                    "arn": f"arn:aws:mediaconvert:us-west-2:{A}:queues/Customer1",
                    "name": "Customer1",
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:mediaconvert:us-west-2:{A}:queues/Customer1", T),
    ),
    held(
        "mwaa-2020-07-01",
        "CreateEnvironment",
        "amazonmanagedworkflowsforapacheairflow",
        record(
            "airflow",
            "CreateEnvironment",
            {
                "name": "MyAirflowEnvironment",
                "executionRoleArn": f"arn:aws:iam::{A}:role/mwaa",
                "sourceBucketArn": "arn:aws:s3:::amzn-s3-demo-bucket",
                "dagS3Path": "dags",
                "tags": M,
            },
            {"arn": f"arn:aws:airflow:us-east-1:{A}:environment/MyAirflowEnvironment"},
        ),
        change(f"arn:aws:airflow:us-east-1:{A}:environment/MyAirflowEnvironment", T),
    ),
    held(
        "opensearchserverless-2021-11-01",
        "CreateCollection",
        "amazonopensearchserverless",
        record(
            "aoss",
            "CreateCollection",
            {"name": "movies", "type": "SEARCH", "tags": lkv(team="alpha")},
            {
                "createCollectionDetail": {
                    "id": "07tjusf2h91cunochc",
                    "name": "movies",
                    "arn": f"arn:aws:aoss:us-east-1:{A}:collection/07tjusf2h91cunochc",
                }
            },
        ),
        change(f"arn:aws:aoss:us-east-1:{A}:collection/07tjusf2h91cunochc", T),
    ),
    held(
        "pinpoint-2016-12-01",
        "CreateApp",
        "amazonpinpoint",
        record(
            "pinpoint",
            "CreateApp",
            {"createApplicationRequest": {"name": "ExampleCorp", "tags": M}},
            {
                "applicationResponse": {
                    "arn": f"arn:aws:mobiletargeting:us-east-1:{A}:apps/810c7aab86d42fb2b56c8c966example",
                    "id": "810c7aab86d42fb2b56c8c966example",
                    "name": "ExampleCorp",
                }
            },
        ),
        change(f"arn:aws:mobiletargeting:us-east-1:{A}:apps/810c7aab86d42fb2b56c8c966example", T),
    ),
    held(
        "sagemaker-2017-07-24",
        "CreateNotebookInstance",
        "amazonsagemaker",
        record(
            "sagemaker",
            "CreateNotebookInstance",
            {
                "notebookInstanceName": "my-notebook",
                "instanceType": "ml.t3.medium",
                "roleArn": f"arn:aws:iam::{A}:role/sagemaker",
                "tags": kv(team="alpha"),
            },
            {"notebookInstanceArn": f"arn:aws:sagemaker:eu-west-2:{A}:notebook-instance/my-notebook"},
            region="eu-west-2",
        ),
        change(f"arn:aws:sagemaker:eu-west-2:{A}:notebook-instance/my-notebook", T),
    ),
    held(
        "servicecatalog-2015-12-10",
        "CreatePortfolio",
        "awsservicecatalog",
        record(
            "servicecatalog",
            "CreatePortfolio",
            {
                "displayName": "Engineering tools",
                "providerName": "IT",
                "idempotencyToken": "a1b2",
                "tags": kv(team="alpha"),
            },
            {
                "portfolioDetail": {
                    "id": "port-2s6wuzyq5m7ez",
                    "ARN": f"arn:aws:catalog:us-east-1:{A}:portfolio/port-2s6wuzyq5m7ez",
                    "displayName": "Engineering tools",
                },
                "tags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:catalog:us-east-1:{A}:portfolio/port-2s6wuzyq5m7ez", T),
    ),
    held(
        "signer-2017-08-25",
        "PutSigningProfile",
        "awssigner",
        record(
            "signer",
            "PutSigningProfile",
            {"profileName": "MyProfile", "platformId": "AWSLambda-SHA384-ECDSA", "tags": M},
            {
                "arn": f"arn:aws:signer:us-west-2:{A}:/signing-profiles/MyProfile",
                "profileVersion": "ABCD1234",
                "profileVersionArn": f"arn:aws:signer:us-west-2:{A}:/signing-profiles/MyProfile/ABCD1234",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:signer:us-west-2:{A}:/signing-profiles/MyProfile", T),
    ),
    held(
        "sso-admin-2020-07-20",
        "CreatePermissionSet",
        "awsiamidentitycenter",
        record(
            "sso",
            "CreatePermissionSet",
            {
                "name": "ReadOnly",
                "instanceArn": "arn:aws:sso:::instance/ssoins-1111222233334444",
                "tags": kv(team="alpha"),
            },
            {
                "permissionSet": {
                    "name": "ReadOnly",
                    "permissionSetArn": "arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-5555666677778888",
                }
            },
        ),
        change("arn:aws:sso:::permissionSet/ssoins-1111222233334444/ps-5555666677778888", T),
        note="the instance ARN in the request is the permission set's parent, not the target",
    ),
    held(
        "ce-2017-10-25",
        "CreateAnomalyMonitor",
        "awscostexplorerservice",
        record(
            "ce",
            "CreateAnomalyMonitor",
            {
                "anomalyMonitor": {"monitorName": "services", "monitorType": "DIMENSIONAL"},
                "resourceTags": kv(team="alpha"),
            },
            {"monitorArn": f"arn:aws:ce::{A}:anomalymonitor/11111111-2222-3333-4444-555555555555"},
        ),
        change(f"arn:aws:ce::{A}:anomalymonitor/11111111-2222-3333-4444-555555555555", T),
    ),
]
