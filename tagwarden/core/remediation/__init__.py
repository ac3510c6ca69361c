"""Reverts: putting back what an unauthorized writer changed (rules with ``remediate: revert``)."""

from tagwarden.core.remediation.plan import (
    REMEDIATION_SINK,
    REVERTABLE_KINDS,
    RemediationStatus,
    RevertPlan,
    flags_value,
    plan_revert,
    value_before,
    wants_revert,
)

__all__ = [
    "REMEDIATION_SINK",
    "REVERTABLE_KINDS",
    "RemediationStatus",
    "RevertPlan",
    "flags_value",
    "plan_revert",
    "value_before",
    "wants_revert",
]
