"""IAM calls on the roles tagwarden itself reads with: its own, and the read-only role it assumes
in each account. A policy detached, denied or replaced there, a trust policy rewritten or the role
deleted, and tagwarden can no longer read the trail, the queue or the inventory: blinded without a
trail or bucket being touched. Calls on other roles are not controls."""

from __future__ import annotations

from typing import Any

from tagwarden.core.controls.call import ControlCall
from tagwarden.core.controls.call import text as _text
from tagwarden.core.controls.delivery import DeliveryPath
from tagwarden.core.normalize.record_fields import RecordContext

_ROLE_LOSS = {
    "AttachRolePolicy": "policy {policyArn} was attached (a Deny in it refuses tagwarden's reads)",
    "DetachRolePolicy": "policy {policyArn} was detached (the reads it allowed are refused)",
    "PutRolePolicy": "inline policy {policyName} was put (a Deny in it, or fewer Allows than it had, "
    "refuses tagwarden's reads)",
    "DeleteRolePolicy": "inline policy {policyName} was deleted (the reads it allowed are refused)",
    "PutRolePermissionsBoundary": "its permissions boundary became {permissionsBoundary} (what the "
    "boundary leaves out is refused)",
    "UpdateAssumeRolePolicy": "its trust policy was replaced (tagwarden may no longer assume it)",
    "DeleteRole": "it was deleted",
}
ROLE_CALLS = tuple(_ROLE_LOSS)


def watcher_role_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    role = _text(req.get("roleName"))
    purpose = path.watcher_role(ctx.account, role)
    if purpose is None:
        return None
    fields = {
        name: _text(req.get(name)) or "?" for name in ("policyArn", "policyName", "permissionsBoundary")
    }
    what = _ROLE_LOSS[ctx.event_name].format(**fields)
    arn = f"arn:{ctx.partition}:iam::{ctx.account}:role/{role}"
    return ControlCall(
        ctx, arn, "role", f"Role {role} is {purpose}; {what}: what tagwarden reads with it may go unread."
    )


_POLICY_LOSS = {
    "CreatePolicyVersion": "a new version of it became the default",
    "SetDefaultPolicyVersion": "its default version became {versionId}",
}
POLICY_CALLS = tuple(_POLICY_LOSS)


def watcher_policy_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """A managed policy attached to a role tagwarden reads with (or its permissions boundary) given a
    new default version: the role's permissions change without a call on the role itself."""
    if ctx.event_name == "CreatePolicyVersion" and req.get("setAsDefault") not in (True, "true"):
        return None  # not in force until SetDefaultPolicyVersion, which is judged in its turn
    arn = _text(req.get("policyArn"))
    roles = path.roles_governed_by(arn)
    if not roles:
        return None
    purposes = " and ".join(f"role {role} ({path.watcher_role(account, role)})" for account, role in roles)
    what = _POLICY_LOSS[ctx.event_name].format(versionId=_text(req.get("versionId")) or "?")
    return ControlCall(
        ctx,
        arn,
        "policy",
        f"Policy {arn} governs {purposes}; {what} (a Deny in it, or fewer "
        "Allows than it had, refuses tagwarden's reads): what tagwarden reads with it may go unread.",
    )
