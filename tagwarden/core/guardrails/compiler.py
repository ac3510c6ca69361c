"""The governance policy compiled into Deny statements.

For each rule (see docs/guardrails.md for the reasoning):
- ``writers``: deny every keyed tag-writing action whose ``aws:TagKeys`` names a governed key,
  unless the caller is a listed writer (one statement per exemption term);
- ``values``: deny a governed key set to a value outside ``values.allowed``, for everyone;
- ``whole_set``: for calls that resend the whole tag set, compare ``aws:RequestTag/<key>`` with
  ``aws:ResourceTag/<key>``: a key resent at its current value is not a write, so writers of other
  keys are never denied for carrying it;
- ``remove_all``: removals that, naming no key, remove every tag (``ec2:DeleteTags``), on a
  target carrying a governed key, unless the caller is a listed writer;
- ``session``: ``sts:TagSession`` naming an ABAC key or a key that makes a writer (``grants``),
  unless the caller is a listed writer;
- ``grants``: tagging a role, a user or a session with a key that makes a writer and that no rule
  governs, unless the caller is a writer named without tags (see grants.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tagwarden.core.globs import Glob
from tagwarden.core.governance.model import GovernancePolicy, Rule
from tagwarden.core.guardrails.actions import (
    OPTIONAL_KEY_LIST,
    REMOVE_ALL_WITHOUT_KEYS,
    ActionTable,
    TagAction,
    compress,
)
from tagwarden.core.guardrails.conditions import Block, exemption_terms, is_glob, key_variants, merge
from tagwarden.core.guardrails.grants import grant_statements, is_grant_key, policy_grant_keys
from tagwarden.core.guardrails.statements import Limitation, Statement

NOBODY_RULE = "abac-keys-without-rule"


@dataclass(frozen=True, slots=True)
class Compiled:
    statements: tuple[Statement, ...]
    limitations: tuple[Limitation, ...]


def key_trigger(keys: Sequence[str]) -> Block:
    """The request names one of the keys (``aws:TagKeys``, matched case-insensitively)."""
    if not any(is_glob(k) for k in keys):
        return {"ForAnyValue:StringEqualsIgnoreCase": {"aws:TagKeys": sorted(set(keys))}}
    variants = sorted({v for key in keys for v in key_variants(key)})
    return {"ForAnyValue:StringLike": {"aws:TagKeys": variants}}


def _scope(rule: Rule) -> tuple[Block, tuple[str, ...]]:
    block: Block = {}
    if rule.accounts is not None:
        block["StringLike"] = {"aws:ResourceAccount": sorted(rule.accounts)}
    resources = tuple(rule.resources) if rule.resources is not None else ("*",)
    return block, resources


def compile_policy(policy: GovernancePolicy, table: ActionTable) -> Compiled:
    statements: list[Statement] = []
    limitations: list[Limitation] = []
    grant_keys = policy_grant_keys(policy)
    for rule in policy.rules:
        rule_statements, rule_limits = compile_rule(rule, policy.abac_keys, table, grant_keys)
        statements.extend(rule_statements)
        statements.extend(grant_statements(rule, policy))
        limitations.extend(rule_limits)
    statements.extend(_unruled_abac_keys(policy, table))
    limitations.extend(_catalog_limits(table))
    return Compiled(tuple(statements), tuple(limitations))


def compile_rule(
    rule: Rule, abac_keys: Sequence[str], table: ActionTable, grant_keys: Sequence[str] = ()
) -> tuple[list[Statement], list[Limitation]]:
    terms, approximations = exemption_terms(rule.writers)
    limits = [Limitation(rule.id, a.writer, a.detail) for a in approximations]
    scope, resources = _scope(rule)
    literal = [k for k in rule.keys if not is_glob(k)]
    globbed = [k for k in rule.keys if is_glob(k)]
    if globbed:
        limits.append(
            Limitation(
                rule.id,
                f"key globs {', '.join(globbed)}",
                "aws:TagKeys is matched with StringLike, which is case-sensitive: the documents match the "
                "glob as written, lower-case, upper-case and capitalized; other spellings pass the SCP "
                "(the tag policy reports non-canonical capitalization, tagwarden still judges them). "
                "aws:RequestTag/<key> takes no glob, so values and whole-set calls are checked for "
                "literal keys only",
            )
        )
    keyed = compress([a.action for a in table.keyed], table.service_actions, _not_keyed(table))
    statements: list[Statement] = []
    trigger = key_trigger(rule.keys)
    for term in terms:
        statements.append(Statement(rule.id, "writers", keyed, merge([trigger, term, scope]), resources))
    statements.extend(_values(rule, literal, table, scope, resources))
    limits.extend(_values_limits(rule, globbed))
    statements.extend(_whole_set(rule, literal, terms, table, scope=scope, resources=resources))
    statements.extend(_remove_all(rule, literal, terms, table, scope=scope, resources=resources))
    session_keys = [k for k in rule.keys if _is_abac(k, abac_keys) or is_grant_key(k, grant_keys)]
    if session_keys:
        session_trigger = key_trigger(session_keys)
        for term in terms:
            # The session's resource is the role assumed, never the rule's targets: Resource "*".
            condition = merge([session_trigger, term, scope])
            statements.append(Statement(rule.id, "session", (table.session.action,), condition))
    return statements, limits


def _not_keyed(table: ActionTable) -> list[str]:
    return [a.action for a in (*table.whole_set, *table.unenforceable)]


def _is_abac(key: str, abac_keys: Sequence[str]) -> bool:
    globs = [Glob(k, fold=True) for k in abac_keys]
    return any(g.matches(key) for g in globs) or any(Glob(key, fold=True).matches(k) for k in abac_keys)


def _values(
    rule: Rule, literal: list[str], table: ActionTable, scope: Block, resources: tuple[str, ...]
) -> list[Statement]:
    if rule.values is None or rule.values.allowed is None:
        return []
    allowed = sorted(set(rule.values.allowed))
    with_values = compress(
        [a.action for a in table.keyed if a.carries_values], table.service_actions, _not_keyed(table)
    )
    whole = tuple(a.action for a in table.whole_set)
    statements = []
    for key in literal:
        request_tag, resource_tag = f"aws:RequestTag/{key}", f"aws:ResourceTag/{key}"
        present = {"Null": {request_tag: ["false"]}}
        outside = {"StringNotEquals": {request_tag: allowed}}
        statements.append(
            Statement(rule.id, "values", with_values, merge([present, outside, scope]), resources)
        )
        if whole:
            # A whole-set call resending a key at its current value (even an old, now disallowed
            # one) does not write it.
            new_key = merge([present, outside, {"Null": {resource_tag: ["true"]}}, scope])
            changed = merge(
                [
                    {"Null": {request_tag: ["false"], resource_tag: ["false"]}},
                    {"StringNotEquals": {request_tag: [*allowed, "${" + resource_tag + "}"]}},
                    scope,
                ]
            )
            statements.append(Statement(rule.id, "values", whole, new_key, resources))
            statements.append(Statement(rule.id, "values", whole, changed, resources))
    return statements


def _values_limits(rule: Rule, globbed: list[str]) -> list[Limitation]:
    limits = []
    if rule.values is not None and rule.values.pattern is not None:
        limits.append(
            Limitation(
                rule.id,
                f"values pattern /{rule.values.pattern}/",
                "IAM conditions and tag policies have no regular expressions: values are not enforced "
                "by the documents, only judged by tagwarden",
            )
        )
    if rule.values is not None and globbed:
        limits.append(
            Limitation(
                rule.id,
                f"values of {', '.join(globbed)}",
                "aws:RequestTag/<key> names one literal key: values of keys matched by a glob are not "
                "enforced by the documents",
            )
        )
    return limits


def _whole_set(
    rule: Rule,
    literal: list[str],
    terms: list[Block],
    table: ActionTable,
    *,
    scope: Block,
    resources: tuple[str, ...],
) -> list[Statement]:
    whole = tuple(a.action for a in table.whole_set)
    if not whole:
        return []
    statements = []
    for key in literal:
        request_tag, resource_tag = f"aws:RequestTag/{key}", f"aws:ResourceTag/{key}"
        changes = [
            {"Null": {request_tag: ["false"], resource_tag: ["true"]}},  # adds the key
            {"Null": {request_tag: ["true"], resource_tag: ["false"]}},  # drops it
            {  # changes its value
                "Null": {request_tag: ["false"], resource_tag: ["false"]},
                "StringNotEquals": {request_tag: ["${" + resource_tag + "}"]},
            },
        ]
        for term in terms:
            for change in changes:
                statements.append(
                    Statement(rule.id, "whole_set", whole, merge([change, term, scope]), resources)
                )
    return statements


def _remove_all(
    rule: Rule,
    literal: list[str],
    terms: list[Block],
    table: ActionTable,
    *,
    scope: Block,
    resources: tuple[str, ...],
) -> list[Statement]:
    actions = tuple(a.action for a in table.remove_all)
    if not actions:
        return []
    # ForAllValues holds when aws:TagKeys is missing or empty, and fails once it names any key.
    names_no_key = {"ForAllValues:StringNotLike": {"aws:TagKeys": ["*"]}}
    statements = []
    for key in literal:
        carries = {"Null": {f"aws:ResourceTag/{key}": ["false"]}}
        for term in terms:
            condition = merge([names_no_key, carries, term, scope])
            statements.append(Statement(rule.id, "remove_all", actions, condition, resources))
    return statements


def _unruled_abac_keys(policy: GovernancePolicy, table: ActionTable) -> list[Statement]:
    """ABAC keys no rule covers have no listed writer: nobody passes them as session tags."""
    covered = [k for rule in policy.rules for k in rule.keys]
    orphans = [k for k in policy.abac_keys if not any(Glob(c, fold=True).matches(k) for c in covered)]
    if not orphans:
        return []
    return [Statement(NOBODY_RULE, "session", (table.session.action,), key_trigger(orphans))]


def _catalog_limits(table: ActionTable) -> list[Limitation]:
    limits = []
    if table.unenforceable:
        limits.append(
            Limitation(
                "*",
                f"{len(table.unenforceable)} tag-writing actions",
                "their request carries no aws:TagKeys nor aws:RequestTag (Service Authorization "
                "Reference), so an SCP cannot tell which key they write; denying them would lock out "
                "the writers of every other key. They are left to tagwarden's detection. Among them "
                "s3:PutBucketTagging (it resends the whole set; also what DeleteBucketTagging needs): "
                "buckets with ABAC enabled refuse it and take s3:TagResource/s3:UntagResource, which "
                "the documents govern by key. S3 object tagging (s3:PutObjectTagging, "
                "s3:DeleteObjectTagging) is not blind to keys: its requests carry S3's own "
                "s3:RequestObjectTagKeys and s3:RequestObjectTag/<key>, and s3:ExistingObjectTag/<key> "
                "for the object's tags (S3 User Guide, tagging and access control policies), which "
                "the compiler does not use yet",
                tuple(_sample(table.unenforceable)),
            )
        )
    blind = sorted(
        {a.action for a in table.keyed if a.action in REMOVE_ALL_WITHOUT_KEYS}
        - {a.action for a in table.remove_all}
    )
    optional = [a.action for a in table.keyed if a.action in OPTIONAL_KEY_LIST]
    if blind or optional:
        limits.append(
            Limitation(
                "*",
                f"{len(blind) + len(optional)} removals called with no key",
                "called with no key, a removal names nothing in aws:TagKeys, so the key statements do "
                "not apply. ec2:DeleteTags then removes every tag (EC2 API Reference) and is denied to "
                "non-writers on targets carrying a governed key (aws:ResourceTag); the ones listed here "
                "leave their key list optional in the service's API model without saying what an "
                "empty one does (or carry no aws:ResourceTag): not covered",
                tuple(blind + optional),
            )
        )
    if table.unresolved:
        limits.append(
            Limitation(
                "*",
                f"{len(table.unresolved)} catalogued operations",
                "no IAM action of that name in the Service Authorization Reference (API Gateway's "
                "actions are HTTP verbs, for instance): not in the documents",
                table.unresolved,
            )
        )
    return limits


def _sample(actions: Sequence[TagAction]) -> list[str]:
    return [a.action for a in actions]
