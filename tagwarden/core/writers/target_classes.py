"""Which targets the writers scan probes for a principal, and with which actions.

A probe is only worth making where some policy could allow it. Checked on actions alone with the
engine's own matching (``Policy.statements_for``): within an account a resource-based policy that
can name the principal, or else its own side (an identity-based policy, the boundary and every SCP
level each with an Allow for the action); across accounts both. Classes a resource policy leaves
unchanged for a principal are probed once for it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from tagwarden.core.iam import Policy
from tagwarden.core.writers.grants import (
    Organization,
    ProbePrincipal,
    TagActionSet,
    TargetClass,
    Via,
    WriterInputs,
)


@dataclass(frozen=True, slots=True)
class Target:
    """One target probed: a class member, the principal itself, or a session role."""

    via: Via
    label: str
    arn: str
    account: str
    tags: Mapping[str, str]
    actions: TagActionSet
    resource_policy: Policy | None
    members: int


def names(accounts: frozenset[str] | None, account: str) -> bool:
    return accounts is None or account in accounts


def allows(policies: Sequence[Policy], actions: Sequence[str]) -> bool:
    """Whether any of ``policies`` has an Allow statement whose Action covers one of ``actions``:
    without one, those policies allow no request for them, whatever its context."""
    return any(policy.statements_for(action.lower()).allows for policy in policies for action in actions)


class TargetSelector:
    def __init__(self, inputs: WriterInputs) -> None:
        self.inputs = inputs
        self.org: Organization = inputs.organization
        self._may_cache: tuple[str, dict[str, bool]] = ("", {})
        self._resource_cache: dict[tuple[int, tuple[str, ...], tuple[str, ...]], bool] = {}

    def may_allow(self, principal: ProbePrincipal, action: str) -> bool:
        """Whether the principal's own side could allow ``action``: identity policies, the boundary
        and every SCP level must each have an Allow for it (checked on the action alone)."""
        if self._may_cache[0] != principal.arn:
            self._may_cache = (principal.arn, {})
        known = self._may_cache[1].get(action)
        if known is None:
            known = self._may_cache[1][action] = self._own_side_allows(principal, action)
        return known

    def _own_side_allows(self, principal: ProbePrincipal, action: str) -> bool:
        if not allows(principal.identity, (action,)):
            return False
        if principal.boundary is not None and not allows((principal.boundary,), (action,)):
            return False
        if principal.account == self.org.management_account or "/aws-service-role/" in principal.arn:
            return True  # SCPs spare them
        return all(allows(level, (action,)) for level in self.org.scps_of(principal.account))

    def _resource_allows(self, policy: Policy, cls: TargetClass) -> bool:
        where = (id(policy), cls.actions.add, cls.actions.remove)
        known = self._resource_cache.get(where)
        if known is None:
            known = self._resource_cache[where] = allows((policy,), (*cls.actions.add, *cls.actions.remove))
        return known

    def targets(self, principal: ProbePrincipal) -> list[Target]:
        """The classes IAM could let the principal write to, with the actions worth asking about. A
        resource-based policy that can name the principal may allow on its own within an account;
        otherwise the principal's own side must allow, and across accounts both must."""
        found: dict[tuple[str, str, int], Target] = {}
        for cls in self.inputs.classes:
            named = cls.named_accounts is None or principal.account in cls.named_accounts
            policy = cls.resource_policy
            granting = policy is not None and named and self._resource_allows(policy, cls)
            if policy is not None and not granting and not names(cls.denied_accounts, principal.account):
                policy = None  # it can neither allow nor deny this principal: like a class without one
            usable = [a for a in (*cls.actions.add, *cls.actions.remove) if self.may_allow(principal, a)]
            if not usable and not granting:
                continue
            if cls.account != principal.account and not (granting and usable):
                continue
            position = 1 if cls.members[0] == principal.arn else 0
            if position >= len(cls.members):
                continue
            actions = cls.actions
            if not granting:  # only the principal's own side can allow: skip what it cannot
                actions = replace(
                    actions,
                    add=tuple(a for a in actions.add if a in usable),
                    remove=tuple(a for a in actions.remove if a in usable),
                )
            where = (cls.account, cls.label, id(policy))
            seen = found.get(where)
            if seen is not None:  # the same for this principal: one probe, the members added up
                found[where] = replace(seen, members=seen.members + len(cls.members))
                continue
            found[where] = Target(
                cls.via,
                cls.label,
                cls.members[position],
                cls.account,
                cls.samples[position] if position < len(cls.samples) else {},
                actions,
                policy,
                len(cls.members),
            )
        return list(found.values())

    def own(self, principal: ProbePrincipal) -> Target | None:
        """The principal's own user or role, if its own side could retag it."""
        actions = self.inputs.principal_actions.get(principal.kind, TagActionSet((), ()))
        if not any(self.may_allow(principal, a) for a in (*actions.add, *actions.remove)):
            return None
        label = f"iam:{principal.kind} (itself)"
        return Target(
            "retag_principal", label, principal.arn, principal.account, principal.tags, actions, None, 1
        )
