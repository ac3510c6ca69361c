"""The proof: tagwarden's IAM engine evaluates the generated documents against every catalogued
tag-writing action, for every listed writer of each rule and for an outsider, with governed and
ungoverned keys, allowed and disallowed values, beside an identity policy that allows everything.

The expected decision comes from the governance policy as tagwarden judges it (a listed writer,
an allowed value), with two documented exceptions the documents cannot avoid (docs/guardrails.md):
a ``same_as_resource`` writer is denied where the request carries no ``aws:ResourceTag``, and
nobody is a ``same_as_resource`` writer of a resource being created.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final, Literal

from tagwarden.core.governance.compiled import CompiledPolicy
from tagwarden.core.governance.model import GovernancePolicy, Rule
from tagwarden.core.guardrails.actions import ActionTable, TagAction
from tagwarden.core.guardrails.actors import (
    ACCOUNT,
    OWNER_VALUE,
    Actor,
    instantiate,
    instantiate_account,
    instantiate_arn,
    rule_actors,
)
from tagwarden.core.guardrails.conditions import is_glob
from tagwarden.core.guardrails.grants import (
    GRANT_ACTIONS,
    is_grant_key,
    policy_grant_keys,
    tag_free,
    ungoverned_grant_keys,
)
from tagwarden.core.iam import PolicySet, Request, evaluate, parse_policy

Expected = Literal["Allow", "ExplicitDeny"]
Kind = Literal["writer", "other", "ungoverned"]
FREE_KEY: Final = "tagwarden-proof-free"
DISALLOWED: Final = "tagwarden-proof-disallowed"
ALLOW_ALL: Final = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}],
}
TRUST_ALL: Final = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "*", "Resource": "*"}],
}


@dataclass(frozen=True, slots=True)
class Case:
    rule: str
    actor: str
    kind: Kind
    action: str
    what: str
    request: Request
    expected: Expected


@dataclass
class Proof:
    cases: int = 0
    allowed_writers: int = 0
    denied_others: int = 0
    untouched: int = 0
    failures: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "cases": self.cases,
            "allowed_writers": self.allowed_writers,
            "denied_others": self.denied_others,
            "ungoverned_allowed": self.untouched,
            "failures": self.failures,
        }


def prove(
    policy: GovernancePolicy,
    table: ActionTable,
    scps: Sequence[Mapping[str, Any]],
    rcps: Sequence[Mapping[str, Any]] = (),
) -> Proof:
    scp_level = [parse_policy(ALLOW_ALL, "FullAWSAccess")] + [
        parse_policy(doc, f"guardrail-{i}") for i, doc in enumerate(scps, start=1)
    ]
    rcp_level = [parse_policy(doc, f"guardrail-rcp-{i}") for i, doc in enumerate(rcps, start=1)]
    identity = [parse_policy(ALLOW_ALL, "allow-all")]
    plain = PolicySet(identity=identity, scps=[scp_level], rcps=[rcp_level] if rcp_level else [])
    trusted = PolicySet(
        identity=identity,
        scps=[scp_level],
        rcps=[rcp_level] if rcp_level else [],
        resource=parse_policy(TRUST_ALL, "trust-all"),
    )
    proof = Proof()
    for case in cases(policy, table):
        # Role trust policies and KMS key policies must allow on their own: give them an open one.
        policies = trusted if case.action.lower().startswith(("sts:", "kms:")) else plain
        result = evaluate(policies, case.request)
        proof.cases += 1
        if result.decision != case.expected:
            proof.failures.append(
                {
                    "rule": case.rule,
                    "actor": case.actor,
                    "action": case.action,
                    "what": case.what,
                    "expected": case.expected,
                    "got": result.decision,
                    "explanation": result.explanation,
                }
            )
        elif case.kind == "ungoverned":
            proof.untouched += 1
        elif case.expected == "Allow":
            proof.allowed_writers += 1
        else:
            proof.denied_others += 1
    return proof


def cases(policy: GovernancePolicy, table: ActionTable) -> Iterator[Case]:
    for rule in policy.rules:
        yield from rule_cases(rule, policy, table)
        yield from _grant_cases(rule, policy, table)
    yield from _unruled_session_cases(policy, table)


def _unruled_session_cases(policy: GovernancePolicy, table: ActionTable) -> Iterator[Case]:
    """An ABAC key no rule covers has no listed writer: nobody passes it as a session tag."""
    compiled = CompiledPolicy(policy)
    role = f"arn:aws:iam::{ACCOUNT}:role/tagwarden-proof-target"
    anyone = Actor("anyone", f"arn:aws:iam::{ACCOUNT}:role/tagwarden-proof-anyone")
    for key in policy.abac_keys:
        if is_glob(key) or any(rule.covers_key(key) for rule in compiled.rules):
            continue
        call = Call(table.session, role, ACCOUNT, {key: OWNER_VALUE})
        yield Case(
            "abac_keys",
            anyone.label,
            "other",
            table.session.action,
            "session tag",
            build_request(anyone, call),
            "ExplicitDeny",
        )


def _governed_key(rule: Rule) -> str:
    literal = [k for k in rule.keys if not is_glob(k)]
    return literal[0] if literal else instantiate(rule.keys[0])


def _allowed_value(rule: Rule) -> str:
    if rule.values is not None and rule.values.allowed:
        return rule.values.allowed[0]
    return OWNER_VALUE


def _scope(rule: Rule) -> tuple[str, str | None]:
    account = instantiate_account(rule.accounts[0]) if rule.accounts else ACCOUNT
    resource = instantiate_arn(rule.resources[0], account) if rule.resources else None
    return account, resource


def _value_ok(rule: Rule, key: str, value: str) -> bool:
    """Whether the documents should let this value through. Only ``values.allowed`` on a literal
    key is enforced; a pattern, or a glob key, is a documented limitation, left to detection."""
    if rule.values is None or rule.values.allowed is None or is_glob(key):
        return True
    return value in rule.values.allowed


@dataclass(frozen=True, slots=True)
class Call:
    """One tag-writing call: the tags it names, on which target, with the target's tags before it."""

    action: TagAction
    resource: str
    account: str
    tags: Mapping[str, str]
    resource_tags: Mapping[str, str] = field(default_factory=dict)
    removes: bool = False

    def naming(self, tags: Mapping[str, str]) -> Call:
        return replace(self, tags=tags)


