"""Plain data types shared by every layer: tag changes, findings, known tag state."""

from tagwarden.model.change import Actor, SessionGrant, TagChange, TargetKind
from tagwarden.model.finding import (
    DEFAULT_SEVERITY,
    SEVERITY_RANK,
    Finding,
    FindingKind,
    FindingStatus,
    Severity,
    finding_id,
)
from tagwarden.model.tags import KnownTags

__all__ = [
    "DEFAULT_SEVERITY",
    "SEVERITY_RANK",
    "Actor",
    "Finding",
    "FindingKind",
    "FindingStatus",
    "KnownTags",
    "SessionGrant",
    "Severity",
    "TagChange",
    "TargetKind",
    "finding_id",
]
