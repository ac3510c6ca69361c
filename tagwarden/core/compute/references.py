"""Calls that give a resource a role by naming something already configured with one: an ECS task
or service run from a task definition takes the definition's task role (AWS checks
``iam:PassRole`` on these calls as on the definition's registration).

The grant names where the role comes from (``RoleGrant.role_from``: a task definition revision's
ARN, or its family where the call names the family alone and so runs the latest revision); the
state says which role that is, as learned from the ``RegisterTaskDefinition`` records.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tagwarden.core.arn import is_arn
from tagwarden.core.compute.model import ComputeRead, RoleGrant
from tagwarden.core.normalize.operations import dig
from tagwarden.core.normalize.record_fields import RecordContext

Record = dict[str, Any]
_Reader = Callable[[Record, Record, RecordContext], ComputeRead]

ECS = "ecs.amazonaws.com"


def ecs_family_key(ctx: RecordContext, family: str) -> str:
    """The state key of an ECS task definition family: the role of its latest revision."""
    return f"ecs-family:{ctx.account}/{ctx.region}/{family}"


def task_definition_key(value: str, ctx: RecordContext) -> str:
    """A task definition reference (``family``, ``family:revision`` or an ARN of either) as the
    key its role is kept under: the revision's ARN, else the family's."""
    name = value.rsplit("/", 1)[-1] if is_arn(value) else value
    if ":" not in name:
        return ecs_family_key(ctx, name)
    return (
        value
        if is_arn(value)
        else f"arn:{ctx.partition}:ecs:{ctx.region}:{ctx.account}:task-definition/{name}"
    )


def _first(obj: Any, path: str) -> str | None:
    return next((v for v in dig(obj, path) if isinstance(v, str) and v), None)


def _run_task(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """RunTask/StartTask: each task started runs as its task definition's task role, unless the call
    overrides it (``overrides.taskRoleArn``, read from roles.json)."""
    named = _first(params, "taskDefinition")
    if named is None or _first(params, "overrides.taskRoleArn"):
        return ComputeRead()
    grants = []
    for task in dig(response, "tasks"):
        arn = _first(task, "taskArn")
        if arn:
            source = task_definition_key(_first(task, "taskDefinitionArn") or named, ctx)
            grants.append(RoleGrant(ctx, arn, "ECS task", tracks_previous=False, role_from=source))
    return ComputeRead(grants=tuple(grants))


def _service(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """CreateService/UpdateService with a task definition: the service's tasks run as its task role."""
    named = _first(response, "service.taskDefinition") or _first(params, "taskDefinition")
    target = _first(response, "service.serviceArn")
    if named is None or target is None or _first(params, "taskDefinition") is None:
        return ComputeRead()
    created = ctx.event_name == "CreateService"
    grant = RoleGrant(
        ctx, target, "ECS service", tracks_previous=not created, role_from=task_definition_key(named, ctx)
    )
    return ComputeRead(grants=(grant,))


REFERENCES: dict[tuple[str, str], _Reader] = {
    (ECS, "RunTask"): _run_task,
    (ECS, "StartTask"): _run_task,
    (ECS, "CreateService"): _service,
    (ECS, "UpdateService"): _service,
}


def with_references(
    key: tuple[str, str], reader: _Reader | None, extra: _Reader | None = None
) -> _Reader | None:
    """``reader`` (the members the call's request names), followed by what the call takes from a
    configuration it names (``extra``, else the call's entry in ``REFERENCES``)."""
    extra = extra or REFERENCES.get(key)
    if extra is None or reader is None:
        return extra or reader
    first_reader, second_reader = reader, extra

    def both(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
        return first_reader(params, response, ctx) + second_reader(params, response, ctx)

    return both
