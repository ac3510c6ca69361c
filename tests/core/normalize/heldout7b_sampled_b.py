"""Held-out corpus, round seven, part B (continued): see tests/core/normalize/heldout7b_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

SCENE = f"arn:aws:iottwinmaker:us-east-1:{A}:workspace/factory-ws/scene/line-1"
DETECTOR = f"arn:aws-us-gov:guardduty:us-gov-west-1:{A}:detector/12abc34d567e8fa901bc2d34eexample"
PRODUCT = f"arn:aws-cn:catalog:cn-north-1:{A}:product/prod-abcdefghijklm"
PARTNERSHIP = f"arn:aws:b2bi:us-east-1:{A}:partnership/ps-219fa02f5b4242af8"
FLINK_V1 = f"arn:aws-cn:kinesisanalytics:cn-northwest-1:{A}:application/clickstream-sql"
QUOTA = f"arn:aws:servicequotas:eu-west-1:{A}:ec2/L-1216C47A"
MC_JOB = f"arn:aws:mediaconvert:ap-northeast-1:{A}:jobs/1234567890123-abc123"
ACTION_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE12345"
CONNECTION = f"arn:aws:codeconnections:eu-west-3:{A}:connection/a1b2c3d4-5678-90ab-cdef-EXAMPLE23456"
SOURCE_SERVER = f"arn:aws:drs:ap-south-1:{A}:source-server/s-1234567890abcdef0"
RESILIENCY_POLICY = (
    f"arn:aws:resiliencehub:us-east-1:{A}:resiliency-policy/a1b2c3d4-5678-90ab-cdef-EXAMPLE34567"
)
INVESTIGATION_GROUP = f"arn:aws:aiops:ap-southeast-1:{A}:investigation-group/a1b2c3d4e5f6g7h8"
CERTIFICATE = f"arn:aws-us-gov:acm:us-gov-east-1:{A}:certificate/a1b2c3d4-5678-90ab-cdef-EXAMPLE45678"
SAR_APP = f"arn:aws:serverlessrepo:us-east-1:{A}:applications/hello-world"
STACK = (
    f"arn:aws:cloudformation:us-east-1:{A}:stack/serverlessrepo-hello-world/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE56789"
)
IR_CASE = f"arn:aws:security-ir:us-west-2:{A}:case/1234567890"
RUN = f"arn:aws:omics:us-west-2:{A}:run/1234567"

ROUND7_B2_ENTRIES: list[dict[str, Any]] = [
    held(
        "iottwinmaker-2021-11-29",
        "CreateScene",
        "awsiottwinmaker",
        record(
            "iottwinmaker",
            "CreateScene",
            {
                "workspaceId": "factory-ws",
                "sceneId": "line-1",
                "contentLocation": "s3://factory-ws-bucket/line-1.json",
                "tags": M,
            },
            {"arn": SCENE, "creationDateTime": "2024-06-01T12:00:00Z"},
        ),
        change(SCENE, T),
    ),
    untag_call(
        "guardduty-2017-11-28",
        "amazonguardduty",
        "guardduty",
        "UntagResource",
        {"ResourceArn": DETECTOR, "TagKeys": ["team"]},
        DETECTOR,
        region="us-gov-west-1",
    ),
    held(
        "servicecatalog-2015-12-10",
        "UpdateProduct",
        "awsservicecatalog",
        record(
            "servicecatalog",
            "UpdateProduct",
            {"Id": "prod-abcdefghijklm", "AddTags": kv(team="alpha"), "RemoveTags": ["owner"]},
            {
                "ProductViewDetail": {
                    "ProductViewSummary": {
                        "Id": "prodview-abcdefghijklm",
                        "ProductId": "prod-abcdefghijklm",
                        "Name": "web-app",
                    },
                    "Status": "AVAILABLE",
                    "ProductARN": PRODUCT,
                    "CreatedTime": "2024-06-01T12:00:00Z",
                },
                "Tags": kv(team="alpha"),
            },
            region="cn-north-1",
        ),
        change(PRODUCT, T, removed=("owner",)),
    ),
    tag_call(
        "b2bi-2022-06-23",
        "awsb2bdatainterchange",
        "b2bi",
        "TagResource",
        {"ResourceARN": PARTNERSHIP, "Tags": kv(team="alpha")},
        PARTNERSHIP,
    ),
    untag_call(
        "kinesisanalytics-2015-08-14",
        "amazonkinesisanalytics",
        "kinesisanalytics",
        "UntagResource",
        {"ResourceARN": FLINK_V1, "TagKeys": ["team"]},
        FLINK_V1,
        region="cn-northwest-1",
    ),
    tag_call(
        "service-quotas-2019-06-24",
        "servicequotas",
        "servicequotas",
        "TagResource",
        {"ResourceARN": QUOTA, "Tags": kv(team="alpha")},
        QUOTA,
        region="eu-west-1",
    ),
    held(
        "mediaconvert-2017-08-29",
        "CreateJob",
        "awselementalmediaconvert",
        record(
            "mediaconvert",
            "CreateJob",
            {
                "role": f"arn:aws:iam::{A}:role/MediaConvertRole",
                "settings": {"inputs": [{"fileInput": "s3://media-in/clip.mp4"}]},
                "queue": f"arn:aws:mediaconvert:ap-northeast-1:{A}:queues/Default",
                "tags": M,
            },
            {
                "job": {
                    "arn": MC_JOB,
                    "id": "1234567890123-abc123",
                    "role": f"arn:aws:iam::{A}:role/MediaConvertRole",
                    "settings": {"inputs": [{"fileInput": "s3://media-in/clip.mp4"}]},
                    "queue": f"arn:aws:mediaconvert:ap-northeast-1:{A}:queues/Default",
                    "status": "SUBMITTED",
                    "createdAt": 1717243200,
                }
            },
            region="ap-northeast-1",
        ),
        change(MC_JOB, T),
    ),
    held(
        "budgets-2016-10-20",
        "CreateBudgetAction",
        "awsbudgetservice",
        record(
            "budgets",
            "CreateBudgetAction",
            {
                "AccountId": A,
                "BudgetName": "monthly-cost",
                "NotificationType": "ACTUAL",
                "ActionType": "APPLY_IAM_POLICY",
                "ActionThreshold": {"ActionThresholdValue": 90.0, "ActionThresholdType": "PERCENTAGE"},
                "Definition": {
                    "IamActionDefinition": {
                        "PolicyArn": f"arn:aws:iam::{A}:policy/DenyEc2Launch",
                        "Roles": ["Developers"],
                    }
                },
                "ExecutionRoleArn": f"arn:aws:iam::{A}:role/BudgetsActionRole",
                "ApprovalModel": "AUTOMATIC",
                "Subscribers": [{"SubscriptionType": "EMAIL", "Address": "ops@example.com"}],
                "ResourceTags": kv(team="alpha"),
            },
            {"AccountId": A, "BudgetName": "monthly-cost", "ActionId": ACTION_ID},
        ),
        change(f"arn:aws:budgets::{A}:budget/monthly-cost/action/{ACTION_ID}", T),
    ),
    held(
        "codeconnections-2023-12-01",
        "CreateConnection",
        "awscodeconnections",
        record(
            "codeconnections",
            "CreateConnection",
            {"ProviderType": "GitHub", "ConnectionName": "my-github", "Tags": kv(team="alpha")},
            {"ConnectionArn": CONNECTION, "Tags": kv(team="alpha")},
            region="eu-west-3",
        ),
        change(CONNECTION, T),
    ),
    untag_call(
        "drs-2020-02-26",
        "awselasticdisasterrecovery",
        "drs",
        "UntagResource",
        {"resourceArn": SOURCE_SERVER, "tagKeys": ["team"]},
        SOURCE_SERVER,
        region="ap-south-1",
    ),
    held(
        "s3files-2025-05-05",
        "TagResource",
        "amazons3files",
        record(
            "s3files",
            "TagResource",
            {"resourceId": "fs-0123456789abcdef0", "tags": lkv(team="alpha")},
            region="us-east-2",
        ),
        change(f"arn:aws:s3files:us-east-2:{A}:file-system/fs-0123456789abcdef0", T),
        note="resourceId takes the ID or the ARN; the documented file-system ARN pattern is "
        "arn:aws:s3files:<region>:<account>:file-system/fs-<hex>",
    ),
    held(
        "resiliencehub-2020-04-30",
        "CreateResiliencyPolicy",
        "awsresiliencehub",
        record(
            "resiliencehub",
            "CreateResiliencyPolicy",
            {
                "policyName": "critical-apps",
                "tier": "MissionCritical",
                "policy": {"AZ": {"rtoInSecs": 300, "rpoInSecs": 60}},
                "tags": M,
            },
            {
                "policy": {
                    "policyArn": RESILIENCY_POLICY,
                    "policyName": "critical-apps",
                    "tier": "MissionCritical",
                    "policy": {"AZ": {"rtoInSecs": 300, "rpoInSecs": 60}},
                    "tags": M,
                }
            },
        ),
        change(RESILIENCY_POLICY, T),
    ),
    held(
        "machinelearning-2014-12-12",
        "DeleteTags",
        "amazonmachinelearning",
        record(
            "machinelearning",
            "DeleteTags",
            {"TagKeys": ["team"], "ResourceId": "exampleModelId", "ResourceType": "MLModel"},
            {"ResourceId": "exampleModelId", "ResourceType": "MLModel"},
            region="eu-west-1",
        ),
        change(f"arn:aws:machinelearning:eu-west-1:{A}:mlmodel/exampleModelId", removed=GONE),
    ),
    held(
        "aiops-2018-05-10",
        "CreateInvestigationGroup",
        "amazonaioperations",
        record(
            "aiops",
            "CreateInvestigationGroup",
            {
                "name": "production",
                "roleArn": f"arn:aws:iam::{A}:role/AIOpsRole",
                "retentionInDays": 90,
                "tags": M,
            },
            {"arn": INVESTIGATION_GROUP},
            region="ap-southeast-1",
        ),
        change(INVESTIGATION_GROUP, T),
    ),
    held(
        "acm-2015-12-08",
        "ImportCertificate",
        "awscertificatemanager",
        record(
            "acm",
            "ImportCertificate",
            {"Tags": kv(team="alpha")},
            {"CertificateArn": CERTIFICATE},
            region="us-gov-east-1",
        ),
        change(CERTIFICATE, T),
    ),
    held(
        "serverlessrepo-2017-09-08",
        "CreateCloudFormationChangeSet",
        "awscloudformation",
        record(
            "serverlessrepo",
            "CreateCloudFormationChangeSet",
            {
                "applicationId": SAR_APP,
                "stackName": "serverlessrepo-hello-world",
                "semanticVersion": "1.0.0",
                "tags": kv(team="alpha"),
            },
            {
                "applicationId": SAR_APP,
                "changeSetId": f"arn:aws:cloudformation:us-east-1:{A}:changeSet/"
                "a1b2c3d4-5678-90ab-cdef-EXAMPLE67890/a1b2c3d4-5678-90ab-cdef-EXAMPLE78901",
                "semanticVersion": "1.0.0",
                "stackId": STACK,
            },
        ),
        change(STACK, T),
        note="the Tags are CloudFormation CreateChangeSet's: key-value pairs associated with the stack, "
        "whose ARN the response's StackId is",
    ),
    untag_call(
        "security-ir-2018-05-10",
        "awssecurityincidentresponse",
        "security-ir",
        "UntagResource",
        {"resourceArn": IR_CASE, "tagKeys": ["team"]},
        IR_CASE,
        region="us-west-2",
    ),
    held(
        "cur-2017-01-06",
        "UntagResource",
        "awscostandusagereport",
        record("cur", "UntagResource", {"ReportName": "monthly-cur", "TagKeys": ["team"]}),
        change(f"arn:aws:cur:us-east-1:{A}:definition/monthly-cur", removed=GONE),
    ),
    held(
        "directconnect-2012-10-25",
        "CreateInterconnect",
        "awsdirectconnect",
        record(
            "directconnect",
            "CreateInterconnect",
            {
                "interconnectName": "partner-ic-1",
                "bandwidth": "10Gbps",
                "location": "EqSe2",
                "tags": lkv(team="alpha"),
            },
            {
                "interconnectId": "dxcon-fgabc123",
                "interconnectName": "partner-ic-1",
                "interconnectState": "requested",
                "region": "us-gov-west-1",
                "location": "EqSe2",
                "bandwidth": "10Gbps",
                "tags": lkv(team="alpha"),
            },
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:directconnect:us-gov-west-1:{A}:dxcon/dxcon-fgabc123", T),
        note="an interconnect's id is a dxcon- connection id; the Service Authorization Reference's dxcon "
        "type names it",
    ),
    held(
        "omics-2022-11-28",
        "StartRun",
        "awshealthomics",
        record(
            "omics",
            "StartRun",
            {
                "workflowId": "1234567",
                "roleArn": f"arn:aws:iam::{A}:role/OmicsRunRole",
                "name": "sample-42",
                "outputUri": "s3://omics-out/runs/",
                "requestId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE89012",
                "tags": M,
            },
            {"arn": RUN, "id": "1234567", "status": "PENDING", "tags": M},
            region="us-west-2",
        ),
        change(RUN, T),
    ),
]
