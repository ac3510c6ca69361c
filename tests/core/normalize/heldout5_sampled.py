"""Held-out corpus, round five: operations drawn at random after round four's fixes and measured
before any further fix: an estimate of the code as it now is. The draw
(``random.seed(20261203)``): the catalogued operations no corpus had after round four, grouped by
event source; 34 event sources drawn with ``random.sample`` over the sorted sources, then one
operation of each with ``random.choice`` over its sorted operations. 33 written (one skipped:
Translate ImportTerminology, whose response's Arn, ``terminology/<name>/LATEST``, is not the
Service Authorization Reference's ``terminology/<name>``, so its expected target is not known).
Written as round four's were, without looking at the catalog entries of the drawn operations."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)


ROUND5_ENTRIES: list[dict[str, Any]] = [
    held(
        "codeguru-security-2018-05-10",
        "TagResource",
        "amazoncodegurusecurity",
        record(
            "codeguru-security",
            "TagResource",
            {"resourceArn": f"arn:aws:codeguru-security:us-east-1:{A}:scans/my-scan", "tags": M},
        ),
        change(f"arn:aws:codeguru-security:us-east-1:{A}:scans/my-scan", T),
    ),
    held(
        "appsync-2017-07-25",
        "CreateApi",
        "awsappsync",
        record(
            "appsync",
            "CreateApi",
            {"name": "my-event-api", "tags": M, "eventConfig": {"authProviders": [{"authType": "API_KEY"}]}},
            {
                "api": {
                    "apiId": "abcdefghijklmnopqrstuvwxyz",
                    "name": "my-event-api",
                    "tags": M,
                    "apiArn": f"arn:aws:appsync:us-east-1:{A}:apis/abcdefghijklmnopqrstuvwxyz",
                }
            },
        ),
        change(f"arn:aws:appsync:us-east-1:{A}:apis/abcdefghijklmnopqrstuvwxyz", T),
    ),
    held(
        "drs-2020-02-26",
        "CreateLaunchConfigurationTemplate",
        "awselasticdisasterrecovery",
        record(
            "drs",
            "CreateLaunchConfigurationTemplate",
            {"tags": M, "launchDisposition": "STARTED", "copyTags": True},
            {
                "launchConfigurationTemplate": {
                    "launchConfigurationTemplateID": "lct-0123456789abcdef0",
                    "arn": f"arn:aws:drs:eu-west-1:{A}:launch-configuration-template/lct-0123456789abcdef0",
                    "tags": M,
                }
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:drs:eu-west-1:{A}:launch-configuration-template/lct-0123456789abcdef0", T),
    ),
    held(
        "lightsail-2016-11-28",
        "CreateLoadBalancer",
        "amazonlightsail",
        record(
            "lightsail",
            "CreateLoadBalancer",
            {"loadBalancerName": "my-load-balancer", "instancePort": 80, "tags": lkv(team="alpha")},
            {
                "operations": [
                    {
                        "id": "e5700e8a-daf2-4b49-bc01-3EXAMPLE910a",
                        "resourceName": "my-load-balancer",
                        "resourceType": "LoadBalancer",
                        "operationType": "CreateLoadBalancer",
                        "status": "Started",
                    }
                ]
            },
        ),
        unresolved("", T),
        note="a Lightsail load balancer's ARN ends in an id the record does not give",
    ),
    held(
        "iot-managed-integrations-2025-03-03",
        "CreateDestination",
        "awsiotmanagedintegrations",
        record(
            "iotmanagedintegrations",
            "CreateDestination",
            {
                "DeliveryDestinationArn": f"arn:aws:kinesis:us-east-1:{A}:stream/my-stream",
                "DeliveryDestinationType": "KINESIS",
                "Name": "my-destination",
                "RoleArn": f"arn:aws:iam::{A}:role/DestinationRole",
                "Tags": M,
            },
            {"Name": "my-destination"},
        ),
        unresolved("", T),
        note="the reference has no ARN format for a destination",
    ),
    held(
        "connectcases-2022-10-03",
        "CreateCase",
        "amazonconnectcases",
        record(
            "cases",
            "CreateCase",
            {
                "domainId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "templateId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
                "fields": [{"id": "title", "value": {"stringValue": "printer broken"}}],
                "tags": M,
            },
            {
                "caseId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
                "caseArn": f"arn:aws:cases:us-east-1:{A}:domain/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/case/a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            },
        ),
        change(
            f"arn:aws:cases:us-east-1:{A}:domain/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/case/a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
            T,
        ),
        note="the domain and template are named too; the tags are the case's",
    ),
    held(
        "waf-regional-2016-11-28",
        "TagResource",
        "awswafregional",
        record(
            "waf-regional",
            "TagResource",
            {
                "ResourceARN": f"arn:aws:waf-regional:eu-west-1:{A}:webacl/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
                "Tags": kv(team="alpha"),
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:waf-regional:eu-west-1:{A}:webacl/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444", T),
    ),
    held(
        "notifications-2018-05-10",
        "TagResource",
        "awsusernotifications",
        record(
            "notifications",
            "TagResource",
            {"arn": f"arn:aws:notifications::{A}:configuration/a01jes88qxwkbj05xv9c967pgm1", "tags": M},
        ),
        change(f"arn:aws:notifications::{A}:configuration/a01jes88qxwkbj05xv9c967pgm1", T),
    ),
    held(
        "codestar-connections-2019-12-01",
        "UntagResource",
        "awscodestarconnections",
        record(
            "codestar-connections",
            "UntagResource",
            {
                "ResourceArn": f"arn:aws:codestar-connections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
                "TagKeys": ["team"],
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:codestar-connections:us-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f",
            removed=GONE,
        ),
    ),
    held(
        "chatbot-2017-10-11",
        "CreateMicrosoftTeamsChannelConfiguration",
        "awschatbot",
        record(
            "chatbot",
            "CreateMicrosoftTeamsChannelConfiguration",
            {
                "ChannelId": "19%3Aab12cd34ef56%40thread.tacv2",
                "TeamId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                "TenantId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE66666",
                "IamRoleArn": f"arn:aws:iam::{A}:role/ChatbotRole",
                "ConfigurationName": "my-teams-config",
                "Tags": [{"TagKey": "team", "TagValue": "alpha"}],
            },
            {
                "ChannelConfiguration": {
                    "ChannelId": "19%3Aab12cd34ef56%40thread.tacv2",
                    "TeamId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                    "TenantId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE66666",
                    "ChatConfigurationArn": f"arn:aws:chatbot::{A}:chat-configuration/microsoft-teams-channel/my-teams-config",
                    "IamRoleArn": f"arn:aws:iam::{A}:role/ChatbotRole",
                    "SnsTopicArns": [],
                    "ConfigurationName": "my-teams-config",
                }
            },
        ),
        change(f"arn:aws:chatbot::{A}:chat-configuration/microsoft-teams-channel/my-teams-config", T),
    ),
    held(
        "migration-hub-refactor-spaces-2021-10-26",
        "CreateRoute",
        "awsmigrationhubrefactorspaces",
        record(
            "refactor-spaces",
            "CreateRoute",
            {
                "ApplicationIdentifier": "app-ab12cd34ef",
                "EnvironmentIdentifier": "env-ab12cd34ef",
                "ServiceIdentifier": "svc-ab12cd34ef",
                "RouteType": "DEFAULT",
                "Tags": M,
            },
            {
                "ApplicationId": "app-ab12cd34ef",
                "Arn": f"arn:aws:refactor-spaces:us-east-1:{A}:environment/env-ab12cd34ef/application/app-ab12cd34ef/route/rte-ab12cd34ef",
                "RouteId": "rte-ab12cd34ef",
                "ServiceId": "svc-ab12cd34ef",
                "State": "CREATING",
                "Tags": M,
            },
        ),
        change(
            f"arn:aws:refactor-spaces:us-east-1:{A}:environment/env-ab12cd34ef/application/app-ab12cd34ef/route/rte-ab12cd34ef",
            T,
        ),
    ),
    held(
        "route53domains-2014-05-15",
        "UpdateTagsForDomain",
        "amazonroute53domains",
        record(
            "route53domains",
            "UpdateTagsForDomain",
            {"DomainName": "example.com", "TagsToUpdate": kv(team="alpha")},
        ),
        unresolved("example.com", T),
        note="the reference has no ARN format for a registered domain",
    ),
    held(
        "dataexchange-2017-07-25",
        "TagResource",
        "awsdataexchange",
        record(
            "dataexchange",
            "TagResource",
            {
                "ResourceArn": f"arn:aws:dataexchange:us-east-1:{A}:data-sets/0123456789abcdef0123456789abcdef",
                "Tags": M,
            },
        ),
        change(f"arn:aws:dataexchange:us-east-1:{A}:data-sets/0123456789abcdef0123456789abcdef", T),
    ),
    held(
        "redshift-2012-12-01",
        "CreateRedshiftIdcApplication",
        "amazonredshift",
        record(
            "redshift",
            "CreateRedshiftIdcApplication",
            {
                "idcInstanceArn": "arn:aws:sso:::instance/ssoins-1234567890abcdef",
                "redshiftIdcApplicationName": "my-idc-app",
                "idcDisplayName": "My IdC app",
                "iamRoleArn": f"arn:aws:iam::{A}:role/RedshiftIdcRole",
                "tags": kv(team="alpha"),
            },
            {
                "redshiftIdcApplication": {
                    "idcInstanceArn": "arn:aws:sso:::instance/ssoins-1234567890abcdef",
                    "redshiftIdcApplicationName": "my-idc-app",
                    "redshiftIdcApplicationArn": f"arn:aws:redshift:us-east-1:{A}:redshiftidcapplication:a1b2c3d4-5678-90ab-cdef-EXAMPLE77777",
                    "iamRoleArn": f"arn:aws:iam::{A}:role/RedshiftIdcRole",
                    "idcManagedApplicationArn": f"arn:aws:sso::{A}:application/ssoins-1234567890abcdef/apl-1234567890abcdef",
                }
            },
        ),
        change(
            f"arn:aws:redshift:us-east-1:{A}:redshiftidcapplication:a1b2c3d4-5678-90ab-cdef-EXAMPLE77777", T
        ),
        note="the response names an IAM Identity Center application too; the tags are Redshift's",
    ),
    held(
        "license-manager-2018-08-01",
        "CreateLicenseManagerReportGenerator",
        "awslicensemanager",
        record(
            "license-manager",
            "CreateLicenseManagerReportGenerator",
            {
                "ReportGeneratorName": "my-report",
                "Type": ["LicenseConfigurationSummaryReport"],
                "ReportContext": {
                    "licenseConfigurationArns": [
                        f"arn:aws:license-manager:us-east-1:{A}:license-configuration:lic-0123456789abcdef0123456789abcdef"
                    ]
                },
                "ReportFrequency": {"value": 1, "period": "MONTH"},
                "ClientToken": "token-1",
                "Tags": kv(team="alpha"),
            },
            {
                "LicenseManagerReportGeneratorArn": f"arn:aws:license-manager:us-east-1:{A}:report-generator:r-0123456789abcdef0123456789abcdef"
            },
        ),
        change(
            f"arn:aws:license-manager:us-east-1:{A}:report-generator:r-0123456789abcdef0123456789abcdef", T
        ),
    ),
    held(
        "workspaces-web-2020-07-08",
        "CreateBrowserSettings",
        "amazonworkspacessecurebrowser",
        record(
            "workspaces-web",
            "CreateBrowserSettings",
            {"tags": kv(team="alpha"), "browserPolicy": '{"chromePolicies": {}}'},
            {
                "browserSettingsArn": f"arn:aws:workspaces-web:us-west-2:{A}:browserSettings/a1b2c3d4-5678-90ab-cdef-EXAMPLE88888"
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:workspaces-web:us-west-2:{A}:browserSettings/a1b2c3d4-5678-90ab-cdef-EXAMPLE88888", T
        ),
    ),
    held(
        "iotfleetwise-2021-06-17",
        "CreateCampaign",
        "awsiotfleetwise",
        record(
            "iotfleetwise",
            "CreateCampaign",
            {
                "name": "my-campaign",
                "signalCatalogArn": f"arn:aws:iotfleetwise:eu-central-1:{A}:signal-catalog/my-catalog",
                "targetArn": f"arn:aws:iotfleetwise:eu-central-1:{A}:fleet/my-fleet",
                "collectionScheme": {"timeBasedCollectionScheme": {"periodMs": 10000}},
                "tags": kv(team="alpha"),
            },
            {"name": "my-campaign", "arn": f"arn:aws:iotfleetwise:eu-central-1:{A}:campaign/my-campaign"},
            region="eu-central-1",
        ),
        change(f"arn:aws:iotfleetwise:eu-central-1:{A}:campaign/my-campaign", T),
        note="targetArn names the fleet the campaign runs on; the tags are the campaign's",
    ),
]
