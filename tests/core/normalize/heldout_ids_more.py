"""Held-out corpus, part three (b): more targets named by id or name only."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


ID_MORE_ENTRIES: list[dict[str, Any]] = [
    held(
        "glue-2017-03-31",
        "CreateDatabase",
        "awsglue",
        record(
            "glue",
            "CreateDatabase",
            {"databaseInput": {"name": "sales_db"}, "tags": M},
            region="eu-west-1",
        ),
        change(f"arn:aws:glue:eu-west-1:{A}:database/sales_db", T),
    ),
    held(
        "glue-2017-03-31",
        "CreateConnection",
        "awsglue",
        record(
            "glue",
            "CreateConnection",
            {"connectionInput": {"name": "pg-conn", "connectionType": "JDBC"}, "tags": M},
            {"createConnectionStatus": "READY"},
            region="eu-west-1",
        ),
        change(f"arn:aws:glue:eu-west-1:{A}:connection/pg-conn", T),
    ),
    held(
        "directconnect-2012-10-25",
        "CreateConnection",
        "awsdirectconnect",
        record(
            "directconnect",
            "CreateConnection",
            {
                "location": "EqDC2",
                "bandwidth": "1Gbps",
                "connectionName": "Connection to AWS",
                "tags": lkv(team="alpha"),
            },
            {
                "ownerAccount": A,
                "connectionId": "dxcon-fg31dyv6",
                "connectionName": "Connection to AWS",
                "region": "us-east-1",
            },
        ),
        change(f"arn:aws:directconnect:us-east-1:{A}:dxcon/dxcon-fg31dyv6", T),
    ),
    held(
        "rum-2018-05-10",
        "CreateAppMonitor",
        "awscloudwatchrum",
        record(
            "rum",
            "CreateAppMonitor",
            {"name": "my-app-monitor", "domain": "example.com", "tags": M},
            {"id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"},
        ),
        change(f"arn:aws:rum:us-east-1:{A}:appmonitor/my-app-monitor", T),
        note="an app monitor's ARN holds its name; the response gives only its id",
    ),
    held(
        "grafana-2020-08-18",
        "CreateWorkspace",
        "amazonmanagedgrafana",
        record(
            "grafana",
            "CreateWorkspace",
            {
                "workspaceName": "ops",
                "accountAccessType": "CURRENT_ACCOUNT",
                "permissionType": "SERVICE_MANAGED",
                "authenticationProviders": ["AWS_SSO"],
                "tags": M,
            },
            {
                "workspace": {
                    "id": "g-abcdef1234",
                    "name": "ops",
                    "status": "CREATING",
                    "endpoint": "g-abcdef1234.grafana-workspace.us-west-2.amazonaws.com",
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:grafana:us-west-2:{A}:/workspaces/g-abcdef1234", T),
    ),
    held(
        "fis-2020-12-01",
        "CreateExperimentTemplate",
        "awsfaultinjectionservice",
        record(
            "fis",
            "CreateExperimentTemplate",
            {
                "description": "stop instances",
                "roleArn": f"arn:aws:iam::{A}:role/fis",
                "actions": {},
                "stopConditions": [{"source": "none"}],
                "tags": M,
            },
            {
                "experimentTemplate": {
                    "id": "EXT6oWVA1WrLNy4XS",
                    "description": "stop instances",
                    "roleArn": f"arn:aws:iam::{A}:role/fis",
                }
            },
        ),
        change(f"arn:aws:fis:us-east-1:{A}:experiment-template/EXT6oWVA1WrLNy4XS", T),
    ),
    held(
        "guardduty-2017-11-28",
        "CreateDetector",
        "amazonguardduty",
        record(
            "guardduty",
            "CreateDetector",
            {"enable": True, "tags": M},
            {"detectorId": "12abc34d567e8fa901bc2d34e56789f0"},
            region="eu-central-1",
        ),
        change(f"arn:aws:guardduty:eu-central-1:{A}:detector/12abc34d567e8fa901bc2d34e56789f0", T),
    ),
    held(
        "dlm-2018-01-12",
        "CreateLifecyclePolicy",
        "amazondatalifecyclemanager",
        record(
            "dlm",
            "CreateLifecyclePolicy",
            {
                "executionRoleArn": f"arn:aws:iam::{A}:role/AWSDataLifecycleManagerDefaultRole",
                "description": "daily",
                "state": "ENABLED",
                "tags": M,
            },
            {"policyId": "policy-0123456789abcdef0"},
        ),
        change(f"arn:aws:dlm:us-east-1:{A}:policy/policy-0123456789abcdef0", T),
    ),
    held(
        "ssm-2014-11-06",
        "CreateOpsItem",
        "awssystemsmanager",
        record(
            "ssm",
            "CreateOpsItem",
            {
                "title": "EC2 instance stopped",
                "source": "EC2",
                "description": "stopped",
                "tags": kv(team="alpha"),
            },
            {"opsItemId": "oi-1f050EXAMPLE"},
            region="us-east-2",
        ),
        change(f"arn:aws:ssm:us-east-2:{A}:opsitem/oi-1f050EXAMPLE", T),
    ),
    held(
        "ssm-2014-11-06",
        "CreateAssociation",
        "awssystemsmanager",
        record(
            "ssm",
            "CreateAssociation",
            {
                "name": "AWS-UpdateSSMAgent",
                "targets": [{"key": "InstanceIds", "values": ["i-0cb2b964d3e14fd9f"]}],
                "tags": kv(team="alpha"),
            },
            {
                "associationDescription": {
                    "name": "AWS-UpdateSSMAgent",
                    "associationId": "8dfe3659-4309-493a-8755-0123456789ab",
                }
            },
        ),
        change(f"arn:aws:ssm:us-east-1:{A}:association/8dfe3659-4309-493a-8755-0123456789ab", T),
        note="the request's name is the SSM document the association runs, not the association",
    ),
    held(
        "ssm-2014-11-06",
        "PutParameter",
        "awssystemsmanager",
        record(
            "ssm",
            "PutParameter",
            {"name": "/prod/db/url", "type": "String", "tags": kv(team="alpha")},
            {"version": 1, "tier": "Standard"},
            region="cn-north-1",
            account=B,
        ),
        change(f"arn:aws-cn:ssm:cn-north-1:{B}:parameter/prod/db/url", T),
    ),
    held(
        "codepipeline-2015-07-09",
        "CreatePipeline",
        "awscodepipeline",
        record(
            "codepipeline",
            "CreatePipeline",
            {
                "pipeline": {
                    "name": "MyFirstPipeline",
                    "roleArn": f"arn:aws:iam::{A}:role/service-role/AWSCodePipelineServiceRole",
                    "stages": [],
                },
                "tags": lkv(team="alpha"),
            },
            {
                "pipeline": {
                    "name": "MyFirstPipeline",
                    "roleArn": f"arn:aws:iam::{A}:role/service-role/AWSCodePipelineServiceRole",
                    "version": 1,
                }
            },
        ),
        change(f"arn:aws:codepipeline:us-east-1:{A}:MyFirstPipeline", T),
    ),
    held(
        "codedeploy-2014-10-06",
        "CreateApplication",
        "awscodedeploy",
        record(
            "codedeploy",
            "CreateApplication",
            {"applicationName": "MyApp", "computePlatform": "Lambda", "tags": kv(team="alpha")},
            {"applicationId": "d9dd6993-f171-44fa-a811-211e4EXAMPLE"},
            region="eu-west-2",
        ),
        change(f"arn:aws:codedeploy:eu-west-2:{A}:application:MyApp", T),
        note="an application's ARN holds its name, not the id the response gives",
    ),
]
