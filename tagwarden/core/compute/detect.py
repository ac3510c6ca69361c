"""The compute-identity detector: a workload given a role whose ABAC identity the actor does not hold."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tagwarden.core.compute.model import RoleGrant
from tagwarden.core.governance.compiled import ActorView, CompiledPolicy, writer_standing
from tagwarden.core.model import Finding, KnownTags, Origin, new_finding
from tagwarden.core.model.finding import origin_of
from tagwarden.core.model.kinds import Facts, why
from tagwarden.core.model.tags import tag_ci

KIND = "compute_identity"


@dataclass(frozen=True, slots=True)
class RoleView:
    """A role and its tags as known (``tags`` None: unknown)."""

    arn: str | None
    tags: Mapping[str, str] | None = None

    def value(self, key: str) -> str | None:
        return tag_ci(self.tags, key)

    def describe(self, key: str) -> str:
        if self.arn is None:
            return "no role tagwarden knows of"
        if self.tags is None:
            return f"{self.arn} (tags unknown)"
        value = self.value(key)
        return f"{self.arn} ({key}={value!r})" if value is not None else f"{self.arn} (no {key!r} tag)"


def _origin(grant: RoleGrant) -> Origin:
    return origin_of(grant.ctx)


def _explanation(grant: RoleGrant, key: str, new: RoleView, old: RoleView, mine: str | None) -> str:
    who = grant.ctx.actor.arn
    if grant.ctx.actor.session_arn:
        who += f" (session {grant.ctx.actor.session_arn})"
    via = f" through instance profile {grant.profile}" if grant.profile else ""
    if grant.template is not None:
        via = f" through launch template {grant.template.describe()} (instance profile {grant.profile})"
    head = (
        f"{who} gave {grant.resource_kind} {grant.target} the role {new.describe(key)}{via} with "
        f"{grant.ctx.event_name} at {grant.ctx.event_time}, replacing {old.describe(key)}."
    )
    facts = Facts(
        key=key, new=new.value(key), removal=False, target_kind="compute", outcome="success", actor_value=mine
    )
    return f"{head} {why(KIND, facts)}"


def acts_for_itself(grant: RoleGrant) -> bool:
    """An AWS service launching what someone configured (Auto Scaling's service-linked role running
    the instances of a launch template): the grant was decided by whoever configured it, and that
    call is judged itself."""
    actor = grant.ctx.actor
    return actor.type == "AWSService" or "/aws-service-role/" in actor.arn


def _abac_keys(tags: Mapping[str, str], policy: CompiledPolicy) -> list[str]:
    """The ABAC keys the role carries, named as the policy names them (IAM keys fold case)."""
    named = {k.casefold(): k for k in policy.abac_keys if "*" not in k and "?" not in k}
    keys = {named.get(k.casefold(), k) for k in tags if policy.is_abac(k)}
    return sorted(keys)


def detect_compute_identity(
    grant: RoleGrant,
    actor_tags: Mapping[str, str] | None,
    new: RoleView,
    old: RoleView,
    *,
    policy: CompiledPolicy,
    created_at: str = "",
) -> list[Finding]:
    """One finding per ABAC key whose value on the new role differs from the actor's own.

    Not raised where the role carries the actor's own value, where neither carries the key (a
    role without the key gains nothing through ABAC on it), where the role's tags are unknown,
    where the actor is a listed writer of the key, or where an AWS service acts for itself.
    """
    if new.arn is None or new.tags is None or acts_for_itself(grant):
        return []
    actor = ActorView(grant.ctx.actor.arn, grant.ctx.actor.invoked_by, actor_tags)
    role_tags = KnownTags(values=dict(new.tags), complete=True)
    findings = []
    for key in _abac_keys(new.tags, policy):
        value, mine = new.value(key), actor.tag(key)
        if value is None or value == mine:
            continue
        rules = policy.rules_for(key, grant.ctx.account, new.arn)
        if writer_standing(rules, actor, role_tags).listed:
            continue
        findings.append(
            new_finding(
                KIND,
                _origin(grant),
                target=grant.target,
                target_kind="compute",
                tag_key=key,
                old_value=old.value(key),
                new_value=value,
                explanation=_explanation(grant, key, new, old, mine),
                severity=policy.severity(KIND),
                created_at=created_at,
            )
        )
    return findings
