"""Every IAM user and role of an account with its tags and policies, from GetAccountAuthorizationDetails.

With the whole set known, "a value no principal holds" can be said; without it, the lockout
detector stays quiet on values rather than guess. The policies (inline, attached, group,
boundary, trust) feed the writers scan.
"""

from __future__ import annotations

from collections.abc import Iterable

from tagwarden.adapters.store import Store
from tagwarden.app.inventory.reconcile import Observed, write_snapshots
from tagwarden.core.inventory.snapshot import PrincipalRecord


def record_principal_inventory(
    store: Store, account: str, principals: list[PrincipalRecord], at: float
) -> None:
    """Write every principal's tags as a snapshot (where they differ from what is known), and mark
    the account's principals as fully known."""
    write_snapshots(store, principal_observations(principals, account), at)
    mark_principals_known(store, account, at)


def principal_observations(principals: Iterable[PrincipalRecord], account: str) -> list[Observed]:
    return [Observed(p.arn, "principal", p.account or account, "", p.tags) for p in principals]


def mark_principals_known(store: Store, account: str, at: float) -> None:
    """Every principal of ``account`` is in the tag state: the lockout detector relies on it."""
    with store.unit() as tx:
        tx.mark_principals_known(account, at)
