"""CloudTrail records to role grants and instance profile updates.

A record that gives no compute resource a role costs one dictionary lookup. The operations are
hand-written for EC2, IAM instance profiles, Lambda and ECS (their shapes need care: EC2 wraps its
newer calls' parameters, instance profiles indirect the role), for launch templates and the groups
and fleets that run them (``templates.py``), and table-driven for the rest, from ``roles.json``
(generated from botocore's models, see docs/compute-identity.md).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

from tagwarden.core.arn import ec2_arn, ec2_resource_type, is_arn, unresolved_target
from tagwarden.core.compute.fields import EC2
from tagwarden.core.compute.fields import member as _get
from tagwarden.core.compute.fields import text as _str
from tagwarden.core.compute.fields import unwrap as _unwrap
from tagwarden.core.compute.model import ComputeRead, ProfileUpdate, RoleGrant
from tagwarden.core.compute.references import REFERENCES, ecs_family_key, with_references
from tagwarden.core.compute.state import profile_key
from tagwarden.core.compute.templates import TEMPLATES
from tagwarden.core.model.change import SUCCESS
from tagwarden.core.normalize.normalizer import default_specs
from tagwarden.core.normalize.operations import TargetRule, dig
from tagwarden.core.normalize.record_fields import RecordContext, record_context
from tagwarden.core.normalize.targets import find_targets

Record = dict[str, Any]
_Reader = Callable[[dict[str, Any], dict[str, Any], RecordContext], ComputeRead]
TargetRules = Callable[[str, str], "TargetRule | None"]

IAM = "iam.amazonaws.com"
LAMBDA = "lambda.amazonaws.com"
ECS = "ecs.amazonaws.com"


def role_arn(value: str, ctx: RecordContext) -> str:
    """A role ARN from a member that takes an ARN or a bare role name (Glue, CodeBuild)."""
    if is_arn(value):
        return value
    return f"arn:{ctx.partition}:iam::{ctx.account}:role/{value.rsplit('/', 1)[-1]}"


def _profile_spec(spec: Any, ctx: RecordContext) -> str | None:
    """The profile key of an IamInstanceProfileSpecification ({Arn} or {Name})."""
    name = _str(_get(spec, "arn")) or _str(_get(spec, "name"))
    return profile_key(ctx.account, name) if name else None


def _instance(instance_id: str | None, ctx: RecordContext) -> str | None:
    return ec2_arn(instance_id, ctx.region, ctx.account, ctx.partition) if instance_id else None


def _run_instances(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    # The response names the profile each instance got, also where a launch template chose it.
    requested = _profile_spec(_get(params, "iamInstanceProfile"), ctx)
    grants = []
    for item in dig(response, "instancesSet.items"):
        target = _instance(_str(_get(item, "instanceId")), ctx)
        profile = _profile_spec(_get(item, "iamInstanceProfile"), ctx) or requested
        if target and profile:
            grants.append(RoleGrant(ctx, target, "EC2 instance", profile=profile))
    return ComputeRead(grants=tuple(grants))


def _association(params: Record, response: Record, ctx: RecordContext, op: str) -> ComputeRead:
    request = _unwrap(params, f"{op}Request")
    answer = _get(_unwrap(response, f"{op}Response"), "iamInstanceProfileAssociation")
    profile = _profile_spec(_get(answer, "iamInstanceProfile"), ctx) or _profile_spec(
        _get(request, "IamInstanceProfile"), ctx
    )
    instance_id = _str(_get(answer, "instanceId")) or _str(_get(request, "InstanceId"))
    replaced = _str(_get(request, "AssociationId")) if op.startswith("Replace") else None
    target = _instance(instance_id, ctx)
    if profile is None or (target is None and replaced is None):
        return ComputeRead()
    grant = RoleGrant(
        ctx,
        target or f"ec2:iam-instance-profile-association/{replaced}",
        "EC2 instance",
        profile=profile,
        replaces_association=replaced,
        association_id=_str(_get(answer, "associationId")),
    )
    return ComputeRead(grants=(grant,))


def _associate(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    return _association(params, response, ctx, "AssociateIamInstanceProfile")


def _replace(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    return _association(params, response, ctx, "ReplaceIamInstanceProfileAssociation")


def _disassociate(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """The instance runs with no profile any more: a grant of no role, which only the state learns."""
    op = "DisassociateIamInstanceProfile"
    answer = _get(_unwrap(response, f"{op}Response"), "iamInstanceProfileAssociation")
    target = _instance(_str(_get(answer, "instanceId")), ctx)
    if target is None:
        return ComputeRead()
    return ComputeRead(grants=(RoleGrant(ctx, target, "EC2 instance"),))


def _profile_arn(name: str, ctx: RecordContext) -> str:
    return f"arn:{ctx.partition}:iam::{ctx.account}:instance-profile/{name}"


def _create_profile(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    created = _get(response, "instanceProfile")
    name = _str(_get(created, "instanceProfileName")) or _str(_get(params, "instanceProfileName"))
    if name is None:
        return ComputeRead()
    arn = _str(_get(created, "arn")) or _profile_arn(name, ctx)
    return ComputeRead(profile_updates=(ProfileUpdate(profile_key(ctx.account, name), arn, None),))


def _add_role(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    name, role = _str(_get(params, "instanceProfileName")), _str(_get(params, "roleName"))
    if name is None or role is None:
        return ComputeRead()
    key, arn, role = profile_key(ctx.account, name), _profile_arn(name, ctx), role_arn(role, ctx)
    grant = RoleGrant(ctx, arn, "instance profile", role=role)
    return ComputeRead(grants=(grant,), profile_updates=(ProfileUpdate(key, arn, role),))


def _remove_role(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    name, role = _str(_get(params, "instanceProfileName")), _str(_get(params, "roleName"))
    if name is None:
        return ComputeRead()
    update = ProfileUpdate(
        profile_key(ctx.account, name),
        _profile_arn(name, ctx),
        None,
        removed=role_arn(role, ctx) if role else None,
    )
    return ComputeRead(profile_updates=(update,))


def _lambda_function(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    role = _str(_get(params, "role"))
    if role is None:  # UpdateFunctionConfiguration without a new role
        return ComputeRead()
    target = _str(_get(response, "functionArn"))
    name = _str(_get(params, "functionName"))
    if target is None and name:
        target = (
            name if is_arn(name) else f"arn:{ctx.partition}:lambda:{ctx.region}:{ctx.account}:function:{name}"
        )
    if target is None:
        return ComputeRead()
    # A function created under the name of a deleted one is new: it had no role before.
    created = ctx.event_name.startswith("CreateFunction")
    grant = RoleGrant(ctx, target, "Lambda function", role=role_arn(role, ctx), tracks_previous=not created)
    return ComputeRead(grants=(grant,))


def _task_definition(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    role = _str(_get(params, "taskRoleArn"))
    if role is None:
        return ComputeRead()
    family = _str(_get(params, "family")) or ""
    target = _str(_get(response, "taskDefinition.taskDefinitionArn")) or (
        f"arn:{ctx.partition}:ecs:{ctx.region}:{ctx.account}:task-definition/{family}"
    )
    grant = RoleGrant(
        ctx,
        target,
        "ECS task definition",
        role=role_arn(role, ctx),
        tracks_previous=False,
        family=ecs_family_key(ctx, family),
        new_version=True,
    )
    return ComputeRead(grants=(grant,))


def _lambda_names(name: str, version: str) -> tuple[str, ...]:
    return (name, f"{name}{version}", f"{name}{version}v2")


def _hand_written() -> dict[tuple[str, str], _Reader]:
    readers: dict[tuple[str, str], _Reader] = {
        (EC2, "RunInstances"): _run_instances,
        (EC2, "AssociateIamInstanceProfile"): _associate,
        (EC2, "ReplaceIamInstanceProfileAssociation"): _replace,
        (EC2, "DisassociateIamInstanceProfile"): _disassociate,
        (IAM, "CreateInstanceProfile"): _create_profile,
        (IAM, "AddRoleToInstanceProfile"): _add_role,
        (IAM, "RemoveRoleFromInstanceProfile"): _remove_role,
        (ECS, "RegisterTaskDefinition"): _task_definition,
    }
    for name in (
        *_lambda_names("CreateFunction", "20150331"),
        *_lambda_names("UpdateFunctionConfiguration", "20150331"),
    ):
        readers[(LAMBDA, name)] = _lambda_function
    return readers


HAND_WRITTEN: dict[tuple[str, str], _Reader] = _hand_written()


@cache
def generated_operations() -> tuple[dict[str, Any], ...]:
    """The role-taking create/update operations found in botocore's models (roles.json)."""
    text = resources.files("tagwarden.core.compute").joinpath("roles.json").read_text(encoding="utf-8")
    return tuple(json.loads(text)["operations"])


