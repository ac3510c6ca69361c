"""boto3 clients with explicit retry settings. The endpoint comes from AWS_ENDPOINT_URL (boto3
reads it itself) and credentials from the default chain (environment, profile, IRSA, IMDS)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import boto3
from botocore.config import Config

if TYPE_CHECKING:
    from mypy_boto3_cloudtrail import CloudTrailClient
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sts import STSClient


class AwsClients:
    def __init__(
        self, region: str, max_attempts: int = 5, session: boto3.session.Session | None = None
    ) -> None:
        self.region = region
        self._session = session or boto3.session.Session(region_name=region)
        # "standard" retries back off on throttling and transient errors with jitter; set
        # explicitly so that behaviour does not depend on the environment's AWS config.
        self._config = Config(
            retries={"mode": "standard", "max_attempts": max_attempts},
            connect_timeout=10,
            read_timeout=40,  # above SQS's 20-second long poll
            user_agent_extra="tagwarden",
        )

    def s3(self) -> S3Client:
        return self._session.client("s3", region_name=self.region, config=self._config)

    def sqs(self, region: str | None = None) -> SQSClient:
        return self._session.client("sqs", region_name=region or self.region, config=self._config)

    def iam(self) -> IAMClient:
        return self._session.client("iam", region_name=self.region, config=self._config)

    def sts(self) -> STSClient:
        return self._session.client("sts", region_name=self.region, config=self._config)

    def ec2(self, region: str | None = None) -> EC2Client:
        return self._session.client("ec2", region_name=region or self.region, config=self._config)

    def cloudtrail(self, region: str | None = None) -> CloudTrailClient:
        return self._session.client("cloudtrail", region_name=region or self.region, config=self._config)
