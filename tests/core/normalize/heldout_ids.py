"""Held-out corpus, part three: targets the record names by id or name only, whose ARN comes from
the Service Authorization Reference's format; and ids whose ARN needs what the record lacks."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}


ID_ENTRIES: list[dict[str, Any]] = [
    held(
        "cognito-identity-2014-06-30",
        "CreateIdentityPool",
        "amazoncognitoidentity",
        record(
            "cognito-identity",
            "CreateIdentityPool",
            {
                "identityPoolName": "MyIdentityPool",
                "allowUnauthenticatedIdentities": False,
                "identityPoolTags": M,
            },
            {
                "identityPoolId": "us-east-1:177a950c-2c08-43f0-9983-28727EXAMPLE",
                "identityPoolName": "MyIdentityPool",
            },
        ),
        change(
            f"arn:aws:cognito-identity:us-east-1:{A}:identitypool/us-east-1:177a950c-2c08-43f0-9983-28727EXAMPLE",
            T,
        ),
    ),
    held(
        "databrew-2017-07-25",
        "CreateDataset",
        "awsgluedatabrew",
        record(
            "databrew",
            "CreateDataset",
            {
                "name": "my-dataset",
                "input": {"s3InputDefinition": {"bucket": "amzn-s3-demo-bucket"}},
                "tags": M,
            },
            {"name": "my-dataset"},
            region="ap-northeast-1",
        ),
        change(f"arn:aws:databrew:ap-northeast-1:{A}:dataset/my-dataset", T),
    ),
    held(
        "glacier-2012-06-01",
        "AddTagsToVault",
        "amazons3glacier",
        record(
            "glacier",
            "AddTagsToVault",
            {"accountId": "-", "vaultName": "examplevault", "tags": {"examplekey1": "examplevalue1"}},
            region="us-west-2",
        ),
        change(f"arn:aws:glacier:us-west-2:{A}:vaults/examplevault", {"examplekey1": "examplevalue1"}),
        note="accountId '-' is the caller's own account",
    ),
    held(
        "glacier-2012-06-01",
        "RemoveTagsFromVault",
        "amazons3glacier",
        record(
            "glacier",
            "RemoveTagsFromVault",
            {"accountId": "-", "vaultName": "examplevault", "tagKeys": ["examplekey1"]},
            region="us-west-2",
        ),
        change(f"arn:aws:glacier:us-west-2:{A}:vaults/examplevault", removed=("examplekey1",)),
    ),
    held(
        "models.lex.v2-2020-08-07",
        "CreateBot",
        "amazonlex",
        record(
            "lex",
            "CreateBot",
            {
                "botName": "OrderFlowers",
                "roleArn": f"arn:aws:iam::{A}:role/lex",
                "dataPrivacy": {"childDirected": False},
                "idleSessionTTLInSeconds": 300,
                "botTags": M,
            },
            {"botId": "ABCDEFGHIJ", "botName": "OrderFlowers", "botStatus": "Creating"},
            region="eu-west-1",
        ),
        change(f"arn:aws:lex:eu-west-1:{A}:bot/ABCDEFGHIJ", T),
    ),
    held(
        "macie2-2020-01-01",
        "CreateCustomDataIdentifier",
        "amazonmacie",
        record(
            "macie2",
            "CreateCustomDataIdentifier",
            {"name": "EmployeeIDs", "regex": "[A-Z]{3}-[0-9]{6}", "tags": M},
            {"customDataIdentifierId": "2f6c8d7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f"},
        ),
        change(
            f"arn:aws:macie2:us-east-1:{A}:custom-data-identifier/2f6c8d7e-1a2b-4c3d-9e8f-0a1b2c3d4e5f", T
        ),
    ),
    held(
        "rekognition-2016-06-27",
        "CreateCollection",
        "amazonrekognition",
        record(
            "rekognition",
            "CreateCollection",
            {"collectionId": "myphotos", "tags": M},
            {
                "statusCode": 200,
                "collectionArn": f"aws:rekognition:us-west-2:{A}:collection/myphotos",
                "faceModelVersion": "7.0",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:rekognition:us-west-2:{A}:collection/myphotos", T),
        note="the API reference's example response gives CollectionArn without its 'arn:' prefix",
    ),
    held(
        "swf-2012-01-25",
        "RegisterDomain",
        "amazonsimpleworkflowservice",
        record(
            "swf",
            "RegisterDomain",
            {
                "name": "my-domain",
                "workflowExecutionRetentionPeriodInDays": "30",
                "tags": lkv(team="alpha"),
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:swf:eu-west-1:{A}:/domain/my-domain", T),
    ),
    held(
        "synthetics-2017-10-11",
        "CreateCanary",
        "amazoncloudwatchsynthetics",
        record(
            "synthetics",
            "CreateCanary",
            {
                "name": "my-canary",
                "artifactS3Location": "s3://amzn-s3-demo-bucket/canary",
                "executionRoleArn": f"arn:aws:iam::{A}:role/canary",
                "runtimeVersion": "syn-nodejs-puppeteer-9.1",
                "tags": M,
            },
            {
                "canary": {
                    "id": "5d1a2b3c-4d5e-6f7a-8b9c-0d1e2f3a4b5c",
                    "name": "my-canary",
                    "executionRoleArn": f"arn:aws:iam::{A}:role/canary",
                }
            },
            region="ap-southeast-2",
        ),
        change(f"arn:aws:synthetics:ap-southeast-2:{A}:canary:my-canary", T),
    ),
    held(
        "waf-regional-2016-11-28",
        "CreateRule",
        "awswafregional",
        record(
            "waf-regional",
            "CreateRule",
            {
                "name": "MyIPSetRule",
                "metricName": "MyIPSetRule",
                "changeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
                "tags": kv(team="alpha"),
            },
            {
                "rule": {"ruleId": "WAFRule-1-Example", "name": "MyIPSetRule", "predicates": []},
                "changeToken": "abcd12f2-46da-4fdb-b8d5-fbd4c466928f",
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:waf-regional:eu-west-1:{A}:rule/WAFRule-1-Example", T),
    ),
    held(
        "waf-2015-08-24",
        "CreateWebACL",
        "awswaf",
        record(
            "waf",
            "CreateWebACL",
            {
                "name": "CreateExample",
                "metricName": "CreateExample",
                "defaultAction": {"type": "ALLOW"},
                "changeToken": "abcd12f2",
                "tags": kv(team="alpha"),
            },
            {
                "webACL": {
                    "webACLId": "example-46da-4444-5555-example",
                    "name": "CreateExample",
                    "rules": [],
                },
                "changeToken": "abcd12f2",
            },
        ),
        change(f"arn:aws:waf::{A}:webacl/example-46da-4444-5555-example", T),
    ),
    held(
        "budgets-2016-10-20",
        "CreateBudget",
        "awsbudgetservice",
        record(
            "budgets",
            "CreateBudget",
            {
                "accountId": A,
                "budget": {"budgetName": "monthly-cost", "budgetType": "COST", "timeUnit": "MONTHLY"},
                "resourceTags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:budgets::{A}:budget/monthly-cost", T),
    ),
    held(
        "sesv2-2019-09-27",
        "CreateConfigurationSet",
        "amazonpinpointemailservice",
        record(
            "ses",
            "CreateConfigurationSet",
            {"configurationSetName": "my-config-set", "tags": kv(team="alpha")},
            region="eu-west-1",
        ),
        change(f"arn:aws:ses:eu-west-1:{A}:configuration-set/my-config-set", T),
    ),
]
