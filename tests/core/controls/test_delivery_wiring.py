"""The delivery path the daemon starts with: its sources' queues and buckets, and DescribeTrails (moto)."""

from __future__ import annotations

from pathlib import Path

import boto3

from tagwarden.adapters.aws import AwsClients
from tagwarden.app.config import load_config
from tagwarden.app.logs import get_logger
from tagwarden.app.wiring import delivery_path

CONFIG = """
policy: {version: 1}
sources:
  - {type: sqs, name: cloudtrail-queue, queue_url: "https://sqs.us-east-1.amazonaws.com/123456789012/ct"}
  - {type: files, name: backfill, paths: ["s3://org-trail-logs/AWSLogs/", "./local"]}
"""


def test_sources_and_describe_trails_seed_the_delivery_path(aws: str, tmp_path: Path) -> None:
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    config = load_config(tmp_path / "tagwarden.yaml", env={})
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="trail-bucket")
    key = boto3.client("kms", region_name="us-east-1").create_key()["KeyMetadata"]["Arn"]
    boto3.client("sns", region_name="us-east-1").create_topic(Name="trail-news")
    boto3.client("cloudtrail", region_name="us-east-1").create_trail(
        Name="main", S3BucketName="trail-bucket", KmsKeyId=key, SnsTopicName="trail-news"
    )

    delivery = delivery_path(config, AwsClients("us-east-1"), get_logger())

    assert delivery.source_queues == {"arn:aws:sqs:us-east-1:123456789012:ct": "cloudtrail-queue"}
    assert delivery.source_buckets == {"org-trail-logs": "backfill"}
    assert list(delivery.trail_buckets) == ["trail-bucket"]
    assert delivery.trail_buckets["trail-bucket"].endswith(":trail/main")
    assert list(delivery.trail_keys) == [key.rsplit("/", 1)[1]]  # its KMS key, by id
    assert list(delivery.trail_topics) == ["arn:aws:sns:us-east-1:123456789012:trail-news"]


def test_without_aws_only_the_configuration_counts(tmp_path: Path) -> None:
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    delivery = delivery_path(load_config(tmp_path / "tagwarden.yaml", env={}), None, get_logger())
    assert delivery.trail_buckets == {} and "org-trail-logs" in delivery.source_buckets
