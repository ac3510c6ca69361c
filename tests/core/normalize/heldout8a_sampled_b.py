"""Held-out corpus, round eight, part A (continued: draws 15 to 28): see
tests/core/normalize/heldout8a_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, tags
from tests.core.normalize.heldout6_sampled import M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

REFACTOR_APP = f"arn:aws:refactor-spaces:us-west-2:{A}:environment/env-a1b2c3d4e5/application/app-f6e5d4c3b2"
CHANNEL = f"arn:aws:mediapackage:ap-northeast-2:{A}:channels/a1b2c3d4e5f64b5c8d9e0f1a2b3c4d5e"
OPTION_GROUP = f"arn:aws-cn:rds:cn-northwest-1:{A}:og:my-option-group-copy"
REPOSITORY = f"arn:aws-us-gov:codecommit:us-gov-west-1:{A}:MyDemoRepo"
STATE_MACHINE = f"arn:aws-us-gov:states:us-gov-west-1:{A}:stateMachine:OrderProcessing"
PROFILE = f"arn:aws:route53profiles:ap-south-1:{A}:profile/rp-4987774726example"
COST_CATEGORY = f"arn:aws:ce::{A}:costcategory/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
APPSYNC_DOMAIN = f"arn:aws:appsync:eu-west-2:{A}:domainnames/api.example.com"
ORG_RULE = f"arn:aws:observabilityadmin:us-east-1:{A}:organization-telemetry-rule/vpc-flow-logs-everywhere"
INVOCATION = (
    f"arn:aws:bedrock:eu-central-1:{A}:data-automation-invocation/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
)
EVS_ENV = f"arn:aws:evs:us-west-2:{A}:environment/env-fghij67890"
CORE_NETWORK = "core-network-0fab62fe438d94db6"
VPN = f"arn:aws:ec2:us-west-2:{A}:vpn-connection/vpn-0123456789abcdef0"
VPN_ATTACHMENT = f"arn:aws:networkmanager::{A}:attachment/attachment-0123456789abcdef0"

ROUND8A_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "migration-hub-refactor-spaces-2021-10-26",
        "CreateApplication",
        "awsmigrationhubrefactorspaces",
        record(
            "refactor-spaces",
            "CreateApplication",
            {
                "EnvironmentIdentifier": "env-a1b2c3d4e5",
                "Name": "orders",
                "ProxyType": "API_GATEWAY",
                "VpcId": "vpc-0123456789abcdef0",
                "ApiGatewayProxy": {"EndpointType": "REGIONAL", "StageName": "prod"},
                "Tags": M,
            },
            {
                "ApplicationId": "app-f6e5d4c3b2",
                "Arn": REFACTOR_APP,
                "CreatedByAccountId": A,
                "OwnerAccountId": A,
                "EnvironmentId": "env-a1b2c3d4e5",
                "Name": "orders",
                "ProxyType": "API_GATEWAY",
                "State": "CREATING",
                "VpcId": "vpc-0123456789abcdef0",
                "Tags": M,
            },
            region="us-west-2",
        ),
        change(REFACTOR_APP, T),
        note="the tags are the application's, not the environment's",
    ),
    untag_call(
        "mediapackage-2017-10-12",
        "awselementalmediapackage",
        "mediapackage",
        "UntagResource",
        {"resource-arn": CHANNEL, "tagKeys": ["team"]},
        CHANNEL,
        region="ap-northeast-2",
    ),
    held(
        "rds-2014-10-31",
        "CopyOptionGroup",
        "amazonrds",
        record(
            "rds",
            "CopyOptionGroup",
            {
                "sourceOptionGroupIdentifier": "my-option-group",
                "targetOptionGroupIdentifier": "my-option-group-copy",
                "targetOptionGroupDescription": "copy of my-option-group",
                "tags": tags(team="alpha"),
            },
            {
                "optionGroupName": "my-option-group-copy",
                "optionGroupDescription": "copy of my-option-group",
                "engineName": "mysql",
                "majorEngineVersion": "8.0",
                "options": [],
                "allowsVpcAndNonVpcInstanceMemberships": True,
                "optionGroupArn": OPTION_GROUP,
            },
            region="cn-northwest-1",
        ),
        change(OPTION_GROUP, T),
        note="the tags are the copy's, not the source option group's",
    ),
    held(
        "frauddetector-2019-11-15",
        "BatchCreateVariable",
        "amazonfrauddetector",
        record(
            "frauddetector",
            "BatchCreateVariable",
            {
                "variableEntries": [
                    {
                        "name": "email_address",
                        "dataType": "STRING",
                        "dataSource": "EVENT",
                        "defaultValue": "unknown",
                        "variableType": "EMAIL_ADDRESS",
                    },
                    {
                        "name": "ip_address",
                        "dataType": "STRING",
                        "dataSource": "EVENT",
                        "defaultValue": "unknown",
                        "variableType": "IP_ADDRESS",
                    },
                ],
                "tags": lkv(team="alpha"),
            },
            {"errors": []},
            region="us-west-2",
        ),
        change(f"arn:aws:frauddetector:us-west-2:{A}:variable/email_address", T),
        change(f"arn:aws:frauddetector:us-west-2:{A}:variable/ip_address", T),
        note="every variable the batch creates takes the tags (no error reported for either)",
    ),
    untag_call(
        "codecommit-2015-04-13",
        "awscodecommit",
        "codecommit",
        "UntagResource",
        {"resourceArn": REPOSITORY, "tagKeys": ["team"]},
        REPOSITORY,
        region="us-gov-west-1",
    ),
    untag_call(
        "states-2016-11-23",
        "awsstepfunctions",
        "states",
        "UntagResource",
        {"resourceArn": STATE_MACHINE, "tagKeys": ["team"]},
        STATE_MACHINE,
        region="us-gov-west-1",
    ),
    untag_call(
        "route53profiles-2018-05-10",
        "amazonroute53profiles",
        "route53profiles",
        "UntagResource",
        {"ResourceArn": PROFILE, "TagKeys": ["team"]},
        PROFILE,
        region="ap-south-1",
    ),
    held(
        "ce-2017-10-25",
        "CreateCostCategoryDefinition",
        "awscostexplorerservice",
        record(
            "ce",
            "CreateCostCategoryDefinition",
            {
                "Name": "Teams",
                "RuleVersion": "CostCategoryExpression.v1",
                "Rules": [
                    {
                        "Value": "alpha",
                        "Rule": {"Tags": {"Key": "team", "Values": ["alpha"], "MatchOptions": ["EQUALS"]}},
                    }
                ],
                "DefaultValue": "unallocated",
                "ResourceTags": kv(owner="finops"),
            },
            {"CostCategoryArn": COST_CATEGORY, "EffectiveStart": "2024-06-01T00:00:00Z"},
        ),
        change(COST_CATEGORY, {"owner": "finops"}),
        note=(
            "the resource tags are the cost category's; the rule's Tags only match cost lines "
            "tagged team=alpha and write nothing; Cost Explorer's ARNs hold no region"
        ),
    ),
    held(
        "appsync-2017-07-25",
        "CreateDomainName",
        "awsappsync",
        record(
            "appsync",
            "CreateDomainName",
            {
                "domainName": "api.example.com",
                "certificateArn": f"arn:aws:acm:us-east-1:{A}:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "description": "public GraphQL endpoint",
                "tags": M,
            },
            {
                "domainNameConfig": {
                    "domainName": "api.example.com",
                    "description": "public GraphQL endpoint",
                    "certificateArn": f"arn:aws:acm:us-east-1:{A}:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                    "appsyncDomainName": "d1a2b3c4d5e6f7.cloudfront.net",
                    "hostedZoneId": "Z2FDTNDATAQYW2",
                    "tags": M,
                    "domainNameArn": APPSYNC_DOMAIN,
                }
            },
            region="eu-west-2",
        ),
        change(APPSYNC_DOMAIN, T),
        note="the tags are the custom domain name's, not the ACM certificate's",
    ),
    held(
        "observabilityadmin-2018-05-10",
        "CreateTelemetryRuleForOrganization",
        "amazoncloudwatchobservabilityadminservice",
        record(
            "observabilityadmin",
            "CreateTelemetryRuleForOrganization",
            {
                "RuleName": "vpc-flow-logs-everywhere",
                "Rule": {
                    "ResourceType": "AWS::EC2::VPC",
                    "TelemetryType": "Logs",
                    "DestinationConfiguration": {
                        "DestinationType": "cloud-watch-logs",
                        "RetentionInDays": 30,
                    },
                    "Scope": "OrganizationUnitId = 'ou-abcd-12345678'",
                    "SelectionCriteria": "tag:team = 'alpha'",
                },
                "Tags": {"owner": "platform"},
            },
            {"RuleArn": ORG_RULE},
        ),
        change(ORG_RULE, {"owner": "platform"}),
        note="the tags are the organization telemetry rule's; its selection criteria only pick VPCs by tag",
    ),
    held(
        "databrew-2017-07-25",
        "CreateRecipe",
        "awsgluedatabrew",
        record(
            "databrew",
            "CreateRecipe",
            {
                "Name": "clean-orders",
                "Steps": [
                    {"Action": {"Operation": "REMOVE_VALUES", "Parameters": {"sourceColumn": "notes"}}}
                ],
                "Tags": M,
            },
            {"Name": "clean-orders"},
            region="ap-northeast-1",
        ),
        change(f"arn:aws:databrew:ap-northeast-1:{A}:recipe/clean-orders", T),
    ),
    held(
        "bedrock-data-automation-runtime-2024-06-13",
        "TagResource",
        "amazonbedrock",
        record(
            "bedrock-data-automation-runtime",
            "TagResource",
            {"resourceARN": INVOCATION, "tags": lkv(team="alpha")},
            region="eu-central-1",
        ),
        change(INVOCATION, T),
    ),
    held(
        "evs-2023-07-27",
        "CreateEnvironment",
        "amazonelasticvmwareservice",
        record(
            "evs",
            "CreateEnvironment",
            {
                "environmentName": "my-evs-env",
                "tags": M,
                "vpcId": "vpc-0123456789abcdef0",
                "serviceAccessSubnetId": "subnet-0123456789abcdef0",
                "vcfVersion": "VCF-5.2.1",
                "termsAccepted": True,
                "siteId": "Broadcom-Site-0123",
            },
            {
                "environment": {
                    "environmentId": "env-fghij67890",
                    "environmentState": "CREATING",
                    "environmentArn": EVS_ENV,
                    "environmentName": "my-evs-env",
                    "vpcId": "vpc-0123456789abcdef0",
                    "serviceAccessSubnetId": "subnet-0123456789abcdef0",
                    "vcfVersion": "VCF-5.2.1",
                    "createdAt": "2024-06-01T12:00:00Z",
                }
            },
            region="us-west-2",
        ),
        change(EVS_ENV, T),
        note="the tags are the environment's; they do not propagate to its hosts or subnets",
    ),
    held(
        "networkmanager-2019-07-05",
        "CreateSiteToSiteVpnAttachment",
        "awsnetworkmanager",
        record(
            "networkmanager",
            "CreateSiteToSiteVpnAttachment",
            {"CoreNetworkId": CORE_NETWORK, "VpnConnectionArn": VPN, "Tags": kv(team="alpha")},
            {
                "SiteToSiteVpnAttachment": {
                    "Attachment": {
                        "CoreNetworkId": CORE_NETWORK,
                        "CoreNetworkArn": f"arn:aws:networkmanager::{A}:core-network/{CORE_NETWORK}",
                        "AttachmentId": "attachment-0123456789abcdef0",
                        "OwnerAccountId": A,
                        "AttachmentType": "SITE_TO_SITE_VPN",
                        "State": "CREATING",
                        "EdgeLocation": "us-west-2",
                        "ResourceArn": VPN,
                        "Tags": kv(team="alpha"),
                        "CreatedAt": "2024-06-01T12:00:00Z",
                    },
                    "VpnConnectionArn": VPN,
                }
            },
            region="us-west-2",
        ),
        change(VPN_ATTACHMENT, T),
        note=(
            "the tags are the attachment's (global: no region in its ARN), not the core "
            "network's nor the VPN connection's the response names as the attached resource"
        ),
    ),
]
