"""Held-out corpus, round four (continued): see tests/core/normalize/heldout4_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)


ROUND4_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "databrew-2017-07-25",
        "CreateProject",
        "awsgluedatabrew",
        record(
            "databrew",
            "CreateProject",
            {
                "DatasetName": "my-dataset",
                "Name": "my-project",
                "RecipeName": "my-recipe",
                "RoleArn": f"arn:aws:iam::{A}:role/DataBrewRole",
                "Tags": M,
            },
            {"Name": "my-project"},
            region="eu-west-1",
        ),
        change(f"arn:aws:databrew:eu-west-1:{A}:project/my-project", T),
        note="the dataset and recipe are named too; the tags are the project's",
    ),
    held(
        "datapipeline-2012-10-29",
        "CreatePipeline",
        "awsdatapipeline",
        record(
            "datapipeline",
            "CreatePipeline",
            {"name": "my-pipeline", "uniqueId": "123456789", "tags": lkv(team="alpha")},
            {"pipelineId": "df-06372391ZG65EXAMPLE"},
        ),
        change(f"arn:aws:datapipeline:us-east-1:{A}:pipeline/df-06372391ZG65EXAMPLE", T),
    ),
    held(
        "bedrock-runtime-2023-09-30",
        "StartAsyncInvoke",
        "amazonbedrock",
        record(
            "bedrock",
            "StartAsyncInvoke",
            {
                "modelId": "amazon.nova-reel-v1:0",
                "modelInput": {},
                "outputDataConfig": {"s3OutputDataConfig": {"s3Uri": "s3://amzn-s3-demo-bucket/videos/"}},
                "tags": lkv(team="alpha"),
            },
            {"invocationArn": f"arn:aws:bedrock:us-east-1:{A}:async-invoke/abcdef123456"},
        ),
        change(f"arn:aws:bedrock:us-east-1:{A}:async-invoke/abcdef123456", T),
        note="the runtime API's records come from bedrock.amazonaws.com (its signing name)",
    ),
    held(
        "workmail-2017-10-01",
        "UntagResource",
        "amazonworkmail",
        record(
            "workmail",
            "UntagResource",
            {
                "ResourceARN": f"arn:aws:workmail:eu-west-1:{A}:organization/m-d281d0a2fd824be5b6cd3d3ce909fd27",
                "TagKeys": ["team"],
            },
            region="eu-west-1",
        ),
        change(
            f"arn:aws:workmail:eu-west-1:{A}:organization/m-d281d0a2fd824be5b6cd3d3ce909fd27", removed=GONE
        ),
    ),
    held(
        "bcm-pricing-calculator-2024-06-19",
        "UntagResource",
        "awsbillingandcostmanagementpricingcalculator",
        record(
            "bcm-pricing-calculator",
            "UntagResource",
            {
                "arn": f"arn:aws:bcm-pricing-calculator::{A}:bill-scenario/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
                "tagKeys": ["team"],
            },
        ),
        change(
            f"arn:aws:bcm-pricing-calculator::{A}:bill-scenario/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
            removed=GONE,
        ),
    ),
    held(
        "models.lex.v2-2020-08-07",
        "CreateBotAlias",
        "amazonlex",
        record(
            "lex",
            "CreateBotAlias",
            {"botAliasName": "prod", "botVersion": "1", "botId": "ABCDE12345", "tags": M},
            {
                "botAliasId": "FGHIJ67890",
                "botAliasName": "prod",
                "botVersion": "1",
                "botAliasStatus": "Creating",
                "botId": "ABCDE12345",
                "tags": M,
            },
        ),
        change(f"arn:aws:lex:us-east-1:{A}:bot-alias/ABCDE12345/FGHIJ67890", T),
        note="the tags are the alias's, not the bot's",
    ),
    held(
        "notifications-2018-05-10",
        "CreateNotificationConfiguration",
        "awsusernotifications",
        record(
            "notifications",
            "CreateNotificationConfiguration",
            {"name": "my-config", "description": "EC2 state changes", "tags": M},
            {
                "arn": f"arn:aws:notifications::{A}:configuration/a01jes88qxwkbj05xv9c967pgm1",
                "status": "ACTIVE",
            },
        ),
        change(f"arn:aws:notifications::{A}:configuration/a01jes88qxwkbj05xv9c967pgm1", T),
    ),
    held(
        "shield-2016-06-02",
        "UntagResource",
        "awsshield",
        record(
            "shield",
            "UntagResource",
            {
                "ResourceARN": f"arn:aws:shield::{A}:protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                "TagKeys": ["team"],
            },
        ),
        change(f"arn:aws:shield::{A}:protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE55555", removed=GONE),
    ),
    held(
        "customer-profiles-2020-08-15",
        "CreateIntegrationWorkflow",
        "amazonconnectcustomerprofiles",
        record(
            "profile",
            "CreateIntegrationWorkflow",
            {
                "DomainName": "my-domain",
                "WorkflowType": "APPFLOW_INTEGRATION",
                "IntegrationConfig": {"AppflowIntegration": {"FlowDefinition": {"FlowName": "my-flow"}}},
                "ObjectTypeName": "Salesforce-Account",
                "RoleArn": f"arn:aws:iam::{A}:role/CustomerProfilesRole",
                "Tags": M,
            },
            {"WorkflowId": "3a9d5d7e-4c43-4b3c-8a3f-EXAMPLE66666", "Message": "Workflow created"},
        ),
        unresolved("3a9d5d7e-4c43-4b3c-8a3f-EXAMPLE66666", T),
        note="the reference has no ARN format for a workflow (only domains and what is under them)",
    ),
    held(
        "firehose-2015-08-04",
        "UntagDeliveryStream",
        "amazonkinesisfirehose",
        record(
            "firehose",
            "UntagDeliveryStream",
            {"DeliveryStreamName": "my-stream", "TagKeys": ["team"]},
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:firehose:cn-north-1:{A}:deliverystream/my-stream", removed=GONE),
    ),
    held(
        "rolesanywhere-2018-05-10",
        "CreateTrustAnchor",
        "awsidentityandaccessmanagementrolesanywhere",
        record(
            "rolesanywhere",
            "CreateTrustAnchor",
            {
                "name": "my-anchor",
                "source": {
                    "sourceType": "AWS_ACM_PCA",
                    "sourceData": {
                        "acmPcaArn": f"arn:aws:acm-pca:us-east-1:{A}:certificate-authority/11223344-1234-1122-2233-112233445566"
                    },
                },
                "enabled": True,
                "tags": lkv(team="alpha"),
            },
            {
                "trustAnchor": {
                    "trustAnchorId": "c2505e61-2fc1-4a18-9fcf-94e18a22928b",
                    "trustAnchorArn": f"arn:aws:rolesanywhere:us-east-1:{A}:trust-anchor/c2505e61-2fc1-4a18-9fcf-94e18a22928b",
                    "name": "my-anchor",
                    "enabled": True,
                }
            },
        ),
        change(f"arn:aws:rolesanywhere:us-east-1:{A}:trust-anchor/c2505e61-2fc1-4a18-9fcf-94e18a22928b", T),
        note="the request names a CA by ARN; the tags are the new anchor's",
    ),
    held(
        "workspaces-thin-client-2023-08-22",
        "CreateEnvironment",
        "amazonworkspacesthinclient",
        record(
            "thinclient",
            "CreateEnvironment",
            {
                "name": "my-environment",
                "desktopArn": f"arn:aws:workspaces-web:us-east-1:{A}:portal/a1b2c3d4-5678-90ab-cdef-EXAMPLE77777",
                "tags": M,
                "deviceCreationTags": {"site": "hq"},
            },
            {
                "environment": {
                    "id": "k3ykplqt4example",
                    "name": "my-environment",
                    "arn": f"arn:aws:thinclient:us-east-1:{A}:environment/k3ykplqt4example",
                }
            },
        ),
        change(f"arn:aws:thinclient:us-east-1:{A}:environment/k3ykplqt4example", T),
        note="deviceCreationTags are for devices registered later, not tags of the environment",
    ),
    held(
        "ivschat-2020-07-14",
        "CreateLoggingConfiguration",
        "amazoninteractivevideoservicechat",
        record(
            "ivschat",
            "CreateLoggingConfiguration",
            {
                "name": "my-logging",
                "destinationConfiguration": {"s3": {"bucketName": "amzn-s3-demo-bucket"}},
                "tags": M,
            },
            {
                "arn": f"arn:aws:ivschat:us-west-2:{A}:logging-configuration/ABcdef34ghIJ",
                "id": "ABcdef34ghIJ",
                "name": "my-logging",
                "state": "CREATING",
                "tags": M,
            },
            region="us-west-2",
        ),
        change(f"arn:aws:ivschat:us-west-2:{A}:logging-configuration/ABcdef34ghIJ", T),
    ),
    held(
        "rds-2014-10-31",
        "RestoreDBClusterFromSnapshot",
        "amazonrds",
        record(
            "rds",
            "RestoreDBClusterFromSnapshot",
            {
                "dBClusterIdentifier": "newdbcluster",
                "snapshotIdentifier": "test-instance-snapshot",
                "engine": "aurora-mysql",
                "tags": kv(team="alpha"),
            },
            {
                "dBClusterIdentifier": "newdbcluster",
                "dBClusterArn": f"arn:aws-cn:rds:cn-northwest-1:{A}:cluster:newdbcluster",
                "dbClusterResourceId": "cluster-5DSB5IFQDDUVAWOUWM1EXAMPLE",
                "status": "creating",
            },
            region="cn-northwest-1",
        ),
        change(f"arn:aws-cn:rds:cn-northwest-1:{A}:cluster:newdbcluster", T),
        note="RDS records spell members with a lower-case first letter and return the cluster flat",
    ),
]
