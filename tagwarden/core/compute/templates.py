"""Launch templates: what their records teach (each version's instance profile, $Default, $Latest),
and the Auto Scaling groups, EC2 fleets and Spot fleets that run a template version, which take
that version's profile (AWS asks ``iam:PassRole`` of the caller of these calls; the instances are
then launched by the service's own role, which is an AWS service acting for itself).

A grant names the version (``RoleGrant.template``); the state says which profile it has, as
learned from CreateLaunchTemplate, CreateLaunchTemplateVersion (with ``SourceVersion``, whose
profile a version inherits where it names none), ModifyLaunchTemplate, DeleteLaunchTemplate and
DeleteLaunchTemplateVersions. A template or version no record taught gives no role, unless the
daemon learns it from EC2 (``app/pipeline/compute_identity.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

from tagwarden.core.arn import ec2_arn, unresolved_target
from tagwarden.core.compute.fields import EC2
from tagwarden.core.compute.fields import member as _get
from tagwarden.core.compute.fields import text as _str
from tagwarden.core.compute.fields import unwrap as _unwrap
from tagwarden.core.compute.model import ComputeRead, RoleGrant, TemplateRef, TemplateUpdate
from tagwarden.core.compute.state import profile_key
from tagwarden.core.normalize.record_fields import RecordContext

Record = dict[str, Any]
_Reader = Callable[[Record, Record, RecordContext], ComputeRead]

AUTOSCALING = "autoscaling.amazonaws.com"


def _number(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def _version(value: Any) -> str | None:
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else _str(value)


def _elements(value: Any) -> Iterator[Any]:
    """The members of a list as CloudTrail logs it: a list, a lone member (EC2's wrapped requests
    log a list of one as its member, with a ``tag`` index), or an ``item``/``items`` wrapper."""
    if isinstance(value, list):
        for element in value:
            yield from _elements(element)
    elif isinstance(value, dict) and value and set(value) <= {"item", "items"}:
        for inner in value.values():
            yield from _elements(inner)
    elif value is not None:
        yield value


def _scalar(value: Any) -> Any:
    """A member of a string list: EC2's wrapped requests log it as ``{"tag": n, "content": value}``."""
    return value.get("content") if isinstance(value, dict) else value


def _ref(spec: Any, ctx: RecordContext, version: Any = None) -> TemplateRef | None:
    """A LaunchTemplateSpecification ({LaunchTemplateId | LaunchTemplateName, Version})."""
    if not isinstance(spec, dict):
        return None
    template_id, name = _str(_get(spec, "launchTemplateId")), _str(_get(spec, "launchTemplateName"))
    if template_id is None and name is None:
        return None
    return TemplateRef(ctx.account, ctx.region, template_id, name, _version(version or _get(spec, "version")))


def _profile(data: Any, ctx: RecordContext) -> str | None:
    """The profile key of a launch template data's IamInstanceProfile ({Arn} or {Name})."""
    spec = _get(data, "iamInstanceProfile")
    name = _str(_get(spec, "arn")) or _str(_get(spec, "name"))
    return profile_key(ctx.account, name) if name else None


def _grants(
    refs: list[TemplateRef | None], ctx: RecordContext, target: str, kind: str, **extra: Any
) -> ComputeRead:
    chosen = dict.fromkeys(ref for ref in refs if ref is not None)
    return ComputeRead(grants=tuple(RoleGrant(ctx, target, kind, template=ref, **extra) for ref in chosen))


