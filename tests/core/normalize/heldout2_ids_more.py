"""Held-out corpus, round two (b): more targets named by id or name, and responses giving other ARNs."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT as B
from tests.core.normalize.heldout_builders import held, kv

T = values(team="alpha")
M = {"team": "alpha"}
EC2 = "ec2-2016-11-15"


ROUND2_ID_MORE_ENTRIES: list[dict[str, Any]] = [
    held(
        "kendra-2019-02-03",
        "CreateDataSource",
        "amazonkendra",
        record(
            "kendra",
            "CreateDataSource",
            {
                "name": "docs-bucket",
                "indexId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222",
                "type": "S3",
                "tags": kv(team="alpha"),
            },
            {"id": "b2c3d4e5-6789-01ab-cdef-EXAMPLE33333"},
        ),
        change(
            f"arn:aws:kendra:us-east-1:{A}:index/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222/data-source/b2c3d4e5-6789-01ab-cdef-EXAMPLE33333",
            T,
        ),
    ),
    held(
        "securityhub-2018-10-26",
        "EnableSecurityHub",
        "awssecurityhub",
        record(
            "securityhub",
            "EnableSecurityHub",
            {"enableDefaultStandards": True, "tags": M},
            {},
            region="eu-west-3",
        ),
        change(f"arn:aws:securityhub:eu-west-3:{A}:hub/default", T),
    ),
    held(
        "sesv2-2019-09-27",
        "CreateEmailIdentity",
        "amazonpinpointemailservice",
        record(
            "ses",
            "CreateEmailIdentity",
            {"emailIdentity": "example.com", "tags": kv(team="alpha")},
            {"identityType": "DOMAIN", "verifiedForSendingStatus": False},
            region="eu-west-1",
        ),
        change(f"arn:aws:ses:eu-west-1:{A}:identity/example.com", T),
    ),
    held(
        "iot-2015-05-28",
        "CreateTopicRule",
        "awsiot",
        record(
            "iot",
            "CreateTopicRule",
            {
                "ruleName": "my_rule",
                "topicRulePayload": {"sql": "SELECT * FROM 'some/topic'", "actions": []},
                "tags": "team=alpha",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:iot:us-west-2:{A}:rule/my_rule", T),
    ),
    held(
        "textract-2018-06-27",
        "CreateAdapter",
        "amazontextract",
        record(
            "textract",
            "CreateAdapter",
            {"adapterName": "invoices", "featureTypes": ["QUERIES"], "tags": M},
            {"adapterId": "a1b2c3d4e5f6"},
        ),
        change(f"arn:aws:textract:us-east-1:{A}:/adapters/a1b2c3d4e5f6", T),
    ),
    held(
        "transcribe-2017-10-26",
        "StartTranscriptionJob",
        "amazontranscribe",
        record(
            "transcribe",
            "StartTranscriptionJob",
            {
                "transcriptionJobName": "my-first-job",
                "media": {"mediaFileUri": "s3://amzn-s3-demo-bucket/a.mp3"},
                "tags": kv(team="alpha"),
            },
            {
                "transcriptionJob": {
                    "transcriptionJobName": "my-first-job",
                    "transcriptionJobStatus": "IN_PROGRESS",
                }
            },
            region="ca-central-1",
        ),
        change(f"arn:aws:transcribe:ca-central-1:{A}:transcription-job/my-first-job", T),
    ),
    held(
        "glue-2017-03-31",
        "CreateTrigger",
        "awsglue",
        record(
            "glue",
            "CreateTrigger",
            {"name": "nightly", "type": "SCHEDULED", "actions": [{"jobName": "etl"}], "tags": M},
            {"name": "nightly"},
        ),
        change(f"arn:aws:glue:us-east-1:{A}:trigger/nightly", T),
    ),
    held(
        "glue-2017-03-31",
        "CreateMLTransform",
        "awsglue",
        record(
            "glue",
            "CreateMLTransform",
            {
                "name": "dedupe",
                "role": "GlueRole",
                "inputRecordTables": [],
                "parameters": {"transformType": "FIND_MATCHES"},
                "tags": M,
            },
            {"transformId": "tfm-0123456789abcdef0123456789abcdef01234567"},
            region="us-west-2",
        ),
        change(f"arn:aws:glue:us-west-2:{A}:mlTransform/tfm-0123456789abcdef0123456789abcdef01234567", T),
    ),
    held(
        "customer-profiles-2020-08-15",
        "CreateDomain",
        "amazonconnectcustomerprofiles",
        record(
            "profile",
            "CreateDomain",
            {"domainName": "ExampleDomain", "defaultExpirationDays": 366, "tags": M},
            {"domainName": "ExampleDomain", "defaultExpirationDays": 366},
        ),
        change(f"arn:aws:profile:us-east-1:{A}:domains/ExampleDomain", T),
    ),
    held(
        "chatbot-2017-10-11",
        "CreateSlackChannelConfiguration",
        "awschatbot",
        record(
            "chatbot",
            "CreateSlackChannelConfiguration",
            {
                "slackTeamId": "T07EA123LEP",
                "slackChannelId": "C07EZ1ABC23",
                "iamRoleArn": f"arn:aws:iam::{A}:role/chatbot",
                "configurationName": "ops",
                "tags": kv(team="alpha"),
            },
            {
                "channelConfiguration": {
                    "slackTeamId": "T07EA123LEP",
                    "slackChannelId": "C07EZ1ABC23",
                    "chatConfigurationArn": f"arn:aws:chatbot::{A}:chat-configuration/slack-channel/ops",
                    "iamRoleArn": f"arn:aws:iam::{A}:role/chatbot",
                    "configurationName": "ops",
                }
            },
            region="us-east-2",
        ),
        change(f"arn:aws:chatbot::{A}:chat-configuration/slack-channel/ops", T),
    ),
    held(
        "dms-2016-01-01",
        "CreateReplicationSubnetGroup",
        "awsdatabasemigrationservice",
        record(
            "dms",
            "CreateReplicationSubnetGroup",
            {
                "replicationSubnetGroupIdentifier": "us-west-2ab-vpc-215ds366",
                "replicationSubnetGroupDescription": "x",
                "subnetIds": ["subnet-e145356n"],
                "tags": kv(team="alpha"),
            },
            {
                "replicationSubnetGroup": {
                    "replicationSubnetGroupIdentifier": "us-west-2ab-vpc-215ds366",
                    "vpcId": "vpc-6741a603",
                }
            },
            region="us-west-2",
        ),
        change(f"arn:aws:dms:us-west-2:{A}:subgrp:us-west-2ab-vpc-215ds366", T),
        note="the reference's format is subgrp:*; the DMS user guide's ARN table names the group",
    ),
    held(
        "acm-pca-2017-08-22",
        "CreateCertificateAuthority",
        "awsprivatecertificateauthority",
        record(
            "acm-pca",
            "CreateCertificateAuthority",
            {
                "certificateAuthorityType": "ROOT",
                "certificateAuthorityConfiguration": {"keyAlgorithm": "RSA_2048"},
                "tags": kv(team="alpha"),
            },
            {
                "certificateAuthorityArn": f"arn:aws-cn:acm-pca:cn-northwest-1:{B}:certificate-authority/11223344-1234-1122-2233-112233445566"
            },
            region="cn-northwest-1",
            account=B,
        ),
        change(
            f"arn:aws-cn:acm-pca:cn-northwest-1:{B}:certificate-authority/11223344-1234-1122-2233-112233445566",
            T,
        ),
    ),
    held(
        "quicksight-2018-04-01",
        "CreateDataSet",
        "amazonquicksight",
        record(
            "quicksight",
            "CreateDataSet",
            {
                "awsAccountId": A,
                "dataSetId": "sales-ds",
                "name": "Sales",
                "importMode": "SPICE",
                "tags": kv(team="alpha"),
            },
            {
                "arn": f"arn:aws:quicksight:us-east-1:{A}:dataset/sales-ds",
                "dataSetId": "sales-ds",
                "ingestionArn": f"arn:aws:quicksight:us-east-1:{A}:dataset/sales-ds/ingestion/i1",
            },
        ),
        change(f"arn:aws:quicksight:us-east-1:{A}:dataset/sales-ds", T),
    ),
]
