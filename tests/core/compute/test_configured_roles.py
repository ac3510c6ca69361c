"""A role given by naming something already configured with it: an ECS task or service run from a
task definition runs as the definition's task role."""

from __future__ import annotations

from typing import Any

from tagwarden.app.demo.records import Caller, record
from tests.builders.compute_records import ACCOUNT, REGION, register_task_definition, role
from tests.core.compute.cases import ADMIN, ALICE
from tests.core.compute.scenario import replay

T = "2024-06-03T12:{:02d}:00Z"
CLUSTER = f"arn:aws:ecs:{REGION}:{ACCOUNT}:cluster/default"


def _flagged(records: list[dict[str, Any]]) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (f.event_id, f.target, f.old_value, f.new_value)
        for f in replay(records)
        if f.kind == "compute_identity"
    ]


def _revision(family: str, revision: int) -> str:
    return f"arn:aws:ecs:{REGION}:{ACCOUNT}:task-definition/{family}:{revision}"


def run_task(
    who: Caller, task_definition: str, revision: str, *, minute: int, event_id: str, **overrides: Any
) -> dict[str, Any]:
    """ECS RunTask (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html): the
    response names each task and the revision it runs."""
    request: dict[str, Any] = {
        "cluster": "default",
        "taskDefinition": task_definition,
        "launchType": "FARGATE",
    }
    request["overrides"] = {
        "containerOverrides": [{"name": "app", "command": ["sh", "-c", "id"]}],
        **overrides,
    }
    task = {
        "taskArn": f"arn:aws:ecs:{REGION}:{ACCOUNT}:task/default/{event_id}",
        "taskDefinitionArn": revision,
    }
    response = {"tasks": [task], "failures": []}
    return record(
        who,
        "ecs.amazonaws.com",
        "RunTask",
        request,
        response=response,
        time=T.format(minute),
        event_id=event_id,
    )


def service_call(
    who: Caller, operation: str, task_definition: str, revision: str, *, minute: int, event_id: str
) -> dict[str, Any]:
    """ECS CreateService / UpdateService
    (https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)."""
    name = "serviceName" if operation == "CreateService" else "service"
    request = {"cluster": "default", name: "web", "taskDefinition": task_definition, "desiredCount": 1}
    service = {
        "serviceArn": f"arn:aws:ecs:{REGION}:{ACCOUNT}:service/default/web",
        "clusterArn": CLUSTER,
        "taskDefinition": revision,
    }
    return record(
        who,
        "ecs.amazonaws.com",
        operation,
        request,
        response={"service": service},
        time=T.format(minute),
        event_id=event_id,
    )


def _definitions() -> list[dict[str, Any]]:
    return [
        register_task_definition(ADMIN, "beta-web", 1, "app-beta", time=T.format(0), event_id="td-b1"),
        register_task_definition(ADMIN, "alpha-web", 1, "app-alpha", time=T.format(0), event_id="td-a1"),
        register_task_definition(ADMIN, "alpha-web", 2, "app-beta", time=T.format(1), event_id="td-a2"),
    ]


def test_a_task_run_from_another_teams_task_definition_runs_as_its_role() -> None:
    run = run_task(ALICE, "beta-web:1", _revision("beta-web", 1), minute=2, event_id="run-b")
    task = f"arn:aws:ecs:{REGION}:{ACCOUNT}:task/default/run-b"
    assert _flagged([*_definitions(), run]) == [("run-b", task, None, "beta")]


def test_a_task_runs_as_the_role_of_the_revision_it_was_started_from() -> None:
    # alpha-web:1 holds alpha's role, alpha-web:2 (the latest) beta's.
    first = run_task(ALICE, "alpha-web:1", _revision("alpha-web", 1), minute=2, event_id="run-a1")
    latest = run_task(ALICE, "alpha-web", _revision("alpha-web", 2), minute=3, event_id="run-a2")
    assert [f[0] for f in _flagged([*_definitions(), first, latest])] == ["run-a2"]


def test_a_task_role_override_is_the_only_role_the_task_is_given() -> None:
    run = run_task(
        ALICE,
        "beta-web:1",
        _revision("beta-web", 1),
        minute=2,
        event_id="run-o",
        taskRoleArn=role("app-alpha"),
    )
    assert _flagged([*_definitions(), run]) == []


def test_a_service_given_another_teams_task_definition_runs_as_its_role() -> None:
    service = f"arn:aws:ecs:{REGION}:{ACCOUNT}:service/default/web"
    records = [
        *_definitions(),
        service_call(
            ALICE, "CreateService", "alpha-web:1", _revision("alpha-web", 1), minute=2, event_id="svc-c"
        ),
        service_call(
            ALICE, "UpdateService", "beta-web", _revision("beta-web", 1), minute=3, event_id="svc-u"
        ),
    ]
    assert _flagged(records) == [("svc-u", service, "alpha", "beta")]
