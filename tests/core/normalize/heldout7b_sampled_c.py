"""Held-out corpus, round seven, part B (continued): see tests/core/normalize/heldout7b_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

EVENT_ACTION = f"arn:aws:dataexchange:eu-west-1:{A}:event-actions/a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"
SCRAPER = f"arn:aws:aps:eu-north-1:{A}:scraper/s-a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
COLLECTION = f"arn:aws:aoss:us-east-1:{A}:collection/07tjusf2h91cunochc"
DATASTORE_ID = "bbc4f3cccbae4095a34170fddEXAMPLE"
REGISTRY = f"arn:aws:schemas:eu-west-1:{A}:registry/orders-registry"
CACHE_REPORT = f"arn:aws:storagegateway:us-west-1:{A}:share/share-ABCD1234/cache-report/report-ABCDEFGH1234"
PROFILING_GROUP = f"arn:aws:codeguru-profiler:eu-west-2:{A}:profilingGroup/checkout-service"
MACIE_JOB = f"arn:aws:macie2:ca-central-1:{A}:classification-job/3ce05dbb7ec5505def334104bexample"
SW_DATASET = f"arn:aws:iotsitewise:us-east-1:{A}:dataset/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
FUNCTION_PACKAGE = f"arn:aws:tnb:eu-west-3:{A}:function-package/fp-0123456789abcdef1"
CASES_TEMPLATE = (
    f"arn:aws:cases:eu-west-2:{A}:domain/a1b2c3d4-5678-90ab-cdef-EXAMPLE33333/"
    "template/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"
)
TABLE = f"arn:aws-cn:cassandra:cn-north-1:{A}:/keyspace/orders/table/line_items"
STREAM = f"arn:aws-us-gov:firehose:us-gov-west-1:{A}:deliverystream/clickstream-to-s3"
DOMAIN = f"arn:aws-us-gov:es:us-gov-east-1:{A}:domain/app-logs"
DEPLOYMENT_PARAMETER = (
    f"arn:aws:aws-marketplace:us-east-1:{A}:DeploymentParameter:catalogs/AWSMarketplace/products/"
    "prod-abcdefghij123/dp-abcdefghij123"
)
NOTIFICATION_RULE = (
    f"arn:aws:codestar-notifications:us-west-2:{A}:notificationrule/dc82df7a9bfb1a2a3b4c5d6e7f8a9b0c1d2e3f4a"
)

ROUND7_B3_ENTRIES: list[dict[str, Any]] = [
    held(
        "dataexchange-2017-07-25",
        "CreateEventAction",
        "awsdataexchange",
        record(
            "dataexchange",
            "CreateEventAction",
            {
                "Action": {"ExportRevisionToS3": {"RevisionDestination": {"Bucket": "dx-exports"}}},
                "Event": {"RevisionPublished": {"DataSetId": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d7"}},
                "Tags": M,
            },
            {
                "Action": {"ExportRevisionToS3": {"RevisionDestination": {"Bucket": "dx-exports"}}},
                "Arn": EVENT_ACTION,
                "CreatedAt": "2024-06-01T12:00:00Z",
                "Event": {"RevisionPublished": {"DataSetId": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d7"}},
                "Id": "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6",
                "Tags": M,
                "UpdatedAt": "2024-06-01T12:00:00Z",
            },
            region="eu-west-1",
        ),
        change(EVENT_ACTION, T),
    ),
    tag_call(
        "amp-2020-08-01",
        "amazonmanagedserviceforprometheus",
        "aps",
        "TagResource",
        {"resourceArn": SCRAPER, "tags": M},
        SCRAPER,
        region="eu-north-1",
    ),
    tag_call(
        "opensearchserverless-2021-11-01",
        "amazonopensearchserverless",
        "aoss",
        "TagResource",
        {"resourceArn": COLLECTION, "tags": lkv(team="alpha")},
        COLLECTION,
    ),
    held(
        "medical-imaging-2023-07-19",
        "CreateDatastore",
        "awshealthimaging",
        record(
            "medical-imaging",
            "CreateDatastore",
            {"datastoreName": "radiology", "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE99999", "tags": M},
            {"datastoreId": DATASTORE_ID, "datastoreStatus": "CREATING"},
            region="us-west-2",
        ),
        change(f"arn:aws:medical-imaging:us-west-2:{A}:datastore/{DATASTORE_ID}", T),
    ),
    untag_call(
        "schemas-2019-12-02",
        "amazoneventbridgeschemas",
        "schemas",
        "UntagResource",
        {"resource-arn": REGISTRY, "tagKeys": ["team"]},
        REGISTRY,
        region="eu-west-1",
    ),
    held(
        "storagegateway-2013-06-30",
        "StartCacheReport",
        "awsstoragegateway",
        record(
            "storagegateway",
            "StartCacheReport",
            {
                "FileShareARN": f"arn:aws:storagegateway:us-west-1:{A}:share/share-ABCD1234",
                "Role": f"arn:aws:iam::{A}:role/CacheReportRole",
                "LocationARN": "arn:aws:s3:::cache-reports-bucket",
                "BucketRegion": "us-west-1",
                "InclusionFilters": [{"Name": "UploadFailureReason", "Values": ["InaccessibleStorageClass"]}],
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLEaaaaa",
                "Tags": kv(team="alpha"),
            },
            {"CacheReportARN": CACHE_REPORT},
            region="us-west-1",
        ),
        change(CACHE_REPORT, T),
    ),
    untag_call(
        "codeguruprofiler-2019-07-18",
        "amazoncodeguruprofiler",
        "codeguru-profiler",
        "UntagResource",
        {"resourceArn": PROFILING_GROUP, "tagKeys": ["team"]},
        PROFILING_GROUP,
        region="eu-west-2",
    ),
    held(
        "macie2-2020-01-01",
        "CreateClassificationJob",
        "amazonmacie",
        record(
            "macie2",
            "CreateClassificationJob",
            {
                "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLEbbbbb",
                "jobType": "ONE_TIME",
                "name": "pii-scan",
                "s3JobDefinition": {"bucketDefinitions": [{"accountId": A, "buckets": ["customer-data"]}]},
                "tags": M,
            },
            {"jobArn": MACIE_JOB, "jobId": "3ce05dbb7ec5505def334104bexample"},
            region="ca-central-1",
        ),
        change(MACIE_JOB, T),
    ),
    held(
        "iotsitewise-2019-12-02",
        "CreateDataset",
        "awsiotsitewise",
        record(
            "iotsitewise",
            "CreateDataset",
            {
                "datasetName": "maintenance-manuals",
                "datasetSource": {
                    "sourceType": "KENDRA",
                    "sourceFormat": "KNOWLEDGE_BASE",
                    "sourceDetail": {
                        "kendra": {
                            "knowledgeBaseArn": f"arn:aws:kendra:us-east-1:{A}:index/"
                            "a1b2c3d4-5678-90ab-cdef-EXAMPLEccccc",
                            "roleArn": f"arn:aws:iam::{A}:role/SiteWiseKendraRole",
                        }
                    },
                },
                "tags": M,
            },
            {
                "datasetId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
                "datasetArn": SW_DATASET,
                "datasetStatus": {"state": "CREATING"},
            },
        ),
        change(SW_DATASET, T),
    ),
    held(
        "tnb-2008-10-21",
        "CreateSolFunctionPackage",
        "awstelconetworkbuilder",
        record(
            "tnb",
            "CreateSolFunctionPackage",
            {"tags": M},
            {
                "arn": FUNCTION_PACKAGE,
                "id": "fp-0123456789abcdef1",
                "onboardingState": "CREATED",
                "operationalState": "DISABLED",
                "usageState": "NOT_IN_USE",
                "tags": M,
            },
            region="eu-west-3",
        ),
        change(FUNCTION_PACKAGE, T),
    ),
    untag_call(
        "connectcases-2022-10-03",
        "amazonconnectcases",
        "cases",
        "UntagResource",
        {"arn": CASES_TEMPLATE, "tagKeys": ["team"]},
        CASES_TEMPLATE,
        region="eu-west-2",
    ),
    held(
        "keyspaces-2022-02-10",
        "CreateTable",
        "amazonkeyspacesforapachecassandra",
        record(
            "cassandra",
            "CreateTable",
            {
                "keyspaceName": "orders",
                "tableName": "line_items",
                "schemaDefinition": {
                    "allColumns": [{"name": "order_id", "type": "text"}, {"name": "item", "type": "text"}],
                    "partitionKeys": [{"name": "order_id"}],
                },
                "tags": lkv(team="alpha"),
            },
            {"resourceArn": TABLE},
            region="cn-north-1",
        ),
        change(TABLE, T),
    ),
    held(
        "firehose-2015-08-04",
        "CreateDeliveryStream",
        "amazonkinesisfirehose",
        record(
            "firehose",
            "CreateDeliveryStream",
            {
                "DeliveryStreamName": "clickstream-to-s3",
                "DeliveryStreamType": "DirectPut",
                "ExtendedS3DestinationConfiguration": {
                    "RoleARN": f"arn:aws-us-gov:iam::{A}:role/FirehoseRole",
                    "BucketARN": "arn:aws-us-gov:s3:::clickstream-archive",
                },
                "Tags": kv(team="alpha"),
            },
            {"DeliveryStreamARN": STREAM},
            region="us-gov-west-1",
        ),
        change(STREAM, T),
    ),
    held(
        "es-2015-01-01",
        "RemoveTags",
        "amazonopensearchservice",
        record("es", "RemoveTags", {"ARN": DOMAIN, "TagKeys": ["team"]}, region="us-gov-east-1"),
        change(DOMAIN, removed=("team",)),
    ),
    tag_call(
        "marketplace-deployment-2023-01-25",
        "awsmarketplace",
        "deployment-marketplace",
        "TagResource",
        {"resourceArn": DEPLOYMENT_PARAMETER, "tags": M},
        DEPLOYMENT_PARAMETER,
    ),
    held(
        "codestar-notifications-2019-10-15",
        "TagResource",
        "awscodestarnotifications",
        record(
            "codestar-notifications",
            "TagResource",
            {"Arn": NOTIFICATION_RULE, "Tags": M},
            {"Tags": M},
            region="us-west-2",
        ),
        change(NOTIFICATION_RULE, T),
    ),
    held(
        "codepipeline-2015-07-09",
        "CreateCustomActionType",
        "awscodepipeline",
        record(
            "codepipeline",
            "CreateCustomActionType",
            {
                "category": "Build",
                "provider": "MyBuildProvider",
                "version": "1",
                "inputArtifactDetails": {"minimumCount": 1, "maximumCount": 1},
                "outputArtifactDetails": {"minimumCount": 0, "maximumCount": 1},
                "tags": lkv(team="alpha"),
            },
            {
                "actionType": {
                    "id": {
                        "category": "Build",
                        "owner": "Custom",
                        "provider": "MyBuildProvider",
                        "version": "1",
                    },
                    "inputArtifactDetails": {"minimumCount": 1, "maximumCount": 1},
                    "outputArtifactDetails": {"minimumCount": 0, "maximumCount": 1},
                },
                "tags": lkv(team="alpha"),
            },
            region="us-east-2",
        ),
        change(f"arn:aws:codepipeline:us-east-2:{A}:actiontype:Custom/Build/MyBuildProvider/1", T),
    ),
]
