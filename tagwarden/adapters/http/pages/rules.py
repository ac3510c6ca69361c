"""What each kind of finding means, and the rule behind a finding, in words."""

from __future__ import annotations

from tagwarden.adapters.http.pages.markup import Child, Html, definitions, el, join
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.compiled import CompiledRule
from tagwarden.core.model.finding import BUILTIN_PREFIX
from tagwarden.core.model.kinds import KINDS, kind_meaning, kind_title


def _rule_by_id(policy: CompiledPolicy, rule_id: str) -> CompiledRule | None:
    return next((rule for rule in policy.rules if rule.id == rule_id), None)


def _scope(rule: CompiledRule) -> str:
    parts = []
    if rule.rule.accounts is not None:
        parts.append("accounts " + ", ".join(rule.rule.accounts))
    if rule.rule.resources is not None:
        parts.append("resources " + ", ".join(rule.rule.resources))
    return "; ".join(parts) if parts else "every account and resource"


def _policy_rule(rule: CompiledRule) -> Html:
    rows: list[tuple[str, Child]] = [
        ("Rule", el("code", rule.id)),
        ("Description", rule.rule.description or None),
        ("Tag keys", ", ".join(rule.rule.keys)),
        ("Applies to", _scope(rule)),
        ("Allowed writers", rule.describe_writers()),
        ("Allowed values", rule.describe_values()),
        ("Rule's severity", rule.severity),
    ]
    return definitions(rows)


def _builtin_rule(kind: str, rule_id: str, policy: CompiledPolicy) -> Html:
    abac = ", ".join(policy.abac_keys) or "none declared"
    rows: list[tuple[str, Child]] = [
        ("Rule", el("code", rule_id)),
        ("Detector", "built into tagwarden; it watches the ABAC keys of the governance policy"),
        ("ABAC keys", abac),
        ("Severity of the kind", policy.severity(kind) if kind in KINDS else None),
    ]
    return definitions(rows)


def rule_section(kind: str, rule_id: str, policy: CompiledPolicy) -> Html:
    """The rule that fired: the policy's rule as it is configured now, or the built-in detector."""
    meaning = el("p", el("strong", f"{kind_title(kind)}: "), kind_meaning(kind))
    if rule_id.startswith(BUILTIN_PREFIX):
        return join([meaning, _builtin_rule(kind, rule_id, policy)])
    rule = _rule_by_id(policy, rule_id)
    if rule is None:
        missing = el(
            "p",
            "The governance policy in force has no rule ",
            el("code", rule_id),
            " any more: it was renamed or removed after this finding was made.",
            class_="notice",
        )
        return join([meaning, missing])
    return join([meaning, _policy_rule(rule)])
