"""Compute resources as principals: who gave a workload which role, and whether that role carries an
ABAC identity the actor does not hold. Pure: records and plain data in, findings out."""

from tagwarden.core.compute.detect import detect_compute_identity
from tagwarden.core.compute.model import (
    ComputeRead,
    JudgedGrant,
    ProfileUpdate,
    RoleGrant,
    TemplateRef,
    TemplateUpdate,
)
from tagwarden.core.compute.read import ComputeReader
from tagwarden.core.compute.state import ComputeIdentityState, StateUndo, profile_key

__all__ = [
    "ComputeIdentityState",
    "ComputeRead",
    "ComputeReader",
    "JudgedGrant",
    "ProfileUpdate",
    "RoleGrant",
    "StateUndo",
    "TemplateRef",
    "TemplateUpdate",
    "detect_compute_identity",
    "profile_key",
]
