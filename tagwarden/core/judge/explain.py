"""One paragraph per finding, written for the engineer who has to judge it at 3 a.m."""

from __future__ import annotations

from tagwarden.core.governance.compiled import CompiledRule
from tagwarden.core.judge.writes import KeyWrite
from tagwarden.core.model import TagChange
from tagwarden.core.model.kinds import Facts, why


def _value(value: str | None, known: bool = True) -> str:
    if not known:
        return "an unknown value"
    return "nothing" if value is None else repr(value)


def describe_change(change: TagChange, write: KeyWrite) -> str:
    who = change.actor.arn
    if change.actor.session_arn:
        who += f" (session {change.actor.session_arn})"
    was = f"was {_value(write.old, write.old_known)}"
    if write.removal:
        verb, what = "remove", f"tag {write.key!r} ({was})"
    elif write.hidden:
        verb, what = "set", f"tag {write.key!r} to a value CloudTrail hid ({was})"
    else:
        verb, what = "set", f"tag {write.key!r} from {_value(write.old, write.old_known)} to {write.new!r}"
    done = f"tried to {verb}" if not change.succeeded else ("removed" if verb == "remove" else "set")
    how = f"with {change.action} at {change.event_time}"
    if change.at_creation:
        how += ", while creating it"
    return f"{who} {done} {what} on {change.target} {how}."


def explain(
    kind: str,
    change: TagChange,
    write: KeyWrite,
    actor_value: str | None,
    rule: CompiledRule | None,
    *,
    writers: str | None = None,
) -> str:
    """``writers``: who the rule lets write this key, where not its writers (the grantors of a
    key that makes a writer)."""
    facts = Facts(
        key=write.key,
        new=write.new,
        removal=write.removal,
        target_kind=change.target_kind,
        outcome=change.outcome,
        actor_value=actor_value,
        rule_id=rule.id if rule is not None else None,
        rule_writers=writers or (rule.describe_writers() if rule is not None else None),
        rule_values=rule.describe_values() if rule is not None else None,
    )
    return f"{describe_change(change, write)} {why(kind, facts)} {unresolved_note(change)}".strip()


def unresolved_note(change: TagChange) -> str:
    """For a target the record does not name by ARN: say so, and what that means for the verdict."""
    if change.target_kind != "unresolved":
        return ""
    return (
        f"The record does not determine the target's ARN ({change.target} is what it says of it), so "
        "its earlier tags are unknown to tagwarden; check the resource itself."
    )
