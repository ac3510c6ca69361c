"""A scenario written apart from the per-operation cases: other names, role and profile paths,
session tags, a launch template, the execution role of a task, records out of order. Every
workload given another team's identity is flagged; the benign grants raise nothing of severity
warning or above."""

from __future__ import annotations

import io
import json
import random
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.demo.records import Caller, record, tag_list
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.app.pipeline.compute_identity import ComputeIdentity
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model.finding import at_least
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tests.builders import compute_records as cr

ACC = cr.ACCOUNT
POLICY = {
    "version": 1,
    "abac_keys": ["project"],
    "rules": [
        {
            "id": "project-keys",
            "keys": ["project"],
            "writers": [
                {"principal_tag": {"platform": "true"}},
                {"invoked_by": "cloudformation.amazonaws.com"},
            ],
        }
    ],
}
IAM = {
    f"arn:aws:iam::{ACC}:role/dev": {"project": "delta"},  # sessions of it may carry other session tags
    f"arn:aws:iam::{ACC}:role/platform-ops": {"platform": "true"},
    f"arn:aws:iam::{ACC}:role/trainer-gamma": {"Project": "gamma"},
    f"arn:aws:iam::{ACC}:role/api-delta": {"project": "delta"},
    f"arn:aws:iam::{ACC}:role/ecsTaskExecutionRole": {"project": "gamma"},
    f"arn:aws:iam::{ACC}:user/dave": {"project": "gamma"},
}
FRANK = Caller(ACC, "dev", session="frank")  # project delta
ERIN = Caller(ACC, "dev", session="erin", access_key_id="ASIAERINSESSION00001")  # gamma by session tag
DAVE = Caller(ACC, "dave")  # project gamma
OPS = Caller(ACC, "platform-ops", session="ops")  # listed writer: platform=true


def _t(minute: int) -> str:
    return f"2024-07-01T08:{minute:02d}:00Z"


def _setup() -> list[dict[str, Any]]:
    records = []
    for minute, (name, role) in enumerate(
        (("ml/trainer-profile", "trainer-gamma"), ("api-profile", "api-delta"))
    ):
        path, _, short = name.rpartition("/")
        created = cr.create_instance_profile(OPS, short, time=_t(minute), event_id=f"setup-create-{short}")
        created["requestParameters"]["path"] = f"/{path}/" if path else "/"
        if path:
            created["responseElements"]["instanceProfile"]["arn"] = (
                f"arn:aws:iam::{ACC}:instance-profile/{name}"
            )
        records.append(created)
        records.append(
            cr.add_role_to_profile(OPS, short, role, time=_t(minute + 2), event_id=f"setup-add-{short}")
        )
    return records


def _assume_with_session_tag() -> dict[str, Any]:
    return record(
        Caller(ACC, "erin"),
        "sts.amazonaws.com",
        "AssumeRole",
        {
            "roleArn": f"arn:aws:iam::{ACC}:role/dev",
            "roleSessionName": "erin",
            "tags": tag_list({"project": "gamma"}),
        },
        response={
            "credentials": {"accessKeyId": "ASIAERINSESSION00001"},
            "assumedRoleUser": {"arn": f"arn:aws:sts::{ACC}:assumed-role/dev/erin"},
        },
        time=_t(5),
        event_id="assume-erin",
    )


def _launch_template_run(
    caller: Caller, instance_id: str, profile_arn: str, minute: int, event_id: str
) -> dict[str, Any]:
    run = cr.run_instances(caller, instance_id, "unused", time=_t(minute), event_id=event_id)
    del run["requestParameters"]["iamInstanceProfile"]
    run["requestParameters"]["launchTemplate"] = {"launchTemplateId": "lt-0abcd1234abcd1234", "version": "3"}
    run["responseElements"]["instancesSet"]["items"][0]["iamInstanceProfile"]["arn"] = profile_arn
    return run


def _events() -> tuple[list[dict[str, Any]], set[tuple[str, str, str | None, str]], set[str]]:
    trainer = f"arn:aws:iam::{ACC}:instance-profile/ml/trainer-profile"
    flagged = {
        ("frank-run-trainer", cr.instance("i-0f00000000000001"), None, "gamma"),
        ("frank-lambda-to-gamma", cr.function("scorer"), "delta", "gamma"),
        ("frank-profile-gamma", cr.profile("frank-profile"), None, "gamma"),
        ("frank-replace-to-gamma", cr.instance("i-0e00000000000002"), "delta", "gamma"),
    }
    benign = {
        "dave-run-trainer",
        "erin-associate-trainer",
        "frank-lambda-create",
        "frank-task-own-role",
        "ops-associate-api",
        "ops-function-gamma",
        "frank-profile-own",
    }
    events = [
        *_setup(),
        _assume_with_session_tag(),
        _launch_template_run(DAVE, "i-0d00000000000001", trainer, 10, "dave-run-trainer"),
        _launch_template_run(FRANK, "i-0f00000000000001", trainer, 11, "frank-run-trainer"),
        cr.associate_profile(
            ERIN,
            "i-0e00000000000001",
            "trainer-profile",
            "iip-assoc-e1",
            time=_t(12),
            event_id="erin-associate-trainer",
        ),
        cr.create_function(FRANK, "scorer", "api-delta", time=_t(13), event_id="frank-lambda-create"),
        cr.update_function_configuration(
            FRANK, "scorer", "trainer-gamma", time=_t(14), event_id="frank-lambda-to-gamma"
        ),
        cr.register_task_definition(
            FRANK, "api", 4, "api-delta", time=_t(15), event_id="frank-task-own-role"
        ),
        cr.associate_profile(
            OPS,
            "i-0e00000000000002",
            "api-profile",
            "iip-assoc-e2",
            time=_t(16),
            event_id="ops-associate-api",
        ),
        cr.replace_association(
            FRANK,
            "iip-assoc-e2",
            "iip-assoc-e3",
            "i-0e00000000000002",
            "ml/trainer-profile",
            time=_t(17),
            event_id="frank-replace-to-gamma",
        ),
        cr.create_function(OPS, "etl", "trainer-gamma", time=_t(18), event_id="ops-function-gamma"),
        cr.add_role_to_profile(
            FRANK, "frank-profile", "trainer-gamma", time=_t(19), event_id="frank-profile-gamma"
        ),
        cr.add_role_to_profile(
            FRANK, "frank-own-profile", "api-delta", time=_t(20), event_id="frank-profile-own"
        ),
    ]
    return events, flagged, benign


def test_the_held_out_scenario_is_judged_every_flag_found_and_no_benign_grant_flagged() -> None:
    events, flagged, benign = _events()
    random.Random(13).shuffle(events)  # CloudTrail delivers out of order
    store = open_store("sqlite:///:memory:")
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(IAM.get),
        metrics=Metrics(),
        log=get_logger(),
        compute=ComputeIdentity(),  # no IAM for profiles: learned from the setup events
    )
    processor.process(
        iter_records(io.BytesIO(json.dumps({"Records": events}).encode())), source="t", unit="u"
    )
    findings = store.list_findings()
    found = {
        (f.event_id, f.target, f.old_value, f.new_value) for f in findings if f.kind == "compute_identity"
    }
    assert found == flagged
    assert {f.tag_key for f in findings if f.kind == "compute_identity"} == {"project"}
    assert [f for f in findings if f.event_id in benign and at_least(f.severity, "warning")] == []
