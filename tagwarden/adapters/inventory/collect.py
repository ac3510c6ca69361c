"""One inventory run over every configured account: who to read, as whom, and what failed.

Each account is read with its own credentials (the role assumed in it, or the daemon's own in
its own account). A failure (a role that cannot be assumed, a denied call, a region that does
not answer) is recorded with the account and the stage, and the run goes on with the rest.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.aws.error_codes import AWS_ERRORS
from tagwarden.adapters.inventory.iam_principals import collect_principals
from tagwarden.adapters.inventory.organization import (
    OrganizationFilesError,
    discover_accounts,
    organization_from_api,
    organization_from_files,
)
from tagwarden.adapters.inventory.resources import (
    bucket_policy,
    is_bucket,
    is_kms_key,
    iter_resources,
    key_policy,
)
from tagwarden.core.inventory.snapshot import (
    AccountFailure,
    AccountInventory,
    Inventory,
    OrganizationPolicies,
)
from tagwarden.core.settings.inventory import InventorySettings
from tagwarden.core.stopping import Stopping, never, until_stopping


def error_text(exc: Exception) -> str:
    if isinstance(exc, ClientError):
        error = exc.response.get("Error", {})
        return f"{error.get('Code', 'Error')}: {error.get('Message', '')}".strip()
    return f"{type(exc).__name__}: {exc}"


@dataclass(frozen=True, slots=True)
class AccountTarget:
    account: str
    role_arn: str | None  # None: the daemon's own credentials
    regions: tuple[str, ...]
    external_id: str | None = None


def _role_arn(role: str, account: str) -> str:
    return role if role.startswith("arn:") else f"arn:aws:iam::{account}:role/{role}"


def account_targets(
    settings: InventorySettings, own_account: str | None, default_region: str, discovered: list[str]
) -> list[AccountTarget]:
    regions = tuple(settings.regions or [default_region])
    targets: dict[str, AccountTarget] = {}
    configured = settings.accounts if settings.accounts is not None else []
    if settings.accounts is None and own_account is not None:
        targets[own_account] = AccountTarget(own_account, None, regions)
    for account in configured:
        if account.role is not None:
            role: str | None = _role_arn(account.role, account.id)
        else:
            role = None if account.id == own_account else _role_arn(settings.role_name, account.id)
        targets[account.id] = AccountTarget(
            account.id,
            role,
            tuple(account.regions or regions),
            account.external_id or settings.external_id,
        )
    for account_id in discovered:
        if account_id not in targets:
            role = None if account_id == own_account else _role_arn(settings.role_name, account_id)
            targets[account_id] = AccountTarget(account_id, role, regions, settings.external_id)
    return [targets[a] for a in sorted(targets)]


@dataclass
class InventoryRun:
    """The inputs of one run; ``clock`` is replaceable for tests."""

    clients: AwsClients
    settings: InventorySettings
    own_account: str | None
    default_region: str
    base_dir: Path
    log: Any
    with_resources: bool = True
    clock: Callable[[], float] = time.time
    # Asked between two accounts, regions and resource policies: a daemon's stop breaks the run
    # off (Stopped) instead of waiting for every read.
    stopping: Stopping = never
    failures: list[AccountFailure] = field(default_factory=list)

    def collect(self) -> Inventory:
        discovered = self._discovered()
        targets = account_targets(self.settings, self.own_account, self.default_region, discovered)
        if not targets:
            self.failures.append(
                AccountFailure("unknown", "accounts", "no account to read: the caller's account is unknown")
            )
        accounts = []
        for target in until_stopping(targets, self.stopping):
            account = self._account(target)
            if account is not None:
                accounts.append(account)
        organization = self._organization([t.account for t in targets])
        return Inventory(accounts, list(self.failures), organization)

    def _fail(self, account: str, stage: str, exc: Exception, region: str = "") -> None:
        text = error_text(exc)
        self.failures.append(AccountFailure(account, stage, text, region))
        self.log.warning("inventory_failed", account=account, stage=stage, region=region, error=text)

    def _org_clients(self) -> AwsClients:
        role = self.settings.organization.role
        if role is None:
            return self.clients
        return self.clients.assume_role(role, self.settings.session_name, self.settings.external_id)

    def _discovered(self) -> list[str]:
        if not self.settings.discover_accounts:
            return []
        try:
            return discover_accounts(self._org_clients().organizations())
        except AWS_ERRORS as exc:
            # Stage "accounts": which accounts there are is unknown, not only their SCPs.
            self._fail(self.own_account or "organization", "accounts", exc)
            return []

    def _account(self, target: AccountTarget) -> AccountInventory | None:
        started = self.clock()
        try:
            clients = self.clients
            if target.role_arn is not None:
                clients = self.clients.assume_role(
                    target.role_arn, self.settings.session_name, target.external_id
                )
        except AWS_ERRORS as exc:
            self._fail(target.account, "assume-role", exc)
            return None
        inventory = AccountInventory(target.account, started)
        try:
            inventory.principals = collect_principals(clients.iam(), stopping=self.stopping)
            inventory.principals_complete = True
        except AWS_ERRORS as exc:
            self._fail(target.account, "principals", exc)
        if self.with_resources:
            for region in until_stopping(target.regions, self.stopping):
                self._region(clients, inventory, region)
        inventory.finished = self.clock()
        return inventory

    def _region(self, clients: AwsClients, inventory: AccountInventory, region: str) -> None:
        account = inventory.account
        try:
            found = list(
                iter_resources(clients.tagging(region), account, region, self.settings.resource_types)
            )
        except AWS_ERRORS as exc:
            self._fail(account, "resources", exc, region)
            return
        # An ARN listed by two regions (moto lists every bucket everywhere) is one resource.
        known = {r.arn for r in inventory.resources}
        found = [r for r in found if r.arn not in known]
        inventory.resources += found
        inventory.regions.append(region)
        unreadable, first = 0, None
        s3, kms = clients.s3(region), clients.kms(region)
        for resource in until_stopping(found, self.stopping):
            try:
                if is_bucket(resource.arn):
                    document = bucket_policy(s3, resource.arn)
                elif is_kms_key(resource.arn):
                    document = key_policy(kms, resource.arn)
                else:
                    continue
            except AWS_ERRORS as exc:
                unreadable += 1
                first = first or exc
                continue
            if document is not None:
                inventory.resource_policies[resource.arn] = document
        if first is not None:
            self._fail(
                account,
                "resource-policies",
                RuntimeError(f"{unreadable} unreadable; first: {error_text(first)}"),
                region,
            )

    def _organization(self, accounts: list[str]) -> OrganizationPolicies:
        settings = self.settings.organization
        if settings.source == "none":
            return OrganizationPolicies(settings.management_account)
        if settings.source in ("api", "auto"):
            try:
                return organization_from_api(self._org_clients().organizations(), accounts)
            except AWS_ERRORS as exc:
                if settings.source == "api":
                    self._fail(self.own_account or "organization", "organization", exc)
                    return OrganizationPolicies(settings.management_account)
                self.log.info("organization_api_unavailable", error=error_text(exc))
        try:
            return organization_from_files(settings, self.base_dir)
        except OrganizationFilesError as exc:
            self._fail(self.own_account or "organization", "organization", exc)
            return OrganizationPolicies(settings.management_account)
