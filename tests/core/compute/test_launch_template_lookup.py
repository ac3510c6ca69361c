"""A launch template made before tagwarden watched: the version a group or fleet names is asked of
EC2 (moto here) and judged as a template learned from its records would be."""

from __future__ import annotations

import io
import json
from typing import Any

import boto3
import pytest

from tagwarden.adapters.aws.launch_templates import EC2LaunchTemplates
from tagwarden.adapters.store import open_store
from tagwarden.app.demo.records import Caller
from tagwarden.app.logs import get_logger
from tagwarden.core.compute import TemplateRef, TemplateUpdate
from tagwarden.core.model import Finding
from tagwarden.core.records import iter_records
from tests.builders.compute_records import ACCOUNT, REGION
from tests.builders.launch_template_records import (
    create_auto_scaling_group,
    create_fleet,
    create_launch_template,
    fleet_arn,
    group_target,
    template_spec,
)
from tests.core.compute.cases import ADMIN, CALLERS
from tests.core.compute.scenario import make_processor

Record = dict[str, Any]
FLEET = "fleet-00000001-0000-4000-8000-000000000000"


def judged(records: list[Record], templates: Any) -> list[Finding]:
    store = open_store("sqlite:///:memory:")
    body = json.dumps({"Records": records}).encode()
    make_processor(store, templates=templates).process(iter_records(io.BytesIO(body)), source="t", unit="u")
    return [f for f in store.list_findings() if f.kind == "compute_identity"]


def in_ec2(name: str, team: str) -> str:
    """A template of ``team``'s profile that no record shows being made; its id."""
    ec2 = boto3.client("ec2", region_name=REGION)
    data = {"IamInstanceProfile": {"Name": f"{team}-profile"}}
    made = ec2.create_launch_template(LaunchTemplateName=name, LaunchTemplateData=data)
    return str(made["LaunchTemplate"]["LaunchTemplateId"])


def ec2_templates() -> EC2LaunchTemplates:
    return EC2LaunchTemplates(
        lambda region: boto3.client("ec2", region_name=region), lambda: ACCOUNT, get_logger()
    )


@pytest.mark.parametrize(("case", "who", "team", "flagged"), CALLERS, ids=[c[0] for c in CALLERS])
def test_a_group_or_fleet_on_a_template_made_before_is_judged_by_what_ec2_says(
    aws: str, case: str, who: Caller, team: str, flagged: bool
) -> None:
    template_id = in_ec2("web", team)
    records = [
        create_auto_scaling_group(
            who, "asg-1", template_spec(template_id), time="2024-06-04T10:00:00Z", event_id="e1"
        ),
        create_fleet(
            who,
            FLEET,
            [template_spec(name="web", version="$Latest", upper=True)],
            time="2024-06-04T10:00:01Z",
            event_id="e2",
        ),
    ]
    found = judged(records, ec2_templates())
    assert judged(records, None) == []  # without EC2, as before: a template never seen gives no role
    if not flagged:
        assert found == []
        return
    assert sorted((f.event_id, f.target, f.new_value) for f in found) == [
        ("e1", group_target("asg-1"), team),
        ("e2", fleet_arn(FLEET), team),
    ]
    assert all(f"instance profile {ACCOUNT}/{team}-profile" in f.explanation for f in found)


class Counted:
    def __init__(self, answer: TemplateUpdate | None = None) -> None:
        self.asked: list[TemplateRef] = []
        self.answer = answer

    def __call__(self, ref: TemplateRef) -> TemplateUpdate | None:
        self.asked.append(ref)
        return self.answer


def test_a_template_the_records_make_is_not_asked_of_ec2() -> None:
    alice = CALLERS[0][1]
    records = [
        create_launch_template(
            ADMIN, "lt-0000000000000001", "web", "beta-profile", time="2024-06-04T10:00:00Z", event_id="s1"
        ),
        create_auto_scaling_group(
            alice, "asg-1", template_spec(name="web"), time="2024-06-04T10:00:01Z", event_id="e1"
        ),
    ]
    asked = Counted()
    assert [f.new_value for f in judged(records, asked)] == ["beta"]
    assert asked.asked == []


def test_a_template_ec2_does_not_have_is_asked_once_per_time_to_live() -> None:
    alice = CALLERS[0][1]
    records = [
        create_auto_scaling_group(
            alice, f"asg-{n}", template_spec("lt-0gone"), time=f"2024-06-04T10:00:0{n}Z", event_id=f"e{n}"
        )
        for n in range(3)
    ]
    asked = Counted()
    assert judged(records, asked) == []
    assert asked.asked == [TemplateRef(ACCOUNT, REGION, "lt-0gone", None, None)]
