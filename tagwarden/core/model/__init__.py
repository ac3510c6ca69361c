"""Plain data types shared by every layer: tag changes, findings, known tag state."""

from tagwarden.core.model.change import Actor, SessionGrant, TagChange, TargetKind
from tagwarden.core.model.finding import (
    DEFAULT_SEVERITY,
    SEVERITY_RANK,
    Finding,
    FindingKind,
    FindingStatus,
    Severity,
    finding_id,
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
    "SessionGrant",
    "Severity",
    "TagChange",
    "TargetKind",
    "finding_id",
]
