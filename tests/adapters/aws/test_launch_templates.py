"""Launch template versions as EC2 describes them (tagwarden/adapters/aws/launch_templates.py), on moto."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from tagwarden.adapters.aws.launch_templates import EC2LaunchTemplates
from tagwarden.app.logs import get_logger
from tagwarden.core.compute import TemplateRef, TemplateUpdate

ACCOUNT, REGION = "123456789012", "eu-west-1"


def templates(*, account: str = ACCOUNT) -> EC2LaunchTemplates:
    return EC2LaunchTemplates(
        lambda region: boto3.client("ec2", region_name=region), lambda: account, get_logger()
    )


def made(name: str, *profiles: dict[str, str] | None) -> str:
    """A template whose versions name ``profiles`` in order; its id."""
    ec2 = boto3.client("ec2", region_name=REGION)
    first, *others = profiles
    data: dict[str, Any] = {"IamInstanceProfile": first} if first else {"InstanceType": "t3.micro"}
    template_id = str(
        ec2.create_launch_template(LaunchTemplateName=name, LaunchTemplateData=data)["LaunchTemplate"][
            "LaunchTemplateId"
        ]
    )
    for profile in others:
        data = {"IamInstanceProfile": profile} if profile else {"InstanceType": "t3.micro"}
        ec2.create_launch_template_version(LaunchTemplateId=template_id, LaunchTemplateData=data)
    return template_id


@pytest.mark.parametrize(
    ("version", "number", "profile"),
    [
        (None, 1, f"{ACCOUNT}/alpha-profile"),  # $Default
        ("$Default", 1, f"{ACCOUNT}/alpha-profile"),
        ("$Latest", 3, None),  # names no profile
        ("2", 2, f"{ACCOUNT}/beta-profile"),  # by ARN, with a path
    ],
)
def test_a_version_is_described_with_its_profile_default_and_latest(
    aws: str, version: str | None, number: int, profile: str | None
) -> None:
    beta = {"Arn": f"arn:aws:iam::{ACCOUNT}:instance-profile/teams/beta-profile"}
    template_id = made("web", {"Name": "alpha-profile"}, beta, None)
    for ref in (
        TemplateRef(ACCOUNT, REGION, template_id, None, version),
        TemplateRef(ACCOUNT, REGION, None, "web", version),
    ):
        assert templates()(ref) == TemplateUpdate(
            TemplateRef(ACCOUNT, REGION, template_id, "web"),
            version=number,
            profile=profile,
            default=1,
            latest=3,
        )


def test_what_ec2_does_not_have_is_not_described(aws: str) -> None:
    template_id = made("web", {"Name": "alpha-profile"})
    assert templates()(TemplateRef(ACCOUNT, REGION, template_id, None, "7")) is None
    assert templates()(TemplateRef(ACCOUNT, REGION, "lt-0123456789abcdef0", None, None)) is None
    assert templates()(TemplateRef(ACCOUNT, "us-east-1", None, "web", None)) is None  # another region


def test_another_accounts_template_is_not_asked_for() -> None:
    def no_client(region: str) -> Any:
        raise AssertionError("EC2 asked for another account's template")

    described = EC2LaunchTemplates(no_client, lambda: ACCOUNT, get_logger())
    assert described(TemplateRef("210987654321", REGION, "lt-0123456789abcdef0", None, "1")) is None
    assert (
        EC2LaunchTemplates(no_client, lambda: None, get_logger())(TemplateRef(ACCOUNT, REGION, "lt-1", None))
        is None
    )
