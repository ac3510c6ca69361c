"""The inventory scan: read every account, bring the tag state up to date, confirm unexplained
changes. Shared by the daemon's ``inventory`` job and ``tagwarden scan``."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.inventory.collect import InventoryRun
from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store
from tagwarden.app.config import LoadedConfig
from tagwarden.app.inventory.principal_inventory import mark_principals_known, principal_observations
from tagwarden.app.inventory.reconcile import Observed, Reconciler
from tagwarden.app.recording import Recorder
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.inventory.snapshot import AccountInventory, Inventory
from tagwarden.core.model import Finding
from tagwarden.core.settings.inventory import InventorySettings
from tagwarden.core.stopping import Stopping, never


def inventory_settings(config: LoadedConfig) -> InventorySettings:
    return config.settings.inventory or InventorySettings()


@dataclass
class InventoryOutcome:
    inventory: Inventory
    snapshots: int = 0
    findings: list[Finding] = field(default_factory=list)  # unattributed changes, committed


def observations(account: AccountInventory) -> list[Observed]:
    """The complete tag sets an account's inventory read: principals if all were read, and the
    resources of the regions read to the end (an ARN read in two regions counts once)."""
    found: list[Observed] = []
    if account.principals_complete:
        found += principal_observations(account.principals, account.account)
    seen: set[str] = set()
    for resource in account.resources:
        if resource.arn not in seen:
            seen.add(resource.arn)
            found.append(Observed(resource.arn, "resource", resource.account, resource.region, resource.tags))
    return found


def take_inventory(
    config: LoadedConfig,
    clients: AwsClients,
    own_account: str | None,
    store: Store,
    log: Any,
    *,
    scope: str,
    recorder: Recorder,
    source: str = "scan:inventory",
    clock: Callable[[], float] = time.time,
    stopping: Stopping = never,
) -> InventoryOutcome:
    """``Stopped``, with nothing recorded, once ``stopping`` says so between two reads."""
    settings = inventory_settings(config)
    run = InventoryRun(
        clients,
        settings,
        own_account,
        config.settings.aws.region,
        config.base_dir,
        log,
        clock=clock,
        stopping=stopping,
    )
    inventory = run.collect()
    policy = CompiledPolicy(config.policy)
    reconciler = Reconciler(
        store, policy, scope, settings.unattributed_grace_seconds, recorder, source=source
    )
    outcome = InventoryOutcome(inventory)
    for account in inventory.accounts:
        outcome.snapshots += reconciler.record(observations(account), account.started, account.finished)
        if account.principals_complete:
            mark_principals_known(store, account.account, account.started)
    outcome.findings = reconciler.confirm(clock())
    return outcome


def inventory_metrics(metrics: Metrics, inventory: Inventory) -> None:
    metrics.replace_gauge(
        metrics.inventory_resources, {(a.account,): float(len(a.resources)) for a in inventory.accounts}
    )
    for account in inventory.accounts:
        if account.principals_complete:
            metrics.inventory_principals.labels(account.account).set(len(account.principals))
    metrics.replace_gauge(metrics.inventory_failures, {(f.account, f.stage): 1.0 for f in inventory.failures})
