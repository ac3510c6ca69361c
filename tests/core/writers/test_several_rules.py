"""Several rules on one key in the writers scan: a principal is a listed writer only where every
rule that restricts writers of the key lists it, as the judge and the guardrails have it."""

from __future__ import annotations

from typing import Any

from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.inventory.snapshot import AccountInventory, Inventory, OrganizationPolicies
from tagwarden.core.writers import build_inputs, identity_passers
from tests.core.writers.test_passers import APPS, PASS_TO_EC2, RUN
from tests.core.writers.test_probe import ACTIONS, ADMIN, A, bucket, doc, role, scan

TAG_ADMIN = "arn:aws:iam::*:role/TagAdmin"


def _governance(*writers_of_every_key: str) -> dict[str, Any]:
    rules: list[dict[str, Any]] = [
        {"id": "team-by-ops", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/ops"}]}
    ]
    if writers_of_every_key:
        rules.append(
            {"id": "all-keys", "keys": ["*"], "writers": [{"principal": p} for p in writers_of_every_key]}
        )
    return {"version": 1, "abac_keys": ["team"], "rules": rules}


def _bucket_writers(governance: dict[str, Any]) -> set[tuple[bool, bool]]:
    items = scan([role("ops", policies=[ADMIN])], [bucket("data", team="alpha")], governance=governance)
    return {(i.authorized, i.listed_writer) for i in items if i.target_class == "s3:bucket"}


def test_a_writer_listed_by_the_only_rule_is_authorized() -> None:
    assert _bucket_writers(_governance()) == {(True, True)}


def test_a_writer_listed_by_one_rule_but_not_another_is_an_excess_writer() -> None:
    assert _bucket_writers(_governance(TAG_ADMIN)) == {(False, False)}


def test_a_writer_listed_by_every_rule_is_authorized() -> None:
    assert _bucket_writers(_governance(TAG_ADMIN, "arn:aws:iam::*:role/ops")) == {(True, True)}


def _passed_roles(governance: dict[str, Any]) -> set[str]:
    account = AccountInventory(A, 0.0)
    account.principals += [role("ops", tags={"team": "alpha"}, policies=[doc(RUN, PASS_TO_EC2)]), *APPS]
    inventory = Inventory([account], [], OrganizationPolicies())
    policy = CompiledPolicy(parse_policy_document(governance))
    return {
        i.role.rsplit("/", 1)[1] for i in identity_passers(build_inputs(inventory, ACTIONS), policy, ["team"])
    }


def test_a_passer_listed_by_one_rule_but_not_another_is_an_excess_passer() -> None:
    assert _passed_roles(_governance()) == set()
    assert _passed_roles(_governance(TAG_ADMIN)) == {"app-beta"}
    assert _passed_roles(_governance(TAG_ADMIN, "arn:aws:iam::*:role/ops")) == set()
