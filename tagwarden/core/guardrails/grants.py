"""Who may hand out the tags that make a writer.

A ``principal_tag`` or ``same_as_resource`` writer is whoever carries the tag: a principal able to
put that tag on its own role or user, or to pass it as a session tag, makes itself a writer. For a
grant key no rule governs, the documents deny those calls to everyone but the rule's writers that
are named without tags (``principal``, ``invoked_by``); with no such writer, to everyone. A key
some rule governs is already written only by that rule's writers; as a session tag it is guarded
like an ABAC key (``session_keys``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final

from tagwarden.core.globs import Glob
from tagwarden.core.governance.model import GovernancePolicy, Rule, Writer
from tagwarden.core.guardrails.conditions import exemption_terms, is_glob, merge
from tagwarden.core.guardrails.statements import Statement

# The calls that put a tag on a role, a user or a session, or take it off a role or a user
# (IAM User Guide, "Controlling access to IAM principals" and "Passing session tags in AWS STS").
GRANT_ACTIONS: Final = (
    "iam:CreateRole",
    "iam:CreateUser",
    "iam:TagRole",
    "iam:TagUser",
    "iam:UntagRole",
    "iam:UntagUser",
    "sts:TagSession",
)


def grant_keys(writers: Iterable[Writer]) -> list[str]:
    """The literal tag keys that make a principal one of these writers."""
    keys: list[str] = []
    for writer in writers:
        keys.extend((writer.principal_tag or {}).keys())
        if writer.same_as_resource is not None:
            keys.append(writer.same_as_resource)
    return list(dict.fromkeys(k for k in keys if not is_glob(k)))


def tag_free(writers: Iterable[Writer]) -> list[Writer]:
    """The writers a principal cannot become by carrying a tag: the ones that may grant one."""
    return [w for w in writers if w.principal_tag is None and w.same_as_resource is None]


def governed(key: str, policy: GovernancePolicy) -> bool:
    return any(Glob(k, fold=True).matches(key) for rule in policy.rules for k in rule.keys)


def ungoverned_grant_keys(rule: Rule, policy: GovernancePolicy) -> list[str]:
    return [k for k in grant_keys(rule.writers or ()) if not governed(k, policy)]


def policy_grant_keys(policy: GovernancePolicy) -> list[str]:
    return grant_keys(w for rule in policy.rules for w in rule.writers or ())


def grant_statements(rule: Rule, policy: GovernancePolicy) -> list[Statement]:
    keys = ungoverned_grant_keys(rule, policy)
    if not keys:
        return []
    terms, _ = exemption_terms(tag_free(rule.writers or ()))
    # Not scoped by the rule's accounts or resources: a principal tagged anywhere carries the tag
    # into every account it reaches.
    trigger = {"ForAnyValue:StringEqualsIgnoreCase": {"aws:TagKeys": sorted(keys)}}
    return [Statement(rule.id, "grants", GRANT_ACTIONS, merge([trigger, term])) for term in terms]


def is_grant_key(key: str, keys: Sequence[str]) -> bool:
    return any(Glob(key, fold=True).matches(k) for k in keys)
