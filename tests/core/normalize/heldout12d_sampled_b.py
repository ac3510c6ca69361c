"""Held-out corpus, round twelve, part D's second file: draws 89 to 100 of round twelve's draw,
written as the first file (heldout12d_sampled.py, whose docstring says how the round was drawn and
written) was, from the API reference and the Service Authorization Reference, without seeing the
catalog or the normalizer's output. No drawn operation was skipped.

Expectations a reader may question (each note says why):

- MSK ``CreateVpcConnection`` (draw 89), in aws-cn: the connection's ARN holds the caller's (VPC
  owner's) account and then the target cluster's owner and name
  (``vpc-connection/${ClusterOwnerAccount}/${ClusterName}/${Uuid}``); the cluster is another
  account's and gets no tags.
- Security Hub ``CreateConfigurationPolicy`` (draw 91), in aws-us-gov: the ARN is built from the
  policy's id (``configuration-policy/<id>``), which the response's ``Id`` and ``Arn`` both give.
- Q Business ``CreateWebExperience`` (draw 92): the ARN names the application
  (``application/<application-id>/web-experience/<id>``).
- AWS Marketplace Catalog ``TagResource`` (draw 94): an entity's ARN is
  ``<catalog>/<entity-type>/<id>`` (``AWSMarketplace/SaaSProduct/prod-...``), in us-east-1.
- Partner Central channel ``CreateProgramManagementAccount`` (draw 97): the Service Authorization
  Reference lists the type under the prefix ``partnercentral``
  (``catalog/${Catalog}/program-management-account/${Identifier}``); the response's ``arn`` is
  expected, written in that format. The catalog ``AWS`` is the production one.
- MediaPackage VOD ``CreatePackagingConfiguration`` (draw 98): members under their wire names
  (``id``, ``packagingGroupId``, ``arn``) as CloudTrail records REST-JSON calls.
- Kendra ``CreateFeaturedResultsSet`` (draw 99): the response holds the set's id only; the ARN is
  built from the index id and it (``index/<index-id>/featured-results-set/<id>``).
- WorkSpaces ``CreateWorkspaceImage`` (draw 100), in aws-cn: the tags land on the new image
  (``workspaceimage/<ImageId>``), not on the WorkSpace it was made from.
"""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, tag_call, untag_call
from tests.core.normalize.heldout_builders import OTHER_ACCOUNT, held, kv, lkv

MSK_CLUSTER = (
    f"arn:aws-cn:kafka:cn-northwest-1:{OTHER_ACCOUNT}:cluster/orders-cluster/"
    "a1b2c3d4-5678-90ab-cdef-EXAMPLE77777-3"
)
VPC_CONNECTION = (
    f"arn:aws-cn:kafka:cn-northwest-1:{A}:vpc-connection/{OTHER_ACCOUNT}/orders-cluster/"
    "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b-2"
)
PAYMENT_KEY = f"arn:aws:payment-cryptography:us-east-2:{A}:key/kwapwa6qaifllw2h"
POLICY_ID = "a1b2c3d4-5678-90ab-cdef-EXAMPLE88888"
POLICY = f"arn:aws-us-gov:securityhub:us-gov-west-1:{A}:configuration-policy/{POLICY_ID}"
Q_APP_ID = "9b8a7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d"
Q_EXPERIENCE_ID = "3e4f5a6b-7c8d-4e9f-0a1b-2c3d4e5f6a7b"
Q_EXPERIENCE = f"arn:aws:qbusiness:ap-southeast-2:{A}:application/{Q_APP_ID}/web-experience/{Q_EXPERIENCE_ID}"
SMB_LOCATION = f"arn:aws-cn:datasync:cn-north-1:{A}:location/loc-0f01451b140b2af49"
AGENT = f"arn:aws-cn:datasync:cn-north-1:{A}:agent/agent-0b0addbeef44baca3"
PRODUCT = f"arn:aws:aws-marketplace:us-east-1:{A}:AWSMarketplace/SaaSProduct/prod-o5y2ra3gaugvk"
OUTPOST = f"arn:aws-us-gov:outposts:us-gov-west-1:{A}:outpost/op-0ab23c4567EXAMPLE"
PIPELINE = f"arn:aws:osis:eu-north-1:{A}:pipeline/audit-log-pipeline"
PMA = f"arn:aws:partnercentral:us-east-1:{A}:catalog/AWS/program-management-account/pma-7kq2m9x4w1z8"
PACKAGING_GROUP = "vod-group-mumbai"
PACKAGING = f"arn:aws:mediapackage-vod:ap-south-1:{A}:packaging-configurations/hls-720p"
KENDRA_INDEX = "0123abcd-4567-89ef-0123-456789abcdef"
FEATURED_SET_ID = "7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2910"
FEATURED_SET = f"arn:aws:kendra:ca-central-1:{A}:index/{KENDRA_INDEX}/featured-results-set/{FEATURED_SET_ID}"
IMAGE = f"arn:aws-cn:workspaces:cn-northwest-1:{A}:workspaceimage/wsi-1a2b3c4d5"

