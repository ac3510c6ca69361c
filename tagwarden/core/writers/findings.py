"""From writer items to ``excess_tag_writer`` findings and the ``tagwarden_tag_writers`` counts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.compiled import key_spellings
from tagwarden.core.model import Finding, Origin, most_severe, new_finding
from tagwarden.core.model.finding import WRITERS_EVENT_SOURCE
from tagwarden.core.timeutil import format_time
from tagwarden.core.writers.grants import WriterItem

MAX_LISTED = 5


def governed_keys(policy: CompiledPolicy, seen_keys: Iterable[str]) -> list[str]:
    """The governed keys to probe: the literal keys of abac_keys and rules, and the keys seen in
    tags that their globs match, one spelling per key ignoring case."""
    literals = [*policy.abac_keys, *(key for rule in policy.rules for key in rule.rule.keys)]
    return key_spellings(literals, seen_keys, policy.is_governed)


def writer_counts(items: Iterable[WriterItem], keys: Sequence[str]) -> dict[tuple[str, bool], int]:
    """Per (key, authorized): how many principals can write it. A principal counts as unauthorized
    for a key if any of its writes of that key is."""
    verdicts: dict[tuple[str, str], bool] = {}
    for item in items:
        where = (item.key, item.principal)
        verdicts[where] = verdicts.get(where, True) and item.authorized
    counts = {(key, flag): 0 for key in keys for flag in (True, False)}
    for (key, _), authorized in verdicts.items():
        counts[(key, authorized)] = counts.get((key, authorized), 0) + 1
    return counts


def excess_findings(items: Iterable[WriterItem], policy: CompiledPolicy, scanned_at: float) -> list[Finding]:
    """One finding per principal, key and granting statement, so that a new grant is a new finding
    and the same standing grant, found by every scan, is one."""
    groups: dict[tuple[str, str, str], list[WriterItem]] = {}
    for item in items:
        if not item.authorized:
            groups.setdefault((item.principal, item.key, item.statement), []).append(item)
    findings = []
    when = format_time(scanned_at)
    for (principal, key, statement), grouped in sorted(groups.items()):
        first = grouped[0]
        restricting = [
            rule
            for rule in policy.rules_for(key, first.resource_account, first.resource)
            if rule.restricts_writers
        ]
        rule = most_severe(restricting) if restricting else None
        event_id = f"writers:{statement or first.via}"
        targets = "; ".join(
            f"{i.target_class} in {i.resource_account} ({i.members} like {i.resource}): {', '.join(i.probes)}"
            for i in grouped[:MAX_LISTED]
        )
        more = f"; and {len(grouped) - MAX_LISTED} more" if len(grouped) > MAX_LISTED else ""
        writers = rule.describe_writers() if rule is not None else "nobody (no rule lists writers of it)"
        explanation = (
            f"{principal} can write the governed tag {key!r} through {statement or 'its policies'}: "
            f"{targets}{more}. The governance policy allows {writers} to write {key!r}, and does not list "
            f"this principal. First grant: {first.detail}"
        )
        origin = Origin(event_id, "WritersScan", WRITERS_EVENT_SOURCE, when, first.account, "", principal)
        findings.append(
            new_finding(
                "excess_tag_writer",
                origin,
                target=principal,
                target_kind="principal",
                tag_key=key,
                old_value=None,
                new_value=None,
                explanation=explanation,
                severity=policy.severity("excess_tag_writer"),
                rule=rule.id if rule is not None else None,
            )
        )
    return findings
