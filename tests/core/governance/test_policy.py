from __future__ import annotations

from pathlib import Path

import pytest

from tagwarden.app.config import ConfigError, load_config
from tagwarden.app.config.policy_file import load_policy
from tagwarden.core.governance import CompiledPolicy, PolicyError, parse_policy_document

REPO = Path(__file__).resolve().parents[3]


def test_the_example_policy_is_valid() -> None:
    policy = load_policy(REPO / "config" / "policy.yaml")
    compiled = CompiledPolicy(policy)
    assert compiled.is_abac("TEAM")
    assert [r.id for r in compiled.rules_for("Access-Level", "1", "arn:aws:s3:::x")] == [
        "abac-keys-by-tag-admins"
    ]


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"version": 2}, "version: Input should be 1"),
        ({"version": 1, "rules": [{"id": "r", "keys": []}]}, "rules[0].keys"),
        ({"version": 1, "rules": [{"id": "r", "keys": ["a"], "writers": [{}]}]}, "needs at least one of"),
        (
            {"version": 1, "rules": [{"id": "r", "keys": ["a"], "values": {"pattern": "("}}]},
            "not a valid regular",
        ),
        ({"version": 1, "rules": [{"id": "r", "keys": ["a"], "severity": "urgent"}]}, "rules[0].severity"),
        ({"version": 1, "rules": [{"id": "r", "keys": ["a"]}, {"id": "r", "keys": ["b"]}]}, "appears twice"),
        (
            {"version": 1, "rules": [{"id": "r", "keys": ["a"], "writer": []}]},
            "rules[0].writer: Extra inputs",
        ),
        ({"version": 1, "severities": {"nonsense": "high"}}, "unknown kind"),
    ],
)
def test_bad_policies_name_the_key_at_fault(document: dict[str, object], message: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy_document(document)
    assert message in str(caught.value)


def test_a_rule_without_writers_restricts_values_only() -> None:
    policy = CompiledPolicy(
        parse_policy_document(
            {"version": 1, "rules": [{"id": "r", "keys": ["cost"], "values": {"allowed": ["1"]}}]}
        )
    )
    (rule,) = policy.rules_for("cost", "1", "t")
    assert not rule.restricts_writers and rule.restricts_values


def test_config_with_a_bad_policy_file_is_a_config_error(tmp_path: Path) -> None:
    (tmp_path / "policy.yaml").write_text("version: 1\nrules: [{id: x}]\n")
    (tmp_path / "tagwarden.yaml").write_text("policy: policy.yaml\n")
    with pytest.raises(ConfigError, match=r"rules\[0\]\.keys"):
        load_config(tmp_path / "tagwarden.yaml", env={})
