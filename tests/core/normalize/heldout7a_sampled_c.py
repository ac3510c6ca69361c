"""Held-out corpus, round seven, part A (continued: draws 29 to 44, draw 40 skipped): see
tests/core/normalize/heldout7a_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held, kv, lkv

WORKGROUP = f"arn:aws-cn:athena:cn-north-1:{A}:workgroup/my-workgroup"
DETECTOR = f"arn:aws:frauddetector:eu-west-1:{A}:detector/sample_detector"
CONTACT = f"arn:aws:ssm-contacts:us-east-2:{A}:contact/akuam"
RULESET = f"arn:aws:license-manager:eu-west-1:{A}:license-asset-ruleset:lar-0123456789abcdef0123456789abcdef"
ASSET_GROUP = (
    f"arn:aws:license-manager:eu-west-1:{A}:license-asset-group:lag-fedcba9876543210fedcba9876543210"
)
INDEX = "d0a1b2c3-4d5e-6f70-8192-a3b4c5d6e7f8"
FAQ = "f1e2d3c4-b5a6-9788-6950-4a3b2c1d0e9f"
MONITOR = f"arn:aws:internetmonitor:us-east-1:{A}:monitor/my-monitor"
PARTNER = f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/partner/partner-a1b2c3d4e5f6g"
SOURCE = f"arn:aws:dms:ca-central-1:{A}:endpoint:SRCENDPOINTEXAMPLE0123456789"
TARGET = f"arn:aws:dms:ca-central-1:{A}:endpoint:TGTENDPOINTEXAMPLE0123456789"
REPLICATION_CONFIG = f"arn:aws:dms:ca-central-1:{A}:replication-config:EXAMPLEABCDEFGHIJKLMNOPQRSTUVWXYZ0123"
SPACE = f"arn:aws:repostspace:us-west-2:{A}:space/SW1a2b3c4d5e6f7g8h9i0j"
TEMPLATE = f"arn:aws:migrationhub-orchestrator:us-west-2:{A}:template/tmpl-0123456789abcdef"
ASSOCIATION = f"arn:aws:iotmanagedintegrations:eu-west-1:{A}:account-association/0123456789abcdef"
MODEL = (
    f"arn:aws:lookoutequipment:ap-northeast-2:{A}:model/pump-model-copy/e5f6a7b8-9c0d-1e2f-3a4b-EXAMPLE66666"
)
SOURCE_VERSION = (
    f"arn:aws:lookoutequipment:ap-northeast-2:{B}:model/pump-model/c9d0e1f2-3a4b-5c6d-7e8f-EXAMPLE77777"
    "/model-version/3"
)

ROUND7A_C_ENTRIES: list[dict[str, Any]] = [
    untag_call(
        "athena-2017-05-18",
        "amazonathena",
        "athena",
        "UntagResource",
        {"resourceARN": WORKGROUP, "tagKeys": ["team"]},
        WORKGROUP,
        region="cn-north-1",
    ),
    held(
        "iam-2010-05-08",
        "UntagServerCertificate",
        "awsidentityandaccessmanagementiam",
        record(
            "iam", "UntagServerCertificate", {"serverCertificateName": "ProdServerCert", "tagKeys": ["team"]}
        ),
        unresolved("ProdServerCert", removed=GONE),
        note="a server certificate's ARN holds its path, which the record does not carry",
    ),
    untag_call(
        "frauddetector-2019-11-15",
        "amazonfrauddetector",
        "frauddetector",
        "UntagResource",
        {"resourceARN": DETECTOR, "tagKeys": ["team"]},
        DETECTOR,
        region="eu-west-1",
    ),
    untag_call(
        "ssm-contacts-2021-05-03",
        "awssystemsmanagerincidentmanagercontacts",
        "ssm-contacts",
        "UntagResource",
        {"ResourceARN": CONTACT, "TagKeys": ["team"]},
        CONTACT,
        region="us-east-2",
    ),
    held(
        "license-manager-2018-08-01",
        "CreateLicenseAssetGroup",
        "awslicensemanager",
        record(
            "license-manager",
            "CreateLicenseAssetGroup",
            {
                "Name": "my-asset-group",
                "LicenseAssetGroupConfigurations": [{"UsageDimension": "vCPU"}],
                "AssociatedLicenseAssetRulesetARNs": [RULESET],
                "Tags": kv(team="alpha"),
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE88888",
            },
            {"LicenseAssetGroupArn": ASSET_GROUP, "Status": "ACTIVE"},
            region="eu-west-1",
        ),
        change(ASSET_GROUP, T),
        note="the tags are the asset group's, not the ruleset's",
    ),
    held(
        "kendra-2019-02-03",
        "CreateFaq",
        "amazonkendra",
        record(
            "kendra",
            "CreateFaq",
            {
                "indexId": INDEX,
                "name": "my-faq",
                "s3Path": {"bucket": "amzn-s3-demo-bucket", "key": "faq.csv"},
                "roleArn": f"arn:aws-us-gov:iam::{A}:role/KendraFaqRole",
                "tags": kv(team="alpha"),
                "fileFormat": "CSV",
            },
            {"id": FAQ},
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:kendra:us-gov-west-1:{A}:index/{INDEX}/faq/{FAQ}", T),
        note="the tags are the FAQ's, not the index's; its id is the response's",
    ),
    held(
        "devops-agent-2026-01-01",
        "CreatePrivateConnection",
        "awsdevopsagentservice",
        record(
            "aidevops",
            "CreatePrivateConnection",
            {
                "name": "my-private-connection",
                "mode": {
                    "serviceManaged": {
                        "hostAddress": "10.0.1.25",
                        "vpcId": "vpc-0123456789abcdef0",
                        "subnetIds": ["subnet-0123456789abcdef0"],
                    }
                },
                "tags": M,
            },
            {
                "name": "my-private-connection",
                "type": "SERVICE_MANAGED",
                "resourceGatewayId": f"arn:aws:vpc-lattice:us-east-1:{A}:resourcegateway/rgw-0123456789abcdef0",
                "hostAddress": "10.0.1.25",
                "vpcId": "vpc-0123456789abcdef0",
                "status": "CREATE_IN_PROGRESS",
                "tags": M,
            },
        ),
        unresolved("", T),
        note="the reference lists no private-connection resource type; the resource gateway is the service's",
    ),
    tag_call(
        "internetmonitor-2021-06-03",
        "amazoncloudwatchinternetmonitor",
        "internetmonitor",
        "TagResource",
        {"ResourceArn": MONITOR, "Tags": M},
        MONITOR,
    ),
    held(
        "partnercentral-account-2025-04-04",
        "CreatePartner",
        "awspartnercentral",
        record(
            "partnercentral-account",
            "CreatePartner",
            {
                "Catalog": "AWS",
                "LegalName": "Example Corp",
                "PrimarySolutionType": "SOFTWARE_PRODUCTS",
                "AllianceLeadContact": {
                    "FirstName": "Jane",
                    "LastName": "Doe",
                    "Email": "jane@example.com",
                    "BusinessTitle": "Alliance Lead",
                },
                "EmailVerificationCode": "123456",
                "Tags": kv(team="alpha"),
            },
            {
                "Catalog": "AWS",
                "Arn": PARTNER,
                "Id": "partner-a1b2c3d4e5f6g",
                "LegalName": "Example Corp",
                "CreatedAt": "2024-06-01T12:00:00Z",
                "AllianceLeadContact": {
                    "FirstName": "Jane",
                    "LastName": "Doe",
                    "Email": "jane@example.com",
                    "BusinessTitle": "Alliance Lead",
                },
            },
        ),
        change(PARTNER, T),
    ),
    held(
        "dms-2016-01-01",
        "CreateReplicationConfig",
        "awsdatabasemigrationservice",
        record(
            "dms",
            "CreateReplicationConfig",
            {
                "replicationConfigIdentifier": "my-replication-config",
                "sourceEndpointArn": SOURCE,
                "targetEndpointArn": TARGET,
                "computeConfig": {"maxCapacityUnits": 16},
                "replicationType": "full-load",
                "tableMappings": '{"rules": []}',
                "tags": kv(team="alpha"),
            },
            {
                "replicationConfig": {
                    "replicationConfigIdentifier": "my-replication-config",
                    "replicationConfigArn": REPLICATION_CONFIG,
                    "sourceEndpointArn": SOURCE,
                    "targetEndpointArn": TARGET,
                    "replicationType": "full-load",
                    "computeConfig": {"maxCapacityUnits": 16},
                    "tableMappings": '{"rules": []}',
                    "replicationConfigCreateTime": "2024-06-01T12:00:00Z",
                }
            },
            region="ca-central-1",
        ),
        change(REPLICATION_CONFIG, T),
        note="the tags are the replication configuration's, not the endpoints'",
    ),
    tag_call(
        "repostspace-2022-05-13",
        "awsrepostprivate",
        "repostspace",
        "TagResource",
        {"resourceArn": SPACE, "tags": M},
        SPACE,
        region="us-west-2",
    ),
    held(
        "migrationhuborchestrator-2021-08-28",
        "CreateTemplate",
        "awsmigrationhuborchestrator",
        record(
            "migrationhub-orchestrator",
            "CreateTemplate",
            {
                "templateName": "my template",
                "templateSource": {"workflowId": "migw-0123456789abcdef"},
                "tags": M,
            },
            {"templateId": "tmpl-0123456789abcdef", "templateArn": TEMPLATE, "tags": M},
            region="us-west-2",
        ),
        change(TEMPLATE, T),
        note="the tags are the template's, not the workflow's it was made from",
    ),
    held(
        "lightsail-2016-11-28",
        "CreateDomain",
        "amazonlightsail",
        record(
            "lightsail",
            "CreateDomain",
            {"domainName": "example.com", "tags": lkv(team="alpha")},
            {
                "operation": {
                    "id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE99999",
                    "resourceName": "example.com",
                    "resourceType": "Domain",
                    "createdAt": "2024-06-01T12:00:00Z",
                    "location": {"availabilityZone": "all", "regionName": "global"},
                    "isTerminal": True,
                    "operationType": "CreateDomain",
                    "status": "Succeeded",
                }
            },
        ),
        unresolved("", T),
        note="a Lightsail domain's ARN ends in an id the record does not give (the operation's id is not it)",
    ),
    held(
        "iot-managed-integrations-2025-03-03",
        "CreateAccountAssociation",
        "awsiotmanagedintegrations",
        record(
            "iotmanagedintegrations",
            "CreateAccountAssociation",
            {"ConnectorDestinationId": "cd0123456789", "Name": "my-association", "Tags": M},
            {
                "OAuthAuthorizationUrl": "https://auth.example.com/authorize?state=abc",
                "AccountAssociationId": "0123456789abcdef",
                "AssociationState": "ASSOCIATION_IN_PROGRESS",
                "Arn": ASSOCIATION,
            },
            region="eu-west-1",
        ),
        change(ASSOCIATION, T),
        note="the tags are the account association's, not the connector destination's",
    ),
    held(
        "lookoutequipment-2020-12-15",
        "ImportModelVersion",
        "amazonlookoutforequipment",
        record(
            "lookoutequipment",
            "ImportModelVersion",
            {
                "SourceModelVersionArn": SOURCE_VERSION,
                "ModelName": "pump-model-copy",
                "DatasetName": "pump-dataset",
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE00000",
                "Tags": kv(team="alpha"),
            },
            {
                "ModelName": "pump-model-copy",
                "ModelArn": MODEL,
                "ModelVersionArn": f"{MODEL}/model-version/1",
                "ModelVersion": 1,
                "Status": "IMPORT_IN_PROGRESS",
            },
            region="ap-northeast-2",
        ),
        change(MODEL, T),
        note="the tags are the model's to be created (the reference's words), not its version's or the source's",
    ),
]
