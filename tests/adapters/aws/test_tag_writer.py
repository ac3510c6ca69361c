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
from tagwarden.adapters.aws.tag_writer import TagWriteError, TagWriter, remediator_clients

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
    with pytest.raises(TagWriteError, match="AccessDeniedException") as refused:
        writer.write(FUNCTION, ACCOUNT, "team", "alpha")
    assert not refused.value.transient  # refused for this target: no reason to hold back the others


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


@pytest.fixture
def moto_ec2(moto_in_process: None) -> Any:
    return boto3.client("ec2", region_name="us-east-1")


def test_a_key_pair_is_read_and_reverted_by_its_id_not_its_name(moto_ec2: Any) -> None:
    """A key pair's ARN holds its name (``key-pair/deploy``); CreateTags, DeleteTags and
    DescribeTags' resource-id name it by its id (``key-...``)."""
    created = moto_ec2.create_key_pair(
        KeyName="deploy",
        TagSpecifications=[{"ResourceType": "key-pair", "Tags": [{"Key": "team", "Value": "beta"}]}],
    )
    arn = f"arn:aws:ec2:us-east-1:{ACCOUNT}:key-pair/deploy"
    writer = TagWriter(lambda _account: AwsClients("us-east-1"))
    assert writer.read(arn, ACCOUNT) == {"team": "beta"}
    writer.write(arn, ACCOUNT, "team", "alpha")
    found = moto_ec2.describe_tags(Filters=[{"Name": "resource-id", "Values": [created["KeyPairId"]]}])
    assert {t["Key"]: t["Value"] for t in found["Tags"]} == {"team": "alpha"}


OTHER = "222222222222"
MOTO_ACCOUNT = "123456789012"  # the daemon's own account in moto


@pytest.fixture
def moto_iam(moto_in_process: None) -> Any:
    iam = boto3.client("iam", region_name="us-east-1")
    iam.create_role(
        RoleName="Developer", AssumeRolePolicyDocument="{}", Tags=[{"Key": "team", "Value": "beta"}]
    )
    return iam


def test_own_credentials_never_touch_a_role_of_the_same_name_in_their_own_account(moto_iam: Any) -> None:
    """remediation.role names no role to assume (a glob): the daemon's own credentials act in
    their own account only. IAM's tag calls take a role's name, not its ARN, so a revert of
    another account's Developer must not read or retag the daemon's own Developer."""
    writer = TagWriter(remediator_clients(AwsClients("us-east-1"), "arn:aws:iam::*:role/tagwarden-*"))
    target = f"arn:aws:iam::{OTHER}:role/Developer"
    with pytest.raises(TagWriteError):
        writer.read(target, OTHER)
    with pytest.raises(TagWriteError):
        writer.write(target, OTHER, "team", "alpha")
    assert moto_iam.list_role_tags(RoleName="Developer")["Tags"] == [{"Key": "team", "Value": "beta"}]
    own = f"arn:aws:iam::{MOTO_ACCOUNT}:role/Developer"
    assert writer.read(own, MOTO_ACCOUNT) == {"team": "beta"}


def test_a_target_whose_arn_names_another_account_is_not_touched(moto_iam: Any) -> None:
    """The account a finding was recorded in and the account its target's ARN names differ: the
    remediator acts in the former and IAM would retag that account's role of the same name."""
    writer = TagWriter(lambda _account: AwsClients("us-east-1"))
    with pytest.raises(TagWriteError):
        writer.write(f"arn:aws:iam::{OTHER}:role/Developer", MOTO_ACCOUNT, "team", "alpha")
    assert moto_iam.list_role_tags(RoleName="Developer")["Tags"] == [{"Key": "team", "Value": "beta"}]


def test_a_role_named_with_its_account_is_assumed(moto_iam: Any) -> None:
    role = f"arn:aws:iam::{MOTO_ACCOUNT}:role/tagwarden-remediator"
    clients = remediator_clients(AwsClients("us-east-1"), role)(MOTO_ACCOUNT)
    caller = clients.sts().get_caller_identity()["Arn"]
    assert caller.startswith(f"arn:aws:sts::{MOTO_ACCOUNT}:assumed-role/tagwarden-remediator/")
    writer = TagWriter(remediator_clients(AwsClients("us-east-1"), role))
    with pytest.raises(TagWriteError):  # no role to assume in another account: nothing is touched
        writer.write(f"arn:aws:iam::{OTHER}:role/Developer", OTHER, "team", "alpha")


def test_a_throttled_write_is_transient(tagging: tuple[Any, Stubber]) -> None:
    client, stub = tagging
    stub.add_client_error("tag_resources", service_error_code="ThrottlingException", http_status_code=400)
    with pytest.raises(TagWriteError) as throttled:
        TagWriter(lambda _account: _Clients(client)).write(FUNCTION, ACCOUNT, "team", "alpha")
    assert throttled.value.transient
