"""Drift between principal tags and resource tags: pure logic over plain data."""

from tagwarden.drift.model import DRIFT_KINDS, DriftItem, DriftKind, Holder, Tagged
from tagwarden.drift.scan import abac_keys, compute_drift, unattributed_items

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
