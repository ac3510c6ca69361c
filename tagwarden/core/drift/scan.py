"""The drift scan: resource tags against principal tags, for every ABAC key. Pure: plain data in,
items out, no I/O.

One pass over the resources and one over the principals index, per key, who carries which
value (tag keys compared case-insensitively, as condition keys are); the items follow from the
indexes. A million resources take a few seconds and a few hundred megabytes, most of it the
input itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from tagwarden.core.drift.items import DRIFT_SEVERITY, DriftItem, DriftKind, Tagged
from tagwarden.core.drift.spellings import canonical, normalized, variant_groups
from tagwarden.core.globs import Glob
from tagwarden.core.governance import CompiledPolicy, CompiledRule
from tagwarden.core.governance.compiled import key_spellings
from tagwarden.core.model import Finding

Index = dict[str, list[int]]  # value -> positions of the holders carrying it


@dataclass
class _KeyIndex:
    resources: Index = field(default_factory=dict)
    principals: Index = field(default_factory=dict)
    missing: list[int] = field(default_factory=list)  # resources without the key
    doubled: list[tuple[int, list[str]]] = field(default_factory=list)  # a resource with Team and team


def _index(
    holders: Sequence[Tagged], keys: dict[str, str], indexes: dict[str, _KeyIndex], *, principals: bool
) -> None:
    names: dict[str, str] = {}  # tag name as written -> folded ABAC key, or "" for other keys
    for position, holder in enumerate(holders):
        seen: dict[str, str] = {}
        for name, value in holder.tags.items():
            key = names.get(name)
            if key is None:
                key = names[name] = name.casefold() if name.casefold() in keys else ""
            if not key:
                continue
            if key in seen:
                # IAM folds a principal's keys, so only resources can carry both.
                indexes[key].doubled.append((position, [seen[key], name]))
                continue
            seen[key] = name
            index = indexes[key].principals if principals else indexes[key].resources
            bucket = index.get(value)
            if bucket is None:
                index[value] = [position]
            else:
                bucket.append(position)
        if not principals and len(seen) < len(keys):
            for key in keys:
                if key not in seen:
                    indexes[key].missing.append(position)


class _KeyScan:
    """The items of one key, from its index."""

    def __init__(
        self,
        key: str,
        index: _KeyIndex,
        *,
        resources: Sequence[Tagged],
        principals: Sequence[Tagged],
        policy: CompiledPolicy,
        scope: list[Glob] | None,
        complete: tuple[bool, bool],
    ) -> None:
        self.key = key
        self.index = index
        self.resources = resources
        self.principals = principals
        self.policy = policy
        self.scope = scope
        self.principals_complete, self.resources_complete = complete
        self.rules = [rule for rule in policy.rules if rule.covers_key(key)]
        self.items: list[DriftItem] = []

    def _add(
        self,
        kind: DriftKind,
        holder: Tagged,
        value: str | None,
        detail: str,
        *,
        principal: bool,
        severity: str | None = None,
    ) -> None:
        severity = severity or DRIFT_SEVERITY.get(kind, "warning")
        self.items.append(
            DriftItem(
                kind,
                severity,
                self.key,
                value,
                holder.account,
                detail,
                resource=None if principal else holder.arn,
                principal=holder.arn if principal else None,
                region=holder.region,
            )
        )

    def run(self) -> list[DriftItem]:
        held, carried = self.index.principals, self.index.resources
        flagged = self._case_conflicts(held, carried)
        # A spelling of a value the other side has is a case conflict, not an orphan or unused value.
        held_forms = {normalized(value) for value in held}
        carried_forms = {normalized(value) for value in carried}
        # "Nobody holds it" needs every principal read, "nothing carries it" every resource.
        orphan_candidates = sorted(carried.items()) if self.principals_complete else []
        unused_candidates = sorted(held.items()) if self.resources_complete else []
        for value, positions in orphan_candidates:
            if normalized(value) not in held_forms and value not in flagged:
                detail = (
                    f"resource value {value!r} of {self.key!r} is held by no principal: nobody reaches "
                    "these resources through ABAC on this key"
                )
                for position in positions:
                    self._add("orphan_value", self.resources[position], value, detail, principal=False)
        for value, positions in unused_candidates:
            if normalized(value) not in carried_forms and value not in flagged:
                detail = f"principal value {value!r} of {self.key!r} is carried by no resource"
                for position in positions:
                    self._add(
                        "unused_principal_value", self.principals[position], value, detail, principal=True
                    )
        self._disallowed(carried, self.resources, principal=False)
        self._disallowed(held, self.principals, principal=True)
        self._missing()
        for position, names in self.index.doubled:
            detail = (
                f"the resource carries both {names[0]!r} and {names[1]!r}; condition keys ignore case, so "
                f"which one aws:ResourceTag/{self.key} sees is undefined"
            )
            self._add("case_conflict", self.resources[position], None, detail, principal=False)
        return self.items

    def _case_conflicts(self, held: Index, carried: Index) -> set[str]:
        """Items for every holder of a non-canonical spelling; returns those spellings."""
        flagged: set[str] = set()
        allowed_rules = [r for r in self.rules if r.restricts_values]

        def allowed(value: str) -> bool:
            return all(rule.value_allowed(value) for rule in allowed_rules)

        for group in variant_groups(set(held) | set(carried)):
            right = canonical(group, held, carried, allowed if allowed_rules else None)
            for value in group:
                if value == right:
                    continue
                flagged.add(value)
                detail = (
                    f"{value!r} differs from {right!r} only in case or surrounding white space; StringEquals "
                    f"treats them as different values ({len(held.get(right, ()))} principal(s) and "
                    f"{len(carried.get(right, ()))} resource(s) carry {right!r})"
                )
                for position in carried.get(value, ()):
                    self._add("case_conflict", self.resources[position], value, detail, principal=False)
                for position in held.get(value, ()):
                    self._add("case_conflict", self.principals[position], value, detail, principal=True)
        return flagged

    def _disallowed(self, index: Index, holders: Sequence[Tagged], *, principal: bool) -> None:
        for value, positions in sorted(index.items()):
            refusing = [r for r in self.rules if r.restricts_values and not r.value_allowed(value)]
            if not refusing:
                continue
            for position in positions:
                holder = holders[position]
                rules = [r for r in refusing if r.in_scope(holder.account, holder.arn)]
                if rules:
                    rule = _most_severe(rules)
                    detail = (
                        f"{value!r} is not allowed for {self.key!r} by rule {rule.id}: "
                        f"{rule.describe_values()}"
                    )
                    self._add(
                        "disallowed_value", holder, value, detail, principal=principal, severity=rule.severity
                    )

    def _missing(self) -> None:
        rules = self.rules
        unscoped = any(r.rule.accounts is None and r.rule.resources is None for r in rules)
        for position in self.index.missing:
            resource = self.resources[position]
            if self.scope is not None:
                if not any(glob.matches(resource.arn) for glob in self.scope):
                    continue
            elif (
                rules and not unscoped and not any(r.in_scope(resource.account, resource.arn) for r in rules)
            ):
                continue
            detail = f"the resource lacks the ABAC key {self.key!r}"
            self._add("missing_key", resource, None, detail, principal=False)


def _most_severe(rules: list[CompiledRule]) -> CompiledRule:
    order = {"critical": 3, "high": 2, "warning": 1, "info": 0}
    return max(rules, key=lambda rule: order[rule.severity])


def abac_keys(policy: CompiledPolicy, seen_keys: Iterable[str]) -> list[str]:
    """The ABAC keys to scan: the policy's literal keys, and the keys seen in tags that match its
    globs (``access-*``), one spelling per key ignoring case."""
    return key_spellings(policy.abac_keys, seen_keys, policy.is_abac)


def compute_drift(
    resources: Sequence[Tagged],
    principals: Sequence[Tagged],
    policy: CompiledPolicy,
    keys: Sequence[str],
    *,
    missing_key_scope: Sequence[str] | None = None,
    principals_complete: bool = True,
    resources_complete: bool = True,
) -> list[DriftItem]:
    """Drift items for ``keys`` (see ``abac_keys``), grouped by key, then kind, value and holder.
    Where some principals could not be read no value is an orphan; where some resources could
    not, no principal value is unused."""
    folded = {key.casefold(): key for key in keys}
    indexes = {k: _KeyIndex() for k in folded}
    _index(resources, folded, indexes, principals=False)
    _index(principals, folded, indexes, principals=True)
    scope = [Glob(pattern) for pattern in missing_key_scope] if missing_key_scope is not None else None
    items: list[DriftItem] = []
    for folded_key, key in sorted(folded.items()):
        scan = _KeyScan(
            key,
            indexes[folded_key],
            resources=resources,
            principals=principals,
            policy=policy,
            scope=scope,
            complete=(principals_complete, resources_complete),
        )
        items += sorted(scan.run(), key=lambda i: (i.kind, i.value or "", i.subject))
    return items


def unattributed_items(findings: Iterable[Finding], keys: Sequence[str]) -> list[DriftItem]:
    """Open ``unattributed_change`` findings on ABAC keys, as drift items."""
    wanted = {key.casefold(): key for key in keys}
    items = []
    for finding in findings:
        key = wanted.get(finding.tag_key.casefold())
        if finding.kind != "unattributed_change" or key is None:
            continue
        principal = finding.target_kind == "principal"
        items.append(
            DriftItem(
                "unattributed_change",
                finding.severity,
                key,
                finding.new_value,
                finding.account,
                finding.explanation,
                resource=None if principal else finding.target,
                principal=finding.target if principal else None,
                region=finding.region,
            )
        )
    return sorted(items, key=lambda i: (i.key, i.value or "", i.subject))
