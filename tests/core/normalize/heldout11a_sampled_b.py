"""Held-out corpus, round eleven, part A's second file: draws 14 to 25 of
``python -m tests.core.normalize.draw_heldout 20261209 100 11``, written as heldout11a_sampled.py
says (from the API reference and the Service Authorization Reference, without the catalog or the
normalizer's output). No drawn operation was skipped.

Expectations a reader may question (each note says why):

- Route 53 Global Resolver ``CreateAccessToken`` (draw 14): the service is called in us-east-2 (its
  API reference says so), and an access token's ARN holds no region; the token's id form is not
  documented (botocore's pattern only), so the one below is made up within it.
- Timestream ``CreateScheduledQuery`` (draw 19): the response's ``Arn`` is expected; the Service
  Authorization Reference's format ends in ``${ScheduledQueryName}``, and the response below carries
  the name followed by a generated suffix, as the Timestream developer guide's scheduled-query
  notification example shows (``scheduled-query/PT1mPerMinutePerRegionMeasureCount-9376096f7309``).
  A normalizer that builds the ARN from ``Name`` alone names the wrong resource.
- DataBrew ``CreateSchedule`` (draw 20), in aws-cn: the response gives only the name; the ARN is
  built from it (``schedule/<name>``). The tags are the schedule's, not the jobs' it names.
- RDS ``CreateDBClusterSnapshot`` (draw 24), in aws-cn: the tags are the snapshot's, not the
  cluster's the request names (``cluster-snapshot:<name>``, colon separator).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"
TOKEN_ID = "at-4f7b2c9e1d3a"
ACCESS_TOKEN = f"arn:aws:route53globalresolver::{A}:access-token/{TOKEN_ID}"
VIRTUAL_CLUSTER = f"arn:aws-cn:emr-containers:cn-north-1:{A}:/virtualclusters/kt6tqwovljxxsx8ahxfz6cmm9"
PCS_ID = "pcs_7k2mx9q4ab"
PCS_CLUSTER = f"arn:aws:pcs:us-east-1:{A}:cluster/{PCS_ID}"
TABLE_BUCKET = f"arn:aws:s3tables:ap-south-1:{A}:bucket/analytics-tables"
GROUP_ID = "a1b2c3d4e5f6g7h8i9j0"
COLLECTION_GROUP = f"arn:aws-us-gov:aoss:us-gov-west-1:{A}:collection-group/{GROUP_ID}"
SCHEDULED_QUERY = f"arn:aws:timestream:us-west-2:{A}:scheduled-query/hourly-rollup-9376096f7309d2c0"
SCHEDULE = f"arn:aws-cn:databrew:cn-north-1:{A}:schedule/nightly-profile"
QUOTA = f"arn:aws:servicequotas:eu-west-3:{A}:ec2/L-1216C47A"
ENVIRONMENT_ID = "env-Hx7Kq2Lm9P"
ENVIRONMENT = f"arn:aws:refactor-spaces:eu-west-1:{A}:environment/{ENVIRONMENT_ID}"
DEPLOYMENT_GROUP = f"arn:aws-us-gov:codedeploy:us-gov-east-1:{A}:deploymentgroup:WordPress_App/WordPress_DG"
CLUSTER_SNAPSHOT = f"arn:aws-cn:rds:cn-north-1:{A}:cluster-snapshot:orders-snap-0601"
MANAGER = (
    f"arn:aws:ssm-quicksetup:ca-central-1:{A}:configuration-manager/7c9e6679-7425-40de-944b-e07fc1f90ae7"
)

ROUND11A_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "route53globalresolver-2022-09-27",
        "CreateAccessToken",
        "awsroute53globalresolver",
        record(
            "route53globalresolver",
            "CreateAccessToken",
            {"dnsViewId": "dv-2a8c4e6f0b1d", "name": "branch-office-doh", "tags": M},
            {
                "id": TOKEN_ID,
                "arn": ACCESS_TOKEN,
                "createdAt": "2024-06-01T12:00:00Z",
                "dnsViewId": "dv-2a8c4e6f0b1d",
                "expiresAt": "2025-06-01T12:00:00Z",
                "name": "branch-office-doh",
                "status": "CREATING",
                "value": HIDDEN,
            },
            region="us-east-2",
        ),
        change(ACCESS_TOKEN, T),
        note="the token's ARN holds no region; the tags are the token's, not the DNS view's",
    ),
    held(
        "emr-containers-2020-10-01",
        "TagResource",
        "amazonemroneksemrcontainers",
        record(
            "emr-containers",
            "TagResource",
            {"resourceArn": VIRTUAL_CLUSTER, "tags": M},
            region="cn-north-1",
        ),
        change(VIRTUAL_CLUSTER, T),
        note="the virtual cluster's ARN has a slash after the account (:/virtualclusters/<id>)",
    ),
    held(
        "pcs-2023-02-10",
        "CreateCluster",
        "awsparallelcomputingservice",
        record(
            "pcs",
            "CreateCluster",
            {
                "clusterName": "genomics-hpc",
                "scheduler": {"type": "SLURM", "version": "24.05"},
                "size": "SMALL",
                "networking": {
                    "subnetIds": ["subnet-0123456789abcdef0"],
                    "securityGroupIds": ["sg-0123456789abcdef0"],
                },
                "clientToken": "c0ffee00-1234-4abc-9def-0123456789ab",
                "tags": M,
            },
            {
                "cluster": {
                    "name": "genomics-hpc",
                    "id": PCS_ID,
                    "arn": PCS_CLUSTER,
                    "status": "CREATING",
                    "createdAt": "2024-06-01T12:00:00Z",
                    "modifiedAt": "2024-06-01T12:00:00Z",
                    "scheduler": {"type": "SLURM", "version": "24.05"},
                    "size": "SMALL",
                    "networking": {
                        "subnetIds": ["subnet-0123456789abcdef0"],
                        "securityGroupIds": ["sg-0123456789abcdef0"],
                    },
                }
            },
        ),
        change(PCS_CLUSTER, T),
        note="the cluster's ARN is built from its id (pcs_...), not its name",
    ),
    held(
        "s3tables-2018-05-10",
        "CreateTableBucket",
        "amazons3tables",
        record(
            "s3tables",
            "CreateTableBucket",
            {"name": "analytics-tables", "encryptionConfiguration": {"sseAlgorithm": "AES256"}, "tags": M},
            {"arn": TABLE_BUCKET},
            region="ap-south-1",
        ),
        change(TABLE_BUCKET, T),
    ),
    held(
        "opensearchserverless-2021-11-01",
        "CreateCollectionGroup",
        "amazonopensearchserverless",
        record(
            "aoss",
            "CreateCollectionGroup",
            {
                "name": "search-tier",
                "standbyReplicas": "ENABLED",
                "description": "Shared capacity for search collections",
                "tags": lkv(team="alpha"),
                "capacityLimits": {"maxIndexingCapacityInOCU": 4.0, "maxSearchCapacityInOCU": 4.0},
                "clientToken": "d1e2f3a4-b5c6-4d7e-8f90-a1b2c3d4e5f6",
            },
            {
                "createCollectionGroupDetail": {
                    "id": GROUP_ID,
                    "arn": COLLECTION_GROUP,
                    "name": "search-tier",
                    "standbyReplicas": "ENABLED",
                    "description": "Shared capacity for search collections",
                    "tags": lkv(team="alpha"),
                    "createdDate": 1717243200000,
                    "capacityLimits": {"maxIndexingCapacityInOCU": 4.0, "maxSearchCapacityInOCU": 4.0},
                }
            },
            region="us-gov-west-1",
        ),
        change(COLLECTION_GROUP, T),
        note="the ARN is built from the group's id, not its name",
    ),
    held(
        "timestream-query-2018-11-01",
        "CreateScheduledQuery",
        "amazontimestream",
        record(
            "timestream",
            "CreateScheduledQuery",
            {
                "Name": "hourly-rollup",
                "QueryString": HIDDEN,
                "ScheduleConfiguration": {"ScheduleExpression": "cron(0 * * * ? *)"},
                "NotificationConfiguration": {
                    "SnsConfiguration": {
                        "TopicArn": f"arn:aws:sns:us-west-2:{A}:timestream-scheduled-queries"
                    }
                },
                "TargetConfiguration": {
                    "TimestreamConfiguration": {
                        "DatabaseName": "metrics",
                        "TableName": "hourly",
                        "TimeColumn": "hour",
                        "DimensionMappings": [{"Name": "region", "DimensionValueType": "VARCHAR"}],
                    }
                },
                "ClientToken": HIDDEN,
                "ScheduledQueryExecutionRoleArn": f"arn:aws:iam::{A}:role/TimestreamScheduledQueryRole",
                "Tags": kv(team="alpha"),
                "ErrorReportConfiguration": {
                    "S3Configuration": {"BucketName": "timestream-sq-errors", "EncryptionOption": "SSE_S3"}
                },
            },
            {"Arn": SCHEDULED_QUERY},
            region="us-west-2",
        ),
        change(SCHEDULED_QUERY, T),
        note=(
            "the response's ARN (name plus a generated suffix, as the developer guide's notification "
            "example shows) is expected; the tags are the query's, not its target table's"
        ),
    ),
    held(
        "databrew-2017-07-25",
        "CreateSchedule",
        "awsgluedatabrew",
        record(
            "databrew",
            "CreateSchedule",
            {
                "JobNames": ["profile-orders", "profile-customers"],
                "CronExpression": "cron(0 2 * * ? *)",
                "Tags": M,
                "Name": "nightly-profile",
            },
            {"Name": "nightly-profile"},
            region="cn-north-1",
        ),
        change(SCHEDULE, T),
        note="the response gives only the name; the tags are the schedule's, not its jobs'",
    ),
    untag_call(
        "service-quotas-2019-06-24",
        "servicequotas",
        "servicequotas",
        "UntagResource",
        {"ResourceARN": QUOTA, "TagKeys": ["team"]},
        QUOTA,
        region="eu-west-3",
    ),
    held(
        "migration-hub-refactor-spaces-2021-10-26",
        "CreateEnvironment",
        "awsmigrationhubrefactorspaces",
        record(
            "refactor-spaces",
            "CreateEnvironment",
            {
                "Name": "orders-modernization",
                "Description": "Strangler fig for the orders monolith",
                "NetworkFabricType": "TRANSIT_GATEWAY",
                "Tags": M,
                "ClientToken": "e5f6a7b8-c9d0-4e1f-a2b3-c4d5e6f7a8b9",
            },
            {
                "Arn": ENVIRONMENT,
                "CreatedTime": "2024-06-01T12:00:00Z",
                "Description": "Strangler fig for the orders monolith",
                "EnvironmentId": ENVIRONMENT_ID,
                "LastUpdatedTime": "2024-06-01T12:00:00Z",
                "Name": "orders-modernization",
                "NetworkFabricType": "TRANSIT_GATEWAY",
                "OwnerAccountId": A,
                "State": "CREATING",
                "Tags": M,
            },
            region="eu-west-1",
        ),
        change(ENVIRONMENT, T),
        note="the ARN is built from the environment's id (env-...), not its name",
    ),
    untag_call(
        "codedeploy-2014-10-06",
        "awscodedeploy",
        "codedeploy",
        "UntagResource",
        {"ResourceArn": DEPLOYMENT_GROUP, "TagKeys": ["team"]},
        DEPLOYMENT_GROUP,
        region="us-gov-east-1",
    ),
    held(
        "rds-2014-10-31",
        "CreateDBClusterSnapshot",
        "amazonrds",
        record(
            "rds",
            "CreateDBClusterSnapshot",
            {
                "dBClusterSnapshotIdentifier": "orders-snap-0601",
                "dBClusterIdentifier": "orders-aurora",
                "tags": kv(team="alpha"),
            },
            {
                "dBClusterSnapshotIdentifier": "orders-snap-0601",
                "dBClusterIdentifier": "orders-aurora",
                "snapshotCreateTime": "Jun 1, 2024, 12:00:05 PM",
                "engine": "aurora-mysql",
                "engineMode": "provisioned",
                "allocatedStorage": 1,
                "status": "creating",
                "port": 0,
                "vpcId": "vpc-0a1b2c3d4e5f67890",
                "clusterCreateTime": "Jan 15, 2024, 8:30:00 AM",
                "masterUsername": "admin",
                "engineVersion": "8.0.mysql_aurora.3.05.2",
                "licenseModel": "aurora-mysql",
                "snapshotType": "manual",
                "percentProgress": 0,
                "storageEncrypted": True,
                "kmsKeyId": f"arn:aws-cn:kms:cn-north-1:{A}:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "dBClusterSnapshotArn": CLUSTER_SNAPSHOT,
                "iAMDatabaseAuthenticationEnabled": False,
                "tagList": kv(team="alpha"),
            },
            region="cn-north-1",
        ),
        change(CLUSTER_SNAPSHOT, T),
        note="the tags are the snapshot's, not the cluster's the request names",
    ),
    held(
        "ssm-quicksetup-2018-05-10",
        "CreateConfigurationManager",
        "awssystemsmanagerquicksetup",
        record(
            "ssm-quicksetup",
            "CreateConfigurationManager",
            {
                "ConfigurationDefinitions": [
                    {
                        "Type": "AWSQuickSetupType-PatchPolicy",
                        "Parameters": {
                            "ConfigurationOptionsPatchOperation": "Scan",
                            "ConfigurationOptionsScanValue": "cron(0 1 * * ? *)",
                            "TargetOrganizationalUnits": "ou-abcd-12345678",
                            "TargetRegions": "ca-central-1",
                        },
                    }
                ],
                "Description": "Patch scanning for the platform OU",
                "Name": "platform-patching",
                "Tags": M,
            },
            {"ManagerArn": MANAGER},
            region="ca-central-1",
        ),
        change(MANAGER, T),
    ),
]
