"""Documented corpus, part five: created resources named by the id or name the response or request
gives, where the ARN comes from the Service Authorization Reference's format of the type."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, entry, goto, record, tags, upper, values

T = values(team="alpha")
SSM = "ssm-2014-11-06"
R = f"us-east-1:{A}"

ID_ENTRIES: list[dict[str, Any]] = [
    entry(
        goto(SSM, "CreateMaintenanceWindow"),
        record(
            "ssm",
            "CreateMaintenanceWindow",
            {"name": "My-First-Maintenance-Window", "tags": upper(team="alpha")},
            {"windowId": "mw-0c50858d01EXAMPLE"},
        ),
        change(f"arn:aws:ssm:{R}:maintenancewindow/mw-0c50858d01EXAMPLE", T),
    ),
    entry(
        goto(SSM, "CreatePatchBaseline"),
        record(
            "ssm",
            "CreatePatchBaseline",
            {"name": "Windows-Server-2012R2", "tags": upper(team="alpha")},
            {"baselineId": "pb-0c10e65780EXAMPLE"},
        ),
        change(f"arn:aws:ssm:{R}:patchbaseline/pb-0c10e65780EXAMPLE", T),
    ),
    entry(
        goto("transfer-2018-11-05", "ImportHostKey"),
        record(
            "transfer",
            "ImportHostKey",
            {
                "serverId": "s-01234567890abcdef",
                "hostKeyBody": "HIDDEN_DUE_TO_SECURITY_REASONS",
                "tags": upper(team="alpha"),
            },
            {"serverId": "s-01234567890abcdef", "hostKeyId": "hostkey-01234567890abcdef"},
        ),
        change(f"arn:aws:transfer:{R}:host-key/s-01234567890abcdef/hostkey-01234567890abcdef", T),
    ),
    entry(
        goto("cloudhsmv2-2017-04-28", "CreateCluster"),
        record(
            "cloudhsm",
            "CreateCluster",
            {"hsmType": "hsm1.medium", "subnetIds": ["subnet-12345678"], "tagList": upper(team="alpha")},
            {"cluster": {"clusterId": "cluster-igklspoyj5v", "state": "CREATE_IN_PROGRESS"}},
        ),
        change(f"arn:aws:cloudhsm:{R}:cluster/cluster-igklspoyj5v", T),
    ),
    entry(
        goto("shield-2016-06-02", "CreateProtection"),
        record(
            "shield",
            "CreateProtection",
            {
                "name": "web",
                "resourceArn": f"arn:aws:elasticloadbalancing:{R}:loadbalancer/app/web/50dc6c495c0c9188",
                "tags": upper(team="alpha"),
            },
            {"protectionId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"},
        ),
        change(f"arn:aws:shield::{A}:protection/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", T),
    ),
    entry(
        goto("kendra-2019-02-03", "CreateIndex"),
        record(
            "kendra",
            "CreateIndex",
            {"name": "docs", "roleArn": f"arn:aws:iam::{A}:role/kendra", "tags": upper(team="alpha")},
            {"id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"},
        ),
        change(f"arn:aws:kendra:{R}:index/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222", T),
    ),
    entry(
        goto("appconfig-2019-10-09", "CreateApplication"),
        record(
            "appconfig",
            "CreateApplication",
            {"name": "example-application", "tags": dict(T)},
            {"id": "339ohji", "name": "example-application"},
        ),
        change(f"arn:aws:appconfig:{R}:application/339ohji", T),
    ),
    entry(
        goto("glue-2017-03-31", "CreateCrawler"),
        record("glue", "CreateCrawler", {"name": "orders-crawler", "role": "GlueRole", "tags": dict(T)}),
        change(f"arn:aws:glue:{R}:crawler/orders-crawler", T),
    ),
    entry(
        goto("guardduty-2017-11-28", "CreateFilter"),
        record(
            "guardduty",
            "CreateFilter",
            {"detectorId": "12abc34d567e8fa901bc2d34e56789f0", "name": "low-sev", "tags": dict(T)},
            {"name": "low-sev"},
        ),
        change(f"arn:aws:guardduty:{R}:detector/12abc34d567e8fa901bc2d34e56789f0/filter/low-sev", T),
    ),
    entry(
        goto("athena-2017-05-18", "CreateDataCatalog"),
        record(
            "athena",
            "CreateDataCatalog",
            {"name": "dynamo_catalog", "type": "LAMBDA", "tags": upper(team="alpha")},
        ),
        change(f"arn:aws:athena:{R}:datacatalog/dynamo_catalog", T),
    ),
    entry(
        goto("waf-2015-08-24", "CreateRule"),
        record(
            "waf",
            "CreateRule",
            {"name": "MyIPSetRule", "metricName": "MyIPSetRule", "tags": upper(team="alpha")},
            {"rule": {"ruleId": "WAFRule-1-Example", "name": "MyIPSetRule"}},
        ),
        change(f"arn:aws:waf::{A}:rule/WAFRule-1-Example", T),
    ),
    entry(
        goto("codedeploy-2014-10-06", "CreateDeploymentGroup"),
        record(
            "codedeploy",
            "CreateDeploymentGroup",
            {
                "applicationName": "WordPress_App",
                "deploymentGroupName": "denied_DG",
                "tags": upper(team="alpha"),
            },
        ),
        change(f"arn:aws:codedeploy:{R}:deploymentgroup:WordPress_App/denied_DG", T),
    ),
    entry(
        goto("cloudformation-2010-05-15", "CreateStackSet"),
        record(
            "cloudformation",
            "CreateStackSet",
            {"stackSetName": "my-stack-set", "tags": upper(team="alpha")},
            {"stackSetId": "my-stack-set:3d2bf4de-84a6-4f2a-a5f0-EXAMPLE33333"},
        ),
        change(f"arn:aws:cloudformation:{R}:stackset/my-stack-set:3d2bf4de-84a6-4f2a-a5f0-EXAMPLE33333", T),
    ),
    entry(
        goto("iam-2010-05-08", "TagMFADevice"),
        record(
            "iam", "TagMFADevice", {"serialNumber": f"arn:aws:iam::{A}:mfa/alice", "tags": tags(team="alpha")}
        ),
        change(f"arn:aws:iam::{A}:mfa/alice", T),
    ),
]
