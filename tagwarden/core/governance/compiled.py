"""The policy in a form that answers the judge's questions quickly."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from tagwarden.core.arn import canonical_principal, is_arn
from tagwarden.core.globs import Glob
from tagwarden.core.governance.linear import LinearPattern
from tagwarden.core.governance.model import GovernancePolicy, Rule, Writer
from tagwarden.core.model.finding import DEFAULT_SEVERITY, Severity
from tagwarden.core.model.tags import KnownTags, tag_ci


@dataclass(frozen=True, slots=True)
class ActorView:
    """What the policy may ask of an actor. ``tags`` is None where they are unknown."""

    arn: str
    invoked_by: str | None
    tags: Mapping[str, str] | None

    def tag(self, key: str) -> str | None:
        return tag_ci(self.tags, key)


class CompiledWriter:
    def __init__(self, writer: Writer) -> None:
        self.writer = writer
        self._principal = Glob(writer.principal) if writer.principal else None
        self._invoked_by = Glob(writer.invoked_by, fold=True) if writer.invoked_by else None
        self._tags = dict(writer.principal_tag or {})
        self._same_as = writer.same_as_resource

    def matches(self, actor: ActorView, old: KnownTags) -> bool:
        if self._principal is not None and not (
            self._principal.matches(actor.arn) or self._principal.matches(canonical_principal(actor.arn))
        ):
            return False
        if self._invoked_by is not None and not (
            actor.invoked_by and self._invoked_by.matches(actor.invoked_by)
        ):
            return False
        for key, value in self._tags.items():
            if actor.tag(key) != value:
                return False
        if self._same_as is not None:
            mine = actor.tag(self._same_as)
            if mine is None or mine != old.get_ci(self._same_as):
                return False
        return True

    def describe(self) -> str:
        parts = []
        w = self.writer
        if w.principal:
            parts.append(f"principal {w.principal}")
        if w.invoked_by:
            parts.append(f"invoked by {w.invoked_by}")
        if w.principal_tag:
            parts.append("principal tags " + ", ".join(f"{k}={v}" for k, v in w.principal_tag.items()))
        if w.same_as_resource:
            parts.append(f"same '{w.same_as_resource}' as the resource")
        return " and ".join(parts)


def _service_glob(resources: Glob) -> Glob:
    """The service segment of an ARN glob (``*`` where the glob has no such segment)."""
    parts = resources.pattern.split(":")
    return Glob(parts[2]) if len(parts) >= 6 and parts[0] == "arn" else Glob("*")


class CompiledRule:
    def __init__(self, rule: Rule) -> None:
        self.rule = rule
        self.id = rule.id
        self.severity: Severity = rule.severity
        self._keys = [Glob(k, fold=True) for k in rule.keys]
        self._accounts = [Glob(a) for a in rule.accounts] if rule.accounts is not None else None
        self._resources = [Glob(r) for r in rule.resources] if rule.resources is not None else None
        self.writers = [CompiledWriter(w) for w in rule.writers] if rule.writers is not None else None
        self._allowed = (
            frozenset(rule.values.allowed) if rule.values and rule.values.allowed is not None else None
        )
        self._pattern = LinearPattern(rule.values.pattern) if rule.values and rule.values.pattern else None
        # The tags that make a principal one of the writers, and the writers that may hand them out
        # (the ones named without tags), as the guardrails' grant statements have it.
        self.grant_keys = frozenset(
            key.casefold()
            for w in rule.writers or ()
            for key in [*(w.principal_tag or {}), *([w.same_as_resource] if w.same_as_resource else [])]
            if "*" not in key and "?" not in key
        )
        self.grantors = [
            w
            for w in self.writers or ()
            if w.writer.principal_tag is None and w.writer.same_as_resource is None
        ]

    def covers_key(self, key: str) -> bool:
        return any(glob.matches(key) for glob in self._keys)

    def in_scope(self, account: str, target: str) -> bool:
        """Whether the rule covers ``target`` in ``account``. A target the record names by no ARN
        (``<service>:<type>/<id>``, see ``unresolved_target``) may be any resource of its service:
        a rule whose ``resources`` name that service covers it."""
        if self._accounts is not None and not any(g.matches(account) for g in self._accounts):
            return False
        if self._resources is None:
            return True
        if not is_arn(target):
            service = target.split(":", 1)[0]
            return any(_service_glob(g).matches(service) for g in self._resources)
        return any(g.matches(target) for g in self._resources)

    @property
    def restricts_writers(self) -> bool:
        return self.writers is not None

    @property
    def restricts_values(self) -> bool:
        return self._allowed is not None or self._pattern is not None

    def listed_writer(self, actor: ActorView, old: KnownTags) -> bool:
        return self.writers is not None and any(w.matches(actor, old) for w in self.writers)

    def listed_grantor(self, actor: ActorView) -> bool:
        """The actor may put this rule's grant keys on a principal or a session."""
        return any(w.matches(actor, KnownTags()) for w in self.grantors)

    def describe_grantors(self) -> str:
        return "; or ".join(w.describe() for w in self.grantors) or "nobody"

    def value_allowed(self, value: str) -> bool:
        if self._allowed is not None and value not in self._allowed:
            return False
        return self._pattern is None or self._pattern.fullmatch(value)

    def describe_values(self) -> str:
        values = self.rule.values
        if values is None:
            return "any value"
        if values.allowed is not None:
            return "one of " + ", ".join(values.allowed)
        return f"a value matching /{values.pattern}/"

    def describe_writers(self) -> str:
        if self.writers is None:
            return "anyone"
        if not self.writers:
            return "nobody"
        return "; or ".join(w.describe() for w in self.writers)


