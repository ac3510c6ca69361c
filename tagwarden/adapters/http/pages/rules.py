"""What each kind of finding means, and the rule behind a finding, in words."""

from __future__ import annotations

from tagwarden.adapters.http.pages.markup import Child, Html, definitions, el, join
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.compiled import CompiledRule

BUILTIN_PREFIX = "builtin:"

KIND_TITLES: dict[str, str] = {
    "unauthorized_writer": "Unauthorized writer",
    "disallowed_value": "Disallowed value",
    "self_grant": "Self-grant",
    "self_retag": "Self-retag",
    "principal_retag": "Principal retagged",
    "session_tag": "Session tag",
    "lockout": "Lockout",
    "denied_attempt": "Denied attempt",
    "excess_tag_writer": "Excess tag writer",
    "unattributed_change": "Unattributed change",
}

KIND_MEANINGS: dict[str, str] = {
    "unauthorized_writer": "A governed tag key was written by someone the governance policy does not list "
    "as a writer of that key.",
    "disallowed_value": "A governed tag key was set to a value the governance policy does not allow.",
    "self_grant": "A resource's ABAC tag was set to the actor's own value: under ABAC the actor gave "
    "itself access to the resource.",
    "self_retag": "The actor changed the ABAC tags of its own user or role, or passed session tags for "
    "itself: it chose what every ABAC policy lets it reach.",
    "principal_retag": "Another principal's ABAC tags changed: what that principal can reach moved.",
    "session_tag": "Session tags on an ABAC key were passed when assuming a role.",
    "lockout": "An ABAC tag was removed, or set to a value no principal holds: the resource's owners "
    "may have lost access.",
    "denied_attempt": "A write of a governed tag failed (AWS refused it): someone tried.",
    "excess_tag_writer": "The IAM policies let a principal write tags that the governance policy does "
    "not allow it to write.",
    "unattributed_change": "A tag changed with no CloudTrail event to explain it.",
}


def kind_title(kind: str) -> str:
    return KIND_TITLES.get(kind, kind)


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
        ("Severity of the kind", policy.severity(kind) if kind in KIND_TITLES else None),
    ]
    return definitions(rows)


def rule_section(kind: str, rule_id: str, policy: CompiledPolicy) -> Html:
    """The rule that fired: the policy's rule as it is configured now, or the built-in detector."""
    meaning = el("p", el("strong", f"{kind_title(kind)}: "), KIND_MEANINGS.get(kind, "(no description)"))
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
