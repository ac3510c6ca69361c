"""The organization: its accounts, and the SCPs and RCPs that apply to each, level by level.

From the API (the management account or a delegated administrator): ListParents walks from the
account up to the root; ListPoliciesForTarget lists the policies attached directly to each level
(not inherited ones), so the levels are read one by one and DescribePolicy gives each content.
Elsewhere the same levels come from JSON files named in the configuration.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import error_code
from tagwarden.core.inventory.snapshot import OrganizationPolicies, PolicyDocument
from tagwarden.core.settings.inventory import OrganizationSettings

if TYPE_CHECKING:
    from mypy_boto3_organizations import OrganizationsClient

SCP = "SERVICE_CONTROL_POLICY"
RCP = "RESOURCE_CONTROL_POLICY"
Levels = tuple[tuple[PolicyDocument, ...], ...]


class OrganizationFilesError(ValueError):
    """A policy file named in the configuration cannot be read; the message names it."""


def discover_accounts(organizations: OrganizationsClient) -> list[str]:
    """Every active account of the organization."""
    found = []
    for page in organizations.get_paginator("list_accounts").paginate():
        for account in page.get("Accounts", []):
            state = str(account.get("State") or account.get("Status") or "ACTIVE")
            if state.upper() == "ACTIVE":
                found.append(str(account["Id"]))
    return sorted(found)


class _OrganizationReader:
    def __init__(self, organizations: OrganizationsClient) -> None:
        self.client = organizations
        self._documents: dict[str, PolicyDocument] = {}
        self._attached: dict[tuple[str, str], tuple[PolicyDocument, ...]] = {}
        self._parent: dict[str, str | None] = {}
        self._not_enabled: set[str] = set()  # policy types the organization has not enabled

    def chain(self, account: str) -> list[str]:
        """Target ids from the root down to the account."""
        chain = [account]
        current: str | None = account
        while current is not None:
            current = self._parent_of(current)
            if current is not None:
                chain.append(current)
        return list(reversed(chain))

    def _parent_of(self, target: str) -> str | None:
        if target.startswith("r-"):
            return None  # the root
        if target not in self._parent:
            parents = self.client.list_parents(ChildId=target).get("Parents", [])
            self._parent[target] = str(parents[0]["Id"]) if parents else None
        return self._parent[target]

    def attached(self, target: str, kind: str) -> tuple[PolicyDocument, ...]:
        if (target, kind) not in self._attached:
            ids: list[str] = []
            try:
                pages = self.client.get_paginator("list_policies_for_target").paginate(
                    TargetId=target,
                    Filter=kind,  # type: ignore[arg-type]
                )
                for page in pages:
                    ids += [str(p["Id"]) for p in page.get("Policies", [])]
            except ClientError as exc:
                if error_code(exc) != "PolicyTypeNotEnabledException":
                    raise
                self._not_enabled.add(kind)
            self._attached[(target, kind)] = tuple(self._document(i) for i in ids)
        return self._attached[(target, kind)]

    def _document(self, policy_id: str) -> PolicyDocument:
        if policy_id not in self._documents:
            policy = self.client.describe_policy(PolicyId=policy_id)["Policy"]
            summary = policy.get("PolicySummary", {})
            name = str(summary.get("Name") or policy_id)
            content = json.loads(policy.get("Content") or "{}")
            self._documents[policy_id] = PolicyDocument(f"{name} ({policy_id})", content)
        return self._documents[policy_id]

    def levels(self, account: str, kind: str) -> Levels:
        levels = tuple(self.attached(target, kind) for target in self.chain(account))
        # A type not enabled in the root restricts nothing; neither do RCPs where none is attached.
        # Empty levels would read as "nothing allowed at this level": every request denied.
        if kind in self._not_enabled or (kind == RCP and not any(levels)):
            return ()
        return levels


def management_account(organizations: OrganizationsClient) -> str | None:
    organization = organizations.describe_organization().get("Organization", {})
    value = organization.get("MasterAccountId")
    return str(value) if value else None


def organization_from_api(
    organizations: OrganizationsClient, accounts: Iterable[str]
) -> OrganizationPolicies:
    reader = _OrganizationReader(organizations)
    scps: dict[str, Levels] = {}
    rcps: dict[str, Levels] = {}
    for account in accounts:
        scps[account] = reader.levels(account, SCP)
        rcps[account] = reader.levels(account, RCP)
    return OrganizationPolicies(management_account(organizations), scps, rcps, source="api")


def organization_from_files(settings: OrganizationSettings, base_dir: Path) -> OrganizationPolicies:
    cache: dict[Path, PolicyDocument] = {}

    def read(name: str, where: str) -> PolicyDocument:
        path = (base_dir / name).resolve()
        if path not in cache:
            try:
                document = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise OrganizationFilesError(f"{where}: cannot read policy file {path}: {exc}") from None
            if not isinstance(document, Mapping):
                raise OrganizationFilesError(f"{where}: {path} is not a JSON policy document")
            cache[path] = PolicyDocument(path.name, document)
        return cache[path]

    scps: dict[str, Levels] = {}
    rcps: dict[str, Levels] = {}
    for index, files in enumerate(settings.accounts):
        account = files.account
        where = f"inventory.organization.accounts[{index}]"
        scps[account] = tuple(
            tuple(read(n, f"{where}.scps[{i}]") for n in level) for i, level in enumerate(files.scps)
        )
        rcps[account] = tuple(
            tuple(read(n, f"{where}.rcps[{i}]") for n in level) for i, level in enumerate(files.rcps)
        )
    source = "files" if settings.accounts else "none"
    return OrganizationPolicies(settings.management_account, scps, rcps, source=source)