def _first_arn(obj: Any, depth: int = 0) -> str | None:
    """The first ``...Arn`` member of a response that holds an ARN other than a role's."""
    if not isinstance(obj, dict) or depth > 2:
        return None
    for key, value in obj.items():
        if isinstance(value, str) and key.lower().endswith("arn") and is_arn(value) and ":role/" not in value:
            return value
    for value in obj.values():
        found = _first_arn(value, depth + 1)
        if found:
            return found
    return None


def _first_ec2_id(obj: Any, ctx: RecordContext, depth: int = 0) -> str | None:
    """The first EC2 resource id a response names (``launchTemplateId``: ``lt-...``)."""
    if not isinstance(obj, dict) or depth > 2:
        return None
    for key, value in obj.items():
        if isinstance(value, str) and key.lower().endswith("id") and ec2_resource_type(value) is not None:
            return ec2_arn(value, ctx.region, ctx.account, ctx.partition)
    for value in obj.values():
        found = _first_ec2_id(value, ctx, depth + 1)
        if found:
            return found
    return None


class _Generic:
    """An operation of roles.json: every role (or instance profile) member the request holds gives
    the call's resource that role. The resource is the one the tag catalog names for the same call,
    else the first ARN (or EC2 id) of the response."""

    def __init__(self, entry: Mapping[str, Any], rule: TargetRule | None) -> None:
        self.op = str(entry["op"])
        self.roles = tuple(entry.get("roles", ()))
        self.profiles = tuple(entry.get("profiles", ()))
        self.kind = f"{entry['model']} {_noun(self.op)}"
        # Create* makes a new resource, which had no role before even where a deleted one had its
        # name; Create*Version adds a version to a resource that has one.
        self.creates = self.op.startswith("Create") and not self.op.endswith("Version")
        self.new_version = self.op.startswith("Create") and self.op.endswith("Version")
        self.rule = rule

    def _target(self, params: Record, response: Record, ctx: RecordContext) -> str:
        targets = find_targets(self.rule, params, response or None, ctx) if self.rule else []
        if targets:
            return targets[0].name
        found = _first_arn(response)
        if found is None and ctx.event_source == EC2:
            found = _first_ec2_id(response, ctx)
        return found or unresolved_target(ctx.service, _noun(self.op))

    def __call__(self, params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
        params, response = _unwrap(params, f"{self.op}Request"), _unwrap(response, f"{self.op}Response")
        roles = [role_arn(v, ctx) for path in self.roles for v in dig(params, path) if _str(v)]
        profiles = [
            profile_key(ctx.account, v) for path in self.profiles for v in dig(params, path) if _str(v)
        ]
        if not roles and not profiles:
            return ComputeRead()
        target = self._target(params, response, ctx)
        # A placeholder target (the record names no resource) is shared by every such call: it has
        # no role of its own before.
        tracks = is_arn(target) and not self.creates
        grants = [
            RoleGrant(ctx, target, self.kind, role=r, tracks_previous=tracks, new_version=self.new_version)
            for r in dict.fromkeys(roles)
        ]
        grants += [
            RoleGrant(ctx, target, self.kind, profile=p, tracks_previous=tracks, new_version=self.new_version)
            for p in dict.fromkeys(profiles)
        ]
        return ComputeRead(grants=tuple(grants))


def _noun(operation: str) -> str:
    for verb in ("Create", "Update", "Register", "Put", "Modify", "Start", "Run", "Request", "Add"):
        if operation.startswith(verb):
            return operation[len(verb) :] or operation
    return operation


def _catalog_targets() -> TargetRules:
    """Where the tag catalog finds each operation's resource: the same target for both findings."""
    targets = {spec.key: spec.target for spec in default_specs()}
    return lambda source, name: targets.get((source, name))


class ComputeReader:
    """``read(record)``: the grants and profile updates a successful record makes, or None."""

    def __init__(self, target_rules: TargetRules | None = None, generated: bool = True) -> None:
        self._readers: dict[tuple[str, str], _Reader] = {}
        rules = target_rules or _catalog_targets()
        for entry in generated_operations() if generated else ():
            rule = rules(entry["src"], entry["op"])
            for name in (entry["op"], *entry.get("aliases", ())):
                self._readers[(entry["src"], name)] = _Generic(entry, rule)
        self._readers.update(HAND_WRITTEN)
        for key in REFERENCES:
            found = with_references(key, self._readers.get(key))
            if found is not None:
                self._readers[key] = found
        for key, extra in TEMPLATES.items():  # launch templates, and what runs them
            found = with_references(key, self._readers.get(key), extra)
            if found is not None:
                self._readers[key] = found

    def __len__(self) -> int:
        return len(self._readers)

    def handles(self, event_source: str, event_name: str) -> bool:
        """Whether records of this call may give a compute resource a role."""
        return (event_source, event_name) in self._readers

    def operations(self) -> Iterator[tuple[str, str]]:
        return iter(sorted(self._readers))

    def read(self, record: Record) -> ComputeRead | None:
        try:
            reader = self._readers.get((record.get("eventSource"), record.get("eventName")))  # type: ignore[arg-type]
        except TypeError:
            return None
        if reader is None or record.get("errorCode"):
            return None
        params, response = record.get("requestParameters"), record.get("responseElements")
        if not isinstance(params, dict):
            return None
        ctx = record_context(record)
        if ctx.outcome != SUCCESS:
            return None
        try:
            found = reader(params, response if isinstance(response, dict) else {}, ctx)
        except (TypeError, ValueError, AttributeError, KeyError):
            return None
        return found or None
