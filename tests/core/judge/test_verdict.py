"""The judge on its own: plain changes and contexts in, findings out, no store and no I/O."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import Actor, KnownTags, TagChange

ACCOUNT = "111122223333"
ALICE = Actor(
    arn=f"arn:aws:iam::{ACCOUNT}:role/dev-alpha",
    session_arn=f"arn:aws:sts::{ACCOUNT}:assumed-role/dev-alpha/alice",
)
ADMIN = Actor(arn=f"arn:aws:iam::{ACCOUNT}:role/TagAdmin")
BOB = Actor(arn=f"arn:aws:iam::{ACCOUNT}:user/bob")
BUCKET = "arn:aws:s3:::beta-data"
POLICY = CompiledPolicy(
    parse_policy_document(
        {
            "version": 1,
            "abac_keys": ["team"],
            "rules": [
                {
                    "id": "team-writers",
                    "keys": ["team"],
                    "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}],
                    "values": {"allowed": ["alpha", "beta"]},
                    "severity": "critical",
                }
            ],
        }
    )
)


def change(actor: Actor = ALICE, target: str = BUCKET, **fields: Any) -> TagChange:
    base: dict[str, Any] = {
        "event_id": "e-1",
        "event_time": "2026-03-01T09:00:00Z",
        "event_source": "s3.amazonaws.com",
        "event_name": "PutBucketTagging",
        "account": ACCOUNT,
        "region": "us-east-1",
        "actor": actor,
        "target": target,
        "target_kind": "resource",
    }
    return TagChange(**(base | fields))


def kinds(findings: list[Any]) -> set[tuple[str, str, str]]:
    return {(f.kind, f.severity, f.rule) for f in findings}


def test_moving_another_teams_bucket_to_ones_own_team_is_a_self_grant() -> None:
    found = judge(
        change(set={"team": "alpha"}),
        JudgeContext({"team": "alpha"}, KnownTags({"team": "beta"}, complete=True)),
        POLICY,
    )
    assert kinds(found) == {
        ("unauthorized_writer", "critical", "team-writers"),
        ("self_grant", "critical", "builtin:self_grant"),
    }
    grant = next(f for f in found if f.kind == "self_grant")
    assert (grant.old_value, grant.new_value, grant.tag_key, grant.target) == (
        "beta",
        "alpha",
        "team",
        BUCKET,
    )
    assert "granted itself access" in grant.explanation


def test_a_listed_writer_setting_an_allowed_value_raises_nothing() -> None:
    context = JudgeContext({}, KnownTags({"team": "beta"}, complete=True))
    assert judge(change(ADMIN, set={"team": "alpha"}), context, POLICY) == []


def test_a_resend_of_the_same_value_is_not_a_write() -> None:
    context = JudgeContext({"team": "alpha"}, KnownTags({"team": "beta"}, complete=True))
    assert judge(change(set={"team": "beta"}, replace_all=True), context, POLICY) == []


def test_a_failed_attempt_is_a_denied_attempt_only() -> None:
    found = judge(
        change(set={"team": "alpha"}, outcome="AccessDenied"),
        JudgeContext({"team": "alpha"}, KnownTags()),
        POLICY,
    )
    assert kinds(found) == {("denied_attempt", "warning", "team-writers")}
    assert "AccessDenied" in found[0].explanation


def test_removing_an_abac_key_is_a_lockout() -> None:
    found = judge(
        change(BOB, removed=("team",)),
        JudgeContext({}, KnownTags({"team": "beta"}, complete=True)),
        POLICY,
    )
    assert kinds(found) == {
        ("unauthorized_writer", "critical", "team-writers"),
        ("lockout", "high", "builtin:lockout"),
    }
    assert (
        judge(change(ADMIN, removed=("team",)), JudgeContext({}, KnownTags({"team": "beta"})), POLICY) == []
    )


def test_an_ec2_delete_naming_another_value_removes_nothing() -> None:
    """EC2 DeleteTags with a value deletes the tag only if its value matches (EC2 API reference)."""
    delete = change(BOB, removed=("team",), removed_if={"team": "alpha"}, event_name="DeleteTags")
    assert judge(delete, JudgeContext({}, KnownTags({"team": "beta"}, complete=True)), POLICY) == []
    matching = judge(delete, JudgeContext({}, KnownTags({"team": "alpha"}, complete=True)), POLICY)
    assert ("lockout", "high", "builtin:lockout") in kinds(matching)
    unknown = judge(delete, JudgeContext({}, KnownTags()), POLICY)
    assert ("unauthorized_writer", "critical", "team-writers") in kinds(unknown)


def test_a_value_no_principal_holds_is_a_lockout_once_principals_are_known() -> None:
    held = JudgeContext({}, KnownTags({"team": "beta"}), lambda key: frozenset({"beta"}))
    unknown = JudgeContext({}, KnownTags({"team": "beta"}))
    lockout = ("lockout", "high", "builtin:lockout")
    assert lockout in kinds(judge(change(BOB, set={"team": "alpha"}), held, POLICY))
    assert lockout not in kinds(judge(change(BOB, set={"team": "alpha"}), unknown, POLICY))
    assert lockout not in kinds(judge(change(BOB, set={"team": "beta"}, event_id="e-2"), held, POLICY))


def test_a_value_the_actor_itself_holds_is_no_lockout() -> None:
    """IAM inventories list users' and roles' tags, not session tags: a session tag ('Team' here;
    keys compare case-insensitively) is a value a principal holds all the same (IAM User Guide,
    "Passing session tags in AWS STS": session tags are principal tags of the session)."""
    session_tags = {"Team": "gamma"}  # the role says beta; its session tag overrides it
    held = JudgeContext(session_tags, KnownTags({"team": "beta"}), lambda key: frozenset({"beta"}))
    found = kinds(judge(change(ALICE, set={"team": "gamma"}), held, POLICY))
    assert ("self_grant", "critical", "builtin:self_grant") in found
    assert ("lockout", "high", "builtin:lockout") not in found


@pytest.mark.parametrize("new_value", ["omega", "ALPHA"])
def test_a_value_outside_the_allowed_list_is_disallowed(new_value: str) -> None:
    found = judge(change(ADMIN, set={"team": new_value}), JudgeContext({}, KnownTags()), POLICY)
    assert kinds(found) == {("disallowed_value", "critical", "team-writers")}


def test_retagging_ones_own_role_is_a_self_retag_and_anothers_a_principal_retag() -> None:
    own = change(target=ALICE.arn, target_kind="principal", event_name="TagRole", set={"team": "beta"})
    other = change(
        target=f"arn:aws:iam::{ACCOUNT}:role/dev-beta", target_kind="principal", set={"team": "alpha"}
    )
    mine = JudgeContext({"team": "alpha"}, KnownTags({"team": "alpha"}, complete=True))
    theirs = JudgeContext({"team": "alpha"}, KnownTags({"team": "beta"}, complete=True))
    assert ("self_retag", "critical", "builtin:self_retag") in kinds(judge(own, mine, POLICY))
    assert ("principal_retag", "high", "builtin:principal_retag") in kinds(judge(other, theirs, POLICY))


def test_the_same_change_always_gives_the_same_findings() -> None:
    context = JudgeContext({"team": "alpha"}, KnownTags({"team": "beta"}, complete=True))
    first = judge(change(set={"team": "alpha"}), context, POLICY)
    second = judge(change(set={"team": "alpha"}), context, POLICY)
    assert first == second and len({f.id for f in first}) == len(first) == 2


def test_the_kinds_the_judge_gives_are_declared_kinds_and_not_the_other_producers() -> None:
    from tagwarden.core.judge import JUDGED_KINDS
    from tagwarden.core.model.kinds import FINDING_KINDS

    assert JUDGED_KINDS.issubset(FINDING_KINDS)
    assert not JUDGED_KINDS & {"compute_identity", "control_tamper", "log_integrity", "unattributed_change"}
