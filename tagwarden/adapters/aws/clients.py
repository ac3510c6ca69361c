"""boto3 clients with explicit retry settings. The endpoint comes from AWS_ENDPOINT_URL (boto3
reads it itself) and credentials from the default chain (environment, profile, IRSA, IMDS)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import boto3
from botocore.config import Config

from tagwarden.core.settings.integrity import MAX_READ_CONCURRENCY

if TYPE_CHECKING:
    from mypy_boto3_cloudtrail import CloudTrailClient
    from mypy_boto3_ec2 import EC2Client
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_iam import IAMClient
    from mypy_boto3_kms import KMSClient
    from mypy_boto3_organizations import OrganizationsClient
    from mypy_boto3_resourcegroupstaggingapi import ResourceGroupsTaggingAPIClient
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sts import STSClient


# The daemon's reads as it starts: one attempt each, and short waits, where what gets no answer is
# asked again later (see app/daemon/start_reads.py). Six attempts (five retries) of 40 s each against
# an endpoint that holds connections open kept a daemon from serving HTTP for over eight minutes.
# (botocore's max_attempts counts the retries after the first attempt: 0 is one attempt.)
START_READS = {"max_attempts": 0, "connect_timeout": 5, "read_timeout": 10}

# Told of each request a client sends, retries included: (service, operation), such as
# ("s3", "ListObjectsV2"). Each is billed, and counts against the API's rate limits.
RequestCounter = Callable[[str, str], None]


def _count_requests(session: boto3.session.Session, on_request: RequestCounter) -> None:
    """Every client made on ``session`` from now on tells ``on_request`` of each request it
    sends: botocore emits before-send once per attempt, after signing (what reaches AWS). Once
    per session: clients made for the start reads share the daemon's, and count once."""

    def count(event_name: str, **_: Any) -> None:  # "before-send.<service>.<Operation>"
        service, operation = event_name.split(".", 2)[1:]
        on_request(service, operation)  # None back: the request goes on

    session.events.register("before-send", count, unique_id="tagwarden-request-count")


class AwsClients:
    def __init__(
        self,
        region: str,
        max_attempts: int = 5,
        *,
        session: boto3.session.Session | None = None,
        connect_timeout: float = 10,
        read_timeout: float = 40,  # above SQS's 20-second long poll
        on_request: RequestCounter | None = None,
    ) -> None:
        self.region = region
        self._session = session or boto3.session.Session(region_name=region)
        self._max_attempts = max_attempts
        self._on_request = on_request
        if on_request is not None:
            _count_requests(self._session, on_request)
        # "standard" retries back off on throttling and transient errors with jitter; set
        # explicitly so that behaviour does not depend on the environment's AWS config.
        self._config = Config(
            retries={"mode": "standard", "max_attempts": max_attempts},
            connect_timeout=connect_timeout,
            read_timeout=read_timeout,
            user_agent_extra="tagwarden",
            # the integrity check reads this many S3 objects at once (botocore's default is 10)
            max_pool_connections=MAX_READ_CONCURRENCY,
        )

    def for_start(self) -> AwsClients:
        """The same credentials, for reads made as the daemon starts: one attempt, short waits."""
        return AwsClients(
            self.region,
            START_READS["max_attempts"],
            session=self._session,
            connect_timeout=START_READS["connect_timeout"],
            read_timeout=START_READS["read_timeout"],
            on_request=self._on_request,
        )

    def s3(self, region: str | None = None) -> S3Client:
        return self._session.client("s3", region_name=region or self.region, config=self._config)

    def sqs(self, region: str | None = None) -> SQSClient:
        return self._session.client("sqs", region_name=region or self.region, config=self._config)

    def iam(self) -> IAMClient:
        return self._session.client("iam", region_name=self.region, config=self._config)

    def sts(self) -> STSClient:
        return self._session.client("sts", region_name=self.region, config=self._config)

    def ec2(self, region: str | None = None) -> EC2Client:
        return self._session.client("ec2", region_name=region or self.region, config=self._config)

    def events(self, region: str | None = None) -> EventBridgeClient:
        return self._session.client("events", region_name=region or self.region, config=self._config)

    def sns(self, region: str | None = None) -> SNSClient:
        return self._session.client("sns", region_name=region or self.region, config=self._config)

    def cloudtrail(self, region: str | None = None) -> CloudTrailClient:
        return self._session.client("cloudtrail", region_name=region or self.region, config=self._config)

    def tagging(self, region: str | None = None) -> ResourceGroupsTaggingAPIClient:
        return self._session.client(
            "resourcegroupstaggingapi", region_name=region or self.region, config=self._config
        )

    def kms(self, region: str | None = None) -> KMSClient:
        return self._session.client("kms", region_name=region or self.region, config=self._config)

    def organizations(self) -> OrganizationsClient:
        # A global service; its endpoint lives in us-east-1 (aws partition).
        return self._session.client("organizations", region_name=self.region, config=self._config)

    def assume_role(self, role_arn: str, session_name: str, external_id: str | None = None) -> AwsClients:
        """Clients acting as ``role_arn``. The role is assumed now, so a role that cannot be assumed
        fails here; the credentials last the role's session (one hour by default): enough for one
        inventory run, which assumes afresh each time."""
        if external_id:
            response = self.sts().assume_role(
                RoleArn=role_arn, RoleSessionName=session_name, ExternalId=external_id
            )
        else:
            response = self.sts().assume_role(RoleArn=role_arn, RoleSessionName=session_name)
        credentials = response["Credentials"]
        session = boto3.session.Session(
            aws_access_key_id=credentials["AccessKeyId"],
            aws_secret_access_key=credentials["SecretAccessKey"],
            aws_session_token=credentials["SessionToken"],
            region_name=self.region,
        )
        return AwsClients(self.region, self._max_attempts, session=session, on_request=self._on_request)
