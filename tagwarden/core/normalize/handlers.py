"""The shape handlers: how a spec's members become TagChanges."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from tagwarden.core.arn import EC2_NAMED_TYPES, EC2_TYPE_PREFIX, ec2_arn, unresolved_target
from tagwarden.core.model import TagChange
from tagwarden.core.model.change import SUCCESS
from tagwarden.core.normalize.elements import element_reads, element_targets, request_elements
from tagwarden.core.normalize.operations import Effect, OperationSpec, dig, first_present
from tagwarden.core.normalize.record_fields import RecordContext
from tagwarden.core.normalize.result import Normalized, Unreadable
from tagwarden.core.normalize.tagshapes import (
    ShapeError,
    TagRead,
    read_removal_values,
    read_tag_keys,
    read_tags,
)
from tagwarden.core.normalize.targets import Target, find_targets, resolve, target_type

_ADDING = (Effect.ADD, Effect.REPLACE, Effect.CREATE, Effect.UPDATE)
_OPTIONAL = (Effect.CREATE, Effect.UPDATE)  # calls that may carry no tags at all


def cloudtrail_name(path: str) -> str:
    """A member path as CloudTrail usually logs it: lowerCamelCase (``Tags`` -> ``tags``)."""
    return ".".join(part[:1].lower() + part[1:] for part in path.split("."))


def _missing(paths: tuple[str, ...]) -> Unreadable:
    names = " or ".join(dict.fromkeys(cloudtrail_name(path) for path in paths))
    return Unreadable(f"requestParameters has no {names} member")


def make_change(ctx: RecordContext, spec: OperationSpec, target: str | Target, **fields: Any) -> TagChange:
    """A change of one target; a resource target the record does not determine is unresolved."""
    if isinstance(target, Target):
        kind = spec.target_kind if target.resolved else "unresolved"
        name = target.name
    else:
        kind, name = spec.target_kind, target
    return TagChange(
        event_id=ctx.event_id,
        event_time=ctx.event_time,
        event_source=ctx.event_source,
        event_name=ctx.event_name,
        account=ctx.account,
        region=ctx.region,
        actor=ctx.actor,
        target=name,
        target_kind=kind,
        outcome=fields.pop("outcome", None) or ctx.outcome,
        **fields,
    )


def _read_set(spec: OperationSpec, params: dict[str, Any]) -> TagRead | None:
    """The tags set, or None where the call carries no tags member."""
    if spec.effect not in _ADDING or not spec.tags:
        return None
    found = first_present(params, spec.tags)
    if found is None:
        if spec.effect in _OPTIONAL or spec.removes:
            return None
        raise _missing(spec.tags)
    return read_tags(found[1])


def _read_removed(spec: OperationSpec, params: dict[str, Any]) -> tuple[list[str], bool] | None:
    if not spec.removes:
        return None
    found = first_present(params, spec.removes)
    if found is None:
        if spec.effect is Effect.REMOVE and not spec.empty_removes_all:
            raise _missing(spec.removes)
        return None
    return read_tag_keys(found[1])


def _targets(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> list[Target]:
    targets = find_targets(spec.target, params, response, ctx)
    if targets:
        return targets
    if ctx.outcome == SUCCESS and spec.effect not in _OPTIONAL:
        members = ", ".join(spec.target.members + spec.target.response_members) or "none"
        raise Unreadable(f"no target found (looked for: {members})")
    service = spec.target.service or ctx.service
    return [Target(unresolved_target(service, target_type(spec.target, params)), False)]


def _own_changes(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> list[TagChange]:
    read = _read_set(spec, params)
    removal = _read_removed(spec, params)
    tag_set = read.tags if read else {}
    removed, keys_hidden = removal if removal else ([], False)
    keys_hidden = keys_hidden or bool(read and read.keys_hidden)
    replace_all = spec.effect in (Effect.REPLACE, Effect.REMOVE_ALL)
    if spec.effect is Effect.REMOVE and removal is not None and not removed and not keys_hidden:
        if not spec.empty_removes_all:
            return []
        replace_all = True
    elif spec.effect is Effect.REMOVE and removal is None:
        replace_all = True  # no key list: every tag goes (EC2 DeleteTags)
    elif not tag_set and not removed and not keys_hidden and spec.effect not in _REMOVE_OR_REPLACE:
        return []
    failed = _failed_targets(response)
    removed_if = _removed_if(spec, params) if removed else {}
    return [
        make_change(
            ctx,
            spec,
            target,
            set=dict(tag_set),
            removed=tuple(removed),
            removed_if=dict(removed_if),
            replace_all=replace_all,
            at_creation=spec.effect is Effect.CREATE,
            keys_hidden=keys_hidden,
            outcome=failed.get(target.name),
        )
        for target in _targets(spec, params, response, ctx)
    ]


def _removed_if(spec: OperationSpec, params: dict[str, Any]) -> dict[str, str]:
    """{key: value} of the keys a removal names with a value, where the call removes such a key
    only if it holds that value (EC2 API reference, DeleteTags, Tag.N)."""
    found = first_present(params, spec.removes) if spec.removes_if_value else None
    return read_removal_values(found[1]) if found is not None else {}


def _failed_targets(response: dict[str, Any] | None) -> dict[str, str]:
    """{ARN: errorCode} of the targets a call reports it did not tag: the tagging API's
    ``failedResourcesMap`` (Resource Groups Tagging API reference, TagResources)."""
    found = first_present(response or {}, ("failedResourcesMap",))
    if found is None or not isinstance(found[1], dict):
        return {}
    failed = {}
    for arn, info in found[1].items():
        code = info.get("errorCode") if isinstance(info, dict) else None
        failed[str(arn)] = str(code or "FailedResource")
    return failed


_REMOVE_OR_REPLACE = (Effect.REPLACE, Effect.REMOVE_ALL)


def _per_element(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> list[TagChange] | None:
    """Tags read through a list (WorkSpaces CreateWorkspaces' ``Workspaces[].Tags``): one change
    per element, on the resource the response says it became, else unresolved (see elements)."""
    found = request_elements(spec, params)
    if found is None:
        return None
    elements, tags_path = found
    reads = element_reads(elements, tags_path.rpartition(".")[2])
    targets = element_targets(spec, elements, tags_path, response, params=params, ctx=ctx)
    return [
        make_change(ctx, spec, target, set=dict(read.tags), at_creation=True, keys_hidden=read.keys_hidden)
        for target, read in zip(targets, reads, strict=True)
        if read.tags or read.keys_hidden
    ]


def generic(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> Normalized:
    per_element = _per_element(spec, params, response, ctx)
    if per_element is not None:
        return Normalized(changes=tuple(per_element), spec=spec)
    changes = _own_changes(spec, params, response, ctx)
    for other in spec.also:
        changes += _own_changes(other, params, response, ctx)
    return Normalized(changes=tuple(changes), spec=spec)


_HEX = frozenset("0123456789abcdef")


def _has_prefix(value: str, prefix: str) -> bool:
    """``vpc-0c4d`` has prefix ``vpc-``; ``vpc-cidr-assoc-0e1f`` does not (it names another type)."""
    rest = value[len(prefix) :]
    return value.startswith(prefix) and bool(rest) and set(rest) <= _HEX


def _created_ids(response: Any, prefix: str, depth: int = 0, in_ids: bool = False) -> list[str]:
    """Ids in responseElements, in document order, that name resources of one EC2 type:
    members named *Id whose value has the type's prefix, and the strings of a list of ids
    (CreateFlowLogs' ``flowLogIdSet``, ``FlowLogIds``)."""
    found: list[str] = []
    if depth > 12:
        return found
    if isinstance(response, dict):
        for key, value in response.items():
            folded = key.casefold()
            if isinstance(value, str):
                if (folded.endswith("id") or in_ids) and _has_prefix(value, prefix):
                    found.append(value)
            else:
                ids = in_ids or folded.endswith(("idset", "ids"))
                found.extend(_created_ids(value, prefix, depth + 1, ids))
    elif isinstance(response, list):
        for item in response:
            if isinstance(item, str) and in_ids and _has_prefix(item, prefix):
                found.append(item)
            else:
                found.extend(_created_ids(item, prefix, depth + 1, in_ids))
    return list(dict.fromkeys(found)) if depth == 0 else found


def _strings_in(value: Any, depth: int = 0) -> Iterator[str]:
    if depth > 12:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings_in(item, depth + 1)
    elif isinstance(value, list):
        for item in value:
            yield from _strings_in(item, depth + 1)


def _specifications(params: dict[str, Any], spec: OperationSpec) -> list[Any]:
    paths = ("tagSpecificationSet", *spec.tags, "tagSpecifications", "TagSpecification")
    found = first_present(params, paths)
    if found is None:
        return []
    value = found[1]
    if isinstance(value, dict):
        return list(dig({"s": value}, "s.items"))
    if isinstance(value, list):
        return value
    raise ShapeError("tag specifications are neither a list nor an object")


def _ec2_target(resource_id: str, resource_type: str, ctx: RecordContext) -> Target:
    arn = ec2_arn(resource_id, ctx.region, ctx.account, ctx.partition)
    return Target(arn, True) if arn else Target(unresolved_target("ec2", resource_type, resource_id), False)


# Where the EC2 API reference's responses name a created resource whose ARN holds its name.
_EC2_NAMES = {"key-pair": ("keyName",), "placement-group": ("placementGroup.groupName",)}


def _ec2_named_targets(
    resource_type: str, response: dict[str, Any] | None, ctx: RecordContext
) -> list[Target]:
    names = [
        v
        for path in _EC2_NAMES.get(resource_type, ())
        for v in dig(response or {}, path)
        if isinstance(v, str)
    ]
    return [
        Target(f"arn:{ctx.partition}:ec2:{ctx.region}:{ctx.account}:{resource_type}/{name}", True)
        for name in names[:1]
    ]


def tag_specifications(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> Normalized:
    """[{ResourceType, Tags}]: one change per resource of each type the call created. EC2 ids
    are found in the response by their type prefix; other services' targets stay unknown."""
    changes: list[TagChange] = []
    for item in _specifications(params, spec):
        if not isinstance(item, dict):
            raise ShapeError("a tag specification is not an object")
        resource_type = item.get("resourceType") or item.get("ResourceType")
        tags_member = first_present(item, ("tags", "tag", "tagSet"))
        if not isinstance(resource_type, str) or tags_member is None:
            continue
        read = read_tags(tags_member[1])
        if not read.tags and not read.keys_hidden:
            continue
        prefix = EC2_TYPE_PREFIX.get(resource_type) if spec.target.id_kind == "ec2" else None
        ids = _created_ids(response, prefix) if prefix and response else []
        # An id the request gave names a resource that was there before (CreateTransitGatewayConnect's
        # transportTransitGatewayAttachmentId, echoed in its response): the service made the others.
        given = set(_strings_in(params)) if ids else set()
        targets = [_ec2_target(i, resource_type, ctx) for i in ids if i not in given]
        if resource_type in EC2_NAMED_TYPES and spec.target.id_kind == "ec2":
            targets = _ec2_named_targets(resource_type, response, ctx) or targets
        for target in targets or [Target(unresolved_target(ctx.service, resource_type), False)]:
            changes.append(
                make_change(
                    ctx, spec, target, set=dict(read.tags), at_creation=True, keys_hidden=read.keys_hidden
                )
            )
    return Normalized(changes=tuple(changes), spec=spec)


def per_tag_target(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> Normalized:
    """Tags that each carry their target (Auto Scaling's ResourceId): one change per target."""
    paths = spec.tags or spec.removes
    found = first_present(params, paths)
    if found is None:
        raise _missing(paths)
    items = found[1] if isinstance(found[1], list) else [found[1]]
    grouped: dict[Target, TagRead] = {}
    for item in items:
        if not isinstance(item, dict):
            raise ShapeError("a tag in the list is not an object")
        located = first_present(item, spec.target.members)
        if located is None or not isinstance(located[1], str) or not located[1]:
            raise Unreadable(f"a tag names no target (looked for: {', '.join(spec.target.members)})")
        target = resolve(located[1], spec.target, params, ctx, located[0])
        read = read_tags([item])
        into = grouped.setdefault(target, TagRead())
        into.tags.update(read.tags)
        into.keys_hidden |= read.keys_hidden
    removing = spec.effect is Effect.REMOVE
    changes = tuple(
        make_change(
            ctx,
            spec,
            target,
            set={} if removing else dict(read.tags),
            removed=tuple(read.tags) if removing else (),
            at_creation=spec.effect is Effect.CREATE,
            keys_hidden=read.keys_hidden,
        )
        for target, read in grouped.items()
    )
    return Normalized(changes=changes, spec=spec)
