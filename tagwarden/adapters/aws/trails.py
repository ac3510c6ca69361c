"""The trails CloudTrail knows of (DescribeTrails): where each writes its log files, with which KMS
key it encrypts them and which SNS topic it notifies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_cloudtrail import CloudTrailClient

# DescribeTrails' members, as CreateTrail's response (and CloudTrail's record of it) names them.
_FIELDS = {
    "S3BucketName": "s3BucketName",
    "TrailARN": "trailARN",
    "KmsKeyId": "kmsKeyId",
    "SnsTopicARN": "snsTopicARN",
}


def described_trails(cloudtrail: CloudTrailClient) -> list[dict[str, str]]:
    """Every trail visible from the region, shadow trails included, with the fields above."""
    response = cloudtrail.describe_trails(includeShadowTrails=True)
    trails = []
    listed: list[dict[str, Any]] = list(response.get("trailList", []))  # type: ignore[arg-type]
    for trail in listed:
        described = {ours: str(trail[theirs]) for theirs, ours in _FIELDS.items() if trail.get(theirs)}
        described.setdefault("trailARN", str(trail.get("Name", "")))
        trails.append(described)
    return trails
