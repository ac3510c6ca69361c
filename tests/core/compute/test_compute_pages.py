"""The on-call page of a compute_identity finding: the roles, the workload, what the kind means."""

from __future__ import annotations

from tagwarden.adapters.http import Router
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.store import open_store
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tests.adapters.http.test_pages import assert_inert, page
from tests.core.compute.cases import ALICE, OPERATIONS
from tests.core.compute.scenario import POLICY, replay


def test_the_detail_page_of_a_compute_identity_finding_names_the_roles_and_the_workload() -> None:
    store = open_store("sqlite:///:memory:")
    (finding,) = replay(OPERATIONS[5].records(1, "beta", ALICE), store)  # UpdateFunctionConfiguration
    router = Router()
    install_pages(router, store, CompiledPolicy(parse_policy_document(POLICY)))
    parsed = page(router, f"/findings/{finding.id}")
    shown = parsed.text
    assert "Compute identity: team" in shown and "critical" in shown.lower()
    assert "team : alpha → beta" in shown
    assert "the role the workload ran as before, and the role it was given" in shown
    assert "role/app-alpha" in shown and "role/app-beta" in shown  # both roles, in the explanation
    assert "Target: the workload given the role" in shown
    assert "Target arn:aws:lambda:us-east-1:123456789012:function:report-1" in shown
    assert "was given a role whose ABAC tag differs from the actor's own" in shown  # the kind's meaning
    assert '"eventName": "UpdateFunctionConfiguration20150331v2"' in shown  # the raw record was kept
    assert_inert(parsed)
    listing = page(router, "/findings").text
    assert "Compute identity" in listing or "compute_identity" in listing
