"""Several rules on one key: each rule that restricts writers must list the actor."""

from __future__ import annotations

from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import Actor, KnownTags
from tests.core.judge.test_verdict import ACCOUNT, ADMIN, change, kinds

CI = Actor(arn=f"arn:aws:iam::{ACCOUNT}:role/ci-deployer")
TWO_RULES = CompiledPolicy(
    parse_policy_document(
        {
            "version": 1,
            "abac_keys": ["team"],
            "rules": [
                {
                    "id": "team-by-admins",
                    "keys": ["team"],
                    "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}],
                    "severity": "critical",
                },
                {
                    "id": "prod-by-ci",
                    "keys": ["*"],
                    "accounts": [ACCOUNT],
                    "writers": [{"principal": "arn:aws:iam::*:role/ci-*"}, {"principal": ADMIN.arn}],
                    "severity": "warning",
                },
            ],
        }
    )
)


def test_a_writer_listed_by_one_rule_only_is_unauthorized_by_the_other() -> None:
    """The guardrails deny a caller who is not a writer of each rule (docs/guardrails.md): so
    does the judge, naming the rule that does not list it; the ABAC detectors run as for
    anyone unlisted."""
    context = JudgeContext({"team": "alpha"}, KnownTags({"team": "beta"}, complete=True))
    found = judge(change(CI, set={"team": "alpha"}), context, TWO_RULES)
    assert ("unauthorized_writer", "critical", "team-by-admins") in kinds(found)
    assert ("self_grant", "critical", "builtin:self_grant") in kinds(found)
    assert not [f for f in found if f.rule == "prod-by-ci"]


def test_a_writer_listed_by_every_rule_is_authorized() -> None:
    context = JudgeContext({"team": "alpha"}, KnownTags({"team": "beta"}, complete=True))
    assert judge(change(ADMIN, set={"team": "alpha"}), context, TWO_RULES) == []


def test_the_rule_named_is_the_most_severe_of_those_that_do_not_list_the_actor() -> None:
    bob = Actor(arn=f"arn:aws:iam::{ACCOUNT}:user/bob")
    found = judge(change(bob, set={"owner": "x"}), JudgeContext({}, KnownTags()), TWO_RULES)
    assert kinds(found) == {("unauthorized_writer", "warning", "prod-by-ci")}
    outside = judge(
        change(bob, set={"team": "x"}, account="999999999999"), JudgeContext({}, KnownTags()), TWO_RULES
    )
    assert ("unauthorized_writer", "critical", "team-by-admins") in kinds(outside)
