"""STS session-making calls (AssumeRole*, GetFederationToken, AssumeRoot): the session they
create and the session tags passed to it, with the transitive tags a chained role carries."""

from __future__ import annotations

from typing import Any

from tagwarden.core.arn import parse_arn
from tagwarden.core.model import SessionGrant, TagChange
from tagwarden.core.model.change import SUCCESS
from tagwarden.core.normalize.handlers import make_change
from tagwarden.core.normalize.operations import OperationSpec, dig, first_present
from tagwarden.core.normalize.record_fields import RecordContext
from tagwarden.core.normalize.result import Normalized
from tagwarden.core.normalize.tagshapes import read_tag_keys, read_tags


def _member(params: dict[str, Any], name: str) -> Any:
    found = first_present(params, (name,))
    return found[1] if found else None


def _session_arn(params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext) -> str:
    """The session's ARN: from the response, else as STS makes it from the request."""
    for path in ("assumedRoleUser.arn", "federatedUser.arn"):
        for value in dig(response or {}, path):
            if isinstance(value, str) and value:
                return value
    if ctx.event_name == "GetFederationToken":
        name = _member(params, "name") or "?"
        return f"arn:{ctx.partition}:sts::{ctx.account}:federated-user/{name}"
    if ctx.event_name == "AssumeRoot":
        return f"arn:{ctx.partition}:iam::{_member(params, 'targetPrincipal') or ctx.account}:root"
    role_arn = _member(params, "roleArn") if isinstance(_member(params, "roleArn"), str) else ""
    parsed = parse_arn(str(role_arn))
    role_account = parsed.account if parsed is not None else ctx.account
    role_name = parsed.resource.rsplit("/", 1)[-1] if parsed is not None else "?"
    session_name = _member(params, "roleSessionName") or "?"
    return f"arn:{ctx.partition}:sts::{role_account}:assumed-role/{role_name}/{session_name}"


def _base_principal(params: dict[str, Any], ctx: RecordContext) -> str:
    """The principal whose tags the session starts from: the role assumed; for a federation
    token, the IAM user that asked for it (its tags, overridden by the session tags); for
    AssumeRoot, the member account's root."""
    if ctx.event_name == "GetFederationToken":
        return ctx.actor.arn
    if ctx.event_name == "AssumeRoot":
        target = _member(params, "targetPrincipal")
        return f"arn:{ctx.partition}:iam::{target}:root" if isinstance(target, str) else ""
    role_arn = _member(params, "roleArn")
    return role_arn if isinstance(role_arn, str) else ""


# Calls where the caller chooses the session's tags itself; for the others an identity provider
# asserts them (AssumeRoleWithSAML, AssumeRoleWithWebIdentity).
CALLER_CHOSEN = frozenset({"AssumeRole", "GetFederationToken", "AssumeRoot"})


def sts_session(
    spec: OperationSpec, params: dict[str, Any], response: dict[str, Any] | None, ctx: RecordContext
) -> Normalized:
    found = first_present(params, spec.tags)
    read = read_tags(found[1]) if found else None
    incoming = read_tags(_member(params, "incomingTransitiveTags")).tags
    transitive, _ = read_tag_keys(_member(params, "transitiveTagKeys"))
    session_arn = _session_arn(params, response, ctx)
    keys = [str(k) for k in dig(response or {}, "credentials.accessKeyId") if isinstance(k, str)]
    session = SessionGrant(
        access_key_id=keys[0] if keys else None,
        role_arn=_base_principal(params, ctx),
        session_arn=session_arn,
        tags={k: v for k, v in (read.tags if read else {}).items() if v is not None},
        transitive_keys=tuple(transitive),
        incoming_transitive_tags={k: v for k, v in incoming.items() if v is not None},
        caller_chosen=ctx.event_name in CALLER_CHOSEN,
    )
    changes: tuple[TagChange, ...] = ()
    if read is not None and (read.tags or read.keys_hidden):
        changes = (
            make_change(
                ctx, spec, session_arn, set=dict(read.tags), keys_hidden=read.keys_hidden, session=session
            ),
        )
    return Normalized(changes=changes, session=session if ctx.outcome == SUCCESS else None, spec=spec)
