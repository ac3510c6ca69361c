"""Which role a resource had before a grant: only a resource the record names has one, and a call
that makes something new resends nothing."""

from __future__ import annotations

from typing import Any

from tagwarden.app.demo.records import Caller, record
from tests.builders.compute_records import create_function, register_task_definition
from tests.core.compute.cases import ADMIN, ALICE
from tests.core.compute.scenario import replay
from tests.core.compute.test_generic_operations import ec2_create_launch_template, glue_create_job

T = "2024-06-03T11:{:02d}:00Z"


def _flagged(records: list[dict[str, Any]]) -> list[tuple[str, str | None, str | None]]:
    return [(f.event_id, f.old_value, f.new_value) for f in replay(records) if f.kind == "compute_identity"]


def create_launch_configuration(
    who: Caller, name: str, profile_name: str, *, minute: int, event_id: str
) -> dict[str, Any]:
    """Auto Scaling CreateLaunchConfiguration: its response is empty, so the record names no ARN
    (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateLaunchConfiguration.html)."""
    request = {
        "launchConfigurationName": name,
        "imageId": "ami-0abcdef1234567890",
        "instanceType": "t3.micro",
        "iamInstanceProfile": profile_name,
    }
    return record(
        who,
        "autoscaling.amazonaws.com",
        "CreateLaunchConfiguration",
        request,
        time=T.format(minute),
        event_id=event_id,
    )


def test_resources_a_record_does_not_name_do_not_share_a_previous_role() -> None:
    records = [
        create_launch_configuration(ADMIN, "beta-lc", "beta-profile", minute=0, event_id="admin-lc"),
        create_launch_configuration(ALICE, "alice-lc", "beta-profile", minute=1, event_id="alice-lc"),
    ]
    assert _flagged(records) == [("alice-lc", None, "beta")]


def test_a_function_created_under_a_deleted_functions_name_had_no_role_before() -> None:
    deleted = record(
        ADMIN,
        "lambda.amazonaws.com",
        "DeleteFunction20150331",
        {"functionName": "report"},
        time=T.format(1),
        event_id="del",
    )
    records = [
        create_function(ADMIN, "report", "app-beta", time=T.format(0), event_id="admin-fn"),
        deleted,
        create_function(ALICE, "report", "app-beta", time=T.format(2), event_id="alice-fn"),
    ]
    assert _flagged(records) == [("alice-fn", None, "beta")]


def test_a_generic_create_under_a_deleted_resources_name_had_no_role_before() -> None:
    first, second = glue_create_job(ADMIN, "beta"), glue_create_job(ALICE, "beta")
    first["eventID"], second["eventID"] = "admin-job", "alice-job"
    second["eventTime"] = T.format(2)
    deleted = record(ADMIN, "glue.amazonaws.com", "DeleteJob", {"jobName": "nightly-etl"}, time=T.format(1))
    assert _flagged([first, deleted, second]) == [("alice-job", None, "beta")]


def test_a_new_task_definition_revision_with_the_familys_role_is_flagged() -> None:
    # The revision's containers are new code: the family's role is given to them anew.
    records = [
        register_task_definition(ADMIN, "beta-web", 1, "app-beta", time=T.format(0), event_id="admin-td"),
        register_task_definition(ALICE, "beta-web", 2, "app-beta", time=T.format(1), event_id="alice-td"),
    ]
    assert _flagged(records) == [("alice-td", "beta", "beta")]


def create_launch_template_version(
    who: Caller, profile_name: str, *, minute: int, event_id: str
) -> dict[str, Any]:
    """EC2 CreateLaunchTemplateVersion, wrapped as EC2's newer calls are
    (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateLaunchTemplateVersion.html)."""
    data = {"ImageId": "ami-0abcdef1234567890", "IamInstanceProfile": {"Name": profile_name}}
    request = {"LaunchTemplateId": "lt-0123456789abcdef0", "LaunchTemplateData": data}
    version = {"launchTemplateId": "lt-0123456789abcdef0", "launchTemplateName": "web", "versionNumber": 2}
    return record(
        who,
        "ec2.amazonaws.com",
        "CreateLaunchTemplateVersion",
        {"CreateLaunchTemplateVersionRequest": request},
        response={"CreateLaunchTemplateVersionResponse": {"launchTemplateVersion": version}},
        time=T.format(minute),
        event_id=event_id,
    )


def test_a_new_launch_template_version_with_the_templates_profile_is_flagged() -> None:
    created = ec2_create_launch_template(ADMIN, "beta")
    records = [created, create_launch_template_version(ALICE, "beta-profile", minute=1, event_id="alice-ltv")]
    assert _flagged(records) == [("alice-ltv", "beta", "beta")]
