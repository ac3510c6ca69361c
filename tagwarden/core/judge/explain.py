"""One paragraph per finding, written for the engineer who has to judge it at 3 a.m."""

from __future__ import annotations

from tagwarden.core.governance.compiled import CompiledRule
from tagwarden.core.judge.writes import KeyWrite
from tagwarden.core.model import TagChange


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
    kind: str, change: TagChange, write: KeyWrite, actor_value: str | None, rule: CompiledRule | None
) -> str:
    base = describe_change(change, write)
    key = write.key
    mine = (
        f"the actor's own {key!r} tag is {actor_value!r}"
        if actor_value is not None
        else f"the actor's own {key!r} tag is unknown"
    )
    if kind == "self_grant":
        why = (
            f"The new value is the actor's own {key!r} value, so under ABAC the actor granted itself "
            f"access to this resource. The actor is not a listed writer of {key!r}."
        )
    elif kind == "self_retag":
        if change.target_kind == "session":
            why = (
                f"The caller passed {key!r} as a session tag for the session it is creating, and {mine}: "
                "it chose the ABAC identity its own session will carry."
            )
        else:
            why = (
                f"The actor changed the ABAC tag {key!r} on its own principal, which changes what every "
                "ABAC policy lets it reach."
            )
    elif kind == "principal_retag":
        why = (
            f"{key!r} is an ABAC key: changing it on a principal changes what that principal can reach. "
            "The actor is not a listed writer of it."
        )
    elif kind == "session_tag":
        why = (
            f"{key!r} is an ABAC key passed as a session tag by a caller that is not a listed writer of it; "
            "the session's ABAC identity is whatever the caller asked for."
        )
    elif kind == "lockout":
        if write.removal:
            why = (
                f"Removing the ABAC key {key!r} means no ABAC policy matches this resource any more: "
                "its owners lose access."
            )
        else:
            why = (
                f"No known principal holds {key!r}={write.new!r}, so no principal can reach this resource "
                "through ABAC any more."
            )
    elif kind == "denied_attempt":
        why = (
            f"The call failed with {change.outcome}. {key!r} is governed, so a failed attempt to write it "
            "may be someone probing for a way to grant themselves access."
        )
    elif kind == "unauthorized_writer" and rule is not None:
        writers = rule.describe_writers()
        if writers == "nobody":
            why = f"Rule {rule.id!r} allows nobody to write {key!r}."
        else:
            why = (
                f"Rule {rule.id!r} allows only {writers} to write {key!r}, "
                "and the actor matches none of them."
            )
    elif kind == "disallowed_value" and rule is not None:
        why = f"Rule {rule.id!r} allows {rule.describe_values()} for {key!r}; {write.new!r} is not allowed."
    else:
        why = ""
    return f"{base} {why} {unresolved_note(change)}".strip()


def unresolved_note(change: TagChange) -> str:
    """For a target the record does not name by ARN: say so, and what that means for the verdict."""
    if change.target_kind != "unresolved":
        return ""
    return (
        f"The record does not determine the target's ARN ({change.target} is what it says of it), so "
        "its earlier tags are unknown to tagwarden; check the resource itself."
    )
