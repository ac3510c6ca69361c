"""Held-out corpus, round eight, part A (continued: draws 29 to 40): see
tests/core/normalize/heldout8a_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, tags, unresolved
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

APPROVAL_TEAM = f"arn:aws:mpa:us-east-1:{A}:approval-team/a1b2c3d4e5f6"
PARAMETER_GROUP = f"arn:aws-cn:elasticache:cn-north-1:{A}:parametergroup:my-redis7-params"
ROOM = f"arn:aws:ivschat:eu-west-1:{A}:room/g1H2I3j4k5L6"
CERTIFICATE = f"arn:aws-us-gov:acm:us-gov-west-1:{A}:certificate/12345678-1234-1234-1234-123456789012"
INVOICE_UNIT = f"arn:aws:invoicing::{A}:invoice-unit/a1b2c3d4"
BRANCH = f"arn:aws:amplify:ca-central-1:{A}:apps/d2ab3example/branches/main"
SNAPSHOT_JOB = f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/resource-snapshot-job/job-a1b2c3d4e5f6g"
SNAPSHOT = f"arn:aws:memorydb:ap-southeast-2:{A}:snapshot/my-snapshot-copy"
WEBHOOK = f"arn:aws:codepipeline:eu-west-3:{A}:webhook:my-github-webhook"
EXECUTION = "4105a4fc-f944-11e6-9d32-0123456789ab"

ROUND8A_C_ENTRIES: list[dict[str, Any]] = [
    held(
        "mpa-2022-07-26",
        "CreateApprovalTeam",
        "multi-partyapproval",
        record(
            "mpa",
            "CreateApprovalTeam",
            {
                "ApprovalStrategy": {"MofN": {"MinApprovalsRequired": 2}},
                "Approvers": [
                    {
                        "PrimaryIdentityId": "9067c5a0-e0a1-70b1-example",
                        "PrimaryIdentitySourceArn": f"arn:aws:mpa:us-east-1:{A}:identity-source/ins-a1b2c3d4e5",
                    }
                ],
                "Description": "approvers for backup vault deletions",
                "Policies": [{"PolicyArn": "arn:aws:mpa::aws:policy/AWSBackup/AWSBackupApprovalPolicy/1"}],
                "Name": "backup-approvers",
                "Tags": M,
            },
            {
                "CreationTime": "2024-06-01T12:00:00Z",
                "Arn": APPROVAL_TEAM,
                "Name": "backup-approvers",
                "VersionId": "1",
            },
        ),
        change(APPROVAL_TEAM, T),
        note="the tags are the team's, not the identity source's",
    ),
    held(
        "elasticache-2015-02-02",
        "CreateCacheParameterGroup",
        "amazonelasticache",
        record(
            "elasticache",
            "CreateCacheParameterGroup",
            {
                "cacheParameterGroupName": "My-Redis7-Params",
                "cacheParameterGroupFamily": "redis7",
                "description": "tuned for sessions",
                "tags": kv(team="alpha"),
            },
            {
                "cacheParameterGroupName": "my-redis7-params",
                "cacheParameterGroupFamily": "redis7",
                "description": "tuned for sessions",
                "isGlobal": False,
                "ARN": PARAMETER_GROUP,
            },
            region="cn-north-1",
        ),
        change(PARAMETER_GROUP, T),
        note="the name is stored as a lowercase string, so the ARN holds it in lower case",
    ),
    untag_call(
        "ivschat-2020-07-14",
        "amazoninteractivevideoservicechat",
        "ivschat",
        "UntagResource",
        {"resourceArn": ROOM, "tagKeys": ["team"]},
        ROOM,
        region="eu-west-1",
    ),
    held(
        "acm-2015-12-08",
        "RequestCertificate",
        "awscertificatemanager",
        record(
            "acm",
            "RequestCertificate",
            {
                "domainName": "www.example.com",
                "validationMethod": "DNS",
                "subjectAlternativeNames": ["example.com"],
                "idempotencyToken": "91adc45q",
                "tags": tags(team="alpha"),
            },
            {"certificateArn": CERTIFICATE},
            region="us-gov-west-1",
        ),
        change(CERTIFICATE, T),
    ),
    tag_call(
        "invoicing-2024-12-01",
        "awsinvoicingservice",
        "invoicing",
        "TagResource",
        {"ResourceArn": INVOICE_UNIT, "ResourceTags": kv(team="alpha")},
        INVOICE_UNIT,
    ),
    tag_call(
        "amplify-2017-07-25",
        "awsamplify",
        "amplify",
        "TagResource",
        {"resourceArn": BRANCH, "tags": M},
        BRANCH,
        region="ca-central-1",
    ),
    held(
        "partnercentral-selling-2022-07-26",
        "CreateResourceSnapshotJob",
        "awspartnercentral",
        record(
            "partnercentral-selling",
            "CreateResourceSnapshotJob",
            {
                "Catalog": "AWS",
                "ClientToken": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                "EngagementIdentifier": "eng-abcd1234efgh5",
                "ResourceType": "Opportunity",
                "ResourceIdentifier": "O1234567",
                "ResourceSnapshotTemplateIdentifier": "AWS Opportunity Summary",
                "Tags": kv(team="alpha"),
            },
            {"Id": "job-a1b2c3d4e5f6g", "Arn": SNAPSHOT_JOB},
        ),
        change(SNAPSHOT_JOB, T),
        note="the tags are the snapshot job's (the resource the call makes), not the engagement's or the opportunity's",
    ),
    held(
        "memorydb-2021-01-01",
        "CopySnapshot",
        "amazonmemorydb",
        record(
            "memorydb",
            "CopySnapshot",
            {
                "SourceSnapshotName": "my-snapshot",
                "TargetSnapshotName": "my-snapshot-copy",
                "Tags": kv(team="alpha"),
            },
            {
                "Snapshot": {
                    "Name": "my-snapshot-copy",
                    "Status": "creating",
                    "Source": "manual",
                    "ARN": SNAPSHOT,
                    "ClusterConfiguration": {"Name": "my-cluster", "NodeType": "db.r6g.large"},
                }
            },
            region="ap-southeast-2",
        ),
        change(SNAPSHOT, T),
        note="the tags are the copy's, not the source snapshot's",
    ),
    held(
        "codepipeline-2015-07-09",
        "PutWebhook",
        "awscodepipeline",
        record(
            "codepipeline",
            "PutWebhook",
            {
                "webhook": {
                    "name": "my-github-webhook",
                    "targetPipeline": "MyPipeline",
                    "targetAction": "Source",
                    "filters": [{"jsonPath": "$.ref", "matchEquals": "refs/heads/{Branch}"}],
                    "authentication": "GITHUB_HMAC",
                    "authenticationConfiguration": {"SecretToken": "HIDDEN_DUE_TO_SECURITY_REASONS"},
                },
                "tags": lkv(team="alpha"),
            },
            {
                "webhook": {
                    "definition": {
                        "name": "my-github-webhook",
                        "targetPipeline": "MyPipeline",
                        "targetAction": "Source",
                        "filters": [{"jsonPath": "$.ref", "matchEquals": "refs/heads/{Branch}"}],
                        "authentication": "GITHUB_HMAC",
                        "authenticationConfiguration": {"SecretToken": "HIDDEN_DUE_TO_SECURITY_REASONS"},
                    },
                    "url": "https://webhooks.eu-west-3.amazonaws.com/trigger?t=a1b2c3&v=1",
                    "arn": WEBHOOK,
                    "tags": lkv(team="alpha"),
                }
            },
            region="eu-west-3",
        ),
        change(WEBHOOK, T),
        note="the tags are the webhook's, not the pipeline's it triggers",
    ),
    held(
        "cloudformation-2010-05-15",
        "UpdateStackSet",
        "awscloudformation",
        record(
            "cloudformation",
            "UpdateStackSet",
            {
                "stackSetName": "baseline-roles",
                "usePreviousTemplate": True,
                "capabilities": ["CAPABILITY_NAMED_IAM"],
                "tags": kv(team="alpha"),
            },
            {"operationId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"},
            region="cn-north-1",
        ),
        unresolved("baseline-roles", T),
        note=(
            "the tags are the stack set's (and propagate to its stacks, as CreateStackSet's do); "
            "a stack set's ARN ends in its id (name:uuid), and the record gives only its name"
        ),
    ),
    held(
        "m2-2021-04-28",
        "CreateEnvironment",
        "awsmainframemodernizationservice",
        record(
            "m2",
            "CreateEnvironment",
            {
                "name": "my-runtime-env",
                "engineType": "microfocus",
                "instanceType": "M2.m5.large",
                "subnetIds": ["subnet-0123456789abcdef0", "subnet-0fedcba9876543210"],
                "securityGroupIds": ["sg-0123456789abcdef0"],
                "publiclyAccessible": False,
                "tags": M,
            },
            {"environmentId": "a1b2c3d4e5f6g7h8i9j0k1l2m3"},
            region="eu-central-1",
        ),
        change(f"arn:aws:m2:eu-central-1:{A}:env/a1b2c3d4e5f6g7h8i9j0k1l2m3", T),
        note="the tags are the runtime environment's; its id is the response's",
    ),
    held(
        "ssm-2014-11-06",
        "StartAutomationExecution",
        "awssystemsmanager",
        record(
            "ssm",
            "StartAutomationExecution",
            {
                "documentName": "AWS-RestartEC2Instance",
                "parameters": {"InstanceId": ["i-0123456789abcdef0"]},
                "tags": tags(team="alpha"),
            },
            {"automationExecutionId": EXECUTION},
            region="cn-northwest-1",
        ),
        change(f"arn:aws-cn:ssm:cn-northwest-1:{A}:automation-execution/{EXECUTION}", T),
        note="the tags are the automation execution's, not the runbook's nor the instance's",
    ),
]
