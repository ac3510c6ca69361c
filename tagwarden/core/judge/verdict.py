"""The judge: one tag change in, its findings out."""

from __future__ import annotations

from typing import Literal, get_args

from tagwarden.core.arn import canonical_principal
from tagwarden.core.governance.compiled import ActorView, CompiledPolicy, CompiledRule, writer_standing
from tagwarden.core.judge.context import JudgeContext
from tagwarden.core.judge.explain import explain
from tagwarden.core.judge.writes import KeyWrite, effective_writes
from tagwarden.core.model import Finding, TagChange, most_severe, new_finding
from tagwarden.core.model.change import RESOURCE_KINDS
from tagwarden.core.model.finding import Severity, origin_of

# The kinds of finding the judge gives, and only those: judged again after a late event, a change's
# findings of other kinds (a role given to compute, a control call) are not the judge's to withdraw.
JudgedKind = Literal[
    "unauthorized_writer",
    "disallowed_value",
    "self_grant",
    "self_retag",
    "principal_retag",
    "session_tag",
    "lockout",
    "denied_attempt",
]
JUDGED_KINDS: frozenset[str] = frozenset(get_args(JudgedKind))


def _attempted_writes(change: TagChange) -> list[KeyWrite]:
    """A failed call changed nothing: every key it named counts as attempted."""
    writes = [KeyWrite(key, False, None, value, hidden=value is None) for key, value in change.set.items()]
    writes += [KeyWrite(key, False, None, None, removal=True) for key in change.removed]
    return writes


class _Judgement:
    def __init__(self, change: TagChange, ctx: JudgeContext, policy: CompiledPolicy) -> None:
        self.change = change
        self.ctx = ctx
        self.policy = policy
        self.actor = ActorView(change.actor.arn, change.actor.invoked_by, ctx.actor_tags)
        self.findings: list[Finding] = []
        self.origin = origin_of(change)

    def add(
        self,
        kind: JudgedKind,
        write: KeyWrite,
        rule: CompiledRule | None = None,
        severity: Severity | None = None,
        *,
        writers: str | None = None,
    ) -> None:
        self.findings.append(
            new_finding(
                kind,
                self.origin,
                target=self.change.target,
                target_kind=self.change.target_kind,
                tag_key=write.key,
                old_value=write.old,
                new_value=write.new,
                explanation=explain(
                    kind, self.change, write, self.actor.tag(write.key), rule, writers=writers
                ),
                severity=severity or self.policy.severity(kind),
                rule=rule.id if rule is not None else None,
                created_at=self.ctx.created_at,
            )
        )

    def grant_rules(self, write: KeyWrite) -> list[CompiledRule]:
        """The rules this write of a grant key onto a principal or a session breaks: the actor is
        not one of their writers named without tags (docs/guardrails.md, grant statements)."""
        if self.change.target_kind not in ("principal", "session"):
            return []
        return [r for r in self.policy.grant_rules_for(write.key) if not r.listed_grantor(self.actor)]

    def attempt(self, write: KeyWrite) -> None:
        rules = self.policy.rules_for(write.key, self.change.account, self.change.target)
        rules = rules or self.grant_rules(write)
        if rules or self.policy.is_abac(write.key):
            self.add(
                "denied_attempt",
                write,
                most_severe(rules) if rules else None,
                severity=self.policy.severity("denied_attempt"),
            )

    def write(self, write: KeyWrite) -> None:
        change, old = self.change, self.ctx.old
        rules = self.policy.rules_for(write.key, change.account, change.target)
        standing = writer_standing(rules, self.actor, old)
        if standing.unlisted:
            rule = most_severe(standing.unlisted)
            self.add("unauthorized_writer", write, rule, severity=rule.severity)
        if write.new is not None:
            refusing = [r for r in rules if r.restricts_values and not r.value_allowed(write.new)]
            if refusing:
                rule = most_severe(refusing)
                self.add("disallowed_value", write, rule, severity=rule.severity)
        granting = self.grant_rules(write)
        if granting:
            rule = most_severe(granting)
            self.add("unauthorized_writer", write, rule, rule.severity, writers=rule.describe_grantors())
        if self.policy.is_abac(write.key) and not standing.listed:
            self.detect(write)

    def detect(self, write: KeyWrite) -> None:
        change = self.change
        mine = self.actor.tag(write.key)
        if change.target_kind in RESOURCE_KINDS:
            if (
                not write.removal
                and not change.at_creation
                and write.new is not None
                and mine is not None
                and write.new == mine
            ):
                self.add("self_grant", write)
            if write.removal:
                self.add("lockout", write)
            elif write.new is not None and write.new != mine:
                # The actor holds its own value (a session tag, which no IAM inventory lists).
                held = self.ctx.principal_values(write.key)
                if held and write.new not in held:
                    self.add("lockout", write)
        elif change.target_kind == "principal":
            if canonical_principal(change.target) == canonical_principal(change.actor.arn):
                self.add("self_retag", write)
            else:
                self.add("principal_retag", write)
        elif change.target_kind == "session":
            self.add("session_tag", write)
            chosen_by_caller = change.session is None or change.session.caller_chosen
            if chosen_by_caller and not write.removal and (mine is None or write.new != mine):
                self.add("self_retag", write)


def judge(change: TagChange, ctx: JudgeContext, policy: CompiledPolicy) -> list[Finding]:
    """The findings one change gives; the same change and context always give the same ones."""
    judgement = _Judgement(change, ctx, policy)
    if policy.is_remediator(change.actor.arn):
        return []  # tagwarden's own revert, put back after a finding (remediation.role)
    if not change.succeeded:
        for write in _attempted_writes(change):
            judgement.attempt(write)
        return judgement.findings
    writes = list(effective_writes(change, ctx.old))
    if change.replace_all and not change.set and not ctx.old.complete:
        # Every tag removed from a target whose tags tagwarden does not fully know: an ABAC
        # key it has not seen may have been among them.
        named = {w.key.casefold() for w in writes}
        writes += [
            KeyWrite(key, False, None, None, removal=True)
            for key in policy.abac_keys
            if key.casefold() not in named and "*" not in key and "?" not in key
        ]
    for write in writes:
        judgement.write(write)
    return judgement.findings
