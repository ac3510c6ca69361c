"""Held-out corpus, round seven, part A (continued: draws 46 to 60; draw 45 skipped): see
tests/core/normalize/heldout7a_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

QUICKSETUP = (
    f"arn:aws:ssm-quicksetup:eu-west-3:{A}:configuration-manager/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
)
THING_GROUP = f"arn:aws-cn:iot:cn-north-1:{A}:thinggroup/LightBulbs"
CONNECTION = f"arn:aws:codestar-connections:us-west-2:{A}:connection/b2c3d4e5-6789-01bc-def0-EXAMPLE22222"
ROUTE = f"arn:aws:appmesh:eu-west-1:{A}:mesh/my-mesh/virtualRouter/my-router/route/my-route"
BUNDLE = f"arn:aws:appfabric:eu-west-1:{A}:appbundle/c3d4e5f6-7890-12cd-ef01-EXAMPLE33333"
PUBLIC_REPO = f"arn:aws:ecr-public::{A}:repository/my-public-repo"
EVS = f"arn:aws:evs:us-east-2:{A}:environment/env-abcde12345"
SCALABLE_TARGET = (
    f"arn:aws:application-autoscaling:eu-north-1:{A}:scalable-target/1234abcd56ab78cd901ef1234567890ab123"
)
ALB = f"arn:aws:elasticloadbalancing:us-east-1:{A}:loadbalancer/app/my-internal-alb/1234567890abcdef"
VPC_ORIGIN = f"arn:aws:cloudfront::{A}:vpcorigin/vo_0123456789ABCDEFGHIJK"
ENDPOINT_CONFIG = {
    "Name": "my-vpc-origin",
    "Arn": ALB,
    "HTTPPort": 80,
    "HTTPSPort": 443,
    "OriginProtocolPolicy": "https-only",
}
PAYMENT_PROVIDER = f"arn:aws:bedrock-agentcore:us-west-2:{A}:token-vault/default/paymentcredentialprovider/my-payment-provider"
SECRET = f"arn:aws:secretsmanager:us-west-2:{A}:secret:bedrock-agentcore-identity!default/payment/my-payment-provider"
SERVICE_JOB = f"arn:aws:batch:us-west-2:{A}:service-job/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"
ALARM_MODEL = f"arn:aws:iotevents:ap-southeast-2:{A}:alarmModel/my-alarm-model"
PMA = f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/program-management-account/pma-a1b2c3d4e5f6g"

ROUND7A_D_ENTRIES: list[dict[str, Any]] = [
    untag_call(
        "ssm-quicksetup-2018-05-10",
        "awssystemsmanagerquicksetup",
        "ssm-quicksetup",
        "UntagResource",
        {"ResourceArn": QUICKSETUP, "TagKeys": ["team"]},
        QUICKSETUP,
        region="eu-west-3",
    ),
    untag_call(
        "iot-2015-05-28",
        "awsiot",
        "iot",
        "UntagResource",
        {"resourceArn": THING_GROUP, "tagKeys": ["team"]},
        THING_GROUP,
        region="cn-north-1",
    ),
    held(
        "glue-2017-03-31",
        "CreateDevEndpoint",
        "awsglue",
        record(
            "glue",
            "CreateDevEndpoint",
            {
                "endpointName": "my-dev-endpoint",
                "roleArn": f"arn:aws:iam::{A}:role/GlueDevEndpointRole",
                "numberOfNodes": 2,
                "tags": M,
            },
            {
                "endpointName": "my-dev-endpoint",
                "status": "PROVISIONING",
                "roleArn": f"arn:aws:iam::{A}:role/GlueDevEndpointRole",
                "numberOfNodes": 2,
                "createdTimestamp": "2024-06-01T12:00:00Z",
            },
            region="ap-northeast-1",
        ),
        change(f"arn:aws:glue:ap-northeast-1:{A}:devEndpoint/my-dev-endpoint", T),
        note="the development endpoint's ARN is its name's; the role is only named",
    ),
    held(
        "codestar-connections-2019-12-01",
        "CreateConnection",
        "awscodestarconnections",
        record(
            "codestar-connections",
            "CreateConnection",
            {"ProviderType": "GitHub", "ConnectionName": "my-github-connection", "Tags": kv(team="alpha")},
            {"ConnectionArn": CONNECTION, "Tags": kv(team="alpha")},
            region="us-west-2",
        ),
        change(CONNECTION, T),
    ),
    held(
        "appmesh-2019-01-25",
        "CreateRoute",
        "awsappmesh",
        record(
            "appmesh",
            "CreateRoute",
            {
                "meshName": "my-mesh",
                "virtualRouterName": "my-router",
                "routeName": "my-route",
                "spec": {
                    "httpRoute": {
                        "action": {"weightedTargets": [{"virtualNode": "serviceB", "weight": 100}]},
                        "match": {"prefix": "/"},
                    }
                },
                "tags": lkv(team="alpha"),
            },
            {
                "route": {
                    "meshName": "my-mesh",
                    "metadata": {
                        "arn": ROUTE,
                        "createdAt": "2024-06-01T12:00:00Z",
                        "lastUpdatedAt": "2024-06-01T12:00:00Z",
                        "meshOwner": A,
                        "resourceOwner": A,
                        "uid": "a1b2c3d4-5678-90ab-cdef-EXAMPLE55555",
                        "version": 1,
                    },
                    "routeName": "my-route",
                    "spec": {
                        "httpRoute": {
                            "action": {"weightedTargets": [{"virtualNode": "serviceB", "weight": 100}]},
                            "match": {"prefix": "/"},
                        }
                    },
                    "status": {"status": "ACTIVE"},
                    "virtualRouterName": "my-router",
                }
            },
            region="eu-west-1",
        ),
        change(ROUTE, T),
        note="the tags are the route's, not the virtual router's or the mesh's",
    ),
    held(
        "appfabric-2023-05-19",
        "CreateAppBundle",
        "awsappfabric",
        record(
            "appfabric",
            "CreateAppBundle",
            {"clientToken": "d4e5f6a7-8901-23de-f012-345678901234", "tags": lkv(team="alpha")},
            {"appBundle": {"arn": BUNDLE}},
            region="eu-west-1",
        ),
        change(BUNDLE, T),
    ),
    tag_call(
        "ecr-public-2020-10-30",
        "amazonelasticcontainerregistrypublic",
        "ecr-public",
        "TagResource",
        {"resourceArn": PUBLIC_REPO, "tags": kv(team="alpha")},
        PUBLIC_REPO,
    ),
    held(
        "inspector-2016-02-16",
        "CreateResourceGroup",
        "amazoninspector",
        record(
            "inspector",
            "CreateResourceGroup",
            {"resourceGroupTags": [{"key": "team", "value": "alpha"}]},
            {"resourceGroupArn": f"arn:aws:inspector:us-west-2:{A}:resourcegroup/0-AB6DMKnv"},
            region="us-west-2",
        ),
        note=(
            "no tag is written: the resource group's tags select the EC2 instances an assessment "
            "target takes in, and the reference lists no taggable resource group"
        ),
    ),
    untag_call(
        "evs-2023-07-27",
        "amazonelasticvmwareservice",
        "evs",
        "UntagResource",
        {"resourceArn": EVS, "tagKeys": ["team"]},
        EVS,
        region="us-east-2",
    ),
    untag_call(
        "application-autoscaling-2016-02-06",
        "awsapplicationautoscaling",
        "application-autoscaling",
        "UntagResource",
        {"ResourceARN": SCALABLE_TARGET, "TagKeys": ["team"]},
        SCALABLE_TARGET,
        region="eu-north-1",
    ),
    held(
        "cloudfront-2020-05-31",
        "CreateVpcOrigin",
        "amazoncloudfront",
        record(
            "cloudfront",
            "CreateVpcOrigin",
            {"VpcOriginEndpointConfig": ENDPOINT_CONFIG, "Tags": {"Items": kv(team="alpha")}},
            {
                "VpcOrigin": {
                    "Id": "vo_0123456789ABCDEFGHIJK",
                    "Arn": VPC_ORIGIN,
                    "AccountId": A,
                    "Status": "Deploying",
                    "CreatedTime": "2024-06-01T12:00:00Z",
                    "LastModifiedTime": "2024-06-01T12:00:00Z",
                    "VpcOriginEndpointConfig": ENDPOINT_CONFIG,
                },
                "Location": "https://cloudfront.amazonaws.com/2020-05-31/vpc-origin/vo_0123456789ABCDEFGHIJK",
                "ETag": "E2QWRUHEXAMPLE",
            },
        ),
        change(VPC_ORIGIN, T),
        note="the tags are the VPC origin's, not the load balancer's; its ARN has no region",
    ),
    held(
        "bedrock-agentcore-control-2023-06-05",
        "CreatePaymentCredentialProvider",
        "amazonbedrockagentcore",
        record(
            "bedrock-agentcore",
            "CreatePaymentCredentialProvider",
            {
                "name": "my-payment-provider",
                "credentialProviderVendor": "CoinbaseCDP",
                "providerConfigurationInput": {
                    "coinbaseCdpConfiguration": {
                        "apiKeyId": "organizations/abc/apiKeys/def",
                        "apiKeySecret": "HIDDEN_DUE_TO_SECURITY_REASONS",
                        "walletSecret": "HIDDEN_DUE_TO_SECURITY_REASONS",
                    }
                },
                "tags": M,
            },
            {
                "name": "my-payment-provider",
                "credentialProviderVendor": "CoinbaseCDP",
                "credentialProviderArn": PAYMENT_PROVIDER,
                "providerConfigurationOutput": {
                    "coinbaseCdpConfiguration": {
                        "apiKeyId": "organizations/abc/apiKeys/def",
                        "apiKeySecretArn": {"secretArn": f"{SECRET}-apikey-AbCdEf"},
                        "walletSecretArn": {"secretArn": f"{SECRET}-wallet-GhIjKl"},
                    }
                },
            },
            region="us-west-2",
        ),
        change(PAYMENT_PROVIDER, T),
        note="the tags are the credential provider's, not the secrets' the service keeps its credentials in",
    ),
    held(
        "batch-2016-08-10",
        "SubmitServiceJob",
        "awsbatch",
        record(
            "batch",
            "SubmitServiceJob",
            {
                "jobName": "my-training-job",
                "jobQueue": f"arn:aws:batch:us-west-2:{A}:job-queue/my-sagemaker-queue",
                "serviceRequestPayload": '{"TrainingJobName": "my-training-job"}',
                "serviceJobType": "SAGEMAKER_TRAINING",
                "tags": M,
            },
            {
                "jobArn": SERVICE_JOB,
                "jobName": "my-training-job",
                "jobId": "a1b2c3d4-5678-90ab-cdef-EXAMPLE44444",
            },
            region="us-west-2",
        ),
        change(SERVICE_JOB, T),
        note="the tags are the service job's, not the job queue's",
    ),
    held(
        "iotevents-2018-07-27",
        "CreateAlarmModel",
        "awsiotevents",
        record(
            "iotevents",
            "CreateAlarmModel",
            {
                "alarmModelName": "my-alarm-model",
                "roleArn": f"arn:aws:iam::{A}:role/IoTEventsAlarmRole",
                "alarmRule": {
                    "simpleRule": {
                        "inputProperty": "$input.TemperatureInput.sensorData.temperature",
                        "comparisonOperator": "GREATER",
                        "threshold": "70",
                    }
                },
                "tags": lkv(team="alpha"),
            },
            {
                "creationTime": "2024-06-01T12:00:00Z",
                "alarmModelArn": ALARM_MODEL,
                "alarmModelVersion": "1",
                "lastUpdateTime": "2024-06-01T12:00:00Z",
                "status": "ACTIVATING",
            },
            region="ap-southeast-2",
        ),
        change(ALARM_MODEL, T),
    ),
    tag_call(
        "partnercentral-channel-2024-03-18",
        "awspartnercentral",
        "partnercentral-channel",
        "TagResource",
        {"resourceArn": PMA, "tags": lkv(team="alpha")},
        PMA,
    ),
]
