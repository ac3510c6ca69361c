"""The writers scan over an inventory whose organization policies could not be read.

SCPs limit what every principal of an account may do: without them the IAM engine answers as if
none applied, so a principal an SCP forbids to tag is taken as a writer. Those answers are not
committed as findings (alerts); the items are still listed, and the report says why.
"""

from __future__ import annotations

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.recording import Recorder
from tagwarden.app.scans.writers_scan import writers_report
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.inventory.snapshot import (
    AccountFailure,
    AccountInventory,
    Inventory,
    OrganizationPolicies,
)
from tests.core.writers.test_probe import ADMIN, GOVERNANCE, bucket, role

A = "111111111111"


def inventory(failures: list[AccountFailure]) -> Inventory:
    account = AccountInventory(A, 0.0, 1.0, principals_complete=True)
    account.principals = [role("dev", tags={"team": "alpha"}, policies=[ADMIN])]
    account.resources = [bucket("alpha-data", team="alpha")]
    account.regions = ["us-east-1"]
    return Inventory([account], failures, OrganizationPolicies())


def excess(failures: list[AccountFailure]) -> tuple[int, list[str]]:
    store = open_store("sqlite:///:memory:")
    policy = CompiledPolicy(parse_policy_document(GOVERNANCE))
    report = writers_report(
        inventory(failures), store, policy, 1717400000.0, Recorder(Metrics(), get_logger())
    )
    found = [f for f in store.list_findings() if f.kind in ("excess_tag_writer", "excess_identity_passer")]
    assert report.items, "the items are listed either way"
    return len(found), report.problems


def test_with_the_organization_read_an_unlisted_writer_is_a_finding() -> None:
    count, _ = excess([])
    assert count > 0


def test_without_the_organizations_scps_no_excess_finding_is_committed() -> None:
    failed = AccountFailure(A, "organization", "AccessDeniedException: organizations:ListPoliciesForTarget")
    count, problems = excess([failed])
    assert count == 0
    assert any("organization" in problem for problem in problems)
