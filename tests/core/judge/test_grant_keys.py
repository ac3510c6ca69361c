"""A tag that makes a principal_tag writer, put on a principal or passed as a session tag."""

from __future__ import annotations

import pytest

from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import KnownTags
from tests.core.judge.test_verdict import ACCOUNT, ADMIN, ALICE, BUCKET, change, kinds

POLICY = CompiledPolicy(
    parse_policy_document(
        {
            "version": 1,
            "abac_keys": ["team"],
            "rules": [
                {
                    "id": "team-writers",
                    "keys": ["team"],
                    "writers": [
                        {"principal": "arn:aws:iam::*:role/TagAdmin"},
                        {"principal_tag": {"tag-admin": "true"}},
                    ],
                    "severity": "critical",
                }
            ],
        }
    )
)
ROLE = f"arn:aws:iam::{ACCOUNT}:role/dev-beta"
NOTHING = JudgeContext({"team": "alpha"}, KnownTags())


@pytest.mark.parametrize("key", ["tag-admin", "Tag-Admin"])
def test_passing_the_writer_tag_as_a_session_tag_is_an_unauthorized_writer(key: str) -> None:
    """The caller would be a writer of 'team' for the session's lifetime: the guardrails deny
    this to all but the writers named without tags, and the judge flags it."""
    session = change(target=ROLE, target_kind="session", event_name="AssumeRole", set={key: "true"})
    found = judge(session, NOTHING, POLICY)
    assert kinds(found) == {("unauthorized_writer", "critical", "team-writers")}
    assert "allows only principal arn:aws:iam::*:role/TagAdmin to write" in found[0].explanation
    assert judge(change(ADMIN, target=ROLE, target_kind="session", set={key: "true"}), NOTHING, POLICY) == []


def test_putting_the_writer_tag_on_a_principal_is_an_unauthorized_writer() -> None:
    own = change(target=ALICE.arn, target_kind="principal", event_name="TagRole", set={"tag-admin": "true"})
    assert kinds(judge(own, NOTHING, POLICY)) == {("unauthorized_writer", "critical", "team-writers")}
    untag = change(target=ROLE, target_kind="principal", event_name="UntagRole", removed=("tag-admin",))
    assert kinds(judge(untag, NOTHING, POLICY)) == {("unauthorized_writer", "critical", "team-writers")}
    failed = change(target=ROLE, target_kind="principal", set={"tag-admin": "true"}, outcome="AccessDenied")
    assert kinds(judge(failed, NOTHING, POLICY)) == {("denied_attempt", "warning", "team-writers")}


def test_the_writer_tag_on_a_resource_grants_nothing() -> None:
    assert judge(change(target=BUCKET, set={"tag-admin": "true"}), NOTHING, POLICY) == []


def test_a_writer_tag_some_rule_governs_is_judged_by_that_rule_alone() -> None:
    document = POLICY.policy.model_dump()
    document["rules"].append(
        {"id": "tag-admin-key", "keys": ["tag-admin"], "writers": [{"principal": ADMIN.arn}]}
    )
    governed = CompiledPolicy(parse_policy_document(document))
    session = change(target=ROLE, target_kind="session", set={"tag-admin": "true"})
    assert kinds(judge(session, NOTHING, governed)) == {("unauthorized_writer", "high", "tag-admin-key")}