HLS = {"hlsManifests": [{"manifestName": "index"}], "segmentDurationSeconds": 6}

ROUND12D_B_ENTRIES: list[dict[str, Any]] = [
    held(
        "kafka-2018-11-14",
        "CreateVpcConnection",
        "amazonmanagedstreamingforapachekafka",
        record(
            "kafka",
            "CreateVpcConnection",
            {
                "targetClusterArn": MSK_CLUSTER,
                "authentication": "SASL_IAM",
                "vpcId": "vpc-0123456789abcdef0",
                "clientSubnets": ["subnet-0a1b2c3d4e5f67890", "subnet-0f9e8d7c6b5a43210"],
                "securityGroups": ["sg-0123456789abcdef0"],
                "tags": M,
            },
            {
                "vpcConnectionArn": VPC_CONNECTION,
                "state": "CREATING",
                "authentication": "SASL_IAM",
                "vpcId": "vpc-0123456789abcdef0",
                "clientSubnets": ["subnet-0a1b2c3d4e5f67890", "subnet-0f9e8d7c6b5a43210"],
                "securityGroups": ["sg-0123456789abcdef0"],
                "creationTime": "2024-06-01T12:00:00Z",
                "tags": M,
            },
            region="cn-northwest-1",
        ),
        change(VPC_CONNECTION, T),
        note="the tags are the VPC connection's (the caller's account), not the other account's cluster",
    ),
    tag_call(
        "payment-cryptography-2021-09-14",
        "awspaymentcryptography",
        "payment-cryptography",
        "TagResource",
        {"ResourceArn": PAYMENT_KEY, "Tags": kv(team="alpha")},
        PAYMENT_KEY,
        region="us-east-2",
    ),
    held(
        "securityhub-2018-10-26",
        "CreateConfigurationPolicy",
        "awssecurityhub",
        record(
            "securityhub",
            "CreateConfigurationPolicy",
            {
                "Name": "baseline-standards",
                "Description": "Foundational best practices everywhere",
                "ConfigurationPolicy": {
                    "SecurityHub": {
                        "ServiceEnabled": True,
                        "EnabledStandardIdentifiers": [
                            "arn:aws-us-gov:securityhub:us-gov-west-1::standards/"
                            "aws-foundational-security-best-practices/v/1.0.0"
                        ],
                    }
                },
                "Tags": M,
            },
            {
                "Arn": POLICY,
                "Id": POLICY_ID,
                "Name": "baseline-standards",
                "Description": "Foundational best practices everywhere",
                "CreatedAt": "2024-06-01T12:00:00Z",
                "UpdatedAt": "2024-06-01T12:00:00Z",
            },
            region="us-gov-west-1",
        ),
        change(POLICY, T),
    ),
    held(
        "qbusiness-2023-11-27",
        "CreateWebExperience",
        "amazonqbusiness",
        record(
            "qbusiness",
            "CreateWebExperience",
            {
                "applicationId": Q_APP_ID,
                "title": "Ask HR",
                "welcomeMessage": "Ask about leave and benefits",
                "tags": lkv(team="alpha"),
                "clientToken": "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
            },
            {"webExperienceId": Q_EXPERIENCE_ID, "webExperienceArn": Q_EXPERIENCE},
            region="ap-southeast-2",
        ),
        change(Q_EXPERIENCE, T),
        note="the ARN names the application (application/<id>/web-experience/<id>); the application gets no tags",
    ),
    held(
        "datasync-2018-11-09",
        "CreateLocationSmb",
        "awsdatasync",
        record(
            "datasync",
            "CreateLocationSmb",
            {
                "Subdirectory": "/share/finance",
                "ServerHostname": "fs01.corp.example.com",
                "User": "datasync-svc",
                "Domain": "CORP",
                "Password": "HIDDEN_DUE_TO_SECURITY_REASONS",
                "AgentArns": [AGENT],
                "MountOptions": {"Version": "SMB3"},
                "AuthenticationType": "NTLM",
                "Tags": kv(team="alpha"),
            },
            {"LocationArn": SMB_LOCATION},
            region="cn-north-1",
        ),
        change(SMB_LOCATION, T),
        note="the tags are the location's, not the agent's",
    ),
    tag_call(
        "marketplace-catalog-2018-09-17",
        "awsmarketplace",
        "catalog.marketplace",
        "TagResource",
        {"ResourceArn": PRODUCT, "Tags": kv(team="alpha")},
        PRODUCT,
    ),
    tag_call(
        "outposts-2019-12-03",
        "awsoutposts",
        "outposts",
        "TagResource",
        {"ResourceArn": OUTPOST, "Tags": M},
        OUTPOST,
        region="us-gov-west-1",
    ),
    untag_call(
        "osis-2022-01-01",
        "amazonopensearchingestion",
        "osis",
        "UntagResource",
        {"Arn": PIPELINE, "TagKeys": list(GONE)},
        PIPELINE,
        region="eu-north-1",
    ),
    held(
        "partnercentral-channel-2024-03-18",
        "CreateProgramManagementAccount",
        "awspartnercentral",
        record(
            "partnercentral-channel",
            "CreateProgramManagementAccount",
            {
                "catalog": "AWS",
                "program": "SOLUTION_PROVIDER",
                "displayName": "Reseller operations",
                "accountId": OTHER_ACCOUNT,
                "clientToken": "5d6e7f8a-9b0c-4d1e-2f3a-4b5c6d7e8f9a",
                "tags": lkv(team="alpha"),
            },
            {"programManagementAccountDetail": {"id": "pma-7kq2m9x4w1z8", "arn": PMA}},
        ),
        change(PMA, T),
        note=(
            "the SAR lists the type under the prefix partnercentral "
            "(catalog/<catalog>/program-management-account/<id>); the tags are not the named account's"
        ),
    ),
    held(
        "mediapackage-vod-2018-11-07",
        "CreatePackagingConfiguration",
        "awselementalmediapackagevod",
        record(
            "mediapackage-vod",
            "CreatePackagingConfiguration",
            {"id": "hls-720p", "packagingGroupId": PACKAGING_GROUP, "hlsPackage": HLS, "tags": M},
            {
                "arn": PACKAGING,
                "id": "hls-720p",
                "packagingGroupId": PACKAGING_GROUP,
                "hlsPackage": HLS,
                "tags": M,
            },
            region="ap-south-1",
        ),
        change(PACKAGING, T),
        note="the tags are the packaging configuration's (packaging-configurations/<id>), not its group's",
    ),
    held(
        "kendra-2019-02-03",
        "CreateFeaturedResultsSet",
        "amazonkendra",
        record(
            "kendra",
            "CreateFeaturedResultsSet",
            {
                "IndexId": KENDRA_INDEX,
                "FeaturedResultsSetName": "benefits-faq",
                "Status": "ACTIVE",
                "QueryTexts": ["benefits", "open enrollment"],
                "FeaturedDocuments": [{"Id": "doc-benefits-2024"}],
                "Tags": kv(team="alpha"),
            },
            {
                "FeaturedResultsSet": {
                    "FeaturedResultsSetId": FEATURED_SET_ID,
                    "FeaturedResultsSetName": "benefits-faq",
                    "Status": "ACTIVE",
                    "QueryTexts": ["benefits", "open enrollment"],
                    "FeaturedDocuments": [{"Id": "doc-benefits-2024"}],
                    "CreationTimestamp": 1717243200000,
                    "LastUpdatedTimestamp": 1717243200000,
                }
            },
            region="ca-central-1",
        ),
        change(FEATURED_SET, T),
        note="the ARN is built from the index id and the response's set id; the index gets no tags",
    ),
    held(
        "workspaces-2015-04-08",
        "CreateWorkspaceImage",
        "amazonworkspaces",
        record(
            "workspaces",
            "CreateWorkspaceImage",
            {
                "Name": "finance-desktop-2024-06",
                "Description": "Finance desktop image",
                "WorkspaceId": "ws-f9ptrgl2y",
                "Tags": kv(team="alpha"),
            },
            {
                "ImageId": "wsi-1a2b3c4d5",
                "Name": "finance-desktop-2024-06",
                "Description": "Finance desktop image",
                "OperatingSystem": {"Type": "WINDOWS"},
                "State": "PENDING",
                "RequiredTenancy": "DEFAULT",
                "Created": "2024-06-01T12:00:00Z",
                "OwnerAccountId": A,
            },
            region="cn-northwest-1",
        ),
        change(IMAGE, T),
        note="the tags land on the new image (workspaceimage/<ImageId>), not on the WorkSpace it was made from",
    ),
]
