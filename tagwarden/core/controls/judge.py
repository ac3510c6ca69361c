"""A control call in, its ``control_tamper`` finding out."""

from __future__ import annotations

from collections.abc import Mapping

from tagwarden.core.controls.classify import ControlCall
from tagwarden.core.governance.compiled import ActorView, CompiledPolicy
from tagwarden.core.model import Finding, new_finding
from tagwarden.core.model.finding import Severity, origin_of

KIND = "control_tamper"
NO_TAG_KEY = ""  # findings are keyed by tag key in the store, which takes no null: a control has none


def judge_control(
    call: ControlCall, policy: CompiledPolicy, actor_tags: Mapping[str, str] | None, created_at: str = ""
) -> Finding:
    """Severity: ``info`` for a listed controls writer (recorded, not alerted); ``warning`` for a failed
    attempt; ``info`` where tagwarden cannot tell the target carries CloudTrail; else the kind's
    (critical unless the policy's ``severities`` says otherwise)."""
    ctx = call.context
    actor = ActorView(ctx.actor.arn, ctx.actor.invoked_by, actor_tags)
    failed = ctx.outcome != "success"
    severity: Severity
    if policy.listed_controls_writer(actor):
        severity, note = "info", "The actor is a listed controls writer (policy controls.writers)."
    elif failed:
        severity = "warning"
        note = f"The call failed with {ctx.outcome}, so nothing was lost yet: someone tried."
    elif not call.certain:
        severity, note = "info", ""
    else:
        severity, note = policy.severity(KIND), "The actor is not a listed controls writer."
    lost = call.lost if not failed else "Had it succeeded: " + call.lost[0].lower() + call.lost[1:]
    origin = origin_of(ctx)
    return new_finding(
        KIND,
        origin,
        target=call.target,
        target_kind=call.target_kind,
        tag_key=NO_TAG_KEY,
        old_value=None,
        new_value=None,
        explanation=f"{lost} {note}".strip(),
        severity=severity,
        created_at=created_at,
    )
