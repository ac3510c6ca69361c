"""Organizations calls that take tag governance away: an SCP, RCP or tag policy detached, deleted,
rewritten or disabled, and an account taken out from under them
(https://docs.aws.amazon.com/organizations/latest/APIReference/)."""

from __future__ import annotations

from typing import Any

from tagwarden.core.controls.call import ControlCall
from tagwarden.core.controls.call import text as _text
from tagwarden.core.controls.delivery import GOVERNING_POLICY_TYPES, DeliveryPath
from tagwarden.core.normalize.record_fields import RecordContext


def _policy(ctx: RecordContext, policy_id: str, path: DeliveryPath) -> tuple[str, str, bool]:
    """The policy's ARN, its type as known (or "unknown type"), and whether it governs tag writes."""
    known = path.policies.get(policy_id)
    if known is None:
        # The organization id is not in the record: the ARN is partial until a CreatePolicy or the
        # inventory names the policy.
        return f"arn:{ctx.partition}:organizations::{ctx.account}:policy/{policy_id}", "unknown type", True
    policy_type, arn = known
    return (
        arn or f"arn:{ctx.partition}:organizations::{ctx.account}:policy/{policy_id}",
        policy_type,
        (policy_type in GOVERNING_POLICY_TYPES),
    )


# AWS managed policies that allow everything: detaching one denies more, it never weakens a control.
_FULL_ACCESS = frozenset({"p-FullAWSAccess", "p-RCPFullAWSAccess"})


def org_policy_call(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    policy_id = _text(req.get("policyId"))
    if policy_id in _FULL_ACCESS:
        return None
    if ctx.event_name == "UpdatePolicy" and "content" not in req:
        return None  # a new name or description changes nothing it enforces
    arn, policy_type, governs = _policy(ctx, policy_id, path)
    if not governs:
        return None
    what = {
        "DetachPolicy": f"no longer applies to {_text(req.get('targetId'))}",
        "DeletePolicy": "was deleted",
        "UpdatePolicy": "has new content",
    }[ctx.event_name]
    lost = (
        f"Organizations policy {policy_id} ({policy_type}) {what}: whatever it denied or constrained "
        "(tag writes, tag values) may now be allowed there."
    )
    return ControlCall(ctx, arn, "policy", lost)


def attach_tag_policy(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    """Attaching a policy denies more, except a tag policy: a child's ``@@assign`` replaces the values
    it inherits and ``@@remove`` drops them, where the parent does not forbid those operators
    (https://docs.aws.amazon.com/organizations/latest/userguide/policy-operators.html). Whether this
    one loosens anything depends on its content and its parents': recorded as info."""
    policy_id = _text(req.get("policyId"))
    known = path.policies.get(policy_id)
    if known is None or known[0] != "TAG_POLICY":
        return None
    arn = known[1] or f"arn:{ctx.partition}:organizations::{ctx.account}:policy/{policy_id}"
    return ControlCall(
        ctx,
        arn,
        "policy",
        f"Tag policy {policy_id} was attached to {_text(req.get('targetId'))}: where its parents allow, "
        "its @@assign replaces the tag values and enforced_for they set, and @@remove drops them.",
        certain=False,
    )


def disable_policy_type(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall | None:
    policy_type = _text(req.get("policyType"))
    if policy_type not in GOVERNING_POLICY_TYPES:
        return None
    root = _text(req.get("rootId"))
    target = f"arn:{ctx.partition}:organizations::{ctx.account}:root/{root}"
    return ControlCall(
        ctx,
        target,
        "root",
        f"Policy type {policy_type} was disabled on root {root}: every "
        "policy of that type stopped applying to the whole organization at once.",
    )


def account_leaves(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
    """LeaveOrganization (the account itself) and RemoveAccountFromOrganization (the management
    account): out of the organization, no SCP, RCP or tag policy applies to it, and an
    organization trail no longer logs it."""
    account = _text(req.get("accountId")) or ctx.account
    return ControlCall(
        ctx,
        f"arn:{ctx.partition}:organizations::{ctx.account}:account/{account}",
        "account",
        f"Account {account} left the organization: the SCPs, RCPs and tag policies that governed its tag "
        "writes no longer apply to it, and the organization's trail no longer logs its calls.",
    )


# Trusted access CloudTrail needs to run an organization trail: without it the trail stops logging
# every member account, though it stays and shows as logging
# (https://docs.aws.amazon.com/organizations/latest/userguide/services-that-can-integrate-cloudtrail.html).
_TRAIL_SERVICE = "cloudtrail.amazonaws.com"


def service_access_disabled(
    ctx: RecordContext, req: dict[str, Any], path: DeliveryPath
) -> ControlCall | None:
    if _text(req.get("servicePrincipal")).lower() != _TRAIL_SERVICE:
        return None
    return ControlCall(
        ctx,
        f"arn:{ctx.partition}:organizations::{ctx.account}:account/{ctx.account}",
        "account",
        "CloudTrail's trusted access to the organization was disabled: organization trails stop logging "
        "the member accounts' calls, tag writes included, though they remain and still show as logging.",
    )


def account_moves(ctx: RecordContext, req: dict[str, Any], path: DeliveryPath) -> ControlCall:
    account = _text(req.get("accountId"))
    source, destination = _text(req.get("sourceParentId")), _text(req.get("destinationParentId"))
    return ControlCall(
        ctx,
        f"arn:{ctx.partition}:organizations::{ctx.account}:account/{account}",
        "account",
        f"Account {account} moved from {source} to {destination}: the policies attached to {source} "
        "no longer apply to it; tagwarden does not know whether they governed tag writes.",
        certain=False,
    )
