"""The drift report of an inventory that could not read everything."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from tagwarden.adapters.aws import AwsClients
from tagwarden.adapters.inventory.collect import InventoryRun
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.scans.drift_scan import drift_report
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.inventory.snapshot import (
    AccountFailure,
    AccountInventory,
    Inventory,
    PrincipalRecord,
    ResourceRecord,
)
from tagwarden.core.settings.inventory import InventorySettings

A, B = "111111111111", "222222222222"
MOTO = "123456789012"
POLICY = CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"], "rules": []}))


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store("sqlite:///:memory:")
    yield opened
    opened.close()


def account(name: str, team: str, *, principals: bool = True, resources: bool = True) -> AccountInventory:
    read = AccountInventory(name, 0.0, 1.0, principals_complete=principals)
    if principals:
        read.principals = [PrincipalRecord(f"arn:aws:iam::{name}:role/dev", "role", {"team": team}, name)]
    if resources:
        read.resources = [ResourceRecord(f"arn:aws:s3:::{name}-data", name, "us-east-1", {"team": team})]
        read.regions = ["us-east-1"]
    return read


def kinds(inventory: Inventory, store: Store) -> list[tuple[str, str | None, str]]:
    _, items = drift_report(inventory, store, POLICY, InventorySettings())
    return [(i.kind, i.value, i.subject) for i in items]


def test_a_complete_inventory_reports_values_nobody_holds_or_carries(store: Store) -> None:
    inventory = Inventory([account(A, "alpha"), account(B, "beta", resources=False)])
    assert kinds(inventory, store) == [
        ("unused_principal_value", "beta", f"arn:aws:iam::{B}:role/dev"),
    ]


def test_principals_that_could_not_be_read_make_no_value_an_orphan(store: Store) -> None:
    failed = AccountFailure(A, "principals", "Throttling: Rate exceeded")
    inventory = Inventory([account(A, "alpha", principals=False), account(B, "beta")], [failed])
    # A's role holds alpha, for all the scan knows.
    assert kinds(inventory, store) == []


def test_resources_that_could_not_be_read_make_no_principal_value_unused(store: Store) -> None:
    failed = AccountFailure(B, "resources", "AccessDenied: tag:GetResources", "us-east-1")
    inventory = Inventory([account(A, "alpha"), account(B, "beta", resources=False)], [failed])
    assert kinds(inventory, store) == []


def test_an_account_whose_role_could_not_be_assumed_makes_no_value_an_orphan_or_unused(
    store: Store,
) -> None:
    """B's role could not be assumed: neither its principals nor its resources were read, so A's
    values may be held or carried there. The inventory has no AccountInventory for B at all."""
    failed = AccountFailure(B, "assume-role", "AccessDenied: sts:AssumeRole")
    inventory = Inventory([account(A, "alpha")], [failed])
    inventory.accounts[0].resources.append(
        ResourceRecord(f"arn:aws:s3:::{A}-shared", A, "us-east-1", {"team": "beta"})
    )
    inventory.accounts[0].principals.append(
        PrincipalRecord(f"arn:aws:iam::{A}:role/ops", "role", {"team": "gamma"}, A)
    )
    assert kinds(inventory, store) == []


def test_accounts_that_could_not_be_listed_make_no_value_an_orphan(aws: str, store: Store) -> None:
    """discover_accounts on, and Organizations refuses to list the accounts: the inventory covers
    the own account only, so a value its principals do not hold may be held in any other account
    of the organization."""
    boto3.client("s3").create_bucket(Bucket="gamma-data")
    boto3.client("s3").put_bucket_tagging(
        Bucket="gamma-data", Tagging={"TagSet": [{"Key": "team", "Value": "gamma"}]}
    )
    settings = InventorySettings.model_validate(
        {"discover_accounts": True, "organization": {"source": "none"}}
    )
    session = boto3.session.Session(region_name="us-east-1")

    def deny(**_: Any) -> None:
        error = {"Error": {"Code": "AccessDeniedException", "Message": "organizations:ListAccounts"}}
        raise ClientError(error, "ListAccounts")  # type: ignore[arg-type]

    session.events.register("provide-client-params.organizations.ListAccounts", deny)
    clients = AwsClients("us-east-1", session=session)
    run = InventoryRun(clients, settings, MOTO, "us-east-1", Path("."), get_logger())
    inventory = run.collect()
    assert [a.account for a in inventory.accounts] == [MOTO]
    assert inventory.failures, "the listing of the organization's accounts failed"
    assert kinds(inventory, store) == []
