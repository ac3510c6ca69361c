"""The kind table: every kind declared once, and every reader of kinds reads it."""

from __future__ import annotations

import pytest

from tagwarden.core.model import Origin, new_finding
from tagwarden.core.model.finding import SEVERITIES, builtin_rule
from tagwarden.core.model.kinds import DEFAULT_SEVERITY, FINDING_KINDS, KINDS, Facts, kind_title, why

ORIGIN = Origin("e-1", "TagResource", "kms.amazonaws.com", "2026-03-01T09:00:00Z", "1", "us-east-1", "a")


def test_every_kind_has_a_severity_title_and_meaning() -> None:
    for name, spec in KINDS.items():
        assert spec.name == name
        assert spec.severity in SEVERITIES
        assert spec.title and spec.title != name
        assert spec.meaning.endswith(".")
    assert set(DEFAULT_SEVERITY) == set(FINDING_KINDS) == set(KINDS)


def test_the_pages_the_docs_and_the_explanations_read_the_table() -> None:
    facts = Facts(
        key="team", new="alpha", removal=False, target_kind="resource", outcome="success", actor_value="alpha"
    )
    assert kind_title("self_grant") == KINDS["self_grant"].title
    assert "granted itself" in why("self_grant", facts)
    assert why("excess_tag_writer", facts) == ""  # its producer writes the whole explanation
    assert kind_title("no_such_kind") == "no_such_kind"


def test_new_finding_refuses_a_kind_the_table_does_not_declare() -> None:
    args = {
        "target": "t",
        "target_kind": "resource",
        "tag_key": "k",
        "old_value": None,
        "new_value": "v",
        "explanation": "x",
        "severity": "high",
    }
    with pytest.raises(ValueError, match=r"declare it in tagwarden\.core\.model\.kinds"):
        new_finding("no_such_kind", ORIGIN, **args)  # type: ignore[arg-type]
    made = new_finding("lockout", ORIGIN, **args)  # type: ignore[arg-type]
    assert made.rule == builtin_rule("lockout") == "builtin:lockout"
    assert made.id == new_finding("lockout", ORIGIN, **args).id  # type: ignore[arg-type]
