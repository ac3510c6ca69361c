"""Findings: what tagwarden reports, with ids that make replays and redeliveries harmless."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, fields
from typing import Any, Literal, get_args

Severity = Literal["critical", "high", "warning", "info"]
# superseded: a late event changed what the change's old value was, and judged again, the change
# no longer gives this finding. Kept, never deleted.
FindingStatus = Literal["open", "acknowledged", "resolved", "superseded"]
FindingKind = Literal[
    "unauthorized_writer",
    "disallowed_value",
    "self_grant",
    "self_retag",
    "principal_retag",
    "session_tag",
    "lockout",
    "denied_attempt",
    "excess_tag_writer",
    "unattributed_change",
]

SEVERITIES: tuple[Severity, ...] = get_args(Severity)
SEVERITY_RANK: dict[str, int] = {name: rank for rank, name in enumerate(reversed(SEVERITIES))}
FINDING_KINDS: tuple[FindingKind, ...] = get_args(FindingKind)
STATUSES: tuple[FindingStatus, ...] = get_args(FindingStatus)

DEFAULT_SEVERITY: dict[str, Severity] = {
    "self_grant": "critical",
    "self_retag": "critical",
    "principal_retag": "high",
    "session_tag": "high",
    "lockout": "high",
    "denied_attempt": "warning",
    "unauthorized_writer": "high",
    "disallowed_value": "high",
    "excess_tag_writer": "high",
    "unattributed_change": "warning",
}


def finding_id(event_id: str, target: str, tag_key: str, kind: str) -> str:
    """Same event, target, key and kind always give the same id."""
    digest = hashlib.sha256("\x1f".join((event_id, target, tag_key, kind)).encode()).hexdigest()
    return f"tw-{digest[:20]}"


def at_least(severity: str, floor: str) -> bool:
    return SEVERITY_RANK.get(severity, -1) >= SEVERITY_RANK[floor]


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


_FIELDS = tuple(f.name for f in fields(Finding))
