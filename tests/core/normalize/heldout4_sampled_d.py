"""Held-out corpus, round four (continued): see tests/core/normalize/heldout4_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved, values
from tests.core.normalize.heldout_builders import held, kv, lkv

T = values(team="alpha")
M = {"team": "alpha"}
GONE = ("team",)
MEMBERSHIP = "1234abcd-12ab-34cd-56ef-1234567890ab"


ROUND4_D_ENTRIES: list[dict[str, Any]] = [
    held(
        "billing-2023-09-07",
        "TagResource",
        "awsbilling",
        record(
            "billing",
            "TagResource",
            {
                "resourceArn": f"arn:aws:billing::{A}:billingview/custom-a1b2c3d4-5678-90ab-cdef-EXAMPLE10101",
                "resourceTags": lkv(team="alpha"),
            },
        ),
        change(f"arn:aws:billing::{A}:billingview/custom-a1b2c3d4-5678-90ab-cdef-EXAMPLE10101", T),
    ),
    held(
        "cleanroomsml-2023-09-06",
        "StartTrainedModelInferenceJob",
        "awscleanroomsml",
        record(
            "cleanrooms-ml",
            "StartTrainedModelInferenceJob",
            {
                "membershipIdentifier": MEMBERSHIP,
                "name": "my-inference-job",
                "trainedModelArn": f"arn:aws:cleanrooms-ml:us-east-1:{A}:membership/{MEMBERSHIP}/trained-model/a1b2c3d4-5678-90ab-cdef-EXAMPLE20202",
                "resourceConfig": {"instanceType": "ml.m5.xlarge", "instanceCount": 1},
                "outputConfiguration": {"members": [{"accountId": A}]},
                "dataSource": {
                    "mlInputChannelArn": f"arn:aws:cleanrooms-ml:us-east-1:{A}:membership/{MEMBERSHIP}/ml-input-channel/a1b2c3d4-5678-90ab-cdef-EXAMPLE30303"
                },
                "tags": M,
            },
            {
                "trainedModelInferenceJobArn": f"arn:aws:cleanrooms-ml:us-east-1:{A}:membership/{MEMBERSHIP}/trained-model-inference-job/a1b2c3d4-5678-90ab-cdef-EXAMPLE40404"
            },
        ),
        change(
            f"arn:aws:cleanrooms-ml:us-east-1:{A}:membership/{MEMBERSHIP}/trained-model-inference-job/a1b2c3d4-5678-90ab-cdef-EXAMPLE40404",
            T,
        ),
        note="the request names a trained model and an input channel by ARN; the tags are the job's",
    ),
    held(
        "iotfleetwise-2021-06-17",
        "CreateFleet",
        "awsiotfleetwise",
        record(
            "iotfleetwise",
            "CreateFleet",
            {
                "fleetId": "my-fleet",
                "signalCatalogArn": f"arn:aws:iotfleetwise:eu-central-1:{A}:signal-catalog/my-catalog",
                "tags": kv(team="alpha"),
            },
            {"id": "my-fleet", "arn": f"arn:aws:iotfleetwise:eu-central-1:{A}:fleet/my-fleet"},
            region="eu-central-1",
        ),
        change(f"arn:aws:iotfleetwise:eu-central-1:{A}:fleet/my-fleet", T),
    ),
    held(
        "invoicing-2024-12-01",
        "CreateInvoiceUnit",
        "awsinvoicingservice",
        record(
            "invoicing",
            "CreateInvoiceUnit",
            {
                "Name": "my-unit",
                "InvoiceReceiver": A,
                "Rule": {"LinkedAccounts": ["444455556666"]},
                "ResourceTags": kv(team="alpha"),
            },
            {"InvoiceUnitArn": f"arn:aws:invoicing::{A}:invoice-unit/12345678"},
        ),
        change(f"arn:aws:invoicing::{A}:invoice-unit/12345678", T),
    ),
    held(
        "monitoring-2010-08-01",
        "PutManagedInsightRules",
        "amazoncloudwatch",
        record(
            "monitoring",
            "PutManagedInsightRules",
            {
                "ManagedRules": [
                    {
                        "TemplateName": "VpcEndpointService-NewConnectionsByEndpointId-v1",
                        "ResourceARN": f"arn:aws:ec2:us-east-1:{A}:vpc-endpoint-service/vpce-svc-0123456789abcdef0",
                        "Tags": kv(team="alpha"),
                    }
                ]
            },
            {"failures": []},
        ),
        unresolved("", T),
        note="the managed rule's name is not in the record; the ARN in the element is the watched "
        "resource's, not the rule's",
    ),
    held(
        "s3control-2018-08-20",
        "PutJobTagging",
        "amazons3",
        record(
            "s3",
            "PutJobTagging",
            {
                "AccountId": A,
                "JobId": "00e123a4-c0d8-41f4-a0eb-b46f9ba5b07c",
                "Tags": kv(team="alpha"),
            },
            region="eu-west-2",
        ),
        change(f"arn:aws:s3:eu-west-2:{A}:job/00e123a4-c0d8-41f4-a0eb-b46f9ba5b07c", T),
        note="replaces the job's tags",
    ),
    held(
        "inspector2-2020-06-08",
        "CreateCisScanConfiguration",
        "amazoninspector2",
        record(
            "inspector2",
            "CreateCisScanConfiguration",
            {
                "scanName": "my-cis-scan",
                "securityLevel": "LEVEL_1",
                "schedule": {"oneTime": {}},
                "targets": {"accountIds": [A], "targetResourceTags": {"env": ["prod"]}},
                "tags": M,
            },
            {
                "scanConfigurationArn": f"arn:aws:inspector2:us-east-1:{A}:owner/{A}/cis-configuration/a1b2c3d4-5678-90ab-cdef-EXAMPLE50505"
            },
        ),
        change(
            f"arn:aws:inspector2:us-east-1:{A}:owner/{A}/cis-configuration/a1b2c3d4-5678-90ab-cdef-EXAMPLE50505",
            T,
        ),
        note="targetResourceTags select the scanned instances; they are not tags of the configuration",
    ),
    held(
        "route53resolver-2018-04-01",
        "CreateResolverEndpoint",
        "amazonroute53resolver",
        record(
            "route53resolver",
            "CreateResolverEndpoint",
            {
                "CreatorRequestId": "1234567890",
                "Name": "my-endpoint",
                "SecurityGroupIds": ["sg-12345678"],
                "Direction": "INBOUND",
                "IpAddresses": [{"SubnetId": "subnet-12345678"}, {"SubnetId": "subnet-23456789"}],
                "Tags": kv(team="alpha"),
            },
            {
                "ResolverEndpoint": {
                    "Id": "rslvr-in-fdc049932dexample",
                    "Arn": f"arn:aws:route53resolver:ap-southeast-1:{A}:resolver-endpoint/rslvr-in-fdc049932dexample",
                    "Name": "my-endpoint",
                    "Direction": "INBOUND",
                    "Status": "CREATING",
                }
            },
            region="ap-southeast-1",
        ),
        change(f"arn:aws:route53resolver:ap-southeast-1:{A}:resolver-endpoint/rslvr-in-fdc049932dexample", T),
    ),
    held(
        "iotevents-2018-07-27",
        "TagResource",
        "awsiotevents",
        record(
            "iotevents",
            "TagResource",
            {
                "resourceArn": f"arn:aws:iotevents:us-east-1:{A}:detectorModel/motorDetectorModel",
                "tags": lkv(team="alpha"),
            },
        ),
        change(f"arn:aws:iotevents:us-east-1:{A}:detectorModel/motorDetectorModel", T),
    ),
    held(
        "sagemaker-geospatial-2020-05-27",
        "StartEarthObservationJob",
        "amazonsagemakergeospatialcapabilities",
        record(
            "sagemaker-geospatial",
            "StartEarthObservationJob",
            {
                "ExecutionRoleArn": f"arn:aws:iam::{A}:role/GeospatialRole",
                "InputConfig": {
                    "RasterDataCollectionQuery": {
                        "RasterDataCollectionArn": "arn:aws:sagemaker-geospatial:us-west-2:378778860802:raster-data-collection/public/nmqj48dcu3g7ayw8",
                        "TimeRangeFilter": {
                            "StartTime": "2023-01-01T00:00:00Z",
                            "EndTime": "2023-01-31T00:00:00Z",
                        },
                    }
                },
                "JobConfig": {"CloudMaskingConfig": {}},
                "Name": "my-eoj",
                "Tags": M,
            },
            {
                "Arn": f"arn:aws:sagemaker-geospatial:us-west-2:{A}:earth-observation-job/kj2h5y4xqklp",
                "Name": "my-eoj",
                "Status": "INITIALIZING",
            },
            region="us-west-2",
        ),
        change(f"arn:aws:sagemaker-geospatial:us-west-2:{A}:earth-observation-job/kj2h5y4xqklp", T),
    ),
    held(
        "accessanalyzer-2019-11-01",
        "UntagResource",
        "awsiamaccessanalyzer",
        record(
            "access-analyzer",
            "UntagResource",
            {
                "resourceArn": f"arn:aws:access-analyzer:us-east-1:{A}:analyzer/my-analyzer",
                "tagKeys": ["team"],
            },
        ),
        change(f"arn:aws:access-analyzer:us-east-1:{A}:analyzer/my-analyzer", removed=GONE),
    ),
    held(
        "partnercentral-selling-2022-07-26",
        "TagResource",
        "awspartnercentral",
        record(
            "partnercentral-selling",
            "TagResource",
            {
                "ResourceArn": f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/opportunity/O1234567",
                "Tags": kv(team="alpha"),
            },
        ),
        change(f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/opportunity/O1234567", T),
    ),
    held(
        "eks-2017-11-01",
        "CreateCapability",
        "amazonelastickubernetesservice",
        record(
            "eks",
            "CreateCapability",
            {
                "capabilityName": "my-argocd",
                "clusterName": "my-cluster",
                "type": "ARGOCD",
                "roleArn": f"arn:aws:iam::{A}:role/ArgoCDRole",
                "deletePropagationPolicy": "RETAIN",
                "tags": M,
            },
            {
                "capability": {
                    "capabilityName": "my-argocd",
                    "arn": f"arn:aws:eks:us-west-2:{A}:capability/my-cluster/argocd/my-argocd/a1b2c3d4-5678-90ab-cdef-EXAMPLE60606",
                    "clusterName": "my-cluster",
                    "type": "ARGOCD",
                    "status": "CREATING",
                    "tags": M,
                }
            },
            region="us-west-2",
        ),
        change(
            f"arn:aws:eks:us-west-2:{A}:capability/my-cluster/argocd/my-argocd/a1b2c3d4-5678-90ab-cdef-EXAMPLE60606",
            T,
        ),
        note="the tags are the capability's, not the cluster's",
    ),
]
