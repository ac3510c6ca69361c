"""Held-out corpus, round eleven, part B, second file: draws 39 to 50 of
``python -m tests.core.normalize.draw_heldout 20261209 100 11``, written as heldout11b_sampled.py
says (API reference and Service Authorization Reference, without the catalog or the normalizer).
No drawn operation was skipped.

Expectations a reader may question (each note says why):

- IAM Identity Center ``TagResource`` (draw 44, aws-us-gov): a permission set's ARN holds neither
  region nor account (``sso:::permissionSet/<instance>/<permission set>``).
- Inspector (classic) ``SetTagsForResource`` (draw 45): the call replaces the assessment template's
  tags; the record says which tags are set, not which it drops, so only ``team=alpha`` is expected.
  The Service Authorization Reference lists no resource type for Inspector classic; the ARN is the
  one the request names.
- Marketplace Catalog ``StartChangeSet`` (draw 47): ``ChangeSetTags`` land on the change set (its ARN
  in the response); the one change carries no ``EntityTags``, so no entity is tagged.
- IoT Greengrass V1 ``CreateConnectorDefinition`` (draw 39, aws-cn): the connector in the initial
  version is illustrative (its availability in China was not checked); it does not bear on the target.
- DMS ``ImportCertificate`` (draw 43, aws-us-gov): the certificate's ARN comes from the response
  (``cert:<id>``); the PEM is abbreviated.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call
from tests.core.normalize.heldout_builders import held, kv

HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"
CONNECTOR_DEF_ID = "55d0052b-0d7d-44d6-b56f-21867215e118"
CONNECTOR_DEF = f"arn:aws-cn:greengrass:cn-north-1:{A}:/greengrass/definition/connectors/{CONNECTOR_DEF_ID}"
MONITOR = f"arn:aws:internetmonitor:eu-north-1:{A}:monitor/web-frontend"
AZURE_LOCATION = f"arn:aws:datasync:ap-south-1:{A}:location/loc-0b3017fc4ba4a2d8d"
AGENT = f"arn:aws:datasync:ap-south-1:{A}:agent/agent-0b0addbeef44baca3"
DATASTORE = f"arn:aws:healthlake:us-east-2:{A}:datastore/fhir/6407b9ae4c2def3cb6f1a46a0c599ec0"
CERTIFICATE = f"arn:aws-us-gov:dms:us-gov-east-1:{A}:cert:ZOAFUZ6DTHX3WEPQNBJJR6PLPU"
SSO_INSTANCE = "arn:aws-us-gov:sso:::instance/ssoins-1111222233334444"
PERMISSION_SET = "arn:aws-us-gov:sso:::permissionSet/ssoins-1111222233334444/ps-abcdef0123456789"
TEMPLATE = f"arn:aws:inspector:ap-northeast-2:{A}:target/0-nvgVhaxX/template/0-7sbz2Kz0"
RULE_V2_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
RULE_V2 = f"arn:aws:securityhub:sa-east-1:{A}:automation-rulev2/{RULE_V2_ID}"
CHANGE_SET_ID = "76yesvf8y165pa4f98td2crtg"
CHANGE_SET = f"arn:aws:aws-marketplace:us-east-1:{A}:AWSMarketplace/ChangeSet/{CHANGE_SET_ID}"
SUITE_ID = "0a1b2c3d4e5f"
SUITE = f"arn:aws:iotdeviceadvisor:eu-west-1:{A}:suitedefinition/{SUITE_ID}"
VIEW = (
    f"arn:aws:resource-explorer-2:ap-southeast-1:{A}:view/prod-resources/9c1f2e3d-4b5a-4697-8a1b-2c3d4e5f6a7b"
)
CHANNEL_GROUP = f"arn:aws:mediapackagev2:eu-west-3:{A}:channelGroup/live-sports"

ROUND11B_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "greengrass-2017-06-07",
        "CreateConnectorDefinition",
        "awsiotgreengrass",
        record(
            "greengrass",
            "CreateConnectorDefinition",
            {
                "Name": "metrics-connectors",
                "InitialVersion": {
                    "Connectors": [
                        {
                            "ConnectorArn": "arn:aws-cn:greengrass:cn-north-1::/connectors/CloudWatchMetricsConnector/versions/4",
                            "Id": "cloudwatch-metrics",
                            "Parameters": {"PublishInterval": "10", "PublishRegion": "cn-north-1"},
                        }
                    ]
                },
                "tags": M,
            },
            {
                "Arn": CONNECTOR_DEF,
                "CreationTimestamp": "2026-12-01T10:00:00.000Z",
                "Id": CONNECTOR_DEF_ID,
                "LastUpdatedTimestamp": "2026-12-01T10:00:00.000Z",
                "LatestVersion": "7c2c5f1b-4a3d-4e2f-9b8a-1c0d2e3f4a5b",
                "LatestVersionArn": f"{CONNECTOR_DEF}/versions/7c2c5f1b-4a3d-4e2f-9b8a-1c0d2e3f4a5b",
                "Name": "metrics-connectors",
            },
            region="cn-north-1",
        ),
        change(CONNECTOR_DEF, T),
        note="the tags are the connector definition's, not its initial version's",
    ),
    held(
        "internetmonitor-2021-06-03",
        "CreateMonitor",
        "amazoncloudwatchinternetmonitor",
        record(
            "internetmonitor",
            "CreateMonitor",
            {
                "MonitorName": "web-frontend",
                "Resources": [f"arn:aws:ec2:eu-north-1:{A}:vpc/vpc-0a1b2c3d4e5f67890"],
                "Tags": M,
                "MaxCityNetworksToMonitor": 500,
            },
            {"Arn": MONITOR, "Status": "PENDING"},
            region="eu-north-1",
        ),
        change(MONITOR, T),
        note="the tags are the monitor's, not the monitored VPC's",
    ),
    held(
        "datasync-2018-11-09",
        "CreateLocationAzureBlob",
        "awsdatasync",
        record(
            "datasync",
            "CreateLocationAzureBlob",
            {
                "ContainerUrl": "https://examplestorage.blob.core.windows.net/archive",
                "AuthenticationType": "SAS",
                "SasConfiguration": {"Token": HIDDEN},
                "BlobType": "BLOCK",
                "AccessTier": "HOT",
                "Subdirectory": "/exports",
                "AgentArns": [AGENT],
                "Tags": kv(team="alpha"),
            },
            {"LocationArn": AZURE_LOCATION},
            region="ap-south-1",
        ),
        change(AZURE_LOCATION, T),
        note="the tags are the location's, not the agent's",
    ),
    held(
        "healthlake-2017-07-01",
        "TagResource",
        "awshealthlake",
        record(
            "healthlake",
            "TagResource",
            {"ResourceARN": DATASTORE, "Tags": kv(team="alpha")},
            region="us-east-2",
        ),
        change(DATASTORE, T),
    ),
    held(
        "dms-2016-01-01",
        "ImportCertificate",
        "awsdatabasemigrationservice",
        record(
            "dms",
            "ImportCertificate",
            {
                "CertificateIdentifier": "oracle-source-ca",
                "CertificatePem": "-----BEGIN CERTIFICATE-----\nMIIC...\n-----END CERTIFICATE-----",
                "Tags": kv(team="alpha"),
            },
            {
                "Certificate": {
                    "CertificateIdentifier": "oracle-source-ca",
                    "CertificateCreationDate": "Dec 1, 2026, 10:00:00 AM",
                    "CertificateArn": CERTIFICATE,
                    "CertificateOwner": A,
                    "SigningAlgorithm": "SHA256withRSA",
                    "KeyLength": 2048,
                }
            },
            region="us-gov-east-1",
        ),
        change(CERTIFICATE, T),
        note="ARN from the response (cert:<id>); the PEM is abbreviated",
    ),
    held(
        "sso-admin-2020-07-20",
        "TagResource",
        "awsiamidentitycenter",
        record(
            "sso",
            "TagResource",
            {"InstanceArn": SSO_INSTANCE, "ResourceArn": PERMISSION_SET, "Tags": kv(team="alpha")},
            region="us-gov-west-1",
        ),
        change(PERMISSION_SET, T),
        note="a permission set's ARN holds no region and no account; the instance is only its parent",
    ),
    held(
        "inspector-2016-02-16",
        "SetTagsForResource",
        "amazoninspector",
        record(
            "inspector",
            "SetTagsForResource",
            {"resourceArn": TEMPLATE, "tags": [{"key": "team", "value": "alpha"}]},
            region="ap-northeast-2",
        ),
        change(TEMPLATE, T),
        note="replaces the template's tags; the record names only those set",
    ),
    held(
        "securityhub-2018-10-26",
        "CreateAutomationRuleV2",
        "awssecurityhub",
        record(
            "securityhub",
            "CreateAutomationRuleV2",
            {
                "RuleName": "suppress-dev-low",
                "RuleStatus": "ENABLED",
                "Description": "Suppress low findings in dev accounts",
                "RuleOrder": 1.0,
                "Criteria": {
                    "OcsfFindingCriteria": {
                        "CompositeFilters": [
                            {
                                "StringFilters": [
                                    {
                                        "FieldName": "severity",
                                        "Filter": {"Value": "Low", "Comparison": "EQUALS"},
                                    }
                                ]
                            }
                        ],
                        "CompositeOperator": "AND",
                    }
                },
                "Actions": [{"Type": "FINDING_FIELDS_UPDATE", "FindingFieldsUpdate": {"StatusId": 3}}],
                "Tags": M,
            },
            {"RuleArn": RULE_V2, "RuleId": RULE_V2_ID},
            region="sa-east-1",
        ),
        change(RULE_V2, T),
        note="the tags are the rule's; the findings it matches are only selected",
    ),
    held(
        "marketplace-catalog-2018-09-17",
        "StartChangeSet",
        "awsmarketplace",
        record(
            "catalog.marketplace",
            "StartChangeSet",
            {
                "Catalog": "AWSMarketplace",
                "ChangeSet": [
                    {
                        "ChangeType": "UpdateInformation",
                        "Entity": {"Type": "SaaSProduct@1.0", "Identifier": "prod-4gd5hqjzqb2x6"},
                        "Details": '{"ShortDescription": "Log analytics for teams"}',
                    }
                ],
                "ChangeSetName": "update-short-description",
                "ChangeSetTags": kv(team="alpha"),
            },
            {"ChangeSetId": CHANGE_SET_ID, "ChangeSetArn": CHANGE_SET},
        ),
        change(CHANGE_SET, T),
        note="ChangeSetTags land on the change set; the change carries no EntityTags",
    ),
    held(
        "iotdeviceadvisor-2020-09-18",
        "CreateSuiteDefinition",
        "awsiotcoredeviceadvisor",
        record(
            "iotdeviceadvisor",
            "CreateSuiteDefinition",
            {
                "suiteDefinitionConfiguration": {
                    "suiteDefinitionName": "mqtt-qualification",
                    "devices": [{"thingArn": f"arn:aws:iot:eu-west-1:{A}:thing/sensor-42"}],
                    "intendedForQualification": False,
                    "rootGroup": '{"configuration":{},"tests":[]}',
                    "devicePermissionRoleArn": f"arn:aws:iam::{A}:role/DeviceAdvisorRole",
                    "protocol": "MqttV5",
                },
                "tags": M,
            },
            {
                "suiteDefinitionId": SUITE_ID,
                "suiteDefinitionArn": SUITE,
                "suiteDefinitionName": "mqtt-qualification",
                "createdAt": "2026-12-01T10:00:00Z",
            },
            region="eu-west-1",
        ),
        change(SUITE, T),
        note="the tags are the suite definition's, not the device's",
    ),
    tag_call(
        "resource-explorer-2-2022-07-28",
        "awsresourceexplorer",
        "resource-explorer-2",
        "TagResource",
        {"resourceArn": VIEW, "Tags": M},
        VIEW,
        region="ap-southeast-1",
    ),
    held(
        "mediapackagev2-2022-12-25",
        "CreateChannelGroup",
        "awselementalmediapackagev2",
        record(
            "mediapackagev2",
            "CreateChannelGroup",
            {"ChannelGroupName": "live-sports", "Description": "Live sports channels", "Tags": M},
            {
                "ChannelGroupName": "live-sports",
                "Arn": CHANNEL_GROUP,
                "EgressDomain": "abcde1.egress.mediapackagev2.eu-west-3.amazonaws.com",
                "CreatedAt": "2026-12-01T10:00:00Z",
                "ModifiedAt": "2026-12-01T10:00:00Z",
                "Description": "Live sports channels",
                "Tags": M,
            },
            region="eu-west-3",
        ),
        change(CHANNEL_GROUP, T),
    ),
]
