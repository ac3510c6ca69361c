"""Every IAM user and role of an account with its tags, from GetAccountAuthorizationDetails.

With the whole set known, "a value no principal holds" can be said; without it, the lockout
detector stays quiet on values rather than guess.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tagwarden.store import Store
from tagwarden.timeutil import format_time

if TYPE_CHECKING:
    from mypy_boto3_iam import IAMClient

INVENTORY_CHECKPOINT = "inventory:principals:"


@dataclass(frozen=True, slots=True)
class PrincipalRecord:
    arn: str
    kind: str  # "role" or "user"
    tags: dict[str, str]


def collect_principals(iam: IAMClient) -> list[PrincipalRecord]:
    found: list[PrincipalRecord] = []
    for page in iam.get_paginator("get_account_authorization_details").paginate(Filter=["User", "Role"]):
        for role in page.get("RoleDetailList", []):
            tags = {t["Key"]: t["Value"] for t in role.get("Tags", [])}
            found.append(PrincipalRecord(role["Arn"], "role", tags))
        for user in page.get("UserDetailList", []):
            tags = {t["Key"]: t["Value"] for t in user.get("Tags", [])}
            found.append(PrincipalRecord(user["Arn"], "user", tags))
    return found


def record_principal_inventory(
    store: Store, account: str, principals: list[PrincipalRecord], at: float
) -> None:
    """Write every principal's tags as a snapshot, and mark the account's principals as fully known."""
    with store.unit() as tx:
        for principal in principals:
            tx.record_snapshot(principal.arn, "principal", principal.tags, at, "inventory")
        tx.set_checkpoint(f"{INVENTORY_CHECKPOINT}{account}", format_time(at))
