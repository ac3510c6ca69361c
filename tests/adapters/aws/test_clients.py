"""The AWS clients' configuration."""

from __future__ import annotations

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.core.settings.integrity import MAX_READ_CONCURRENCY


def test_the_clients_keep_a_connection_for_each_read_made_at_once() -> None:
    # botocore keeps 10 connections to an endpoint by default; past them, each read the integrity
    # check makes at once would open a connection and drop it after.
    assert MAX_READ_CONCURRENCY > 10
    assert AwsClients("us-east-1").s3().meta.config.max_pool_connections == MAX_READ_CONCURRENCY
