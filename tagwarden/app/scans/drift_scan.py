"""The drift scan over an inventory, with the unexplained changes the store holds."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store
from tagwarden.core.drift import DRIFT_KINDS, DriftItem, abac_keys, compute_drift, unattributed_items
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.inventory.snapshot import Inventory
from tagwarden.core.ports.store import FindingFilter
from tagwarden.core.settings.inventory import InventorySettings


def seen_keys(inventory: Inventory) -> set[str]:
    keys: set[str] = set()
    for principal in inventory.principals:
        keys.update(principal.tags)
    for account in inventory.accounts:
        for resource in account.resources:
            keys.update(resource.tags)
    return keys


def drift_report(
    inventory: Inventory, store: Store, policy: CompiledPolicy, settings: InventorySettings
) -> tuple[list[str], list[DriftItem]]:
    """(the ABAC keys scanned, the items): the drift of the inventory, then the open unattributed
    changes of the accounts it covers. An account whose principals, or a region whose resources,
    could not be read is not taken as holding or carrying nothing; nor is an account whose role
    could not be assumed, or the organization when its accounts could not be listed (those
    accounts have no principals or resources in the inventory at all)."""
    keys = abac_keys(policy, seen_keys(inventory))
    accounts = [a.account for a in inventory.accounts]
    unread = {f.account for f in inventory.failures if f.stage == "resources"}
    unreached = any(f.stage in ("assume-role", "accounts") for f in inventory.failures)
    items = compute_drift(
        inventory.resources,
        inventory.principals,
        policy,
        keys,
        missing_key_scope=settings.missing_key_scope,
        principals_complete=not unreached and all(a.principals_complete for a in inventory.accounts),
        resources_complete=not unreached and not unread.intersection(accounts),
    )
    if accounts:
        where = FindingFilter(kind=["unattributed_change"], status=["open"], account=accounts)
        items += unattributed_items(store.iter_findings(where), keys)
    return keys, items


def drift_metrics(metrics: Metrics, keys: Sequence[str], items: Sequence[DriftItem]) -> None:
    counts = Counter((item.kind, item.key) for item in items)
    values: dict[tuple[str, ...], float] = {
        (kind, key): float(counts.get((kind, key), 0)) for kind in DRIFT_KINDS for key in keys
    }
    metrics.replace_gauge(metrics.drift_items, values)
