"""Every kind of finding, declared once: its default severity, title, meaning and why-sentence.

The model, the explanations, the on-call pages, the CLI, the metrics and the docs read this table.
Adding a kind is one entry here plus the detector that raises it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Severity = Literal["critical", "high", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Facts:
    """What a kind's why-sentence may say about one written key."""

    key: str
    new: str | None
    removal: bool
    target_kind: str
    outcome: str
    actor_value: str | None  # the actor's own value of the key, None if it holds none or it is unknown
    rule_id: str | None = None
    rule_writers: str | None = None  # "nobody" or who the rule lists
    rule_values: str | None = None  # what values the rule allows


@dataclass(frozen=True, slots=True)
class KindSpec:
    name: str
    severity: Severity  # the default; the policy's `severities` may override it
    title: str
    meaning: str  # one line for the on-call view and the docs
    why: Callable[[Facts], str] | None = None  # None: the producer writes the whole explanation


def _mine(f: Facts) -> str:
    if f.actor_value is None:
        return f"the actor's own {f.key!r} tag is unknown"
    return f"the actor's own {f.key!r} tag is {f.actor_value!r}"


def _self_grant(f: Facts) -> str:
    return (
        f"The new value is the actor's own {f.key!r} value, so under ABAC the actor granted itself "
        f"access to this resource. The actor is not a listed writer of {f.key!r}."
    )


def _self_retag(f: Facts) -> str:
    if f.target_kind == "session":
        return (
            f"The caller passed {f.key!r} as a session tag for the session it is creating, and {_mine(f)}: "
            "it chose the ABAC identity its own session will carry."
        )
    return (
        f"The actor changed the ABAC tag {f.key!r} on its own principal, which changes what every "
        "ABAC policy lets it reach."
    )


def _principal_retag(f: Facts) -> str:
    return (
        f"{f.key!r} is an ABAC key: changing it on a principal changes what that principal can reach. "
        "The actor is not a listed writer of it."
    )


def _session_tag(f: Facts) -> str:
    return (
        f"{f.key!r} is an ABAC key passed as a session tag by a caller that is not a listed writer of it; "
        "the session's ABAC identity is whatever the caller asked for."
    )


def _lockout(f: Facts) -> str:
    if f.removal:
        return (
            f"Removing the ABAC key {f.key!r} means no ABAC policy matches this resource any more: "
            "its owners lose access."
        )
    return (
        f"No known principal holds {f.key!r}={f.new!r}, so no principal can reach this resource "
        "through ABAC any more."
    )


def _denied_attempt(f: Facts) -> str:
    return (
        f"The call failed with {f.outcome}. {f.key!r} is governed, so a failed attempt to write it "
        "may be someone probing for a way to grant themselves access."
    )


def _unauthorized_writer(f: Facts) -> str:
    if f.rule_writers is None:
        return ""
    if f.rule_writers == "nobody":
        return f"Rule {f.rule_id!r} allows nobody to write {f.key!r}."
    return (
        f"Rule {f.rule_id!r} allows only {f.rule_writers} to write {f.key!r}, "
        "and the actor matches none of them."
    )


def _disallowed_value(f: Facts) -> str:
    if f.rule_values is None:
        return ""
    return f"Rule {f.rule_id!r} allows {f.rule_values} for {f.key!r}; {f.new!r} is not allowed."


def _compute_identity(f: Facts) -> str:
    mine = (
        f"holds no {f.key!r} tag tagwarden knows of"
        if f.actor_value is None
        else f"holds {f.actor_value!r} as its own {f.key!r} tag"
    )
    return (
        f"The actor {mine} and is not a listed writer of {f.key!r}: code running on "
        f"this resource now acts as {f.key}={f.new!r}, so the actor reaches, through the workload, what "
        f"ABAC grants to {f.new!r} (retagging itself by proxy)."
    )


KINDS: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        KindSpec(
            "unauthorized_writer",
            "high",
            "Unauthorized writer",
            "A governed tag key was written by someone the governance policy does not list as a writer "
            "of that key.",
            _unauthorized_writer,
        ),
        KindSpec(
            "disallowed_value",
            "high",
            "Disallowed value",
            "A governed tag key was set to a value the governance policy does not allow.",
            _disallowed_value,
        ),
        KindSpec(
            "self_grant",
            "critical",
            "Self-grant",
            "A resource's ABAC tag was set to the actor's own value: under ABAC the actor gave itself "
            "access to the resource.",
            _self_grant,
        ),
        KindSpec(
            "self_retag",
            "critical",
            "Self-retag",
            "The actor changed the ABAC tags of its own user or role, or passed session tags for itself: "
            "it chose what every ABAC policy lets it reach.",
            _self_retag,
        ),
        KindSpec(
            "principal_retag",
            "high",
            "Principal retagged",
            "Another principal's ABAC tags changed: what that principal can reach moved.",
            _principal_retag,
        ),
        KindSpec(
            "session_tag",
            "high",
            "Session tag",
            "Session tags on an ABAC key were passed when assuming a role.",
            _session_tag,
        ),
        KindSpec(
            "lockout",
            "high",
            "Lockout",
            "An ABAC tag was removed, or set to a value no principal holds: the resource's owners may have "
            "lost access.",
            _lockout,
        ),
        KindSpec(
            "denied_attempt",
            "warning",
            "Denied attempt",
            "A write of a governed tag failed (AWS refused it): someone tried.",
            _denied_attempt,
        ),
        KindSpec(
            "compute_identity",
            "critical",
            "Compute identity",
            "A compute resource (EC2 instance, Lambda function, ECS task, instance profile...) was given a "
            "role whose ABAC tag differs from the actor's own: the actor can act as another team through "
            "the workload.",
            _compute_identity,
        ),
        KindSpec(
            "excess_tag_writer",
            "high",
            "Excess tag writer",
            "The IAM policies let a principal write tags that the governance policy does not allow it to "
            "write.",
        ),
        KindSpec(
            "excess_identity_passer",
            "high",
            "Excess identity passer",
            "The IAM policies let a principal give a compute resource a role whose ABAC tag differs from its "
            "own (iam:PassRole with a compute call): it can act as another team through a workload.",
        ),
        KindSpec(
            "unattributed_change",
            "warning",
            "Unattributed change",
            "A tag changed with no CloudTrail event to explain it.",
        ),
        KindSpec(
            "control_tamper",
            "critical",
            "Control tampered with",
            "A call blinded or weakened what watches tag writes: a trail stopped or narrowed, a tag or "
            "control policy detached, or the bucket, queue or rule that delivers CloudTrail to tagwarden "
            "changed.",
        ),
        KindSpec(
            "log_integrity",
            "critical",
            "Log integrity",
            "A CloudTrail log or digest file is not what CloudTrail wrote: modified, gone, listed in no "
            "digest, or its digest's chain or signature does not hold.",
        ),
    )
}

FINDING_KINDS: tuple[str, ...] = tuple(KINDS)
DEFAULT_SEVERITY: dict[str, Severity] = {name: spec.severity for name, spec in KINDS.items()}


def kind_title(kind: str) -> str:
    spec = KINDS.get(kind)
    return spec.title if spec is not None else kind


def kind_meaning(kind: str) -> str:
    spec = KINDS.get(kind)
    return spec.meaning if spec is not None else "(no description)"


def why(kind: str, facts: Facts) -> str:
    """The sentence that says why this kind of finding matters for this write ("" if none)."""
    spec = KINDS.get(kind)
    return spec.why(facts) if spec is not None and spec.why is not None else ""
