"""Held-out corpus, round seven, part A: operations drawn at random after round six's fixes and
measured before any further fix. The draw (``random.seed(20261205)``, ``python -m tests.core.normalize.draw_heldout 20261205 120 7``): the
catalogued operations no corpus had after round six (1,688 over 282 event sources), grouped by
event source; 120 event sources drawn with ``random.sample`` over the sorted sources, then one
operation of each with ``random.choice`` over its sorted operations. Part A is draws 1 to 60 (this
file and heldout7a_sampled_b.py to _d.py, in the draw's order); part B, 61 to 120,
was written by another hand. 58 written, two skipped because their reference does not say where
the tags land:

- Application Migration Service ``TerminateTargetInstances`` (draw 45): its ``tags`` member is
  documented only as "Terminate Target instance by Tags", which may as well select the instances
  as tag the job the call starts;
- Partner Central ``StartEngagementFromOpportunityTask`` (draw 40): the call runs several
  operations (CreateEngagement, CreateResourceSnapshot, CreateResourceSnapshotJob,
  CreateEngagementInvitation, SubmitOpportunity) and its ``Tags`` are only "the tag or tags to
  assign", without saying to which of the resources made, or to the task.

One record expects no change at all: Inspector (classic) ``CreateResourceGroup`` takes tags that
select EC2 instances and writes none (draw 53). Written as rounds four to six were, from the API reference and the Service Authorization
Reference, without looking at the catalog entries of the drawn operations. Query- and JSON-1.1
services whose CloudTrail records carry lower-camel-case members (ElastiCache, Elastic Load
Balancing, CloudFormation, IAM, DMS, EMR, Glue, Athena, Kendra, Transcribe) are written so, as
the earlier rounds wrote them.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, tags
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

UUID1 = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
UUID2 = "b2c3d4e5-6789-01bc-def0-EXAMPLE22222"
COMPONENT = f"arn:aws:amplifyuibuilder:eu-west-1:{A}:app/d2ab3example/environment/staging/components/{UUID1}"
RAM_PERMISSION = f"arn:aws-cn:ram:cn-north-1:{A}:permission/MySubnetPermission"
EXTENSION = f"arn:aws:appconfig:us-west-2:{A}:extension/ab1c2de/1"
NLB = f"arn:aws-us-gov:elasticloadbalancing:us-gov-west-1:{A}:loadbalancer/net/my-nlb/1234567890abcdef"
SMS_TEMPLATE = f"arn:aws:mobiletargeting:eu-central-1:{A}:templates/my-sms-template/SMS"
RUM = f"arn:aws:rum:ap-northeast-1:{A}:appmonitor/my-app-monitor"
REPORT_GROUP = f"arn:aws-us-gov:codebuild:us-gov-west-1:{A}:report-group/my-report-group"
PRICING_RULE = f"arn:aws:billingconductor::{A}:pricingrule/a1b2c3d4e5"
STATE_TEMPLATE = f"arn:aws:iotfleetwise:eu-central-1:{A}:state-template/A1B2C3D4E5F6G7H8"
DATABREW = f"arn:aws:databrew:ap-southeast-2:{A}:dataset/my-dataset"
APPFLOW = f"arn:aws:appflow:us-west-2:{A}:flow/my-flow"
QAPP = f"arn:aws:qapps:us-east-1:{A}:application/{UUID1}/qapp/{UUID2}"

ROUND7A_ENTRIES: list[dict[str, Any]] = [
    held(
        "amplifyuibuilder-2021-08-11",
        "CreateComponent",
        "awsamplifyuibuilder",
        record(
            "amplifyuibuilder",
            "CreateComponent",
            {
                "appId": "d2ab3example",
                "environmentName": "staging",
                "componentToCreate": {
                    "name": "ProfileCard",
                    "componentType": "Flex",
                    "properties": {},
                    "variants": [],
                    "overrides": {},
                    "bindingProperties": {},
                    "tags": M,
                },
            },
            {
                "entity": {
                    "appId": "d2ab3example",
                    "environmentName": "staging",
                    "id": UUID1,
                    "name": "ProfileCard",
                    "componentType": "Flex",
                    "properties": {},
                    "variants": [],
                    "overrides": {},
                    "bindingProperties": {},
                    "createdAt": "2024-06-01T12:00:00Z",
                    "tags": M,
                }
            },
            region="eu-west-1",
        ),
        change(COMPONENT, T),
        note="the tags are the component's, not the app's; its id is the response's",
    ),
    held(
        "ram-2018-01-04",
        "CreatePermission",
        "awsresourceaccessmanagerram",
        record(
            "ram",
            "CreatePermission",
            {
                "name": "MySubnetPermission",
                "resourceType": "ec2:Subnet",
                "policyTemplate": '{"Effect": "Allow", "Action": ["ec2:DescribeSubnets"]}',
                "tags": tags(team="alpha"),
            },
            {
                "permission": {
                    "arn": RAM_PERMISSION,
                    "version": "1",
                    "defaultVersion": True,
                    "name": "MySubnetPermission",
                    "resourceType": "ec2:Subnet",
                    "status": "ATTACHABLE",
                    "permissionType": "CUSTOMER_MANAGED",
                    "featureSet": "STANDARD",
                    "tags": tags(team="alpha"),
                },
                "clientToken": "a1b2c3d4",
            },
            region="cn-north-1",
        ),
        change(RAM_PERMISSION, T),
        note="a customer managed permission is regional (its ARN holds the region)",
    ),
    held(
        "appconfig-2019-10-09",
        "CreateExtension",
        "awsappconfig",
        record(
            "appconfig",
            "CreateExtension",
            {
                "Name": "my-extension",
                "Actions": {
                    "PRE_CREATE_HOSTED_CONFIGURATION_VERSION": [
                        {
                            "Name": "validate",
                            "Uri": f"arn:aws:lambda:us-west-2:{A}:function:my-validator",
                            "RoleArn": f"arn:aws:iam::{A}:role/AppConfigExtensionRole",
                        }
                    ]
                },
                "Tags": M,
            },
            {
                "Id": "ab1c2de",
                "Name": "my-extension",
                "VersionNumber": 1,
                "Arn": EXTENSION,
                "Actions": {
                    "PRE_CREATE_HOSTED_CONFIGURATION_VERSION": [
                        {
                            "Name": "validate",
                            "Uri": f"arn:aws:lambda:us-west-2:{A}:function:my-validator",
                            "RoleArn": f"arn:aws:iam::{A}:role/AppConfigExtensionRole",
                        }
                    ]
                },
            },
            region="us-west-2",
        ),
        change(EXTENSION, T),
        note="the tags are the extension's, not the Lambda function's or the role's",
    ),
    held(
        "apigateway-2015-07-09",
        "CreateVpcLink",
        "amazonapigatewaymanagement",
        record(
            "apigateway",
            "CreateVpcLink",
            {"name": "my-vpc-link", "targetArns": [NLB], "tags": M},
            {"id": "gim7c3", "name": "my-vpc-link", "targetArns": [NLB], "status": "PENDING", "tags": M},
            region="us-gov-west-1",
        ),
        change("arn:aws-us-gov:apigateway:us-gov-west-1::/vpclinks/gim7c3", T),
        note="the tags are the VPC link's, not the Network Load Balancer's",
    ),
    held(
        "pinpoint-2016-12-01",
        "CreateSmsTemplate",
        "amazonpinpoint",
        record(
            "pinpoint",
            "CreateSmsTemplate",
            {
                "TemplateName": "my-sms-template",
                "SMSTemplateRequest": {"Body": "Your code is {{Code}}", "tags": M},
            },
            {
                "CreateTemplateMessageBody": {
                    "Arn": SMS_TEMPLATE,
                    "Message": "Created",
                    "RequestID": "a1b2c3d4-5678-90ab-cdef-EXAMPLE33333",
                }
            },
            region="eu-central-1",
        ),
        change(SMS_TEMPLATE, T),
    ),
    untag_call(
        "rum-2018-05-10",
        "awscloudwatchrum",
        "rum",
        "UntagResource",
        {"ResourceArn": RUM, "TagKeys": ["team"]},
        RUM,
        region="ap-northeast-1",
    ),
    held(
        "elasticache-2015-02-02",
        "CreateCacheSubnetGroup",
        "amazonelasticache",
        record(
            "elasticache",
            "CreateCacheSubnetGroup",
            {
                "cacheSubnetGroupName": "my-subnet-group",
                "cacheSubnetGroupDescription": "cache subnets",
                "subnetIds": ["subnet-0123456789abcdef0"],
                "tags": kv(team="alpha"),
            },
            {
                "cacheSubnetGroupName": "my-subnet-group",
                "cacheSubnetGroupDescription": "cache subnets",
                "vpcId": "vpc-0123456789abcdef0",
                "subnets": [
                    {
                        "subnetIdentifier": "subnet-0123456789abcdef0",
                        "subnetAvailabilityZone": {"name": "cn-northwest-1a"},
                    }
                ],
                "ARN": f"arn:aws-cn:elasticache:cn-northwest-1:{A}:subnetgroup:my-subnet-group",
            },
            region="cn-northwest-1",
        ),
        change(f"arn:aws-cn:elasticache:cn-northwest-1:{A}:subnetgroup:my-subnet-group", T),
    ),
    held(
        "codebuild-2016-10-06",
        "CreateReportGroup",
        "awscodebuild",
        record(
            "codebuild",
            "CreateReportGroup",
            {
                "name": "my-report-group",
                "type": "TEST",
                "exportConfig": {"exportConfigType": "NO_EXPORT"},
                "tags": tags(team="alpha"),
            },
            {
                "reportGroup": {
                    "arn": REPORT_GROUP,
                    "name": "my-report-group",
                    "type": "TEST",
                    "exportConfig": {"exportConfigType": "NO_EXPORT"},
                    "created": "2024-06-01T12:00:00Z",
                    "tags": tags(team="alpha"),
                    "status": "ACTIVE",
                }
            },
            region="us-gov-west-1",
        ),
        change(REPORT_GROUP, T),
    ),
    held(
        "transcribe-2017-10-26",
        "StartMedicalScribeJob",
        "amazontranscribe",
        record(
            "transcribe",
            "StartMedicalScribeJob",
            {
                "medicalScribeJobName": "my-scribe-job",
                "media": {"mediaFileUri": "s3://amzn-s3-demo-bucket/conversation.wav"},
                "outputBucketName": "amzn-s3-demo-destination-bucket",
                "dataAccessRoleArn": f"arn:aws:iam::{A}:role/HealthScribeAccess",
                "settings": {"showSpeakerLabels": True, "maxSpeakerLabels": 2},
                "tags": kv(team="alpha"),
            },
            {
                "medicalScribeJob": {
                    "medicalScribeJobName": "my-scribe-job",
                    "medicalScribeJobStatus": "IN_PROGRESS",
                    "languageCode": "en-US",
                    "media": {"mediaFileUri": "s3://amzn-s3-demo-bucket/conversation.wav"},
                    "startTime": "2024-06-01T12:00:00Z",
                    "creationTime": "2024-06-01T12:00:00Z",
                    "dataAccessRoleArn": f"arn:aws:iam::{A}:role/HealthScribeAccess",
                    "tags": kv(team="alpha"),
                }
            },
        ),
        change(f"arn:aws:transcribe:us-east-1:{A}:medical-scribe-job/my-scribe-job", T),
        note="the job's ARN is its name's; the role and the buckets are only named",
    ),
    held(
        "billingconductor-2021-07-30",
        "CreatePricingRule",
        "awsbillingconductor",
        record(
            "billingconductor",
            "CreatePricingRule",
            {"Name": "markup-10", "Scope": "GLOBAL", "Type": "MARKUP", "ModifierPercentage": 10, "Tags": M},
            {"Arn": PRICING_RULE},
        ),
        change(PRICING_RULE, T),
        note="a pricing rule's ARN has no region",
    ),
    held(
        "iotfleetwise-2021-06-17",
        "CreateStateTemplate",
        "awsiotfleetwise",
        record(
            "iotfleetwise",
            "CreateStateTemplate",
            {
                "name": "my-state-template",
                "signalCatalogArn": f"arn:aws:iotfleetwise:eu-central-1:{A}:signal-catalog/my-catalog",
                "stateTemplateProperties": ["Vehicle.Speed"],
                "tags": kv(team="alpha"),
            },
            {"name": "my-state-template", "arn": STATE_TEMPLATE, "id": "A1B2C3D4E5F6G7H8"},
            region="eu-central-1",
        ),
        change(STATE_TEMPLATE, T),
        note="the tags are the state template's, not the signal catalog's",
    ),
    untag_call(
        "databrew-2017-07-25",
        "awsgluedatabrew",
        "databrew",
        "UntagResource",
        {"ResourceArn": DATABREW, "TagKeys": ["team"]},
        DATABREW,
        region="ap-southeast-2",
    ),
    untag_call(
        "appflow-2020-08-23",
        "amazonappflow",
        "appflow",
        "UntagResource",
        {"resourceArn": APPFLOW, "tagKeys": ["team"]},
        APPFLOW,
        region="us-west-2",
    ),
    tag_call(
        "qapps-2023-11-27",
        "amazonqbusinessqapps",
        "qapps",
        "TagResource",
        {"resourceARN": QAPP, "tags": M},
        QAPP,
    ),
]
