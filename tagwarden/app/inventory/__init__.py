"""What is, as opposed to what changed: snapshots of principals, resources and policies from AWS."""

from tagwarden.app.inventory.principal_inventory import record_principal_inventory
from tagwarden.core.inventory.snapshot import (
    AccountFailure,
    AccountInventory,
    Inventory,
    OrganizationPolicies,
    PolicyDocument,
    PrincipalRecord,
    ResourceRecord,
)

__all__ = [
    "AccountFailure",
    "AccountInventory",
    "Inventory",
    "OrganizationPolicies",
    "PolicyDocument",
    "PrincipalRecord",
    "ResourceRecord",
    "record_principal_inventory",
]
