"""Held-out corpus, round eight, part B, continued: draw lines 54 to 67 (see heldout8b_sampled.py
for the draw and how the records were written)."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

FIREWALL = f"arn:aws-us-gov:network-firewall:us-gov-east-1:{A}:firewall/edge-firewall"
FIREWALL_POLICY = f"arn:aws-us-gov:network-firewall:us-gov-east-1:{A}:firewall-policy/edge-policy"
FLEET = f"arn:aws-us-gov:appstream:us-gov-west-1:{A}:fleet/ExampleFleet"
SCHEDULE_GROUP = f"arn:aws:scheduler:ap-south-1:{A}:schedule-group/nightly-jobs"
MONITOR = f"arn:aws:internetmonitor:us-east-1:{A}:monitor/storefront-monitor"
RUNNER_SERVICE = f"arn:aws:apprunner:eu-west-1:{A}:service/storefront/8fe1e10304f84fd2b0df550fe98a71fa"
INGRESS = (
    f"arn:aws:apprunner:eu-west-1:{A}:vpcingressconnection/storefront-ingress/"
    "7a3b2c1d0e9f48a7b6c5d4e3f2a1b0c9"
)
SIGNALING_CHANNEL = f"arn:aws:kinesisvideo:ap-northeast-1:{A}:channel/doorbell-channel/1717243200123"
INDEX = f"arn:aws:resource-explorer-2:eu-west-3:{A}:index/a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
LENS = f"arn:aws:wellarchitected:ca-central-1:{A}:lens/a1b2c3d4e5f60718293a4b5c6d7e8f90"
CONTROL_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"
SCEP_CONNECTOR = f"arn:aws:pca-connector-scep:us-west-2:{A}:connector/a1b2c3d4-5678-90ab-cdef-EXAMPLE55555"
OAM_SINK = f"arn:aws:oam:eu-central-1:{A}:sink/a1b2c3d4-5678-90ab-cdef-EXAMPLE66666"
VOICE_DOMAIN = f"arn:aws:voiceid:us-west-2:{A}:domain/UcUuCPFOD2dUzpanJ7TWTQ"
ACCELERATOR = f"arn:aws:globalaccelerator::{A}:accelerator/a1b2c3d4-5678-90ab-cdef-EXAMPLE77777"
SEARCH_JOB = f"arn:aws:backup-search:us-east-1:{A}:search-job/a1b2c3d4-5678-90ab-cdef-EXAMPLE88888"


ROUND8_B2_ENTRIES: list[dict[str, Any]] = [
    held(
        "network-firewall-2020-11-12",
        "CreateFirewall",
        "awsnetworkfirewall",
        record(
            "network-firewall",
            "CreateFirewall",
            {
                "FirewallName": "edge-firewall",
                "FirewallPolicyArn": FIREWALL_POLICY,
                "VpcId": "vpc-0123456789abcdef0",
                "SubnetMappings": [{"SubnetId": "subnet-0123456789abcdef0"}],
                "DeleteProtection": True,
                "Tags": kv(team="alpha"),
            },
            {
                "Firewall": {
                    "FirewallName": "edge-firewall",
                    "FirewallArn": FIREWALL,
                    "FirewallPolicyArn": FIREWALL_POLICY,
                    "VpcId": "vpc-0123456789abcdef0",
                    "SubnetMappings": [{"SubnetId": "subnet-0123456789abcdef0"}],
                    "DeleteProtection": True,
                    "FirewallId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE99999",
                    "Tags": kv(team="alpha"),
                },
                "FirewallStatus": {"Status": "PROVISIONING", "ConfigurationSyncStateSummary": "PENDING"},
            },
            region="us-gov-east-1",
        ),
        change(FIREWALL, T),
        note="the firewall policy named by FirewallPolicyArn is not the target",
    ),
    untag_call(
        "appstream-2016-12-01",
        "amazonappstream2.0",
        "appstream",
        "UntagResource",
        {"ResourceArn": FLEET, "TagKeys": ["team"]},
        FLEET,
        region="us-gov-west-1",
    ),
    tag_call(
        "scheduler-2021-06-30",
        "amazoneventbridgescheduler",
        "scheduler",
        "TagResource",
        {"ResourceArn": SCHEDULE_GROUP, "Tags": kv(team="alpha")},
        SCHEDULE_GROUP,
        region="ap-south-1",
    ),
    untag_call(
        "internetmonitor-2021-06-03",
        "amazoncloudwatchinternetmonitor",
        "internetmonitor",
        "UntagResource",
        {"ResourceArn": MONITOR, "tagKeys": ["team"]},
        MONITOR,
    ),
    held(
        "apprunner-2020-05-15",
        "CreateVpcIngressConnection",
        "awsapprunner",
        record(
            "apprunner",
            "CreateVpcIngressConnection",
            {
                "ServiceArn": RUNNER_SERVICE,
                "VpcIngressConnectionName": "storefront-ingress",
                "IngressVpcConfiguration": {
                    "VpcId": "vpc-0123456789abcdef0",
                    "VpcEndpointId": "vpce-0123456789abcdef0",
                },
                "Tags": kv(team="alpha"),
            },
            {
                "VpcIngressConnection": {
                    "VpcIngressConnectionArn": INGRESS,
                    "VpcIngressConnectionName": "storefront-ingress",
                    "ServiceArn": RUNNER_SERVICE,
                    "Status": "PENDING_CREATION",
                    "AccountId": A,
                    "DomainName": "a1b2c3d4e5.eu-west-1.awsapprunner.com",
                    "IngressVpcConfiguration": {
                        "VpcId": "vpc-0123456789abcdef0",
                        "VpcEndpointId": "vpce-0123456789abcdef0",
                    },
                    "CreatedAt": "2024-06-01T12:00:00Z",
                }
            },
            region="eu-west-1",
        ),
        change(INGRESS, T),
        note="Tags are 'metadata items that you can associate with the VPC Ingress Connection resource', not the "
        "service named by ServiceArn",
    ),
    held(
        "kinesisvideo-2017-09-30",
        "UntagResource",
        "amazonkinesisvideostreams",
        record(
            "kinesisvideo",
            "UntagResource",
            {"ResourceARN": SIGNALING_CHANNEL, "TagKeyList": ["team"]},
            region="ap-northeast-1",
        ),
        change(SIGNALING_CHANNEL, removed=("team",)),
    ),
    held(
        "resource-explorer-2-2022-07-28",
        "CreateIndex",
        "awsresourceexplorer",
        record(
            "resource-explorer-2",
            "CreateIndex",
            {"ClientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLEeeeee", "Tags": M},
            {"Arn": INDEX, "State": "CREATING", "CreatedAt": "2024-06-01T12:00:00Z"},
            region="eu-west-3",
        ),
        change(INDEX, T),
        note="'The specified tags are attached only to the index created in this Amazon Web Services Region'",
    ),
    held(
        "wellarchitected-2020-03-31",
        "ImportLens",
        "awswell-architectedtool",
        record(
            "wellarchitected",
            "ImportLens",
            {
                "JSONString": '{"schemaVersion": "2021-11-01", "name": "Payments lens"}',
                "ClientRequestToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLEfffff",
                "Tags": M,
            },
            {"LensArn": LENS, "Status": "IN_PROGRESS"},
            region="ca-central-1",
        ),
        change(LENS, T),
        note="no LensAlias, so a new custom lens is created; LensArn is 'The ARN for the lens that was created'",
    ),
    held(
        "auditmanager-2017-07-25",
        "CreateControl",
        "awsauditmanager",
        record(
            "auditmanager",
            "CreateControl",
            {
                "name": "MFA on root",
                "description": "Root user has MFA",
                "controlMappingSources": [
                    {
                        "sourceName": "IAM root MFA",
                        "sourceSetUpOption": "System_Controls_Mapping",
                        "sourceType": "AWS_Config",
                        "sourceKeyword": {
                            "keywordInputType": "SELECT_FROM_LIST",
                            "keywordValue": "ROOT_ACCOUNT_MFA_ENABLED",
                        },
                    }
                ],
                "tags": M,
            },
            {
                "control": {
                    "arn": f"arn:aws:auditmanager:ap-southeast-2:{A}:control/{CONTROL_ID}",
                    "id": CONTROL_ID,
                    "type": "Custom",
                    "name": "MFA on root",
                    "description": "Root user has MFA",
                    "controlSources": "AWS Config",
                    "createdAt": "2024-06-01T12:00:00Z",
                    "lastUpdatedAt": "2024-06-01T12:00:00Z",
                    "createdBy": f"arn:aws:sts::{A}:assumed-role/Ops/ops",
                    "tags": M,
                }
            },
            region="ap-southeast-2",
        ),
        change(f"arn:aws:auditmanager:ap-southeast-2:{A}:control/{CONTROL_ID}", T),
    ),
    held(
        "pca-connector-scep-2018-05-10",
        "CreateConnector",
        "awsprivatecaconnectorforscep",
        record(
            "pca-connector-scep",
            "CreateConnector",
            {
                "CertificateAuthorityArn": f"arn:aws:acm-pca:us-west-2:{A}:certificate-authority/"
                "a1b2c3d4-5678-90ab-cdef-EXAMPLE00000",
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE12345",
                "Tags": M,
            },
            {"ConnectorArn": SCEP_CONNECTOR},
            region="us-west-2",
        ),
        change(SCEP_CONNECTOR, T),
        note="the certificate authority named by CertificateAuthorityArn is not the target",
    ),
    tag_call(
        "oam-2022-06-10",
        "amazoncloudwatchobservabilityaccessmanager",
        "oam",
        "TagResource",
        {"ResourceArn": OAM_SINK, "Tags": M},
        OAM_SINK,
        region="eu-central-1",
    ),
    untag_call(
        "voice-id-2021-09-27",
        "amazonconnectvoiceid",
        "voiceid",
        "UntagResource",
        {"ResourceArn": VOICE_DOMAIN, "TagKeys": ["team"]},
        VOICE_DOMAIN,
        region="us-west-2",
    ),
    held(
        "globalaccelerator-2018-08-08",
        "CreateCustomRoutingAccelerator",
        "awsglobalaccelerator",
        record(
            "globalaccelerator",
            "CreateCustomRoutingAccelerator",
            {
                "Name": "game-servers",
                "IpAddressType": "IPV4",
                "Enabled": True,
                "IdempotencyToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE23456",
                "Tags": kv(team="alpha"),
            },
            {
                "Accelerator": {
                    "AcceleratorArn": ACCELERATOR,
                    "Name": "game-servers",
                    "IpAddressType": "IPV4",
                    "Enabled": True,
                    "IpSets": [{"IpFamily": "IPv4", "IpAddresses": ["192.0.2.250", "198.51.100.52"]}],
                    "DnsName": "a1234567890abcdef.awsglobalaccelerator.com",
                    "Status": "IN_PROGRESS",
                    "CreatedTime": "2024-06-01T12:00:00Z",
                    "LastModifiedTime": "2024-06-01T12:00:00Z",
                }
            },
            region="us-west-2",
        ),
        change(ACCELERATOR, T),
        note="the Global Accelerator API is served from us-west-2; the SAR accelerator format has no region",
    ),
    tag_call(
        "backupsearch-2018-05-10",
        "awsbackupsearch",
        "backup-search",
        "TagResource",
        {"ResourceArn": SEARCH_JOB, "Tags": M},
        SEARCH_JOB,
    ),
]
