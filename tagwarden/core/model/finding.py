"""Findings: what tagwarden reports, with ids that make replays and redeliveries harmless.

``new_finding`` is the one place a ``Finding`` is made; every producer (event judging, inventory
reconciliation, the scans) goes through it, so ids, rule names and severities agree.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, fields
from typing import Any, Literal, Protocol, TypeVar, get_args

from tagwarden.core.model.change import Actor
from tagwarden.core.model.kinds import DEFAULT_SEVERITY, FINDING_KINDS, KINDS, Severity

FindingKind = str  # one of FINDING_KINDS: the kind table (tagwarden.core.model.kinds) declares them
# superseded: a late event changed what the change's old value was, and judged again, the change
# no longer gives this finding. Kept, never deleted.
FindingStatus = Literal["open", "acknowledged", "resolved", "superseded"]

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}
STATUSES: tuple[FindingStatus, ...] = get_args(FindingStatus)
BUILTIN_PREFIX = "builtin:"
INVENTORY_EVENT_SOURCE = "tagwarden.inventory"  # findings the inventory made, not an event
WRITERS_EVENT_SOURCE = "tagwarden.writers"  # findings the writers scan made

__all__ = [
    "BUILTIN_PREFIX",
    "DEFAULT_SEVERITY",
    "FINDING_KINDS",
    "SEVERITIES",
    "SEVERITY_RANK",
    "STATUSES",
    "Finding",
    "FindingKind",
    "FindingStatus",
    "Origin",
    "Severity",
    "at_least",
    "builtin_rule",
    "finding_id",
    "most_severe",
    "new_finding",
    "origin_of",
]


def finding_id(event_id: str, target: str, tag_key: str, kind: str) -> str:
    """Same event, target, key and kind always give the same id."""
    digest = hashlib.sha256("\x1f".join((event_id, target, tag_key, kind)).encode()).hexdigest()
    return f"tw-{digest[:20]}"


def at_least(severity: str, floor: str) -> bool:
    return SEVERITY_RANK.get(severity, -1) >= SEVERITY_RANK[floor]


def builtin_rule(kind: str) -> str:
    """The rule name of a finding no rule of the policy raised: a built-in detector's."""
    return f"{BUILTIN_PREFIX}{kind}"


class _Ranked(Protocol):
    @property
    def severity(self) -> str: ...


R = TypeVar("R", bound=_Ranked)


def most_severe(items: Iterable[R]) -> R:
    """The most severe of several rules (the first of equals); ``items`` must not be empty."""
    return max(items, key=lambda item: SEVERITY_RANK[item.severity])


@dataclass(frozen=True, slots=True)
class Finding:
    id: str
    kind: FindingKind
    severity: Severity
    rule: str
    event_id: str
    event_name: str
    event_source: str
    event_time: str
    account: str
    region: str
    actor: str
    actor_session: str | None
    target: str
    target_kind: str
    tag_key: str
    old_value: str | None
    new_value: str | None
    explanation: str
    status: FindingStatus = "open"
    created_at: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in _FIELDS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Finding:
        names = cls.__dataclass_fields__
        return cls(**{k: v for k, v in data.items() if k in names})


class _Event(Protocol):
    """What a change or a record's context says of the call a finding stems from."""

    @property
    def event_id(self) -> str: ...
    @property
    def event_name(self) -> str: ...
    @property
    def event_source(self) -> str: ...
    @property
    def event_time(self) -> str: ...
    @property
    def account(self) -> str: ...
    @property
    def region(self) -> str: ...
    @property
    def actor(self) -> Actor: ...


@dataclass(frozen=True, slots=True)
class Origin:
    """What a finding stems from: a CloudTrail event, or a scan standing in for one."""

    event_id: str
    event_name: str
    event_source: str
    event_time: str
    account: str
    region: str
    actor: str
    actor_session: str | None = None


def origin_of(event: _Event) -> Origin:
    """The origin of a finding about one CloudTrail call (a tag change, or a record's context)."""
    return Origin(
        event_id=event.event_id,
        event_name=event.event_name,
        event_source=event.event_source,
        event_time=event.event_time,
        account=event.account,
        region=event.region,
        actor=event.actor.arn,
        actor_session=event.actor.session_arn,
    )


def new_finding(
    kind: FindingKind,
    origin: Origin,
    *,
    target: str,
    target_kind: str,
    tag_key: str,
    old_value: str | None,
    new_value: str | None,
    explanation: str,
    severity: Severity,
    rule: str | None = None,
    created_at: str = "",
) -> Finding:
    """A finding of ``kind`` (declared in the kind table); ``rule`` None means a built-in detector's."""
    if kind not in KINDS:
        raise ValueError(f"unknown finding kind {kind!r}: declare it in tagwarden.core.model.kinds")
    return Finding(
        id=finding_id(origin.event_id, target, tag_key, kind),
        kind=kind,
        severity=severity,
        rule=rule if rule is not None else builtin_rule(kind),
        event_id=origin.event_id,
        event_name=origin.event_name,
        event_source=origin.event_source,
        event_time=origin.event_time,
        account=origin.account,
        region=origin.region,
        actor=origin.actor,
        actor_session=origin.actor_session,
        target=target,
        target_kind=target_kind,
        tag_key=tag_key,
        old_value=old_value,
        new_value=new_value,
        explanation=explanation,
        created_at=created_at,
    )


_FIELDS = tuple(f.name for f in fields(Finding))
