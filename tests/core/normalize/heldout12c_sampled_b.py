"""Held-out corpus, round twelve, part C, draws 64 to 75 (see heldout12c_sampled.py for how the
round was drawn and written).

Expectations a reader may question (each note says why):

- AWS WAF Classic ``CreateRateBasedRule`` (draw 65): WAF Classic's global rules have ARNs with no
  region (``arn:aws:waf::<account>:ratebasedrule/<id>``); the id is the response's ``Rule.RuleId``.
- Billing Conductor ``CreateBillingGroup`` (draw 72) and Cost Explorer ``TagResource`` (draw 73):
  the billing group's and the anomaly monitor's ARNs hold no region.
- RDS ``CopyDBParameterGroup`` (draw 75), in aws-us-gov: the tags are the copy's (the target
  parameter group), not the source group's.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

INSPECTOR_FILTER = f"arn:aws:inspector2:us-west-1:{A}:owner/{A}/filter/7c2e9a4b1d3f5e6a"
WAF_RULE_ID = "a123fae4-b567-8e90-1234-5ab67ac8ca90"
WAF_RULE = f"arn:aws:waf::{A}:ratebasedrule/{WAF_RULE_ID}"
COMPONENT_TYPE = f"arn:aws:iottwinmaker:eu-west-1:{A}:workspace/plant-7/component-type/com.example.pump"
FRG_ASSOC_ID = "rslvr-frgassoc-0a1b2c3d4e5f6a7b8"
FRG_ASSOC = f"arn:aws:route53resolver:sa-east-1:{A}:firewall-rule-group-association/{FRG_ASSOC_ID}"
FUNCTION = f"arn:aws-cn:lambda:cn-north-1:{A}:function:resize-images"
REFACTOR_APP = f"arn:aws:refactor-spaces:us-west-2:{A}:environment/env-A1b2C3d4E5/application/app-F6g7H8i9J0"
CONNECTION = f"arn:aws:codeconnections:eu-west-2:{A}:connection/aEXAMPLE-8aad-4d5d-8878-dfcab0bc441f"
PROTON_ENV = f"arn:aws:proton:us-east-2:{A}:environment/staging"
BILLING_GROUP = f"arn:aws:billingconductor::{A}:billinggroup/345678901234"
PRICING_PLAN = f"arn:aws:billingconductor::{A}:pricingplan/a1B2c3D4e5"
MONITOR = f"arn:aws:ce::{A}:anomalymonitor/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
M2_APP = f"arn:aws:m2:eu-west-1:{A}:app/y3ca6bhaife2bcvxar3lpopvje"
PARAM_GROUP = f"arn:aws-us-gov:rds:us-gov-east-1:{A}:pg:mysql80-audit-copy"

ROUND12C_B_ENTRIES: list[dict[str, Any]] = [
    tag_call(
        "inspector2-2020-06-08",
        "amazoninspector2",
        "inspector2",
        "TagResource",
        {"resourceArn": INSPECTOR_FILTER, "tags": M},
        INSPECTOR_FILTER,
        region="us-west-1",
    ),
    held(
        "waf-2015-08-24",
        "CreateRateBasedRule",
        "awswaf",
        record(
            "waf",
            "CreateRateBasedRule",
            {
                "Name": "login-flood",
                "MetricName": "LoginFlood",
                "RateKey": "IP",
                "RateLimit": 2000,
                "ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
                "Tags": kv(team="alpha"),
            },
            {
                "Rule": {
                    "RuleId": WAF_RULE_ID,
                    "Name": "login-flood",
                    "MetricName": "LoginFlood",
                    "MatchPredicates": [],
                    "RateKey": "IP",
                    "RateLimit": 2000,
                },
                "ChangeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
            },
        ),
        change(WAF_RULE, T),
        note="WAF Classic (global): the rule's ARN holds no region",
    ),
    held(
        "iottwinmaker-2021-11-29",
        "CreateComponentType",
        "awsiottwinmaker",
        record(
            "iottwinmaker",
            "CreateComponentType",
            {
                "workspaceId": "plant-7",
                "componentTypeId": "com.example.pump",
                "description": "Pump telemetry",
                "tags": M,
            },
            {
                "arn": COMPONENT_TYPE,
                "creationDateTime": "2024-06-01T12:00:00Z",
                "state": "CREATING",
            },
            region="eu-west-1",
        ),
        change(COMPONENT_TYPE, T),
        note="the workspace and component type ids are URI members",
    ),
    held(
        "route53resolver-2018-04-01",
        "AssociateFirewallRuleGroup",
        "amazonroute53resolver",
        record(
            "route53resolver",
            "AssociateFirewallRuleGroup",
            {
                "CreatorRequestId": "assoc-2024-06-01",
                "FirewallRuleGroupId": "rslvr-frg-0123456789abcdef",
                "VpcId": "vpc-0a1b2c3d4e5f6a7b8",
                "Priority": 101,
                "Name": "block-malware",
                "Tags": kv(team="alpha"),
            },
            {
                "FirewallRuleGroupAssociation": {
                    "Id": FRG_ASSOC_ID,
                    "Arn": FRG_ASSOC,
                    "FirewallRuleGroupId": "rslvr-frg-0123456789abcdef",
                    "VpcId": "vpc-0a1b2c3d4e5f6a7b8",
                    "Name": "block-malware",
                    "Priority": 101,
                    "MutationProtection": "DISABLED",
                    "Status": "UPDATING",
                    "CreatorRequestId": "assoc-2024-06-01",
                    "CreationTime": "2024-06-01T12:00:00Z",
                    "ModificationTime": "2024-06-01T12:00:00Z",
                }
            },
            region="sa-east-1",
        ),
        change(FRG_ASSOC, T),
        note="the tags are the association's, not the rule group's or the VPC's",
    ),
    tag_call(
        "lambda-2015-03-31",
        "awslambda",
        "lambda",
        "TagResource",
        {"Resource": FUNCTION, "Tags": M},
        FUNCTION,
        region="cn-north-1",
    ),
    untag_call(
        "migration-hub-refactor-spaces-2021-10-26",
        "awsmigrationhubrefactorspaces",
        "refactor-spaces",
        "UntagResource",
        {"ResourceArn": REFACTOR_APP, "tagKeys": ["team"]},
        REFACTOR_APP,
        region="us-west-2",
    ),
    untag_call(
        "codeconnections-2023-12-01",
        "awscodeconnections",
        "codeconnections",
        "UntagResource",
        {"ResourceArn": CONNECTION, "TagKeys": ["team"]},
        CONNECTION,
        region="eu-west-2",
    ),
    held(
        "proton-2020-07-20",
        "CreateEnvironment",
        "awsproton",
        record(
            "proton",
            "CreateEnvironment",
            {
                "name": "staging",
                "templateName": "vpc-env",
                "templateMajorVersion": "1",
                "spec": "proton: EnvironmentSpec\nspec:\n  vpc_cidr: 10.0.0.0/16\n",
                "protonServiceRoleArn": f"arn:aws:iam::{A}:role/ProtonServiceRole",
                "tags": lkv(team="alpha"),
            },
            {
                "environment": {
                    "arn": PROTON_ENV,
                    "name": "staging",
                    "templateName": "vpc-env",
                    "templateMajorVersion": "1",
                    "templateMinorVersion": "0",
                    "deploymentStatus": "IN_PROGRESS",
                    "createdAt": "2024-06-01T12:00:00Z",
                    "lastDeploymentAttemptedAt": "2024-06-01T12:00:00Z",
                    "lastDeploymentSucceededAt": "2024-06-01T12:00:00Z",
                }
            },
            region="us-east-2",
        ),
        change(PROTON_ENV, T),
    ),
    held(
        "billingconductor-2021-07-30",
        "CreateBillingGroup",
        "awsbillingconductor",
        record(
            "billingconductor",
            "CreateBillingGroup",
            {
                "Name": "research-division",
                "AccountGrouping": {"LinkedAccountIds": ["444455556666"]},
                "ComputationPreference": {"PricingPlanArn": PRICING_PLAN},
                "PrimaryAccountId": "444455556666",
                "Tags": M,
            },
            {"Arn": BILLING_GROUP},
        ),
        change(BILLING_GROUP, T),
        note="the billing group's ARN holds no region; the response gives it",
    ),
    tag_call(
        "ce-2017-10-25",
        "awscostexplorerservice",
        "ce",
        "TagResource",
        {"ResourceArn": MONITOR, "ResourceTags": kv(team="alpha")},
        MONITOR,
    ),
    untag_call(
        "m2-2021-04-28",
        "awsmainframemodernizationservice",
        "m2",
        "UntagResource",
        {"resourceArn": M2_APP, "tagKeys": ["team"]},
        M2_APP,
        region="eu-west-1",
    ),
    held(
        "rds-2014-10-31",
        "CopyDBParameterGroup",
        "amazonrds",
        record(
            "rds",
            "CopyDBParameterGroup",
            {
                "sourceDBParameterGroupIdentifier": "mysql80-audit",
                "targetDBParameterGroupIdentifier": "mysql80-audit-copy",
                "targetDBParameterGroupDescription": "Copy of mysql80-audit",
                "tags": kv(team="alpha"),
            },
            {
                "dBParameterGroupName": "mysql80-audit-copy",
                "dBParameterGroupFamily": "mysql8.0",
                "description": "Copy of mysql80-audit",
                "dBParameterGroupArn": PARAM_GROUP,
            },
            region="us-gov-east-1",
        ),
        change(PARAM_GROUP, T),
        note="RDS records use lower-camel member names; the tags are the copy's",
    ),
]
