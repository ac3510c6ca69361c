"""What an inventory holds: plain data, read by the reconciler, the drift scan and the writers scan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    """A policy as AWS returned it; ``name`` says where it comes from (an ARN, or role/x inline p)."""

    name: str
    document: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class PrincipalRecord:
    """An IAM user or role with its tags and, where the inventory read them, its policies."""

    arn: str
    kind: str  # "role" or "user"
    tags: dict[str, str]
    account: str = ""
    policies: tuple[PolicyDocument, ...] = ()  # inline, attached and (users) group policies
    boundary: PolicyDocument | None = None
    trust_policy: PolicyDocument | None = None  # roles only
    unresolved: tuple[str, ...] = ()  # attached managed policies whose document was not returned
    region: str = ""  # IAM is global


@dataclass(frozen=True, slots=True)
class ResourceRecord:
    arn: str
    account: str
    region: str
    tags: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class AccountFailure:
    """A part of the inventory that could not be read; the rest of the run goes on."""

    account: str
    stage: str  # accounts, assume-role, principals, resources, resource-policies, organization
    error: str
    region: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"account": self.account, "region": self.region, "stage": self.stage, "error": self.error}


@dataclass(slots=True)
class AccountInventory:
    """One account: its principals (every region: IAM is global) and its resources per region.

    ``started``/``finished`` bound the reading (Unix seconds): a snapshot stands for the moment
    reading began, and changes logged while it went on may or may not show in it."""

    account: str
    started: float
    finished: float = 0.0
    principals: list[PrincipalRecord] = field(default_factory=list)
    principals_complete: bool = False
    resources: list[ResourceRecord] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)  # regions whose resources were read completely
    resource_policies: dict[str, PolicyDocument] = field(default_factory=dict)  # by resource ARN


@dataclass(frozen=True, slots=True)
class OrganizationPolicies:
    """SCPs and RCPs per account, one tuple per level (root, OUs..., account)."""

    management_account: str | None = None
    scps: Mapping[str, tuple[tuple[PolicyDocument, ...], ...]] = field(default_factory=dict)
    rcps: Mapping[str, tuple[tuple[PolicyDocument, ...], ...]] = field(default_factory=dict)
    source: str = "none"  # api, files or none

    def scps_of(self, account: str) -> tuple[tuple[PolicyDocument, ...], ...]:
        return self.scps.get(account) or self.scps.get("default") or ()

    def rcps_of(self, account: str) -> tuple[tuple[PolicyDocument, ...], ...]:
        return self.rcps.get(account) or self.rcps.get("default") or ()


@dataclass(slots=True)
class Inventory:
    accounts: list[AccountInventory] = field(default_factory=list)
    failures: list[AccountFailure] = field(default_factory=list)
    organization: OrganizationPolicies = field(default_factory=OrganizationPolicies)

    @property
    def principals(self) -> list[PrincipalRecord]:
        return [p for account in self.accounts for p in account.principals]

    @property
    def resources(self) -> list[ResourceRecord]:
        return [r for account in self.accounts for r in account.resources]

    @property
    def resource_count(self) -> int:
        return sum(len(account.resources) for account in self.accounts)

    def resource_policies(self) -> dict[str, PolicyDocument]:
        found: dict[str, PolicyDocument] = {}
        for account in self.accounts:
            found.update(account.resource_policies)
        return found
