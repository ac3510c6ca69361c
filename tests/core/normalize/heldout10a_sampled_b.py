"""Held-out corpus, round ten, part A, draws 16 to 30 (see heldout10a_sampled.py for how the round
was drawn and written). REST members bound to the URI or query string are written under their wire
names (``locationName``: MediaConvert's ``arn``/``tagKeys``), as round nine wrote them.

Expectations a reader may question (each note says why):

- Transcribe ``StartCallAnalyticsJob`` (draw 16): the response names the job only by its name; the
  expected ARN is built from it by the format ``analytics/<job name>``.
- Mail Manager ``CreateArchive`` (draw 23): logged under ``ses.amazonaws.com``; the response gives
  only the archive id, from which the ARN (``mailmanager-archive/<id>``) is built.
- Security Lake ``UntagResource`` (draw 17), in aws-us-gov: the target is the data lake
  configuration, whose ARN ends in ``data-lake/default``.
- User Notifications Contacts ``CreateEmailContact`` (draw 18): the contact's ARN holds no region;
  the contact's name is sensitive and written hidden.
- Global Accelerator ``UntagResource`` (draw 27): called in us-west-2 (the API's only region), the
  accelerator's ARN holds no region.
- Network Firewall ``CreateProxy`` (draw 26): the tags are the proxy's, not the proxy
  configuration's the request names or the NAT gateway's.
- Forecast ``CreateMonitor`` (draw 28): the tags are the monitor's, not the predictor's the request
  names by ARN.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

CALL_JOB = f"arn:aws:transcribe:eu-west-2:{A}:analytics/support-call-0601"
DATA_LAKE = f"arn:aws-us-gov:securitylake:us-gov-west-1:{A}:data-lake/default"
EMAIL_CONTACT = f"arn:aws:notifications-contacts::{A}:emailcontact/abcdefghij0123456789klmnopq"
S3_TABLES = (
    f"arn:aws:observabilityadmin:us-east-2:{A}:s3tableintegration/a1b2c3d4-5678-90ab-cdef-EXAMPLE20202"
)
IDENTITY_SOURCE = f"arn:aws:mpa:us-east-1:{A}:identity-source/c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f"
DOMAIN = f"arn:aws:datazone:eu-central-1:{A}:domain/dzd_4p9n6sw4qt9xgn"
QUEUE = f"arn:aws:mediaconvert:ap-northeast-1:{A}:queues/priority-transcodes"
ARCHIVE_ID = "a-0123456789abcdefghijklmn"
ARCHIVE = f"arn:aws:ses:sa-east-1:{A}:mailmanager-archive/{ARCHIVE_ID}"
INTERCONNECT = f"arn:aws:interconnect:us-west-2:{A}:connection/mcc-7f3a9c21"
CONTAINER = f"arn:aws:mediastore:ap-northeast-2:{A}:container/live-clips"
PROXY_CONFIG = f"arn:aws:network-firewall:ap-southeast-2:{A}:proxy-configuration/egress-rules"
PROXY = f"arn:aws:network-firewall:ap-southeast-2:{A}:proxy/egress-proxy"
ACCELERATOR = f"arn:aws:globalaccelerator::{A}:accelerator/1234abcd-abcd-1234-abcd-1234abcdefgh"
PREDICTOR = f"arn:aws:forecast:ap-northeast-1:{A}:predictor/demand_auto_predictor"
MONITOR = f"arn:aws:forecast:ap-northeast-1:{A}:monitor/demand_monitor"
API_ID = "xlvsbdmqxfh7tmrjctm4j6kspu"
GRAPHQL_API = f"arn:aws:appsync:eu-south-1:{A}:apis/{API_ID}"
VIRTUAL_NODE = f"arn:aws-cn:appmesh:cn-northwest-1:{A}:mesh/shop-mesh/virtualNode/checkout-v2"

HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"

ROUND10A_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "transcribe-2017-10-26",
        "StartCallAnalyticsJob",
        "amazontranscribe",
        record(
            "transcribe",
            "StartCallAnalyticsJob",
            {
                "CallAnalyticsJobName": "support-call-0601",
                "Media": {"MediaFileUri": "s3://example-call-recordings/2024/06/01/call-0601.wav"},
                "OutputLocation": "s3://example-call-analytics/",
                "DataAccessRoleArn": f"arn:aws:iam::{A}:role/TranscribeCallAnalytics",
                "ChannelDefinitions": [
                    {"ChannelId": 0, "ParticipantRole": "AGENT"},
                    {"ChannelId": 1, "ParticipantRole": "CUSTOMER"},
                ],
                "Tags": kv(team="alpha"),
            },
            {
                "CallAnalyticsJob": {
                    "CallAnalyticsJobName": "support-call-0601",
                    "CallAnalyticsJobStatus": "IN_PROGRESS",
                    "Media": {"MediaFileUri": "s3://example-call-recordings/2024/06/01/call-0601.wav"},
                    "StartTime": "2024-06-01T12:00:00.512000+00:00",
                    "CreationTime": "2024-06-01T12:00:00.489000+00:00",
                    "DataAccessRoleArn": f"arn:aws:iam::{A}:role/TranscribeCallAnalytics",
                    "ChannelDefinitions": [
                        {"ChannelId": 0, "ParticipantRole": "AGENT"},
                        {"ChannelId": 1, "ParticipantRole": "CUSTOMER"},
                    ],
                }
            },
            region="eu-west-2",
        ),
        change(CALL_JOB, T),
        note="the tags are the new job's, named by its name (analytics/<name>); not the bucket's or role's",
    ),
    untag_call(
        "securitylake-2018-05-10",
        "amazonsecuritylake",
        "securitylake",
        "UntagResource",
        {"resourceArn": DATA_LAKE, "tagKeys": ["team"]},
        DATA_LAKE,
        region="us-gov-west-1",
    ),
    held(
        "notificationscontacts-2018-05-10",
        "CreateEmailContact",
        "awsusernotificationscontacts",
        record(
            "notifications-contacts",
            "CreateEmailContact",
            {"name": HIDDEN, "emailAddress": "oncall@example.com", "tags": M},
            {"arn": EMAIL_CONTACT},
        ),
        change(EMAIL_CONTACT, T),
        note="e-mail contacts are global: the ARN holds no region",
    ),
    held(
        "observabilityadmin-2018-05-10",
        "CreateS3TableIntegration",
        "amazoncloudwatchobservabilityadminservice",
        record(
            "observabilityadmin",
            "CreateS3TableIntegration",
            {
                "Encryption": {"SseAlgorithm": "AES256"},
                "RoleArn": f"arn:aws:iam::{A}:role/ObservabilityS3TablesRole",
                "Tags": M,
            },
            {"Arn": S3_TABLES},
            region="us-east-2",
        ),
        change(S3_TABLES, T),
        note="the tags are the integration's, not the role's",
    ),
    held(
        "mpa-2022-07-26",
        "CreateIdentitySource",
        "multi-partyapproval",
        record(
            "mpa",
            "CreateIdentitySource",
            {
                "IdentitySourceParameters": {
                    "IamIdentityCenter": {
                        "InstanceArn": "arn:aws:sso:::instance/ssoins-1111222233334444",
                        "Region": "us-east-1",
                    }
                },
                "ClientToken": "5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9",
                "Tags": M,
            },
            {
                "IdentitySourceType": "IAM_IDENTITY_CENTER",
                "IdentitySourceArn": IDENTITY_SOURCE,
                "CreationTime": "2024-06-01T12:00:00Z",
            },
        ),
        change(IDENTITY_SOURCE, T),
        note="the tags are the identity source's, not the Identity Center instance's; the tag map is "
        "sensitive in botocore's model and written in the clear",
    ),
    tag_call(
        "datazone-2018-05-10",
        "amazondatazone",
        "datazone",
        "TagResource",
        {"resourceArn": DOMAIN, "tags": M},
        DOMAIN,
        region="eu-central-1",
    ),
    untag_call(
        "mediaconvert-2017-08-29",
        "awselementalmediaconvert",
        "mediaconvert",
        "UntagResource",
        {"arn": QUEUE, "tagKeys": ["team"]},
        QUEUE,
        region="ap-northeast-1",
    ),
    held(
        "mailmanager-2023-10-17",
        "CreateArchive",
        "amazonsimpleemailservicev2",
        record(
            "ses",
            "CreateArchive",
            {
                "ClientToken": "d4c3b2a1-0f9e-4d8c-b7a6-5f4e3d2c1b0a",
                "ArchiveName": "inbound-retention",
                "Retention": {"RetentionPeriod": "ONE_YEAR"},
                "Tags": kv(team="alpha"),
            },
            {"ArchiveId": ARCHIVE_ID},
            region="sa-east-1",
        ),
        change(ARCHIVE, T),
        note="Mail Manager is logged under ses.amazonaws.com; the ARN is built from the response's id",
    ),
    untag_call(
        "interconnect-2022-07-26",
        "awsinterconnect",
        "interconnect",
        "UntagResource",
        {"arn": INTERCONNECT, "tagKeys": ["team"]},
        INTERCONNECT,
        region="us-west-2",
    ),
    untag_call(
        "mediastore-2017-09-01",
        "awselementalmediastore",
        "mediastore",
        "UntagResource",
        {"Resource": CONTAINER, "TagKeys": ["team"]},
        CONTAINER,
        region="ap-northeast-2",
    ),
    held(
        "network-firewall-2020-11-12",
        "CreateProxy",
        "awsnetworkfirewall",
        record(
            "network-firewall",
            "CreateProxy",
            {
                "ProxyName": "egress-proxy",
                "NatGatewayId": "nat-0123456789abcdef0",
                "ProxyConfigurationArn": PROXY_CONFIG,
                "ListenerProperties": [{"Port": 8080, "Type": "HTTP"}, {"Port": 8443, "Type": "HTTPS"}],
                "TlsInterceptProperties": {"TlsInterceptMode": "DISABLED"},
                "Tags": kv(team="alpha"),
            },
            {
                "Proxy": {
                    "CreateTime": "2024-06-01T12:00:00Z",
                    "ProxyState": "ATTACHING",
                    "NatGatewayId": "nat-0123456789abcdef0",
                    "ProxyConfigurationName": "egress-rules",
                    "ProxyConfigurationArn": PROXY_CONFIG,
                    "ProxyName": "egress-proxy",
                    "ProxyArn": PROXY,
                    "ListenerProperties": [{"Port": 8080, "Type": "HTTP"}, {"Port": 8443, "Type": "HTTPS"}],
                    "TlsInterceptProperties": {"TlsInterceptMode": "DISABLED"},
                    "Tags": kv(team="alpha"),
                },
                "UpdateToken": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
            },
            region="ap-southeast-2",
        ),
        change(PROXY, T),
        note="the tags are the proxy's, not the proxy configuration's or the NAT gateway's",
    ),
    held(
        "globalaccelerator-2018-08-08",
        "UntagResource",
        "awsglobalaccelerator",
        record(
            "globalaccelerator",
            "UntagResource",
            {"ResourceArn": ACCELERATOR, "TagKeys": ["team"]},
            region="us-west-2",
        ),
        change(ACCELERATOR, removed=GONE),
        note="Global Accelerator's API is in us-west-2; an accelerator's ARN holds no region",
    ),
    held(
        "forecast-2018-06-26",
        "CreateMonitor",
        "amazonforecast",
        record(
            "forecast",
            "CreateMonitor",
            {"MonitorName": "demand_monitor", "ResourceArn": PREDICTOR, "Tags": kv(team="alpha")},
            {"MonitorArn": MONITOR},
            region="ap-northeast-1",
        ),
        change(MONITOR, T),
        note="the tags are the monitor's, not the predictor's; the tag members are sensitive in "
        "botocore's model and written in the clear",
    ),
    held(
        "appsync-2017-07-25",
        "CreateGraphqlApi",
        "awsappsync",
        record(
            "appsync",
            "CreateGraphqlApi",
            {
                "name": "orders-api",
                "authenticationType": "AMAZON_COGNITO_USER_POOLS",
                "userPoolConfig": {
                    "userPoolId": "eu-south-1_AbCdEfGhI",
                    "awsRegion": "eu-south-1",
                    "defaultAction": "ALLOW",
                },
                "tags": M,
                "xrayEnabled": True,
            },
            {
                "graphqlApi": {
                    "name": "orders-api",
                    "apiId": API_ID,
                    "authenticationType": "AMAZON_COGNITO_USER_POOLS",
                    "userPoolConfig": {
                        "userPoolId": "eu-south-1_AbCdEfGhI",
                        "awsRegion": "eu-south-1",
                        "defaultAction": "ALLOW",
                    },
                    "arn": GRAPHQL_API,
                    "uris": {
                        "GRAPHQL": "https://abcdefghijklmnopqrstuvwxyz.appsync-api.eu-south-1.amazonaws.com/graphql"
                    },
                    "tags": M,
                    "xrayEnabled": True,
                    "visibility": "GLOBAL",
                    "apiType": "GRAPHQL",
                    "owner": A,
                }
            },
            region="eu-south-1",
        ),
        change(GRAPHQL_API, T),
        note="the tags are the API's, not the user pool's",
    ),
    tag_call(
        "appmesh-2019-01-25",
        "awsappmesh",
        "appmesh",
        "TagResource",
        {"resourceArn": VIRTUAL_NODE, "tags": lkv(team="alpha")},
        VIRTUAL_NODE,
        region="cn-northwest-1",
    ),
]
