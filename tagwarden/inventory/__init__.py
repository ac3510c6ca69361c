"""What is, as opposed to what changed: snapshots of principals (and later resources) from AWS."""

from tagwarden.inventory.principals import PrincipalRecord, collect_principals, record_principal_inventory

__all__ = ["PrincipalRecord", "collect_principals", "record_principal_inventory"]