def rule_cases(rule: Rule, policy: GovernancePolicy, table: ActionTable) -> Iterator[Case]:
    account, scoped = _scope(rule)
    actors = rule_actors(rule, account)
    key, value = _governed_key(rule), _allowed_value(rule)
    writer_values = rule.values is not None and rule.values.allowed is not None and not is_glob(key)
    for action in table.keyed:
        creates = action.effects == frozenset({"create"})
        call = Call(
            action,
            scoped or _target(action, account),
            account,
            {key: value},
            {} if creates else _owner_tags(rule),
            removes=action.effects == frozenset({"remove"}),
        )
        for actor in actors:
            expected = _expect(rule, actor, call)
            yield _case(rule, actor, call, expected, "writes")
            if actor is actors[-1]:
                yield _case(rule, actor, call.naming({FREE_KEY: "x"}), "Allow", "ungoverned")
                yield _case(rule, actor, call.naming({key.upper(): value}), expected, "upper-case key")
        if writer_values and action.carries_values and not call.removes:
            yield _case(rule, actors[0], call.naming({key: DISALLOWED}), "ExplicitDeny", "disallowed value")
    yield from _whole_set_cases(rule, actors, table, account, scoped)
    yield from _remove_all_cases(rule, actors, table, account, scoped)
    yield from _session_cases(rule, policy, actors, table, account)


def _target(action: TagAction, account: str) -> str:
    return f"arn:aws:{action.prefix}:us-east-1:{account}:tagwarden-proof-target"


def _owner_tags(rule: Rule) -> dict[str, str]:
    return {w.same_as_resource: OWNER_VALUE for w in rule.writers or () if w.same_as_resource is not None}


def _expect(rule: Rule, actor: Actor, call: Call) -> Expected:
    # Where the request carries no aws:ResourceTag, the documents cannot see the target's old
    # value: a same_as_resource writer is then denied (documented).
    seen_old = call.resource_tags if call.action.carries_resource_tags else {}
    if not actor.is_listed_writer(rule, seen_old):
        return "ExplicitDeny"
    if not call.removes and not all(_value_ok(rule, k, v) for k, v in call.tags.items()):
        return "ExplicitDeny"
    return "Allow"


def _case(rule: Rule, actor: Actor, call: Call, expected: Expected, what: str) -> Case:
    kind: Kind = "ungoverned" if what == "ungoverned" else ("writer" if expected == "Allow" else "other")
    return Case(rule.id, actor.label, kind, call.action.action, what, build_request(actor, call), expected)


