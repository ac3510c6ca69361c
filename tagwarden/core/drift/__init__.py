"""Drift between principal tags and resource tags: pure logic over plain data."""

from tagwarden.core.drift.items import DRIFT_KINDS, DriftItem, DriftKind, Holder, Tagged
from tagwarden.core.drift.scan import abac_keys, compute_drift, unattributed_items

__all__ = [
    "DRIFT_KINDS",
    "DriftItem",
    "DriftKind",
    "Holder",
    "Tagged",
    "abac_keys",
    "compute_drift",
    "unattributed_items",
]
