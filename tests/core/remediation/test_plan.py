"""Planning a revert from a committed finding, and the policy fields that ask for it."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.governance import CompiledPolicy, PolicyError, parse_policy_document
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import KnownTags
from tagwarden.core.remediation import flags_value, plan_revert, value_before, wants_revert
from tests.builders.findings import make_finding

RULE = {"id": "team", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}


def compiled(**extra: Any) -> CompiledPolicy:
    return CompiledPolicy(parse_policy_document({"version": 1, "rules": [{**RULE, **extra}]}))


def plan(finding: Any, before: tuple[bool, str | None], live: dict[str, str] | None, done: int = 0) -> Any:
    return plan_revert(finding, before=before, live=live, done_last_hour=done, max_per_hour=2)


def test_remediation_defaults_and_validation() -> None:
    policy = parse_policy_document({"version": 1, "rules": [RULE]})
    assert policy.rules[0].remediate == "off"
    assert policy.remediation.mode == "dry_run" and policy.remediation.max_per_hour == 20
    with pytest.raises(PolicyError, match="remediate"):
        parse_policy_document({"version": 1, "rules": [{**RULE, "remediate": "yes"}]})
    with pytest.raises(PolicyError, match="mode"):
        parse_policy_document({"version": 1, "rules": [RULE], "remediation": {"mode": "now"}})


def test_only_findings_of_reverting_rules_are_queued() -> None:
    finding = make_finding(kind="unauthorized_writer", rule="team", target_kind="resource")
    assert wants_revert(finding, compiled(remediate="revert"))
    assert not wants_revert(finding, compiled())
    assert not wants_revert(make_finding(kind="lockout", rule="team"), compiled(remediate="revert"))
    session = make_finding(kind="unauthorized_writer", rule="team", target_kind="session")
    assert not wants_revert(session, compiled(remediate="revert"))


def test_a_changed_value_is_set_back() -> None:
    finding = make_finding(tag_key="team", old_value="alpha", new_value="beta", target_kind="resource")
    revert = plan(finding, (True, "alpha"), {"team": "beta", "owner": "x"})
    assert revert.applies and revert.restore == "alpha" and revert.detail == "set team=alpha"


def test_an_added_key_is_removed_and_a_removed_key_put_back() -> None:
    added = make_finding(tag_key="team", old_value=None, new_value="beta", target_kind="resource")
    assert plan(added, (True, None), {"team": "beta"}).detail == "remove team"
    removed = make_finding(tag_key="team", old_value="alpha", new_value=None, target_kind="resource")
    assert plan(removed, (True, "alpha"), {}).detail == "set team=alpha"


@pytest.mark.parametrize(
    ("before", "live", "done", "why"),
    [
        ((False, None), {"team": "beta"}, 0, "not known"),
        ((True, "alpha"), None, 0, "could not be read"),
        ((True, "alpha"), {"team": "alpha"}, 0, "already holds"),
        ((True, "alpha"), {"team": "gamma"}, 0, "changed again"),
        ((True, "alpha"), {"team": "beta"}, 2, "max_per_hour"),
    ],
)
def test_skipped_with_a_reason(before: Any, live: Any, done: int, why: str) -> None:
    finding = make_finding(tag_key="team", old_value="alpha", new_value="beta", target_kind="resource")
    revert = plan(finding, before, live, done)
    assert revert.status == "skipped" and why in revert.detail


def test_a_principal_key_retagged_in_another_case_is_set_back_to_its_value() -> None:
    # IAM keys ignore case: TagRole team=admin over Team=eng changed Team, it added no key.
    finding = make_finding(tag_key="team", old_value="eng", new_value="admin", target_kind="principal")
    before = value_before(finding, KnownTags({"Team": "eng"}, complete=True))
    assert before == (True, "eng")
    revert = plan(finding, before, {"Team": "admin"})
    assert revert.applies and revert.detail == "set team=eng"


def test_a_resource_key_in_another_case_is_another_key() -> None:
    finding = make_finding(tag_key="team", old_value=None, new_value="admin", target_kind="resource")
    assert value_before(finding, KnownTags({"Team": "eng"}, complete=True)) == (True, None)
    assert plan(finding, (True, None), {"Team": "eng", "team": "admin"}).detail == "remove team"


def test_a_value_an_unresolved_finding_flagged_is_not_put_back() -> None:
    finding = make_finding(tag_key="team", old_value="beta", new_value="gamma", target_kind="resource")
    revert = plan_revert(
        finding,
        before=(True, "beta"),
        live={"team": "gamma"},
        done_last_hour=0,
        max_per_hour=2,
        before_flagged="f-earlier",
    )
    assert revert.status == "skipped" and "f-earlier" in revert.detail


@pytest.mark.parametrize(
    ("earlier", "flags"),
    [
        ({}, True),
        ({"status": "resolved"}, False),
        ({"kind": "lockout"}, False),
        ({"new_value": "other"}, False),
        ({"tag_key": "owner"}, False),
        ({"target": "arn:aws:s3:::elsewhere"}, False),
    ],
)
def test_which_earlier_findings_flag_the_value_before(earlier: dict[str, Any], flags: bool) -> None:
    finding = make_finding(id="f-2", tag_key="team", new_value="gamma", target="arn:aws:s3:::b")
    base = {"id": "f-1", "kind": "unauthorized_writer", "tag_key": "team", "new_value": "beta"}
    assert (
        flags_value(make_finding(**{**base, "target": "arn:aws:s3:::b", **earlier}), finding, "beta") is flags
    )


def test_tagwarden_own_reverts_are_not_judged() -> None:
    from tagwarden.core.model import Actor, TagChange

    policy = compiled(remediate="revert")
    context = JudgeContext({}, KnownTags({"team": "beta"}), lambda _key: None, "2026-01-01T00:00:00Z")

    def change(role: str) -> TagChange:
        actor = Actor(arn=f"arn:aws:iam::123456789012:role/{role}")
        return TagChange(
            event_id="e",
            event_time="2026-01-01T00:00:00Z",
            event_source="s3.amazonaws.com",
            event_name="PutBucketTagging",
            account="123456789012",
            region="us-east-1",
            actor=actor,
            target="arn:aws:s3:::b",
            target_kind="resource",
            set={"team": "alpha"},
        )

    assert judge(change("tagwarden-remediator"), context, policy) == []
    assert {f.kind for f in judge(change("Developer"), context, policy)} == {"unauthorized_writer"}


@pytest.mark.parametrize(("status", "applies"), [("open", True), ("acknowledged", True), ("resolved", False)])
def test_a_resolved_finding_is_not_reverted(status: str, applies: bool) -> None:
    finding = make_finding(
        tag_key="team", old_value="alpha", new_value="beta", target_kind="resource", status=status
    )
    revert = plan(finding, (True, "alpha"), {"team": "beta"})
    assert revert.applies is applies
    assert applies or "resolved" in revert.detail
