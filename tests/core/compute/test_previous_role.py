"""Which role a resource had before a grant: only a resource the record names has one, and a call
that makes something new resends nothing."""

from __future__ import annotations

from typing import Any

from tagwarden.app.demo.records import Caller, record
from tests.builders.compute_records import create_function
from tests.core.compute.cases import ADMIN, ALICE
from tests.core.compute.scenario import replay
from tests.core.compute.test_generic_operations import glue_create_job

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
