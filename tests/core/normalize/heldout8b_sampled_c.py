"""Held-out corpus, round eight, part B, continued: draw lines 68 to 80 (see heldout8b_sampled.py
for the draw and how the records were written)."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

DEVICE_FARM_PROJECT = f"arn:aws:devicefarm:us-west-2:{A}:project:a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
INSPECTOR_FILTER = f"arn:aws-us-gov:inspector2:us-gov-east-1:{A}:owner/{A}/filter/a1b2c3d4e5f60718"
FMS_POLICY = f"arn:aws:fms:eu-west-1:{A}:policy/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
EPHEMERIS_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
DATA_SOURCE = f"arn:aws:opensearch:us-east-2:{A}:datasource/app_logs"
POLICY_STORE = f"arn:aws:verifiedpermissions::{A}:policy-store/PSEXAMPLEabcdefg111111"
MEETING_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"
MWAA_ENVIRONMENT = f"arn:aws:airflow:eu-west-1:{A}:environment/MyMWAAEnvironment"
COLLECTION = f"arn:aws:aoss:ap-northeast-2:{A}:collection/0a1b2c3d4e5f6g7h8i9j"
QUANTUM_TASK = f"arn:aws:braket:us-west-1:{A}:quantum-task/a1b2c3d4-5678-90ab-cdef-EXAMPLE55555"
IDENTITY_PROVIDER = (
    f"arn:aws:license-manager-user-subscriptions:us-east-1:{A}:identity-provider/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE66666"
)
LICENSE_ENDPOINT = (
    f"arn:aws:license-manager-user-subscriptions:us-east-1:{A}:license-server-endpoint/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE77777"
)
FORM_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE88888"
SCALABLE_TARGET = (
    f"arn:aws-cn:application-autoscaling:cn-north-1:{A}:scalable-target/0123456789abcdef0123456789abcdef"
)
FORM_FIELDS = {"name": {"inputType": {"type": "TextField"}}}
FORM_STYLE = {
    "horizontalGap": {"value": "8px"},
    "verticalGap": {"value": "8px"},
    "outerPadding": {"value": "8px"},
}


ROUND8_B3_ENTRIES: list[dict[str, Any]] = [
    untag_call(
        "devicefarm-2015-06-23",
        "awsdevicefarm",
        "devicefarm",
        "UntagResource",
        {"ResourceARN": DEVICE_FARM_PROJECT, "TagKeys": ["team"]},
        DEVICE_FARM_PROJECT,
        region="us-west-2",
    ),
    untag_call(
        "inspector2-2020-06-08",
        "amazoninspector2",
        "inspector2",
        "UntagResource",
        {"resourceArn": INSPECTOR_FILTER, "tagKeys": ["team"]},
        INSPECTOR_FILTER,
        region="us-gov-east-1",
    ),
    untag_call(
        "fms-2018-01-01",
        "awsfirewallmanager",
        "fms",
        "UntagResource",
        {"ResourceArn": FMS_POLICY, "TagKeys": ["team"]},
        FMS_POLICY,
        region="eu-west-1",
    ),
    held(
        "groundstation-2019-05-23",
        "CreateEphemeris",
        "awsgroundstation",
        record(
            "groundstation",
            "CreateEphemeris",
            {
                "satelliteId": "a1b2c3d4-5678-90ab-cdef-EXAMPLEsat01",
                "enabled": True,
                "priority": 2,
                "expirationTime": "2024-06-08T12:00:00Z",
                "name": "weekly-tle",
                "ephemeris": {
                    "tle": {
                        "s3Object": {"bucket": "my-ephemeris-bucket", "key": "tle/weekly.txt"},
                    }
                },
                "tags": M,
            },
            {"ephemerisId": EPHEMERIS_ID},
            region="eu-north-1",
        ),
        change(f"arn:aws:groundstation:eu-north-1:{A}:ephemeris/{EPHEMERIS_ID}", T),
        note="tags are 'Tags assigned to an ephemeris'; SAR EphemerisItem format ephemeris/${EphemerisId}, "
        "the id from the response; the satellite is not the target",
    ),
    held(
        "opensearch-2021-01-01",
        "AddDirectQueryDataSource",
        "amazonopensearchservice",
        record(
            "es",
            "AddDirectQueryDataSource",
            {
                "DataSourceName": "app_logs",
                "DataSourceType": {
                    "CloudWatchLog": {"RoleArn": f"arn:aws:iam::{A}:role/OpenSearchDirectQuery"},
                },
                "Description": "Application log groups",
                "OpenSearchArns": [f"arn:aws:aoss:us-east-2:{A}:collection/a1b2c3d4e5f6g7h8i9j0"],
                "TagList": kv(team="alpha"),
            },
            {"DataSourceArn": DATA_SOURCE},
            region="us-east-2",
        ),
        change(DATA_SOURCE, T),
        note="the SAR datasource format is arn:${Partition}:opensearch:${Region}:${Account}:datasource/"
        "${DataSourceName} (prefix opensearch, not es); the collection in OpenSearchArns is not the target",
    ),
    untag_call(
        "verifiedpermissions-2021-12-01",
        "amazonverifiedpermissions",
        "verifiedpermissions",
        "UntagResource",
        {"resourceArn": POLICY_STORE, "tagKeys": ["team"]},
        POLICY_STORE,
        region="ca-central-1",
    ),
    held(
        "chime-sdk-meetings-2021-07-15",
        "CreateMeetingWithAttendees",
        "amazonchime",
        record(
            "chime",
            "CreateMeetingWithAttendees",
            {
                "ClientRequestToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE99999",
                "MediaRegion": "us-west-2",
                "ExternalMeetingId": "standup-2024-06-01",
                "Attendees": [{"ExternalUserId": "user-alice"}, {"ExternalUserId": "user-bob"}],
                "Tags": kv(team="alpha"),
            },
            {
                "Meeting": {
                    "MeetingId": MEETING_ID,
                    "ExternalMeetingId": "standup-2024-06-01",
                    "MediaRegion": "us-west-2",
                    "MediaPlacement": {
                        "AudioHostUrl": "abcd.k.m1.uw2.app.chime.aws:3478",
                        "SignalingUrl": "wss://signal.m1.uw2.app.chime.aws/control/" + MEETING_ID,
                    },
                    "MeetingArn": f"arn:aws:chime:us-west-2:{A}:meeting/{MEETING_ID}",
                },
                "Attendees": [
                    {"ExternalUserId": "user-alice", "AttendeeId": "a1b2c3d4-0000-0000-0000-EXAMPLEaaaaa"},
                    {"ExternalUserId": "user-bob", "AttendeeId": "a1b2c3d4-0000-0000-0000-EXAMPLEbbbbb"},
                ],
                "Errors": [],
            },
            region="us-west-2",
        ),
        change(f"arn:aws:chime:us-west-2:{A}:meeting/{MEETING_ID}", T),
        note="the Chime SDK meetings API logs under chime.amazonaws.com; Tags are on the meeting (SAR meeting "
        "format meeting/${MeetingId}); attendees have no ARN of their own; media and control Region are the same",
    ),
    tag_call(
        "mwaa-2020-07-01",
        "amazonmanagedworkflowsforapacheairflow",
        "airflow",
        "TagResource",
        {"ResourceArn": MWAA_ENVIRONMENT, "Tags": {"team": "alpha"}},
        MWAA_ENVIRONMENT,
        region="eu-west-1",
    ),
    untag_call(
        "opensearchserverless-2021-11-01",
        "amazonopensearchserverless",
        "aoss",
        "UntagResource",
        {"resourceArn": COLLECTION, "tagKeys": ["team"]},
        COLLECTION,
        region="ap-northeast-2",
    ),
    untag_call(
        "braket-2019-09-01",
        "amazonbraket",
        "braket",
        "UntagResource",
        {"resourceArn": QUANTUM_TASK, "tagKeys": ["team"]},
        QUANTUM_TASK,
        region="us-west-1",
    ),
    held(
        "license-manager-user-subscriptions-2018-05-10",
        "CreateLicenseServerEndpoint",
        "awslicensemanagerusersubscriptions",
        record(
            "license-manager-user-subscriptions",
            "CreateLicenseServerEndpoint",
            {
                "IdentityProviderArn": IDENTITY_PROVIDER,
                "LicenseServerSettings": {
                    "ServerType": "RDS_SAL",
                    "ServerSettings": {
                        "RdsSalSettings": {
                            "RdsSalCredentialsProvider": {
                                "SecretsManagerCredentialsProvider": {
                                    "SecretId": f"arn:aws:secretsmanager:us-east-1:{A}:secret:rds-sal-AbCdEf"
                                }
                            }
                        }
                    },
                },
                "Tags": M,
            },
            {"IdentityProviderArn": IDENTITY_PROVIDER, "LicenseServerEndpointArn": LICENSE_ENDPOINT},
        ),
        change(LICENSE_ENDPOINT, T),
        note="Tags 'apply for the license server endpoint'; the identity provider, in the request and the "
        "response, is not the target",
    ),
    held(
        "amplifyuibuilder-2021-08-11",
        "CreateForm",
        "awsamplifyuibuilder",
        record(
            "amplifyuibuilder",
            "CreateForm",
            {
                "appId": "d1a2b3c4d5e6f7",
                "environmentName": "staging",
                "formToCreate": {
                    "name": "ContactForm",
                    "dataType": {"dataSourceType": "Custom", "dataTypeName": "Contact"},
                    "formActionType": "create",
                    "fields": FORM_FIELDS,
                    "style": FORM_STYLE,
                    "sectionalElements": {},
                    "schemaVersion": "1.0",
                    "tags": M,
                },
            },
            {
                "entity": {
                    "appId": "d1a2b3c4d5e6f7",
                    "environmentName": "staging",
                    "id": FORM_ID,
                    "name": "ContactForm",
                    "formActionType": "create",
                    "style": FORM_STYLE,
                    "dataType": {"dataSourceType": "Custom", "dataTypeName": "Contact"},
                    "fields": FORM_FIELDS,
                    "sectionalElements": {},
                    "schemaVersion": "1.0",
                    "tags": M,
                }
            },
            region="eu-west-2",
        ),
        change(
            f"arn:aws:amplifyuibuilder:eu-west-2:{A}:app/d1a2b3c4d5e6f7/environment/staging/forms/{FORM_ID}",
            T,
        ),
        note="the tags are inside formToCreate ('key-value pairs to use when tagging the form data'); SAR "
        "FormResource format app/${AppId}/environment/${EnvironmentName}/forms/${Id}, the id from the response",
    ),
    held(
        "application-autoscaling-2016-02-06",
        "RegisterScalableTarget",
        "awsapplicationautoscaling",
        record(
            "application-autoscaling",
            "RegisterScalableTarget",
            {
                "ServiceNamespace": "ecs",
                "ResourceId": "service/my-cluster/my-service",
                "ScalableDimension": "ecs:service:DesiredCount",
                "MinCapacity": 1,
                "MaxCapacity": 10,
                "Tags": M,
            },
            {"ScalableTargetARN": SCALABLE_TARGET},
            region="cn-north-1",
        ),
        change(SCALABLE_TARGET, T),
        note="Tags 'Assigns one or more tags to the scalable target'; SAR scalable-target/${ResourceId} is the "
        "target's own id from the response, not the request's ResourceId (the ECS service, not the target)",
    ),
]
