"""An inventory run asks whether the daemon is stopping between two accounts, regions and resource
policies, and breaks off (``Stopped``) once it says so: it makes a read for each bucket and key
policy of every account and region, which a stop would otherwise wait for past the shutdown's
grace period."""

from __future__ import annotations

import json
from pathlib import Path

import boto3
import pytest
from botocore.stub import Stubber

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.inventory.collect import InventoryRun
from tagwarden.adapters.inventory.iam_principals import collect_principals
from tagwarden.app.logs import get_logger
from tagwarden.core.settings.inventory import InventorySettings
from tagwarden.core.stopping import Stopped
from tests.builders.stopping import AskedTimes

MOTO = "123456789012"
BUCKETS = 6


def _run(stopping: AskedTimes) -> InventoryRun:
    settings = InventorySettings.model_validate(
        {"regions": ["us-east-1", "eu-west-1"], "organization": {"source": "none"}}
    )
    return InventoryRun(
        AwsClients("us-east-1"), settings, MOTO, "us-east-1", Path("."), get_logger(), stopping=stopping
    )


def _buckets() -> None:
    s3 = boto3.client("s3")
    for index in range(BUCKETS):
        name = f"data-{index}"
        s3.create_bucket(Bucket=name)
        s3.put_bucket_tagging(Bucket=name, Tagging={"TagSet": [{"Key": "team", "Value": f"t{index}"}]})
        s3.put_bucket_policy(
            Bucket=name,
            Policy=json.dumps(
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Effect": "Deny",
                            "Principal": "*",
                            "Action": "s3:*",
                            "Resource": f"arn:aws:s3:::{name}",
                            "Condition": {"Bool": {"aws:SecureTransport": "false"}},
                        }
                    ],
                }
            ),
        )


def test_a_whole_run_asks_between_every_account_region_and_resource_policy(aws: str) -> None:
    _buckets()
    asked = AskedTimes()
    inventory = _run(asked).collect()
    (account,) = inventory.accounts
    assert len(account.resource_policies) == BUCKETS
    # One account, its one page of principals, two regions, and the resources each region lists
    # (moto lists every bucket in every region; the second region's are the same buckets, not
    # read again).
    assert asked.asked == 1 + 1 + 2 + BUCKETS


@pytest.mark.parametrize("after", [1, 3, 6])
def test_a_run_breaks_off_once_stopping_says_so(aws: str, after: int) -> None:
    _buckets()
    asked = AskedTimes(after)
    with pytest.raises(Stopped):
        _run(asked).collect()
    assert asked.asked == after  # not asked again: nothing more was read


PAGES = 3


def _three_pages_of_principals(stub: Stubber) -> None:
    """Three pages of GetAccountAuthorizationDetails (users and roles), one role each."""
    for page in range(PAGES):
        role = {
            "RoleName": f"r{page}",
            "RoleId": "AROA" + "A" * 16,
            "Arn": f"arn:aws:iam::1:role/r{page}",
            "Path": "/",
            "CreateDate": "2024-01-01T00:00:00Z",
        }
        last = page == PAGES - 1
        answer = {
            "RoleDetailList": [role],
            "IsTruncated": not last,
            **({} if last else {"Marker": f"after-{page}"}),
        }
        expected = {"Filter": ["User", "Role"], **({"Marker": f"after-{page - 1}"} if page else {})}
        stub.add_response("get_account_authorization_details", answer, expected)


def test_the_principals_are_read_page_by_page_until_stopping_says_so(no_aws: None) -> None:
    iam = boto3.client("iam", region_name="us-east-1")
    with Stubber(iam) as stub:
        _three_pages_of_principals(stub)
        asked = AskedTimes(2)
        with pytest.raises(Stopped):
            collect_principals(iam, with_policies=False, stopping=asked)
        assert asked.asked == 2
        with pytest.raises(AssertionError):
            stub.assert_no_pending_responses()  # the third page was never asked for
    with Stubber(iam) as stub:
        _three_pages_of_principals(stub)
        found = collect_principals(iam, with_policies=False, stopping=AskedTimes())
        assert [p.arn for p in found] == [f"arn:aws:iam::1:role/r{page}" for page in range(PAGES)]
        stub.assert_no_pending_responses()
