"""Configuration an attacker or a slip could write: backtracking patterns, deep YAML
(issue 16, findings 7 and 12)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from tagwarden.app.cli.main import main
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.governance import CompiledPolicy, PolicyError, parse_policy_document
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import KnownTags
from tagwarden.core.normalize import Normalizer

REDOS = {"version": 1, "rules": [{"id": "r", "keys": ["team"], "values": {"pattern": "^(a+)+$"}}]}


@pytest.mark.timeout(20)
def test_a_backtracking_pattern_judges_a_hostile_value_at_once() -> None:
    # With Python's re, "^(a+)+$" against 40 a's and a "!" runs for longer than a lifetime.
    policy = CompiledPolicy(parse_policy_document(REDOS))
    hostile = record(
        Caller("123456789012", "dev"),
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("data", {"team": "a" * 40 + "!"}),
        time="2024-05-01T10:00:00Z",
    )
    (change,) = Normalizer().normalize(hostile).changes
    context = JudgeContext({}, KnownTags(), lambda _key: None, "2024-05-01T10:00:00Z")
    kinds = {f.kind for f in judge(change, context, policy)}
    assert kinds == {"disallowed_value"}
    assert (
        CompiledPolicy(parse_policy_document(REDOS)).rules_for("team", "aaaa", "t")[0].value_allowed("aaaa")
    )


@pytest.mark.parametrize("pattern", [r"^(a)\1$", r"^(?=a).*$"])
def test_patterns_without_a_linear_time_match_are_refused(pattern: str) -> None:
    document = {"version": 1, "rules": [{"id": "r", "keys": ["team"], "values": {"pattern": pattern}}]}
    with pytest.raises(PolicyError, match="linear-time"):
        parse_policy_document(document)


def test_check_config_refuses_a_pattern_with_a_backreference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    policy = {"version": 1, "rules": [{"id": "r", "keys": ["team"], "values": {"pattern": r"(a+)\1"}}]}
    (tmp_path / "tagwarden.yaml").write_text(yaml.safe_dump({"policy": policy}))
    assert main(["check-config", "--config", str(tmp_path / "tagwarden.yaml")]) == 2
    assert "linear-time" in capsys.readouterr().err


def test_yaml_nested_2000_deep_exits_2_with_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "tagwarden.yaml").write_text("policy: " + "[" * 2000 + "]" * 2000 + "\n")
    assert main(["check-config", "--config", str(tmp_path / "tagwarden.yaml")]) == 2
    err = capsys.readouterr().err
    assert "nested too deep" in err and "Traceback" not in err
