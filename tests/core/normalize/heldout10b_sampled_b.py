"""Held-out corpus, round ten, part B (continued: draw lines 46 to 53): see
tests/core/normalize/heldout10b_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv

EXADATA_ID = "exa_a1b2c3d4e5f6"
SUBSCRIPTION = f"arn:aws:ce::{A}:anomalysubscription/a1b2c3d4-5678-90ab-cdef-0123456fffff"
SIGNING_PROFILE = f"arn:aws-us-gov:signer:us-gov-west-1:{A}:/signing-profiles/lambda_release"
TENANT = f"arn:aws:cloudfront::{A}:distribution-tenant/dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB"
PORTAL_ID = "a1b2c3d4e5f6g7h8i9j0"
PORTAL = f"arn:aws:apigateway:us-west-2:{A}:/portals/{PORTAL_ID}"
GATEWAY_ID = "rtb-gw-a1b2c3d4e5f6"
SECURITY_CONFIG = f"arn:aws:emr-containers:eu-west-1:{A}:/securityconfigurations/a1b2c3d4e5f6g7h8i9j0k1l2m"
HOST = f"arn:aws:codestar-connections:us-west-2:{A}:host/ghes-host-28aef605"


def _exadata() -> dict[str, Any]:
    return held(
        "odb-2024-08-20",
        "CreateCloudExadataInfrastructure",
        "awsservice-oracledatabase_aws",
        record(
            "odb",
            "CreateCloudExadataInfrastructure",
            {
                "displayName": "prod_exadata",
                "shape": "Exadata.X11M",
                "availabilityZoneId": "usw2-az1",
                "computeCount": 2,
                "storageCount": 3,
                "tags": M,
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345633333",
            },
            {
                "displayName": "prod_exadata",
                "status": "PROVISIONING",
                "cloudExadataInfrastructureId": EXADATA_ID,
            },
            region="us-west-2",
        ),
        change(f"arn:aws:odb:us-west-2:{A}:cloud-exadata-infrastructure/{EXADATA_ID}", T),
        note="the response has no ARN, only cloudExadataInfrastructureId; SAR "
        "cloud-exadata-infrastructure/${CloudExadataInfrastructureId}",
    )


def _anomaly_subscription() -> dict[str, Any]:
    return held(
        "ce-2017-10-25",
        "CreateAnomalySubscription",
        "awscostexplorerservice",
        record(
            "ce",
            "CreateAnomalySubscription",
            {
                "AnomalySubscription": {
                    "MonitorArnList": [
                        f"arn:aws:ce::{A}:anomalymonitor/a1b2c3d4-5678-90ab-cdef-012345644444"
                    ],
                    "Subscribers": [{"Address": "finops@example.com", "Type": "EMAIL"}],
                    "Frequency": "DAILY",
                    "SubscriptionName": "daily-cost-alerts",
                    "ThresholdExpression": {
                        "Dimensions": {
                            "Key": "ANOMALY_TOTAL_IMPACT_ABSOLUTE",
                            "Values": ["100"],
                            "MatchOptions": ["GREATER_THAN_OR_EQUAL"],
                        }
                    },
                },
                "ResourceTags": kv(team="alpha"),
            },
            {"SubscriptionArn": SUBSCRIPTION},
        ),
        change(SUBSCRIPTION, T),
        note="ResourceTags are 'tags to associate with the specified AnomalySubscription'; the monitor "
        "is not the target; SAR anomalysubscription/${Identifier} has no region",
    )


def _distribution_tenant() -> dict[str, Any]:
    tenant = {
        "Id": "dt_2wjDZi3hD1ivOXf6rpZJOSNE1AB",
        "DistributionId": "EDFDVBD632BHDS5",
        "Name": "tenant-example-org",
        "Arn": TENANT,
        "Domains": [{"Domain": "shop.example.org", "Status": "active"}],
        "Tags": {"Items": kv(team="alpha")},
        "CreatedTime": "2024-06-01T12:00:00Z",
        "LastModifiedTime": "2024-06-01T12:00:00Z",
        "Enabled": True,
        "Status": "InProgress",
    }
    return held(
        "cloudfront-2020-05-31",
        "CreateDistributionTenant",
        "amazoncloudfront",
        record(
            "cloudfront",
            "CreateDistributionTenant",
            {
                "DistributionId": "EDFDVBD632BHDS5",
                "Name": "tenant-example-org",
                "Domains": [{"Domain": "shop.example.org"}],
                "Tags": {"Items": kv(team="alpha")},
                "Enabled": True,
            },
            {"DistributionTenant": tenant, "ETag": "E2QWRUHEXAMPLE"},
        ),
        change(TENANT, T),
        note="the tags come back on the new tenant; the multi-tenant distribution named by DistributionId "
        "is not the target; SAR distribution-tenant/${Id}, no region",
    )


def _portal() -> dict[str, Any]:
    colors = {
        "accentColor": "#FF9900",
        "backgroundColor": "#FFFFFF",
        "errorValidationColor": "#D13212",
        "headerColor": "#232F3E",
        "navigationColor": "#232F3E",
        "textColor": "#000000",
    }
    content = {"displayName": "Payments developer portal", "theme": {"customColors": colors}}
    return held(
        "apigatewayv2-2018-11-29",
        "CreatePortal",
        "amazonapigatewaymanagement",
        record(
            "apigateway",
            "CreatePortal",
            {
                "authorization": {"none": {}},
                "endpointConfiguration": {"none": {}},
                "includedPortalProductArns": [
                    f"arn:aws:apigateway:us-west-2:{A}:/portalproducts/pp0a1b2c3d4e"
                ],
                "portalContent": content,
                "tags": M,
            },
            {
                "authorization": {"none": {}},
                "endpointConfiguration": {
                    "portalDefaultDomainName": f"{PORTAL_ID}.execute-api.us-west-2.amazonaws.com",
                    "portalDomainHostedZoneId": "Z2OJLYMUO9EFXC",
                },
                "portalArn": PORTAL,
                "portalContent": content,
                "portalId": PORTAL_ID,
                "publishStatus": "DISABLED",
                "tags": M,
            },
            region="us-west-2",
        ),
        change(PORTAL, T),
        note="API Gateway V2 (event source apigateway); wire names are the locationNames; the portal "
        "product is not the target; SAR Portal format apigateway:${Region}:${Account}:/portals/${PortalId}",
    )


def _responder_gateway() -> dict[str, Any]:
    return held(
        "rtbfabric-2023-05-15",
        "CreateResponderGateway",
        "awsrtbfabric",
        record(
            "rtbfabric",
            "CreateResponderGateway",
            {
                "vpcId": "vpc-0a1b2c3d4e5f67890",
                "subnetIds": ["subnet-0a1b2c3d4e5f67890"],
                "securityGroupIds": ["sg-0a1b2c3d4e5f67890"],
                "domainName": "bidder.example.com",
                "port": 443,
                "protocol": "HTTPS",
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345655555",
                "description": "Bidder fleet",
                "tags": M,
            },
            {"gatewayId": GATEWAY_ID, "status": "PENDING_CREATION"},
            region="us-west-2",
        ),
        change(f"arn:aws:rtbfabric:us-west-2:{A}:gateway/{GATEWAY_ID}", T),
        note="tags are 'tags to assign to the resource', the gateway; the response has only gatewayId; "
        "SAR ResponderGateway gateway/${GatewayId}",
    )


def _security_configuration() -> dict[str, Any]:
    lake_formation = {
        "authorizedSessionTagValue": "EMR on EKS Engine",
        "secureNamespaceInfo": {"clusterId": "analytics-eks", "namespace": "emr-system"},
        "queryEngineRoleArn": f"arn:aws:iam::{A}:role/QueryEngineRole",
    }
    return held(
        "emr-containers-2020-10-01",
        "CreateSecurityConfiguration",
        "amazonemroneksemrcontainers",
        record(
            "emr-containers",
            "CreateSecurityConfiguration",
            {
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345666666",
                "name": "lf-secure",
                "securityConfigurationData": {
                    "authorizationConfiguration": {"lakeFormationConfiguration": lake_formation}
                },
                "tags": M,
            },
            {"id": "a1b2c3d4e5f6g7h8i9j0k1l2m", "name": "lf-secure", "arn": SECURITY_CONFIG},
            region="eu-west-1",
        ),
        change(SECURITY_CONFIG, T),
        note="tags are 'tags to add to the security configuration'; authorizedSessionTagValue is a "
        "session tag value for Lake Formation calls, not a tag of any resource; SAR "
        "/securityconfigurations/${SecurityConfigurationId}",
    )


def _host() -> dict[str, Any]:
    return held(
        "codestar-connections-2019-12-01",
        "CreateHost",
        "awscodestarconnections",
        record(
            "codestar-connections",
            "CreateHost",
            {
                "Name": "ghes-host",
                "ProviderType": "GitHubEnterpriseServer",
                "ProviderEndpoint": "https://ghes.example.com",
                "Tags": kv(team="alpha"),
            },
            {"HostArn": HOST, "Tags": kv(team="alpha")},
            region="us-west-2",
        ),
        change(HOST, T),
        note="Tags are 'Tags for the host to be created'; SAR host/${HostId}",
    )


ROUND10_B2_ENTRIES: list[dict[str, Any]] = [
    _exadata(),
    _anomaly_subscription(),
    untag_call(
        "signer-2017-08-25",
        "awssigner",
        "signer",
        "UntagResource",
        {"resourceArn": SIGNING_PROFILE, "tagKeys": list(GONE)},
        SIGNING_PROFILE,
        region="us-gov-west-1",
    ),
    _distribution_tenant(),
    _portal(),
    _responder_gateway(),
    _security_configuration(),
    _host(),
]
