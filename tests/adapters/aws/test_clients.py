"""The AWS clients' configuration."""

from __future__ import annotations

import pytest
from botocore.exceptions import EndpointConnectionError

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.core.settings.integrity import MAX_READ_CONCURRENCY


def test_the_clients_keep_a_connection_for_each_read_made_at_once() -> None:
    # botocore keeps 10 connections to an endpoint by default; past them, each read the integrity
    # check makes at once would open a connection and drop it after.
    assert MAX_READ_CONCURRENCY > 10
    assert AwsClients("us-east-1").s3().meta.config.max_pool_connections == MAX_READ_CONCURRENCY


def test_each_request_sent_is_counted_by_service_and_operation(aws: str) -> None:
    sent: list[tuple[str, str]] = []
    clients = AwsClients("us-east-1", on_request=lambda service, operation: sent.append((service, operation)))
    s3 = clients.s3()
    s3.create_bucket(Bucket="counted")
    s3.list_objects_v2(Bucket="counted")
    clients.for_start().sts().get_caller_identity()
    clients.tagging().get_resources()
    role = clients.iam().create_role(RoleName="other", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    clients.assume_role(role, "counted").sqs().list_queues()  # the role's clients count too
    assert sent == [
        ("s3", "CreateBucket"),
        ("s3", "ListObjectsV2"),
        ("sts", "GetCallerIdentity"),
        ("resource-groups-tagging-api", "GetResources"),
        ("iam", "CreateRole"),
        ("sts", "AssumeRole"),
        ("sqs", "ListQueues"),
    ]


def test_a_retry_is_a_request_of_its_own(no_aws: None) -> None:
    sent: list[tuple[str, str]] = []
    clients = AwsClients("us-east-1", max_attempts=2, on_request=lambda *call: sent.append(call))
    with pytest.raises(EndpointConnectionError):
        clients.sts().get_caller_identity()
    assert sent == [("sts", "GetCallerIdentity")] * 3  # the first attempt and its two retries
