"""Plain data types shared by every layer: tag changes, findings, known tag state."""

from tagwarden.core.model.change import Actor, SessionGrant, TagChange, TargetKind
from tagwarden.core.model.finding import (
    DEFAULT_SEVERITY,
    SEVERITY_RANK,
    Finding,
    FindingKind,
    FindingStatus,
    Origin,
    Severity,
    finding_id,
    most_severe,
    new_finding,
)
from tagwarden.core.model.tags import KnownTags

__all__ = [
    "DEFAULT_SEVERITY",
    "SEVERITY_RANK",
    "Actor",
    "Finding",
    "FindingKind",
    "FindingStatus",
    "KnownTags",
    "Origin",
    "SessionGrant",
    "Severity",
    "TagChange",
    "TargetKind",
    "finding_id",
    "most_severe",
    "new_finding",
]
