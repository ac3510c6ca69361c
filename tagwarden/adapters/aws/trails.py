"""The trails CloudTrail knows of (DescribeTrails): where each writes its log files."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mypy_boto3_cloudtrail import CloudTrailClient


def trail_buckets(cloudtrail: CloudTrailClient) -> list[tuple[str, str]]:
    """(bucket, trail ARN) of every trail visible from the region, shadow trails included."""
    response = cloudtrail.describe_trails(includeShadowTrails=True)
    return [
        (trail["S3BucketName"], trail.get("TrailARN", trail.get("Name", "")))
        for trail in response.get("trailList", [])
        if trail.get("S3BucketName")
    ]
