"""Resource tags from the Resource Groups Tagging API, and the resource policies that decide who
may tag a resource: S3 bucket policies and KMS key policies (role trust policies come with the
principals).

GetResources lists the resources of one region that are tagged or were tagged once; a resource
never tagged is not listed (so it cannot be reported as missing a key). Pages hold at most 100
resources and the paginator follows PaginationToken until it comes back empty.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import error_code
from tagwarden.core.arn import parse_arn
from tagwarden.core.inventory.snapshot import PolicyDocument, ResourceRecord

if TYPE_CHECKING:
    from mypy_boto3_kms import KMSClient
    from mypy_boto3_resourcegroupstaggingapi import ResourceGroupsTaggingAPIClient
    from mypy_boto3_s3 import S3Client

# Errors that mean "this resource has no such policy" or "it is gone", not a failed read.
_NO_POLICY = frozenset({"NoSuchBucketPolicy", "NoSuchBucket", "NotFoundException", "NoSuchKey"})


def iter_resources(
    tagging: ResourceGroupsTaggingAPIClient, account: str, region: str, resource_types: Sequence[str] = ()
) -> Iterator[ResourceRecord]:
    arguments: dict[str, Any] = {"ResourcesPerPage": 100}
    if resource_types:
        arguments["ResourceTypeFilters"] = list(resource_types)
    for page in tagging.get_paginator("get_resources").paginate(**arguments):
        for mapping in page.get("ResourceTagMappingList", []):
            tags = {str(t["Key"]): str(t["Value"]) for t in mapping.get("Tags", [])}
            yield ResourceRecord(str(mapping["ResourceARN"]), account, region, tags)


def is_bucket(arn: str) -> bool:
    parsed = parse_arn(arn)
    return parsed is not None and parsed.service == "s3" and "/" not in parsed.resource


def is_kms_key(arn: str) -> bool:
    parsed = parse_arn(arn)
    return parsed is not None and parsed.service == "kms" and parsed.resource.startswith("key/")


def bucket_policy(s3: S3Client, arn: str) -> PolicyDocument | None:
    name = arn.rsplit(":", 1)[-1]
    try:
        text = s3.get_bucket_policy(Bucket=name)["Policy"]
    except ClientError as exc:
        if error_code(exc) in _NO_POLICY:
            return None
        raise
    return _parsed(f"bucket policy of {arn}", text)


def key_policy(kms: KMSClient, arn: str) -> PolicyDocument | None:
    try:
        text = kms.get_key_policy(KeyId=arn, PolicyName="default")["Policy"]
    except ClientError as exc:
        if error_code(exc) in _NO_POLICY:
            return None
        raise
    return _parsed(f"key policy of {arn}", text)


def _parsed(name: str, text: str | None) -> PolicyDocument | None:
    if not text:
        return None
    try:
        document = json.loads(text)
    except ValueError:
        return PolicyDocument(name, {"unreadable": text[:200]})
    return PolicyDocument(name, document) if isinstance(document, dict) else None