def _auto_scaling_group(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """CreateAutoScalingGroup / UpdateAutoScalingGroup: ``launchTemplate``, or a
    ``mixedInstancesPolicy``'s template and the templates of its ``overrides``. The record names
    no ARN: the target is the group as the tag catalog names it."""
    return _group_templates(_str(_get(params, "autoScalingGroupName")), params, ctx)


def _instance_refresh(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """StartInstanceRefresh with a ``desiredConfiguration``: the group's instances are replaced
    by ones launched from the template versions it names, as UpdateAutoScalingGroup would."""
    desired = _get(params, "desiredConfiguration")
    if not isinstance(desired, dict):
        return ComputeRead()
    return _group_templates(_str(_get(params, "autoScalingGroupName")), desired, ctx)


def _group_templates(name: str | None, config: Any, ctx: RecordContext) -> ComputeRead:
    """The templates a group's configuration names: ``launchTemplate``, or a
    ``mixedInstancesPolicy``'s template and those of its ``overrides``."""
    mixed = _get(config, "mixedInstancesPolicy.launchTemplate")
    specs = [_get(config, "launchTemplate"), _get(mixed, "launchTemplateSpecification")]
    specs += [_get(item, "launchTemplateSpecification") for item in _elements(_get(mixed, "overrides"))]
    if name is None:
        return ComputeRead()
    created = ctx.event_name == "CreateAutoScalingGroup"
    return _grants(
        [_ref(spec, ctx) for spec in specs],
        ctx,
        unresolved_target(ctx.service, "autoscalinggroup", name),
        "Auto Scaling group",
        tracks_previous=not created,
        state_key=f"autoscaling-group:{ctx.account}/{ctx.region}/{name}",
    )


def _fleet_configs(configs: Any, ctx: RecordContext) -> list[TemplateRef | None]:
    return [_ref(_get(config, "launchTemplateSpecification"), ctx) for config in _elements(configs)]


def _ec2_target(resource_id: str | None, ctx: RecordContext, kind: str) -> str:
    found = ec2_arn(resource_id, ctx.region, ctx.account, ctx.partition) if resource_id else None
    return found or unresolved_target("ec2", kind)


def _create_fleet(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """CreateFleet: ``LaunchTemplateConfigs[].LaunchTemplateSpecification``; the fleet is the target."""
    request, answer = _unwrap(params, "CreateFleetRequest"), _unwrap(response, "CreateFleetResponse")
    target = _ec2_target(_str(_get(answer, "fleetId")), ctx, "fleet")
    refs = _fleet_configs(_get(request, "LaunchTemplateConfigs"), ctx)
    return _grants(refs, ctx, target, "EC2 Fleet", tracks_previous=False)


def _request_spot_fleet(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """RequestSpotFleet with ``launchTemplateConfigs`` (its launch specifications' profiles are read
    from roles.json)."""
    request = _unwrap(params, "RequestSpotFleetRequest")
    answer = _unwrap(response, "RequestSpotFleetResponse")
    target = _ec2_target(_str(_get(answer, "spotFleetRequestId")), ctx, "spot-fleet-request")
    refs = _fleet_configs(_get(request, "spotFleetRequestConfig.launchTemplateConfigs"), ctx)
    return _grants(refs, ctx, target, "Spot Fleet", tracks_previous=False)


def _moved_fleet(
    request: Record, fleet_id: str | None, ctx: RecordContext, kind: str, what: str
) -> ComputeRead:
    """A fleet moved to the launch template versions of its ``LaunchTemplateConfigs`` (logged
    under the query name botocore sends, ``LaunchTemplateConfig``, or under the member's); judged
    against the role it ran before."""
    configs = _get(request, "LaunchTemplateConfig") or _get(request, "LaunchTemplateConfigs")
    if fleet_id is None or configs is None:
        return ComputeRead()
    return _grants(_fleet_configs(configs, ctx), ctx, _ec2_target(fleet_id, ctx, kind), what)


def _modify_fleet(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    request = _unwrap(params, "ModifyFleetRequest")
    return _moved_fleet(request, _str(_get(request, "FleetId")), ctx, "fleet", "EC2 Fleet")


def _modify_spot_fleet(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    request = _unwrap(params, "ModifySpotFleetRequestRequest")
    fleet_id = _str(_get(request, "spotFleetRequestId"))
    return _moved_fleet(request, fleet_id, ctx, "spot-fleet-request", "Spot Fleet")


def _template(answer: Any, request: Record, ctx: RecordContext) -> TemplateRef | None:
    """The template a call acted on: the response's, else the request's."""
    template_id = _str(_get(answer, "launchTemplateId")) or _str(_get(request, "LaunchTemplateId"))
    name = _str(_get(answer, "launchTemplateName")) or _str(_get(request, "LaunchTemplateName"))
    if template_id is None and name is None:
        return None
    return TemplateRef(ctx.account, ctx.region, template_id, name)


def _create_template(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    request = _unwrap(params, "CreateLaunchTemplateRequest")
    answer = _get(_unwrap(response, "CreateLaunchTemplateResponse"), "launchTemplate")
    template = _template(answer, request, ctx)
    if template is None or template.template_id is None:
        return ComputeRead()
    update = TemplateUpdate(
        template,
        version=1,
        profile=_profile(_get(request, "LaunchTemplateData"), ctx),
        created=True,
        default=_number(_get(answer, "defaultVersionNumber")) or 1,
        latest=_number(_get(answer, "latestVersionNumber")) or 1,
    )
    return ComputeRead(template_updates=(update,))


def _template_arn(template: TemplateRef, ctx: RecordContext) -> str | None:
    """The template's ARN, where the record gives its id."""
    if not template.template_id:
        return None
    return ec2_arn(template.template_id, ctx.region, ctx.account, ctx.partition)


def _create_version(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """A new version: its profile is the one it names (the response's data, where CloudTrail keeps
    it, else the request's), else that of its ``SourceVersion``. A version that takes its profile
    from its source without naming it is a grant too (the names are read from roles.json)."""
    request = _unwrap(params, "CreateLaunchTemplateVersionRequest")
    answer = _get(_unwrap(response, "CreateLaunchTemplateVersionResponse"), "launchTemplateVersion")
    template, number = _template(answer, request, ctx), _number(_get(answer, "versionNumber"))
    if template is None or number is None:
        return ComputeRead()
    named = _profile(_get(request, "LaunchTemplateData"), ctx)
    profile = named or _profile(_get(answer, "launchTemplateData"), ctx)
    source = _version(_get(request, "SourceVersion"))
    default = number if _get(answer, "defaultVersion") is True else None
    update = TemplateUpdate(template, version=number, profile=profile, source=source, default=default)
    grants: tuple[RoleGrant, ...] = ()
    target = _template_arn(template, ctx)
    if named is None and target is not None and (profile or source):
        kind = "ec2 LaunchTemplateVersion"
        from_source = (
            None if profile else TemplateRef(ctx.account, ctx.region, template.template_id, None, source)
        )
        grants = (RoleGrant(ctx, target, kind, profile=profile, new_version=True, template=from_source),)
    return ComputeRead(grants=grants, template_updates=(update,))


def _modify_template(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    request = _unwrap(params, "ModifyLaunchTemplateRequest")
    answer = _get(_unwrap(response, "ModifyLaunchTemplateResponse"), "launchTemplate")
    template = _template(answer, request, ctx)
    default = _number(_get(answer, "defaultVersionNumber")) or _number(_get(request, "SetDefaultVersion"))
    if template is None or default is None:
        return ComputeRead()
    latest = _number(_get(answer, "latestVersionNumber"))
    update = TemplateUpdate(template, default=default, latest=latest)
    target = _template_arn(template, ctx)
    if template.template_id is None or target is None:
        return ComputeRead(template_updates=(update,))
    # What groups and fleets that run $Default launch from now on: the new default version's
    # role, replacing the old default's (judged before the update is learned).
    ref = TemplateRef(ctx.account, ctx.region, template.template_id, None)
    grant = RoleGrant(
        ctx,
        target,
        "ec2 LaunchTemplate $Default version",
        template=replace(ref, version=str(default)),
        previous_template=replace(ref, version="$Default"),
        state_key=f"launch-template-default:{ctx.account}/{ctx.region}/{template.template_id}",
    )
    return ComputeRead(grants=(grant,), template_updates=(update,))


def _delete_template(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    request = _unwrap(params, "DeleteLaunchTemplateRequest")
    template = _template(
        _get(_unwrap(response, "DeleteLaunchTemplateResponse"), "launchTemplate"), request, ctx
    )
    return (
        ComputeRead(template_updates=(TemplateUpdate(template, removed=True),)) if template else ComputeRead()
    )


def _delete_versions(params: Record, response: Record, ctx: RecordContext) -> ComputeRead:
    """The versions the response says were deleted; where it says nothing, the request's."""
    request = _unwrap(params, "DeleteLaunchTemplateVersionsRequest")
    answer = _unwrap(response, "DeleteLaunchTemplateVersionsResponse")
    done = list(_elements(_get(answer, "successfullyDeletedLaunchTemplateVersionSet")))
    template = _template(done[0] if done else None, request, ctx)
    if done:
        numbers = [_number(_get(item, "versionNumber")) for item in done]
    else:
        numbers = [_number(_scalar(v)) for v in _elements(_get(request, "LaunchTemplateVersion"))]
    deleted = tuple(n for n in numbers if n is not None)
    if template is None or not deleted:
        return ComputeRead()
    return ComputeRead(template_updates=(TemplateUpdate(template, deleted=deleted),))


TEMPLATES: dict[tuple[str, str], _Reader] = {
    (EC2, "CreateLaunchTemplate"): _create_template,
    (EC2, "CreateLaunchTemplateVersion"): _create_version,
    (EC2, "ModifyLaunchTemplate"): _modify_template,
    (EC2, "DeleteLaunchTemplate"): _delete_template,
    (EC2, "DeleteLaunchTemplateVersions"): _delete_versions,
    (AUTOSCALING, "CreateAutoScalingGroup"): _auto_scaling_group,
    (AUTOSCALING, "UpdateAutoScalingGroup"): _auto_scaling_group,
    (AUTOSCALING, "StartInstanceRefresh"): _instance_refresh,
    (EC2, "CreateFleet"): _create_fleet,
    (EC2, "RequestSpotFleet"): _request_spot_fleet,
    (EC2, "ModifyFleet"): _modify_fleet,
    (EC2, "ModifySpotFleetRequest"): _modify_spot_fleet,
}
