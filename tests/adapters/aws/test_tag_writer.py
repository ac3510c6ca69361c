"""The remediator's tag writes through the Resource Groups Tagging API, with botocore's Stubber.

TagResources and UntagResources answer HTTP 200 even when the resource's service refused the
write: the refusal is in ``FailedResourcesMap`` (ARN -> FailureInfo with ErrorCode, StatusCode
and ErrorMessage), per the Resource Groups Tagging API reference. A refused write is an error.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import boto3
import pytest
from botocore.stub import Stubber

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.aws.tag_writer import TagWriteError, TagWriter

ACCOUNT = "123456789012"
FUNCTION = f"arn:aws:lambda:us-east-1:{ACCOUNT}:function:billing"
DENIED = {
    FUNCTION: {
        "StatusCode": 403,
        "ErrorCode": "AccessDeniedException",
        "ErrorMessage": "not authorized to perform: lambda:TagResource",
    }
}


class _Clients(AwsClients):
    def __init__(self, tagging: Any) -> None:
        super().__init__("us-east-1")
        self._tagging = tagging

    def tagging(self, region: str | None = None) -> Any:
        return self._tagging


@pytest.fixture
def tagging() -> Iterator[tuple[Any, Stubber]]:
    client = boto3.client(
        "resourcegroupstaggingapi",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    with Stubber(client) as stub:
        yield client, stub
        stub.assert_no_pending_responses()


def test_a_tag_write_refused_in_failed_resources_map_raises(tagging: tuple[Any, Stubber]) -> None:
    client, stub = tagging
    stub.add_response(
        "tag_resources",
        {"FailedResourcesMap": DENIED},
        {"ResourceARNList": [FUNCTION], "Tags": {"team": "alpha"}},
    )
    writer = TagWriter(lambda _account: _Clients(client))
    with pytest.raises(TagWriteError, match="AccessDeniedException"):
        writer.write(FUNCTION, ACCOUNT, "team", "alpha")


def test_an_untag_refused_in_failed_resources_map_raises(tagging: tuple[Any, Stubber]) -> None:
    client, stub = tagging
    stub.add_response(
        "untag_resources",
        {"FailedResourcesMap": DENIED},
        {"ResourceARNList": [FUNCTION], "TagKeys": ["team"]},
    )
    writer = TagWriter(lambda _account: _Clients(client))
    with pytest.raises(TagWriteError, match="AccessDeniedException"):
        writer.write(FUNCTION, ACCOUNT, "team", None)


def test_a_tag_write_without_failures_succeeds(tagging: tuple[Any, Stubber]) -> None:
    client, stub = tagging
    stub.add_response(
        "tag_resources",
        {"FailedResourcesMap": {}},
        {"ResourceARNList": [FUNCTION], "Tags": {"team": "alpha"}},
    )
    TagWriter(lambda _account: _Clients(client)).write(FUNCTION, ACCOUNT, "team", "alpha")
