"""Held-out corpus, round four (continued): see tests/core/normalize/heldout4_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)


ROUND4_C_ENTRIES: list[dict[str, Any]] = [
    held(
        "cloudtrail-2013-11-01",
        "CreateChannel",
        "awscloudtrail",
        record(
            "cloudtrail",
            "CreateChannel",
            {
                "Name": "my-partner-channel",
                "Source": "Custom",
                "Destinations": [
                    {
                        "Type": "EVENT_DATA_STORE",
                        "Location": f"arn:aws:cloudtrail:us-east-1:{A}:eventdatastore/EXAMPLE-f852-4e8f-8bd1-bcf6cEXAMPLE",
                    }
                ],
                "Tags": kv(team="alpha"),
            },
            {
                "ChannelArn": f"arn:aws:cloudtrail:us-east-1:{A}:channel/01234567890",
                "Name": "my-partner-channel",
                "Source": "Custom",
            },
        ),
        change(f"arn:aws:cloudtrail:us-east-1:{A}:channel/01234567890", T),
        note="the destination event data store is named by ARN; the tags are the channel's",
    ),
    held(
        "osis-2022-01-01",
        "TagResource",
        "amazonopensearchingestion",
        record(
            "osis",
            "TagResource",
            {"Arn": f"arn:aws:osis:ap-southeast-2:{A}:pipeline/my-pipeline", "Tags": kv(team="alpha")},
            region="ap-southeast-2",
        ),
        change(f"arn:aws:osis:ap-southeast-2:{A}:pipeline/my-pipeline", T),
    ),
    held(
        "xray-2016-04-12",
        "UntagResource",
        "awsx-ray",
        record(
            "xray",
            "UntagResource",
            {
                "ResourceARN": f"arn:aws:xray:us-east-1:{A}:group/AdminGroup/UNIQUE_ID",
                "TagKeys": ["team"],
            },
        ),
        change(f"arn:aws:xray:us-east-1:{A}:group/AdminGroup/UNIQUE_ID", removed=GONE),
    ),
    held(
        "cognito-identity-2014-06-30",
        "TagResource",
        "amazoncognitoidentity",
        record(
            "cognito-identity",
            "TagResource",
            {
                "ResourceArn": f"arn:aws:cognito-identity:us-east-1:{A}:identitypool/us-east-1:1a1a1a1a-ffff-1111-9999-12345678",
                "Tags": M,
            },
        ),
        change(
            f"arn:aws:cognito-identity:us-east-1:{A}:identitypool/us-east-1:1a1a1a1a-ffff-1111-9999-12345678",
            T,
        ),
    ),
    held(
        "observabilityadmin-2018-05-10",
        "CreateCentralizationRuleForOrganization",
        "amazoncloudwatchobservabilityadminservice",
        record(
            "observabilityadmin",
            "CreateCentralizationRuleForOrganization",
            {
                "RuleName": "my-rule",
                "Rule": {
                    "Source": {"Regions": ["us-east-1", "us-west-2"]},
                    "Destination": {"Region": "us-east-1", "Account": A},
                },
                "Tags": M,
            },
            {"RuleArn": f"arn:aws:observabilityadmin:us-east-1:{A}:organization-centralization-rule/my-rule"},
        ),
        change(f"arn:aws:observabilityadmin:us-east-1:{A}:organization-centralization-rule/my-rule", T),
    ),
    held(
        "dlm-2018-01-12",
        "UntagResource",
        "amazondatalifecyclemanager",
        record(
            "dlm",
            "UntagResource",
            {
                "ResourceArn": f"arn:aws-cn:dlm:cn-north-1:{A}:policy/policy-0123456789abcdef0",
                "TagKeys": ["team"],
            },
            region="cn-north-1",
        ),
        change(f"arn:aws-cn:dlm:cn-north-1:{A}:policy/policy-0123456789abcdef0", removed=GONE),
    ),
    held(
        "memorydb-2021-01-01",
        "CreateMultiRegionCluster",
        "amazonmemorydb",
        record(
            "memorydb",
            "CreateMultiRegionCluster",
            {
                "MultiRegionClusterNameSuffix": "my-cluster",
                "NodeType": "db.r7g.xlarge",
                "Tags": kv(team="alpha"),
            },
            {
                "MultiRegionCluster": {
                    "MultiRegionClusterName": "virxk-my-cluster",
                    "Status": "creating",
                    "NodeType": "db.r7g.xlarge",
                    "Clusters": [],
                    "ARN": f"arn:aws:memorydb::{A}:multiregioncluster/virxk-my-cluster",
                }
            },
        ),
        change(f"arn:aws:memorydb::{A}:multiregioncluster/virxk-my-cluster", T),
    ),
    held(
        "elasticbeanstalk-2010-12-01",
        "CreatePlatformVersion",
        "awselasticbeanstalk",
        record(
            "elasticbeanstalk",
            "CreatePlatformVersion",
            {
                "platformName": "MyCustomPlatform",
                "platformVersion": "1.0.0",
                "platformDefinitionBundle": {"s3Bucket": "amzn-s3-demo-bucket", "s3Key": "platform.zip"},
                "tags": kv(team="alpha"),
            },
            {
                "platformSummary": {
                    "platformArn": f"arn:aws:elasticbeanstalk:us-east-2:{A}:platform/MyCustomPlatform/1.0.0",
                    "platformOwner": A,
                    "platformStatus": "Creating",
                },
                "builder": {
                    "aRN": f"arn:aws:elasticbeanstalk:us-east-2:{A}:environment/eb-custom-platform-builder-packer/eb-custom-platform-builder-packer"
                },
            },
            region="us-east-2",
        ),
        change(f"arn:aws:elasticbeanstalk:us-east-2:{A}:platform/MyCustomPlatform/1.0.0", T),
        note="a custom platform's ARN holds its owner's account (the reference's format is AWS's own "
        "platforms'); the builder environment in the response is not the target",
    ),
    held(
        "iot-managed-integrations-2025-03-03",
        "CreateOtaTask",
        "awsiotmanagedintegrations",
        record(
            "iotmanagedintegrations",
            "CreateOtaTask",
            {"S3Url": "s3://amzn-s3-demo-bucket/firmware.bin", "OtaType": "ONE_TIME", "Tags": M},
            {
                "TaskId": "0123456789abcdef0123",
                "TaskArn": f"arn:aws:iotmanagedintegrations:eu-west-1:{A}:ota-task/0123456789abcdef0123",
            },
            region="eu-west-1",
        ),
        change(f"arn:aws:iotmanagedintegrations:eu-west-1:{A}:ota-task/0123456789abcdef0123", T),
    ),
    held(
        "sagemaker-2017-07-24",
        "CreateTrainingJob",
        "amazonsagemaker",
        record(
            "sagemaker",
            "CreateTrainingJob",
            {
                "TrainingJobName": "my-training-job",
                "AlgorithmSpecification": {
                    "TrainingImage": "382416733822.dkr.ecr.us-gov-west-1.amazonaws.com/linear-learner:1",
                    "TrainingInputMode": "File",
                },
                "RoleArn": f"arn:aws-us-gov:iam::{A}:role/SageMakerRole",
                "OutputDataConfig": {"S3OutputPath": "s3://amzn-s3-demo-bucket/output"},
                "Tags": kv(team="alpha"),
            },
            {"TrainingJobArn": f"arn:aws-us-gov:sagemaker:us-gov-west-1:{A}:training-job/my-training-job"},
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:sagemaker:us-gov-west-1:{A}:training-job/my-training-job", T),
    ),
    held(
        "elasticfilesystem-2015-02-01",
        "DeleteTags",
        "amazonelasticfilesystem",
        record(
            "elasticfilesystem",
            "DeleteTags",
            {"fileSystemId": "fs-ab12cd34", "tagKeys": ["team"]},
            region="us-gov-west-1",
        ),
        change(f"arn:aws-us-gov:elasticfilesystem:us-gov-west-1:{A}:file-system/fs-ab12cd34", removed=GONE),
        note="the deprecated call; EFS records spell members with a lower-case first letter",
    ),
    held(
        "redshift-serverless-2021-04-21",
        "TagResource",
        "amazonredshiftserverless",
        record(
            "redshift-serverless",
            "TagResource",
            {
                "resourceArn": f"arn:aws:redshift-serverless:us-east-1:{A}:workgroup/a1b2c3d4-5678-90ab-cdef-EXAMPLE88888",
                "tags": lkv(team="alpha"),
            },
        ),
        change(
            f"arn:aws:redshift-serverless:us-east-1:{A}:workgroup/a1b2c3d4-5678-90ab-cdef-EXAMPLE88888", T
        ),
    ),
    held(
        "managedblockchain-2018-09-24",
        "CreateNode",
        "amazonmanagedblockchain",
        record(
            "managedblockchain",
            "CreateNode",
            {
                "ClientRequestToken": "e2b6a8a4-5c4b-4a8e-9d3f-EXAMPLE99999",
                "NetworkId": "n-MWY63ZJZU5HGNCMBQER7IN6OIU",
                "MemberId": "m-K46ICRRXJRCGRNNS4ES4XUUS5A",
                "NodeConfiguration": {"InstanceType": "bc.t3.small", "AvailabilityZone": "us-east-1a"},
                "Tags": M,
            },
            {"NodeId": "nd-6EAJ5VA43JGGNPXOUZP7Y47E4Y"},
        ),
        change(f"arn:aws:managedblockchain:us-east-1:{A}:nodes/nd-6EAJ5VA43JGGNPXOUZP7Y47E4Y", T),
        note="the network and member are named too; the tags are the new node's",
    ),
    held(
        "evs-2023-07-27",
        "TagResource",
        "amazonelasticvmwareservice",
        record(
            "evs",
            "TagResource",
            {"resourceArn": f"arn:aws:evs:us-east-2:{A}:environment/env-abcde12345", "tags": M},
            region="us-east-2",
        ),
        change(f"arn:aws:evs:us-east-2:{A}:environment/env-abcde12345", T),
    ),
]
