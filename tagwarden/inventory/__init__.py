"""What is, as opposed to what changed: snapshots of principals, resources and policies from AWS."""

from tagwarden.inventory.model import (
    AccountFailure,
    AccountInventory,
    Inventory,
    OrganizationPolicies,
    PolicyDocument,
    PrincipalRecord,
    ResourceRecord,
)
from tagwarden.inventory.principals import collect_principals, record_principal_inventory

__all__ = [
    "AccountFailure",
    "AccountInventory",
    "Inventory",
    "OrganizationPolicies",
    "PolicyDocument",
    "PrincipalRecord",
    "ResourceRecord",
    "collect_principals",
    "record_principal_inventory",
]
