"""Reading every principal of an account from IAM (GetAccountAuthorizationDetails)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tagwarden.core.inventory.principal_details import ALL_ENTITIES, principals_from_details
from tagwarden.core.inventory.snapshot import PrincipalRecord
from tagwarden.core.stopping import Stopping, never, until_stopping

if TYPE_CHECKING:
    from mypy_boto3_iam import IAMClient


def collect_principals(
    iam: IAMClient, with_policies: bool = True, stopping: Stopping = never
) -> list[PrincipalRecord]:
    """Every user and role; with ``with_policies``, their whole policy stack too (a larger read).
    ``Stopped`` between two pages once ``stopping`` says so."""
    entities = ALL_ENTITIES if with_policies else ["User", "Role"]
    pages = iam.get_paginator("get_account_authorization_details").paginate(Filter=entities)  # type: ignore[arg-type]
    return principals_from_details(until_stopping(pages, stopping))
