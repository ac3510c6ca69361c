"""The shape handlers: how a spec's members become TagChanges."""

from __future__ import annotations

from typing import Any

from tagwarden.model import SessionGrant, TagChange
from tagwarden.model.change import SUCCESS
from tagwarden.normalize.arns import EC2_TYPE_PREFIX, ec2_arn, unknown_target
from tagwarden.normalize.context import RecordContext
from tagwarden.normalize.operations import Effect, OperationSpec, dig, first_present
from tagwarden.normalize.result import Normalized, Unreadable
from tagwarden.normalize.tagshapes import ShapeError, read_tag_keys, read_tags
from tagwarden.normalize.targets import find_targets

_ADDING = (Effect.ADD, Effect.REPLACE, Effect.CREATE, Effect.UPDATE)


def _change(ctx: RecordContext, spec: OperationSpec, target: str, **fields: Any) -> TagChange:
    return TagChange(
        event_id=ctx.event_id,
        event_time=ctx.event_time,
        event_source=ctx.event_source,
        event_name=ctx.event_name,
        account=ctx.account,
        region=ctx.region,
        actor=ctx.actor,
        target=target,
        target_kind=spec.target_kind,
        outcome=ctx.outcome,
        **fields,
    )


def generic(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> Normalized:
    tag_set: dict[str, str | None] = {}
    removed: list[str] = []
    replace_all = spec.effect in (Effect.REPLACE, Effect.REMOVE_ALL)
    keys_hidden = False
    found = first_present(params, spec.tags) if spec.tags else None
    if spec.effect in _ADDING:
        if found is None:
            if spec.effect in (Effect.CREATE, Effect.UPDATE):
                return Normalized(spec=spec)  # created or updated without tags
            raise Unreadable(f"requestParameters has no {' or '.join(spec.tags)} member")
        read = read_tags(found[1])
        tag_set, keys_hidden = read.tags, read.keys_hidden
        if not tag_set and not keys_hidden and spec.effect is not Effect.REPLACE:
            return Normalized(spec=spec)
    elif spec.effect is Effect.REMOVE:
        if found is None and not spec.empty_removes_all:
            raise Unreadable(f"requestParameters has no {' or '.join(spec.tags)} member")
        removed, keys_hidden = read_tag_keys(found[1]) if found else ([], False)
        if not removed and not keys_hidden:
            if not spec.empty_removes_all:
                return Normalized(spec=spec)
            replace_all = True
    targets = find_targets(spec.target, params, response, ctx)
    if not targets:
        if ctx.outcome == SUCCESS and spec.effect is not Effect.CREATE:
            members = ", ".join(spec.target.members + spec.target.response_members) or "none"
            raise Unreadable(f"no target found (looked for: {members})")
        targets = [unknown_target(ctx.service, spec.target.resource_type)]
    changes = tuple(
        _change(
            ctx,
            spec,
            target,
            set=dict(tag_set),
            removed=tuple(removed),
            replace_all=replace_all,
            at_creation=spec.effect is Effect.CREATE,
            keys_hidden=keys_hidden,
        )
        for target in targets
    )
    return Normalized(changes=changes, spec=spec)


def _created_ids(response: Any, prefix: str) -> list[str]:
    """Ids in responseElements that name resources of one EC2 type: members named *Id whose
    value has the type's prefix."""
    found: dict[str, None] = {}
    stack = [response]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if isinstance(value, str):
                    if key.casefold().endswith("id") and value.startswith(prefix):
                        found.setdefault(value, None)
                elif isinstance(value, (dict, list)):
                    stack.append(value)
        elif isinstance(item, list):
            stack.extend(reversed(item))
    return list(found)


def ec2_tag_specifications(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> Normalized:
    found = first_present(params, ("tagSpecificationSet", "tagSpecifications", "TagSpecification"))
    if found is None:
        return Normalized(spec=spec)
    changes: list[TagChange] = []
    for item in dig({"s": found[1]}, "s.items") if isinstance(found[1], dict) else found[1]:
        if not isinstance(item, dict):
            raise ShapeError("a tag specification is not an object")
        resource_type = item.get("resourceType") or item.get("ResourceType")
        tags_member = first_present(item, ("tags", "tag", "tagSet"))
        if not isinstance(resource_type, str) or tags_member is None:
            continue
        read = read_tags(tags_member[1])
        if not read.tags and not read.keys_hidden:
            continue
        prefix = EC2_TYPE_PREFIX.get(resource_type)
        ids = _created_ids(response, prefix) if prefix and response else []
        targets = [ec2_arn(i, ctx.region, ctx.account, ctx.partition) for i in ids]
        for target in targets or [unknown_target("ec2", resource_type)]:
            changes.append(
                _change(
                    ctx, spec, target, set=dict(read.tags), at_creation=True, keys_hidden=read.keys_hidden
                )
            )
    return Normalized(changes=tuple(changes), spec=spec)


def _session_arn(params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext) -> str:
    for value in dig(response or {}, "assumedRoleUser.arn"):
        if isinstance(value, str) and value:
            return value
    role_arn = params.get("roleArn") if isinstance(params.get("roleArn"), str) else ""
    parts = str(role_arn).split(":", 5)
    role_account = parts[4] if len(parts) == 6 else ctx.account
    role_name = parts[5].rsplit("/", 1)[-1] if len(parts) == 6 else "?"
    session_name = params.get("roleSessionName") or "?"
    return f"arn:{ctx.partition}:sts::{role_account}:assumed-role/{role_name}/{session_name}"


def sts_session(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> Normalized:
    found = first_present(params, spec.tags)
    read = read_tags(found[1]) if found else None
    incoming = read_tags(params.get("incomingTransitiveTags")).tags
    transitive, _ = read_tag_keys(params.get("transitiveTagKeys"))
    session_arn = _session_arn(params, response, ctx)
    keys = [str(k) for k in dig(response or {}, "credentials.accessKeyId") if isinstance(k, str)]
    role_arn = params.get("roleArn")
    session = SessionGrant(
        access_key_id=keys[0] if keys else None,
        role_arn=role_arn if isinstance(role_arn, str) else "",
        session_arn=session_arn,
        tags={k: v for k, v in (read.tags if read else {}).items() if v is not None},
        transitive_keys=tuple(transitive),
        incoming_transitive_tags={k: v for k, v in incoming.items() if v is not None},
        caller_chosen=ctx.event_name == "AssumeRole",
    )
    changes: tuple[TagChange, ...] = ()
    if read is not None and (read.tags or read.keys_hidden):
        changes = (
            _change(
                ctx, spec, session_arn, set=dict(read.tags), keys_hidden=read.keys_hidden, session=session
            ),
        )
    return Normalized(changes=changes, session=session if ctx.outcome == SUCCESS else None, spec=spec)
