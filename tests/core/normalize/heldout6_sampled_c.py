"""Held-out corpus, round six (continued): see tests/core/normalize/heldout6_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record, unresolved
from tests.core.normalize.heldout6_sampled import M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import held, kv

SUBSCRIPTION = f"arn:aws:eks:us-west-2:{A}:eks-anywhere-subscription/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
PAYKEY = f"arn:aws:payment-cryptography:us-east-2:{A}:key/kwapwa6qaifllw2h"
SERVERLESS = f"arn:aws:emr-serverless:us-east-1:{A}:/applications/00f1abcdefghij0k"
RATE_RULE = f"arn:aws:waf-regional:eu-west-1:{A}:ratebasedrule/a1b2c3d4-5678-90ab-cdef-EXAMPLE22222"
POOL = f"arn:aws:cognito-identity:us-east-1:{A}:identitypool/us-east-1:a1b2c3d4-5678-90ab-cdef-EXAMPLE33333"
AMPLIFY = f"arn:aws:amplify:us-east-1:{A}:apps/d2ab3example"
SESSION = f"arn:aws:bedrock:us-east-1:{A}:session/a1b2c3d4-5678-90ab-cdef-EXAMPLE44444"
GATEWAY = f"arn:aws:backup-gateway:us-east-1:{A}:gateway/bgw-0123456789ABCDEF"
COLLECTION = f"arn:aws:geo:eu-west-1:{A}:geofence-collection/my-collection"
ROOM = f"arn:aws:ivschat:us-west-2:{A}:room/g1H2I3j4k5L6"

ROUND6_C_ENTRIES: list[dict[str, Any]] = [
    held(
        "eks-2017-11-01",
        "CreateEksAnywhereSubscription",
        "amazonelastickubernetesservice",
        record(
            "eks",
            "CreateEksAnywhereSubscription",
            {
                "name": "my-subscription",
                "term": {"duration": 12, "unit": "MONTHS"},
                "licenseQuantity": 1,
                "tags": M,
            },
            {
                "subscription": {
                    "id": "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
                    "arn": SUBSCRIPTION,
                    "licenseQuantity": 1,
                    "licenseType": "Cluster",
                    "term": {"duration": 12, "unit": "MONTHS"},
                    "status": "CREATING",
                    "autoRenew": False,
                    "tags": M,
                }
            },
            region="us-west-2",
        ),
        change(SUBSCRIPTION, T),
    ),
    untag_call(
        "payment-cryptography-2021-09-14",
        "awspaymentcryptography",
        "payment-cryptography",
        "UntagResource",
        {"ResourceArn": PAYKEY, "TagKeys": ["team"]},
        PAYKEY,
        region="us-east-2",
    ),
    untag_call(
        "emr-serverless-2021-07-13",
        "amazonemrserverless",
        "emr-serverless",
        "UntagResource",
        {"resourceArn": SERVERLESS, "tagKeys": ["team"]},
        SERVERLESS,
    ),
    untag_call(
        "waf-regional-2016-11-28",
        "awswafregional",
        "waf-regional",
        "UntagResource",
        {"ResourceARN": RATE_RULE, "TagKeys": ["team"]},
        RATE_RULE,
        region="eu-west-1",
    ),
    held(
        "frauddetector-2019-11-15",
        "PutEventType",
        "amazonfrauddetector",
        record(
            "frauddetector",
            "PutEventType",
            {
                "name": "sample_registration",
                "eventVariables": ["ip_address", "email_address"],
                "entityTypes": ["customer"],
                "tags": [{"key": "team", "value": "alpha"}],
            },
            {},
        ),
        change(f"arn:aws:frauddetector:us-east-1:{A}:event-type/sample_registration", T),
        note="the event type's ARN is its name's; the variables and entity types are only named",
    ),
    untag_call(
        "cognito-identity-2014-06-30",
        "amazoncognitoidentity",
        "cognito-identity",
        "UntagResource",
        {"ResourceArn": POOL, "TagKeys": ["team"]},
        POOL,
    ),
    untag_call(
        "amplify-2017-07-25",
        "awsamplify",
        "amplify",
        "UntagResource",
        {"resourceArn": AMPLIFY, "tagKeys": ["team"]},
        AMPLIFY,
    ),
    held(
        "bedrock-agent-runtime-2023-07-26",
        "UntagResource",
        "amazonbedrock",
        record("bedrock", "UntagResource", {"resourceArn": SESSION, "tagKeys": ["team"]}),
        change(SESSION, removed=("team",)),
        note="Bedrock's agent runtime is logged under bedrock.amazonaws.com, as its runtime API is",
    ),
    tag_call(
        "backup-gateway-2021-01-01",
        "awsbackupgateway",
        "backup-gateway",
        "TagResource",
        {"ResourceARN": GATEWAY, "Tags": kv(team="alpha")},
        GATEWAY,
    ),
    held(
        "s3control-2018-08-20",
        "PutStorageLensConfigurationTagging",
        "amazons3",
        record(
            "s3",
            "PutStorageLensConfigurationTagging",
            {"ConfigId": "my-dashboard", "AccountId": A, "Tags": kv(team="alpha")},
        ),
        change(f"arn:aws:s3:us-east-1:{A}:storage-lens/my-dashboard", T),
    ),
    held(
        "guardduty-2017-11-28",
        "CreateTrustedEntitySet",
        "amazonguardduty",
        record(
            "guardduty",
            "CreateTrustedEntitySet",
            {
                "detectorId": "12abc34d567e8fa901bc2d34e56789f0",
                "name": "my-trusted-entities",
                "format": "TXT",
                "location": "s3://amzn-s3-demo-bucket/trusted.txt",
                "activate": True,
                "tags": M,
            },
            {"trustedEntitySetId": "0ab1cd2ef3a4b5c6d7e8f9a0b1c2d3e4"},
        ),
        change(
            f"arn:aws:guardduty:us-east-1:{A}:detector/12abc34d567e8fa901bc2d34e56789f0/"
            "trustedentityset/0ab1cd2ef3a4b5c6d7e8f9a0b1c2d3e4",
            T,
        ),
        note="the tags are the entity set's, not the detector's",
    ),
    held(
        "location-2020-11-19",
        "CreateGeofenceCollection",
        "amazonlocation",
        record(
            "geo",
            "CreateGeofenceCollection",
            {"CollectionName": "my-collection", "Tags": M},
            {
                "CollectionName": "my-collection",
                "CollectionArn": COLLECTION,
                "CreateTime": "2024-06-01T12:00:00Z",
            },
            region="eu-west-1",
        ),
        change(COLLECTION, T),
    ),
    held(
        "servicecatalog-2015-12-10",
        "ProvisionProduct",
        "awsservicecatalog",
        record(
            "servicecatalog",
            "ProvisionProduct",
            {
                "productId": "prod-abcdefghijklm",
                "provisioningArtifactId": "pa-abcdefghijklm",
                "provisionedProductName": "my-provisioned-product",
                "provisionToken": "a1b2c3d4",
                "tags": kv(team="alpha"),
            },
            {
                "recordDetail": {
                    "recordId": "rec-abcdefghijklm",
                    "provisionedProductName": "my-provisioned-product",
                    "status": "CREATED",
                    "provisionedProductType": "CFN_STACK",
                    "recordType": "PROVISION_PRODUCT",
                    "provisionedProductId": "pp-abcdefghijklm",
                    "productId": "prod-abcdefghijklm",
                    "provisioningArtifactId": "pa-abcdefghijklm",
                    "recordTags": kv(team="alpha"),
                }
            },
        ),
        unresolved("", T),
        note="the reference has no ARN format for a provisioned product; the product is only named",
    ),
    held(
        "ivschat-2020-07-14",
        "CreateRoom",
        "amazoninteractivevideoservicechat",
        record(
            "ivschat",
            "CreateRoom",
            {"name": "my-room", "tags": M},
            {
                "arn": ROOM,
                "id": "g1H2I3j4k5L6",
                "name": "my-room",
                "createTime": "2024-06-01T12:00:00Z",
                "maximumMessageRatePerSecond": 10,
                "maximumMessageLength": 500,
                "tags": M,
            },
            region="us-west-2",
        ),
        change(ROOM, T),
    ),
    held(
        "sesv2-2019-09-27",
        "CreateContactList",
        "amazonpinpointemailservice",
        record(
            "ses",
            "CreateContactList",
            {
                "ContactListName": "my-list",
                "Topics": [
                    {"TopicName": "news", "DisplayName": "News", "DefaultSubscriptionStatus": "OPT_OUT"}
                ],
                "Tags": kv(team="alpha"),
            },
            {},
        ),
        change(f"arn:aws:ses:us-east-1:{A}:contact-list/my-list", T),
    ),
    held(
        "deadline-2023-10-12",
        "CreateLicenseEndpoint",
        "awsdeadlinecloud",
        record(
            "deadline",
            "CreateLicenseEndpoint",
            {
                "vpcId": "vpc-0123456789abcdef0",
                "subnetIds": ["subnet-0123456789abcdef0"],
                "securityGroupIds": ["sg-0123456789abcdef0"],
                "tags": M,
            },
            {"licenseEndpointId": "le-0123456789abcdef0123456789abcdef"},
        ),
        change(f"arn:aws:deadline:us-east-1:{A}:license-endpoint/le-0123456789abcdef0123456789abcdef", T),
        note="the tags are the license endpoint's, not the VPC's",
    ),
]