@dataclass(frozen=True, slots=True)
class WriterStanding:
    """Where an actor stands with the rules over one write: the rules that restrict who writes
    the key, and those of them that do not list the actor."""

    restricting: tuple[CompiledRule, ...]
    unlisted: tuple[CompiledRule, ...]

    @property
    def listed(self) -> bool:
        """A writer of the key: some rule restricts its writers and every such rule lists the
        actor, as the guardrails deny a caller that is not a writer of each (docs/guardrails.md)."""
        return bool(self.restricting) and not self.unlisted


def writer_standing(rules: Iterable[CompiledRule], actor: ActorView, old: KnownTags) -> WriterStanding:
    """The one answer to "is the actor a listed writer here?" that the judge, the compute-identity
    detector and the writers scan share; ``old`` is the target's tags before the write."""
    restricting = tuple(rule for rule in rules if rule.restricts_writers)
    unlisted = tuple(rule for rule in restricting if not rule.listed_writer(actor, old))
    return WriterStanding(restricting, unlisted)


class CompiledPolicy:
    def __init__(self, policy: GovernancePolicy) -> None:
        self.policy = policy
        self.rules = [CompiledRule(rule) for rule in policy.rules]
        self._abac = [Glob(k, fold=True) for k in policy.abac_keys]
        self._severities = {**DEFAULT_SEVERITY, **policy.severities}
        self.controls_writers = [
            CompiledWriter(w) for w in (policy.controls.writers if policy.controls else [])
        ]
        # Keys repeat endlessly (team, owner, ...): remember which rules cover each.
        self._rules_for_key = lru_cache(maxsize=4096)(self._compute_rules_for_key)
        self._is_abac = lru_cache(maxsize=4096)(self._compute_is_abac)
        self._remediator = Glob(policy.remediation.role)
        self._by_id = {rule.id: rule for rule in self.rules}

    def is_remediator(self, arn: str) -> bool:
        """Whether ``arn`` is tagwarden's own remediator role: its reverts are not judged."""
        return self._remediator.matches(arn) or self._remediator.matches(canonical_principal(arn))

    def rule(self, rule_id: str) -> CompiledRule | None:
        return self._by_id.get(rule_id)

    def _compute_rules_for_key(self, key: str) -> tuple[CompiledRule, ...]:
        return tuple(rule for rule in self.rules if rule.covers_key(key))

    def _compute_is_abac(self, key: str) -> bool:
        return any(glob.matches(key) for glob in self._abac)

    def is_abac(self, key: str) -> bool:
        return self._is_abac(key)

    def rules_for(self, key: str, account: str, target: str) -> list[CompiledRule]:
        return [rule for rule in self._rules_for_key(key) if rule.in_scope(account, target)]

    def grant_rules_for(self, key: str) -> list[CompiledRule]:
        """The rules whose writers carry ``key`` (``principal_tag``, ``same_as_resource``) when no
        rule governs it: whoever puts it on a principal or a session makes that one a writer."""
        if self._rules_for_key(key):
            return []
        return [rule for rule in self.rules if key.casefold() in rule.grant_keys]

    def is_governed(self, key: str) -> bool:
        return self.is_abac(key) or bool(self._rules_for_key(key))

    def listed_controls_writer(self, actor: ActorView) -> bool:
        """The actor is listed under ``controls.writers`` (it may change trails, SCPs, the delivery path)."""
        return any(w.matches(actor, KnownTags()) for w in self.controls_writers)

    def severity(self, kind: str) -> Severity:
        return self._severities[kind]

    @property
    def abac_keys(self) -> list[str]:
        return list(self.policy.abac_keys)


def key_spellings(
    literals: Iterable[str], seen_keys: Iterable[str], wanted: Callable[[str], bool]
) -> list[str]:
    """The ``literals`` that are not globs and the ``seen_keys`` that ``wanted`` accepts, one
    spelling per key ignoring case (the first met), sorted by the case-folded key."""
    found: dict[str, str] = {}
    for key in literals:
        if "*" not in key and "?" not in key:
            found.setdefault(key.casefold(), key)
    for key in seen_keys:
        if wanted(key):
            found.setdefault(key.casefold(), key)
    return [found[k] for k in sorted(found)]
