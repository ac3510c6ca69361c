"""Held-out corpus, round seven, part B: operations drawn at random after round six's fixes and
measured before any further fix. The draw (``random.seed(20261205)``, ``python -m tests.core.normalize.draw_heldout 20261205 120 7``): the
catalogued operations no corpus had after round six (1,688 over 282 event sources), grouped by
event source; 120 event sources drawn with ``random.sample`` over the sorted sources, then one
operation of each with ``random.choice`` over its sorted operations. Part B is draw lines 61 to
120; part A (heldout7a_*) is lines 1 to 60. Written as rounds four to six were, from the API
reference (botocore's service model text, which the reference is generated from, and the
``goto/WebAPI`` page cited) and the Service Authorization Reference, without looking at the catalog
entries of the drawn operations.

Skipped: Neptune Analytics RestoreGraphFromSnapshot (line 75), whose reference says its ``tags``
"adds metadata tags to the snapshot" although the call makes a new graph from an existing
snapshot, so it does not say whether the tags land on the graph or the snapshot."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

CONNECT_INSTANCE = f"arn:aws:connect:eu-west-2:{A}:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
ASSESSMENT = f"arn:aws:auditmanager:eu-west-1:{A}:assessment/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
GLOBAL_NETWORK = f"arn:aws:networkmanager::{A}:global-network/global-network-01231231231231231"
LINUX_PROVIDER = (
    f"arn:aws:license-manager-linux-subscriptions:us-east-2:{A}:subscription-provider/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
)
DASHBOARD = f"arn:aws-cn:cloudtrail:cn-northwest-1:{A}:dashboard/exampleDash"
MEMBERSHIP = "a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"
ANALYSIS_TEMPLATE = (
    f"arn:aws:cleanrooms:us-west-2:{A}:membership/{MEMBERSHIP}/analysistemplate/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555"
)
FSX_SNAPSHOT = f"arn:aws-cn:fsx:cn-north-1:{A}:snapshot/fsvol-0123456789abcdef0/fsvolsnap-0123456789abcdef0"
AGENT_SPACE = f"arn:aws:securityagent:us-east-1:{A}:agent-space/as-0123456789abcdef"
SUBSCRIBER = f"arn:aws:securitylake:ap-southeast-2:{A}:subscriber/a1b2c3d4-5678-90ab-cdef-EXAMPLE66666"
QC_INSTANCE = "a1b2c3d4-5678-90ab-cdef-EXAMPLE77777"
QUICK_CONNECT = (
    f"arn:aws:connect:us-west-2:{A}:instance/{QC_INSTANCE}/transfer-destination/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE88888"
)
GEO_JOB = f"arn:aws:geo:eu-central-1:{A}:job/a1b2c3d4-5678-90ab-cdef-EXAMPLE99999"
SCAN = f"arn:aws:codeguru-security:us-west-2:{A}:scans/my-scan"
CONTACT_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLEaaaaa"


ROUND7_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "customer-profiles-2020-08-15",
        "PutIntegration",
        "amazonconnectcustomerprofiles",
        record(
            "profile",
            "PutIntegration",
            {
                "DomainName": "ExampleDomain",
                "Uri": CONNECT_INSTANCE,
                "ObjectTypeName": "CTR",
                "Tags": M,
            },
            {
                "DomainName": "ExampleDomain",
                "Uri": CONNECT_INSTANCE,
                "ObjectTypeName": "CTR",
                "CreatedAt": "2024-06-01T12:00:00Z",
                "LastUpdatedAt": "2024-06-01T12:00:00Z",
                "Tags": M,
            },
            region="eu-west-2",
        ),
        change(f"arn:aws:profile:eu-west-2:{A}:domains/ExampleDomain/integrations/{CONNECT_INSTANCE}", T),
        note="the integrations format is domains/${DomainName}/integrations/${Uri}, the Uri as given",
    ),
    untag_call(
        "auditmanager-2017-07-25",
        "awsauditmanager",
        "auditmanager",
        "UntagResource",
        {"resourceArn": ASSESSMENT, "tagKeys": ["team"]},
        ASSESSMENT,
        region="eu-west-1",
    ),
    held(
        "networkmanager-2019-07-05",
        "CreateGlobalNetwork",
        "awsnetworkmanager",
        record(
            "networkmanager",
            "CreateGlobalNetwork",
            {"Description": "Core network", "Tags": kv(team="alpha")},
            {
                "GlobalNetwork": {
                    "GlobalNetworkId": "global-network-01231231231231231",
                    "GlobalNetworkArn": GLOBAL_NETWORK,
                    "Description": "Core network",
                    "CreatedAt": "2024-06-01T12:00:00Z",
                    "State": "PENDING",
                    "Tags": kv(team="alpha"),
                }
            },
            region="us-west-2",
        ),
        change(GLOBAL_NETWORK, T),
    ),
    held(
        "license-manager-linux-subscriptions-2018-05-10",
        "RegisterSubscriptionProvider",
        "awslicensemanagerlinuxsubscriptionsmanager",
        record(
            "license-manager-linux-subscriptions",
            "RegisterSubscriptionProvider",
            {
                "SecretArn": f"arn:aws:secretsmanager:us-east-2:{A}:secret:rhsm-token-AbCdEf",
                "SubscriptionProviderSource": "RedHat",
                "Tags": M,
            },
            {
                "SubscriptionProviderArn": LINUX_PROVIDER,
                "SubscriptionProviderSource": "RedHat",
                "SubscriptionProviderStatus": "PENDING",
            },
            region="us-east-2",
        ),
        change(LINUX_PROVIDER, T),
    ),
    held(
        "elasticbeanstalk-2010-12-01",
        "CreateConfigurationTemplate",
        "awselasticbeanstalk",
        record(
            "elasticbeanstalk",
            "CreateConfigurationTemplate",
            {
                "ApplicationName": "my-app",
                "TemplateName": "my-app-v1",
                "SolutionStackName": "64bit Amazon Linux 2023 v4.0.0 running Python 3.11",
                "Tags": kv(team="alpha"),
            },
            {
                "ApplicationName": "my-app",
                "TemplateName": "my-app-v1",
                "SolutionStackName": "64bit Amazon Linux 2023 v4.0.0 running Python 3.11",
                "DateCreated": "2024-06-01T12:00:00Z",
                "DateUpdated": "2024-06-01T12:00:00Z",
            },
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:elasticbeanstalk:cn-north-1:{A}:configurationtemplate/my-app/my-app-v1", T),
    ),
    held(
        "cloudtrail-2013-11-01",
        "CreateDashboard",
        "awscloudtrail",
        record(
            "cloudtrail",
            "CreateDashboard",
            {"Name": "exampleDash", "TagsList": kv(team="alpha"), "TerminationProtectionEnabled": False},
            {
                "DashboardArn": DASHBOARD,
                "Name": "exampleDash",
                "Type": "CUSTOM",
                "TagsList": kv(team="alpha"),
            },
            region="cn-northwest-1",
        ),
        change(DASHBOARD, T),
    ),
    held(
        "cleanrooms-2022-02-17",
        "CreateAnalysisTemplate",
        "awscleanrooms",
        record(
            "cleanrooms",
            "CreateAnalysisTemplate",
            {
                "membershipIdentifier": MEMBERSHIP,
                "name": "my_template",
                "format": "SQL",
                "source": {"text": "SELECT COUNT(*) FROM t"},
                "tags": M,
            },
            {
                "analysisTemplate": {
                    "id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                    "arn": ANALYSIS_TEMPLATE,
                    "collaborationId": "a1b2c3d4-5678-90ab-cdef-EXAMPLEccccc",
                    "collaborationArn": f"arn:aws:cleanrooms:us-west-2:{A}:collaboration/"
                    "a1b2c3d4-5678-90ab-cdef-EXAMPLEccccc",
                    "membershipId": MEMBERSHIP,
                    "membershipArn": f"arn:aws:cleanrooms:us-west-2:{A}:membership/{MEMBERSHIP}",
                    "name": "my_template",
                    "format": "SQL",
                    "source": {"text": "SELECT COUNT(*) FROM t"},
                    "schema": {"referencedTables": ["t"]},
                    "createTime": "2024-06-01T12:00:00Z",
                    "updateTime": "2024-06-01T12:00:00Z",
                }
            },
            region="us-west-2",
        ),
        change(ANALYSIS_TEMPLATE, T),
    ),
    held(
        "fsx-2018-03-01",
        "CreateSnapshot",
        "amazonfsx",
        record(
            "fsx",
            "CreateSnapshot",
            {"Name": "nightly", "VolumeId": "fsvol-0123456789abcdef0", "Tags": kv(team="alpha")},
            {
                "Snapshot": {
                    "ResourceARN": FSX_SNAPSHOT,
                    "SnapshotId": "fsvolsnap-0123456789abcdef0",
                    "Name": "nightly",
                    "VolumeId": "fsvol-0123456789abcdef0",
                    "Lifecycle": "PENDING",
                    "Tags": kv(team="alpha"),
                }
            },
            region="cn-north-1",
        ),
        change(FSX_SNAPSHOT, T),
    ),
    untag_call(
        "securityagent-2025-09-06",
        "awssecurityagent",
        "securityagent",
        "UntagResource",
        {"resourceArn": AGENT_SPACE, "tagKeys": ["team"]},
        AGENT_SPACE,
    ),
    held(
        "securitylake-2018-05-10",
        "CreateSubscriber",
        "amazonsecuritylake",
        record(
            "securitylake",
            "CreateSubscriber",
            {
                "sources": [{"awsLogSource": {"sourceName": "CLOUD_TRAIL_MGMT", "sourceVersion": "2.0"}}],
                "subscriberIdentity": {"externalId": "ext-123", "principal": "444455556666"},
                "subscriberName": "analytics",
                "accessTypes": ["S3"],
                "tags": lkv(team="alpha"),
            },
            {
                "subscriber": {
                    "subscriberArn": SUBSCRIBER,
                    "subscriberId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE66666",
                    "subscriberIdentity": {"externalId": "ext-123", "principal": "444455556666"},
                    "subscriberName": "analytics",
                    "sources": [{"awsLogSource": {"sourceName": "CLOUD_TRAIL_MGMT", "sourceVersion": "2.0"}}],
                    "accessTypes": ["S3"],
                    "subscriberStatus": "ACTIVE",
                }
            },
            region="ap-southeast-2",
        ),
        change(SUBSCRIBER, T),
    ),
    held(
        "connect-2017-08-08",
        "CreateQuickConnect",
        "amazonconnect",
        record(
            "connect",
            "CreateQuickConnect",
            {
                "InstanceId": QC_INSTANCE,
                "Name": "Escalations",
                "QuickConnectConfig": {
                    "QuickConnectType": "PHONE_NUMBER",
                    "PhoneConfig": {"PhoneNumber": "+12065550100"},
                },
                "Tags": M,
            },
            {"QuickConnectARN": QUICK_CONNECT, "QuickConnectId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE88888"},
            region="us-west-2",
        ),
        change(QUICK_CONNECT, T),
    ),
    held(
        "location-2020-11-19",
        "StartJob",
        "amazonlocation",
        record(
            "geo",
            "StartJob",
            {
                "Action": "ValidateAddress",
                "ExecutionRoleArn": f"arn:aws:iam::{A}:role/LocationJobRole",
                "InputOptions": {"Location": "s3://my-input-bucket/addresses/", "Format": "Parquet"},
                "OutputOptions": {"Location": "s3://my-output-bucket/validated/", "Format": "Parquet"},
                "Name": "validate-addresses",
                "Tags": M,
            },
            {
                "CreatedAt": "2024-06-01T12:00:00Z",
                "JobArn": GEO_JOB,
                "JobId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE99999",
                "Status": "Pending",
            },
            region="eu-central-1",
        ),
        change(GEO_JOB, T),
        note="JobArn's documented format example is arn:aws:geo:region:account-id:job/ExampleJob",
    ),
    held(
        "codedeploy-2014-10-06",
        "AddTagsToOnPremisesInstances",
        "awscodedeploy",
        record(
            "codedeploy",
            "AddTagsToOnPremisesInstances",
            {"tags": kv(team="alpha"), "instanceNames": ["AssetTag12010298EX", "AssetTag23121309EX"]},
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:codedeploy:us-gov-west-1:{A}:instance:AssetTag12010298EX", T),
        change(f"arn:aws-us-gov:codedeploy:us-gov-west-1:{A}:instance:AssetTag23121309EX", T),
    ),
    untag_call(
        "codeguru-security-2018-05-10",
        "amazoncodegurusecurity",
        "codeguru-security",
        "UntagResource",
        {"resourceArn": SCAN, "tagKeys": ["team"]},
        SCAN,
        region="us-west-2",
    ),
    held(
        "groundstation-2019-05-23",
        "ReserveContact",
        "awsgroundstation",
        record(
            "groundstation",
            "ReserveContact",
            {
                "missionProfileArn": f"arn:aws:groundstation:us-east-2:{A}:mission-profile/"
                "a1b2c3d4-5678-90ab-cdef-EXAMPLEbbbbb",
                "satelliteArn": f"arn:aws:groundstation::{A}:satellite/a1b2c3d4-5678-90ab-cdef-EXAMPLEddddd",
                "startTime": "2024-06-02T10:00:00Z",
                "endTime": "2024-06-02T10:10:00Z",
                "groundStation": "Ohio 1",
                "tags": M,
            },
            {"contactId": CONTACT_ID},
            region="us-east-2",
        ),
        change(f"arn:aws:groundstation:us-east-2:{A}:contact/{CONTACT_ID}", T),
    ),
    held(
        "rtbfabric-2023-05-15",
        "CreateLinkRoutingRule",
        "awsrtbfabric",
        record(
            "rtbfabric",
            "CreateLinkRoutingRule",
            {
                "clientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLEeeeee",
                "gatewayId": "rtb-gw-0123456789abcdef",
                "linkId": "link-0123456789abcdef",
                "priority": 10,
                "conditions": {"pathPrefix": "/bid"},
                "tags": M,
            },
            {"ruleId": "rule-0123456789abcdef", "status": "ACTIVE", "createdAt": "2024-06-01T12:00:00Z"},
        ),
        unresolved("", T),
        note="the tags land on the new routing rule, whose ARN the response does not return and for "
        "which the Service Authorization Reference gives no resource type",
    ),
]
