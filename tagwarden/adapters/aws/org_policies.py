"""The Organizations policies of the types that govern tag writes, by id: so that detaching or
deleting one made before tagwarden watched is known for what it is. Only the management account
(or a delegated administrator) may list them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from mypy_boto3_organizations import OrganizationsClient
    from mypy_boto3_organizations.literals import PolicyTypeType


def policies_of_types(organizations: OrganizationsClient, types: Iterable[str]) -> list[tuple[str, str, str]]:
    """(id, type, ARN) of every policy of ``types``, AWS managed ones included."""
    found = []
    for policy_type in sorted(types):
        pages = organizations.get_paginator("list_policies").paginate(
            Filter=cast("PolicyTypeType", policy_type)
        )
        for page in pages:
            found += [(p["Id"], policy_type, p.get("Arn", "")) for p in page.get("Policies", [])]
    return found