def build_request(actor: Actor, call: Call) -> Request:
    """The request context AWS builds for this call: only the tag keys the action's request carries."""
    action = call.action
    context = actor.context()
    if action.carries_keys:
        context["aws:TagKeys"] = sorted(call.tags)
    if action.carries_values and not call.removes:
        for key, value in call.tags.items():
            context[f"aws:RequestTag/{key}"] = value
    return Request(
        principal=actor.caller,
        action=action.action,
        resource=call.resource,
        principal_tags=dict(actor.tags),
        resource_tags=dict(call.resource_tags) if action.carries_resource_tags else {},
        resource_account=call.account,
        context=context,
    )


def _whole_set_cases(
    rule: Rule, actors: list[Actor], table: ActionTable, account: str, scoped: str | None
) -> Iterator[Case]:
    """Calls that resend the whole set: resending a governed key unchanged is no write of it."""
    literal = [k for k in rule.keys if not is_glob(k)]
    if not literal:
        return
    key, value = literal[0], _allowed_value(rule)
    allowed = rule.values.allowed if rule.values and rule.values.allowed else []
    other_value = next((v for v in allowed if v != value), "proof-changed")
    current = {**_owner_tags(rule), key: value}
    for action in table.whole_set:
        call = Call(action, scoped or _target(action, account), account, current, current)
        resend = call.naming({**current, FREE_KEY: "changed"})
        yield _case(rule, actors[-1], resend, "Allow", "ungoverned")
        changed = call.naming({**current, key: other_value})
        dropped = call.naming({k: v for k, v in current.items() if k != key})
        for actor in actors:
            writer = actor.is_listed_writer(rule, current)
            ok: Expected = "Allow" if writer and _value_ok(rule, key, other_value) else "ExplicitDeny"
            yield _case(rule, actor, changed, ok, "whole set, key changed")
            yield _case(rule, actor, dropped, "Allow" if writer else "ExplicitDeny", "whole set, key dropped")


def _remove_all_cases(
    rule: Rule, actors: list[Actor], table: ActionTable, account: str, scoped: str | None
) -> Iterator[Case]:
    """A removal naming no key, which removes every tag: a write of each governed key it carries."""
    literal = [k for k in rule.keys if not is_glob(k)]
    if not literal or rule.writers is None:
        return
    current = {**_owner_tags(rule), literal[0]: _allowed_value(rule)}
    for action in table.remove_all:
        call = Call(action, scoped or _target(action, account), account, {}, current, removes=True)
        for actor in actors:
            expected: Expected = "Allow" if actor.is_listed_writer(rule, current) else "ExplicitDeny"
            yield _case(rule, actor, call, expected, "removes every tag")
        bare = replace(call, resource_tags={FREE_KEY: "x"})
        yield _case(rule, actors[-1], bare, "Allow", "ungoverned")


def _session_cases(
    rule: Rule, policy: GovernancePolicy, actors: list[Actor], table: ActionTable, account: str
) -> Iterator[Case]:
    compiled = CompiledPolicy(policy)
    grants = policy_grant_keys(policy)
    abac = [k for k in rule.keys if not is_glob(k) and (compiled.is_abac(k) or is_grant_key(k, grants))]
    if not abac:
        return
    role = f"arn:aws:iam::{account}:role/tagwarden-proof-target"
    for actor in actors:
        expected: Expected = "Allow" if actor.is_listed_writer(rule, {}) else "ExplicitDeny"
        call = Call(table.session, role, account, {abac[0]: _allowed_value(rule)})
        yield _case(rule, actor, call, expected, "session tag")
    yield _case(rule, actors[-1], Call(table.session, role, account, {FREE_KEY: "x"}), "Allow", "ungoverned")


def _grant_cases(rule: Rule, policy: GovernancePolicy, table: ActionTable) -> Iterator[Case]:
    """Each of the rule's writers and an outsider putting on a role, a user or a session (or taking
    off) a key that makes a writer: only writers named without tags may, under every rule using it."""
    account, _ = _scope(rule)
    actors = rule_actors(rule, account)
    known = table.by_action()
    for key in ungoverned_grant_keys(rule, policy):
        grantors = [
            other.model_copy(update={"writers": tag_free(other.writers or ())})
            for other in policy.rules
            if key in ungoverned_grant_keys(other, policy)
        ]
        for name in GRANT_ACTIONS:
            action = known.get(name, TagAction(name, frozenset({"add"}), "TR"))
            kind = "user" if name.endswith("User") else "role"
            target = f"arn:aws:iam::{account}:{kind}/tagwarden-proof-target"
            call = Call(action, target, account, {key: OWNER_VALUE}, removes=name.startswith("iam:Untag"))
            for actor in actors:
                allowed = all(actor.is_listed_writer(grantor, {}) for grantor in grantors)
                yield _case(rule, actor, call, "Allow" if allowed else "ExplicitDeny", "grants a writer tag")
