"""The drift scan on small, hand-made inventories: every kind, exactly."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.drift import Holder, abac_keys, compute_drift, unattributed_items
from tagwarden.core.drift.spellings import canonical, normalized, variant_groups
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model import Finding
from tests.builders.findings import make_finding

A, B = "111111111111", "222222222222"


def policy(**extra: Any) -> CompiledPolicy:
    document: dict[str, Any] = {"version": 1, "abac_keys": ["team"], "rules": []}
    document.update(extra)
    return CompiledPolicy(parse_policy_document(document))


def bucket(name: str, account: str = A, **tags: str) -> Holder:
    return Holder(f"arn:aws:s3:::{name}", account, "us-east-1", tags)


def role(name: str, account: str = A, **tags: str) -> Holder:
    return Holder(f"arn:aws:iam::{account}:role/{name}", account, "", tags)


def summary(items: list[Any]) -> list[tuple[str, str, str | None, str]]:
    return [(i.kind, i.key, i.value, i.subject) for i in items]


def test_every_kind_on_one_key() -> None:
    rules = [{"id": "teams", "keys": ["team"], "values": {"allowed": ["alpha", "beta", "gamma"]}}]
    resources = [
        bucket("alpha-data", team="alpha"),
        bucket("beta-data", team="beta"),
        bucket("beta-logs", team="Beta"),  # beta in another case: dev-beta holds 'beta'
        bucket("gamma-data", team="gamma"),  # nobody holds gamma
        bucket("omega-data", team="omega"),  # nobody holds omega, and the policy refuses it
        bucket("untagged", env="prod"),
        bucket("doubled", team="alpha", Team="alpha"),
    ]
    principals = [
        role("dev-alpha", team="alpha"),
        role("dev-beta", team="beta"),
        role("dev-delta", team="delta"),
    ]
    items = compute_drift(resources, principals, policy(rules=rules), ["team"])
    assert summary(items) == [
        ("case_conflict", "team", None, "arn:aws:s3:::doubled"),
        ("case_conflict", "team", "Beta", "arn:aws:s3:::beta-logs"),
        ("disallowed_value", "team", "Beta", "arn:aws:s3:::beta-logs"),
        ("disallowed_value", "team", "delta", f"arn:aws:iam::{A}:role/dev-delta"),
        ("disallowed_value", "team", "omega", "arn:aws:s3:::omega-data"),
        ("missing_key", "team", None, "arn:aws:s3:::untagged"),
        ("orphan_value", "team", "gamma", "arn:aws:s3:::gamma-data"),
        ("orphan_value", "team", "omega", "arn:aws:s3:::omega-data"),
        ("unused_principal_value", "team", "delta", f"arn:aws:iam::{A}:role/dev-delta"),
    ]
    by_kind = {i.kind: i for i in items}
    assert by_kind["disallowed_value"].severity == "high"  # the rule's severity
    assert by_kind["orphan_value"].severity == "warning"
    assert "'Beta' differs from 'beta'" in items[1].detail
    assert "1 principal(s) and 1 resource(s) carry 'beta'" in items[1].detail
    item = items[1].to_dict()
    assert set(item) == {"kind", "severity", "key", "value", "resource", "account", "region", "detail"}
    principal_item = items[3].to_dict()
    assert (
        principal_item["principal"] == f"arn:aws:iam::{A}:role/dev-delta" and "resource" not in principal_item
    )


def test_tag_keys_compare_without_case_and_nothing_is_reported_when_all_agree() -> None:
    resources = [bucket("a", Team="alpha"), bucket("b", TEAM="beta")]
    principals = [role("x", team="alpha"), role("y", tEaM="beta")]
    assert compute_drift(resources, principals, policy(), ["team"]) == []


def test_white_space_is_a_conflict_and_the_allowed_spelling_wins_over_the_common_one() -> None:
    rules = [{"id": "teams", "keys": ["team"], "values": {"allowed": ["alpha"]}}]
    resources = [bucket("a", team="alpha "), bucket("b", team="alpha "), bucket("c", team="alpha")]
    principals = [role("x", team="Alpha"), role("y", team="Alpha")]
    items = [
        i
        for i in compute_drift(resources, principals, policy(rules=rules), ["team"])
        if i.kind == "case_conflict"
    ]
    assert {(i.value, i.subject) for i in items} == {
        ("alpha ", "arn:aws:s3:::a"),
        ("alpha ", "arn:aws:s3:::b"),
        ("Alpha", f"arn:aws:iam::{A}:role/x"),
        ("Alpha", f"arn:aws:iam::{A}:role/y"),
    }
    # A case variant of a held value is a conflict, not an orphan nor an unused value.
    kinds = {i.kind for i in compute_drift(resources, principals, policy(rules=rules), ["team"])}
    assert "orphan_value" not in kinds and "unused_principal_value" not in kinds


def test_values_are_compared_across_accounts() -> None:
    resources = [bucket("a", account=B, team="alpha")]
    principals = [role("x", account=A, team="alpha")]
    assert compute_drift(resources, principals, policy(), ["team"]) == []


def test_missing_key_scope_from_rules_and_from_configuration() -> None:
    resources = [bucket("prod-a", env="prod"), bucket("dev-a", env="dev"), bucket("prod-b", account=B)]
    scoped = policy(
        rules=[{"id": "r", "keys": ["team"], "accounts": [A], "resources": ["arn:aws:s3:::prod-*"]}]
    )
    assert summary(compute_drift(resources, [], scoped, ["team"])) == [
        ("missing_key", "team", None, "arn:aws:s3:::prod-a")
    ]
    # No rule names the key: every resource must carry it.
    assert len(compute_drift(resources, [], policy(), ["team"])) == 3
    # The configured scope overrides the rules.
    configured = compute_drift(resources, [], scoped, ["team"], missing_key_scope=["arn:aws:s3:::dev-*"])
    assert summary(configured) == [("missing_key", "team", None, "arn:aws:s3:::dev-a")]


def test_disallowed_values_respect_the_rules_scope_and_patterns() -> None:
    rules = [
        {
            "id": "a-only",
            "keys": ["team"],
            "accounts": [A],
            "values": {"pattern": "^[a-z]+$"},
            "severity": "warning",
        },
    ]
    resources = [bucket("x", team="Alpha1"), bucket("y", account=B, team="Alpha1")]
    principals = [role("p", team="Alpha1")]
    items = [
        i
        for i in compute_drift(resources, principals, policy(rules=rules), ["team"])
        if i.kind == "disallowed_value"
    ]
    assert [(i.subject, i.severity) for i in items] == [
        (f"arn:aws:iam::{A}:role/p", "warning"),
        ("arn:aws:s3:::x", "warning"),
    ]


def test_abac_key_globs_take_the_keys_seen() -> None:
    compiled = policy(abac_keys=["team", "access-*"])
    assert abac_keys(compiled, ["Access-Level", "env", "access-level", "TEAM"]) == ["Access-Level", "team"]


def test_unattributed_changes_become_items_on_abac_keys_only() -> None:
    def finding(key: str, target: str, kind: str = "unattributed_change") -> Finding:
        return make_finding(
            kind=kind,
            severity="warning",
            rule="builtin:unattributed_change",
            event_id="inventory:x",
            event_name="InventorySnapshot",
            event_source="tagwarden.inventory",
            event_time="2026-01-01T00:00:00Z",
            account=A,
            actor="unknown",
            target=target,
            target_kind="principal" if ":role/" in target else "resource",
            tag_key=key,
            old_value="alpha",
            new_value="beta",
            explanation="why",
        )

    items = unattributed_items(
        [
            finding("Team", "arn:aws:s3:::a"),
            finding("cost", "arn:aws:s3:::b"),
            finding("team", f"arn:aws:iam::{A}:role/r"),
            finding("team", "arn:aws:s3:::c", kind="lockout"),
        ],
        ["team"],
    )
    assert [(i.key, i.value, i.resource, i.principal) for i in items] == [
        ("team", "beta", None, f"arn:aws:iam::{A}:role/r"),
        ("team", "beta", "arn:aws:s3:::a", None),
    ]


values = st.text(alphabet=st.sampled_from("aAbB \t"), min_size=1, max_size=5)


@given(st.sets(values, max_size=12))
def test_variant_groups_gather_exactly_the_values_equal_but_for_case_and_surrounding_space(
    found: set[str],
) -> None:
    groups = variant_groups(found)
    grouped = [value for group in groups for value in group]
    assert len(grouped) == len(set(grouped))
    for group in groups:
        assert len(group) > 1 and len({normalized(v) for v in group}) == 1
    lonely = found - set(grouped)
    for value in lonely:
        assert sum(1 for other in found if normalized(other) == normalized(value)) == 1


@given(st.sets(values, min_size=2, max_size=6), st.dictionaries(values, st.integers(0, 3)))
def test_the_canonical_spelling_is_one_of_the_group(group: set[str], held: dict[str, int]) -> None:
    members = sorted(group)
    principals = {v: [0] * n for v, n in held.items()}
    chosen = canonical(members, principals, {})
    assert chosen in members
    assert len(principals.get(chosen, ())) == max(len(principals.get(v, ())) for v in members)
