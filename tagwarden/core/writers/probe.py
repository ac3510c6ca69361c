"""Who can write each governed tag: concrete requests put to the IAM engine. Pure: no I/O.

For every principal, key and class of targets, the scan asks IAM about the writes a person could
make: move a target from another team's value to the principal's own (``other->own``), claim an
untagged one (``none->own``), hand one away (``own->other``), tag an untagged one with another
value (``none->other``), strip the key (``other->removed``, ``own->removed``). On the
principal's own user or role these are self-retags; through a role whose trust policy allows
``sts:TagSession`` the key is passed as a session tag, with the principal's own value or
another. "Own" is the principal's value of the key; "other" another value seen in the inventory
(one some principal holds, where there is one). Each write is one request carrying the target's
tags and ``aws:RequestTag``/``aws:TagKeys`` as AWS sends them for that action; the engine weighs
identity, group, boundary, SCP, RCP and resource-based policies. A write is authorized when the
governance policy lists the principal as a writer of the key for that target and old value.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from tagwarden.core.arn import arn_account
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.compiled import ActorView, writer_standing
from tagwarden.core.iam import Evaluation, Policy, PolicySet, Request, evaluate
from tagwarden.core.model import KnownTags
from tagwarden.core.model.tags import tag_ci
from tagwarden.core.stopping import Stopping, never, until_stopping
from tagwarden.core.writers.grants import (
    ProbePrincipal,
    SessionRole,
    TagActionSet,
    WriterInputs,
    WriterItem,
)
from tagwarden.core.writers.target_classes import Target, TargetSelector, allows

PROBE_VALUE = "tagwarden-probe"
ASSUME = "sts:AssumeRole"
Context = dict[str, str | list[str]]


class Write(NamedTuple):
    name: str
    old: str | None
    new: str | None  # None: the key is removed


def writes(own: str | None, other: str, *, self_target: bool = False) -> list[Write]:
    """The writes probed on a target; on the principal's own user or role the old value is its own."""
    if self_target:
        if own is None:
            return [Write("none->other", None, other)]
        return [Write("own->other", own, other), Write("own->removed", own, None)]
    found = [Write("none->other", None, other), Write("other->removed", other, None)]
    if own is None:
        return found
    return [
        Write("other->own", other, own),
        Write("none->own", None, own),
        Write("own->other", own, other),
        *found,
        Write("own->removed", own, None),
    ]


def with_key(tags: Mapping[str, str], key: str, value: str | None) -> dict[str, str]:
    """``tags`` with ``key`` (compared ignoring case) set to ``value``, or removed for None."""
    folded = key.casefold()
    result = {k: v for k, v in tags.items() if k.casefold() != folded}
    if value is not None:
        result[key] = value
    return result


def tag_context(
    action: str, actions: TagActionSet, key: str, before: Mapping[str, str], new: str | None
) -> Context:
    """The tag condition keys AWS sends with ``action`` for this write."""
    if action in actions.remove_all:
        return {}
    if action in actions.replace:  # the whole new set travels in the request
        after = with_key(before, key, new)
        context: Context = {f"aws:RequestTag/{k}": v for k, v in after.items()}
        context["aws:TagKeys"] = list(after)
        return context
    if new is None:
        return {"aws:TagKeys": [key]}
    return {f"aws:RequestTag/{key}": new, "aws:TagKeys": [key]}


@dataclass(frozen=True, slots=True)
class _Allowed:
    write: str
    evaluation: Evaluation
    authorized: bool
    listed: bool


class WriterProbe:
    def __init__(self, inputs: WriterInputs, policy: CompiledPolicy, keys: Sequence[str]) -> None:
        self.inputs = inputs
        self.policy = policy
        self.keys = list(keys)
        self.abac_keys = [key for key in self.keys if policy.is_abac(key)]
        self.org = inputs.organization
        self.selector = TargetSelector(inputs)

    def run(self, stopping: Stopping = never) -> list[WriterItem]:
        """Every writer item; ``Stopped`` between two principals once ``stopping`` says so."""
        items: list[WriterItem] = []
        for principal in until_stopping(self.inputs.principals, stopping):
            items += self.principal_items(principal)
        items += self.federated_items()
        return sorted(items, key=lambda i: (i.key, i.principal, i.via, i.target_class, i.resource))

    def other_value(self, key: str, own: str | None) -> str:
        for value in self.inputs.values.get(key.casefold(), ()):
            if value != own:
                return value
        return PROBE_VALUE

    def principal_items(self, principal: ProbePrincipal) -> list[WriterItem]:
        items: list[WriterItem] = []
        targets = self.selector.targets(principal)
        own_target = self.selector.own(principal)
        for key in self.keys:
            own = tag_ci(principal.tags, key)
            other = self.other_value(key, own)
            for target in targets:
                item = self._probe(principal, key, target, writes(own, other))
                if item is not None:
                    items.append(item)
            if own_target is not None:
                item = self._probe(principal, key, own_target, writes(own, other, self_target=True))
                if item is not None:
                    items.append(item)
            for role in self.inputs.sessions:
                if role.account != principal.account and not allows(principal.identity, (ASSUME,)):
                    continue  # across accounts the caller's own policies must allow sts:AssumeRole
                item = self._session(principal, key, role, own, other)
                if item is not None:
                    items.append(item)
        return items

    def _policies(self, principal: ProbePrincipal, account: str, resource: Policy | None) -> PolicySet:
        return PolicySet(
            identity=principal.identity,
            boundary=principal.boundary,
            scps=self.org.scps_of(principal.account),
            rcps=self.org.rcps_of(account),
            resource=resource,
            management_account=self.org.management_account,
        )

    def _authorized(
        self,
        principal: str,
        tags: Mapping[str, str] | None,
        key: str,
        target: Target,
        before: Mapping[str, str],
    ) -> tuple[bool, bool]:
        """(authorized, listed): listed as a writer for this target and its tags before the write;
        authorized also where no rule restricts writers of a key that is not an ABAC key."""
        rules = self.policy.rules_for(key, target.account, target.arn)
        actor = ActorView(principal, None, tags)
        standing = writer_standing(rules, actor, KnownTags(before, complete=True))
        unrestricted = not standing.restricting and not self.policy.is_abac(key)
        return standing.listed or unrestricted, standing.listed

    def _ask(self, policies: PolicySet, request: Request) -> Evaluation | None:
        try:
            evaluation = evaluate(policies, request)
        except ValueError:
            return None  # a principal or request the engine cannot model
        return evaluation if evaluation.decision == "Allow" else None

    def _probe(
        self, principal: ProbePrincipal, key: str, target: Target, probes: list[Write]
    ) -> WriterItem | None:
        policies = self._policies(principal, target.account, target.resource_policy)
        allowed: list[_Allowed] = []
        # The target stands as one of the principal's own: its other ABAC keys carry the principal's
        # values, which is where ABAC policies grant (writing cost-center on one's team's buckets).
        base = dict(target.tags)
        if target.via == "tag_resource":
            for other_key in self.abac_keys:
                mine = tag_ci(principal.tags, other_key)
                if mine is not None and other_key.casefold() != key.casefold():
                    base = with_key(base, other_key, mine)
        for write in probes:
            before = with_key(base, key, write.old)
            actions = target.actions.add if write.new is not None else target.actions.remove
            for action in actions:
                request = Request(
                    principal=principal.arn,
                    action=action,
                    resource=target.arn,
                    principal_tags=principal.tags,
                    resource_tags=before,
                    resource_account=target.account,
                    context=tag_context(action, target.actions, key, before, write.new),
                )
                evaluation = self._ask(policies, request)
                if evaluation is not None:
                    ok, listed = self._authorized(principal.arn, principal.tags, key, target, before)
                    allowed.append(_Allowed(write.name, evaluation, ok, listed))
                    break
        return self._item(principal, key, target, allowed)

    def _session(
        self, principal: ProbePrincipal, key: str, role: SessionRole, own: str | None, other: str
    ) -> WriterItem | None:
        target = _session_target(role, (ASSUME,))
        policies = self._policies(principal, role.account, role.trust)
        allowed: list[_Allowed] = []
        for name, value in (("session:own", own), ("session:other", other)):
            if value is None:
                continue
            context: Context = {
                f"aws:RequestTag/{key}": value,
                "aws:TagKeys": [key],
                "tagwarden:ImpliedActions": ["sts:TagSession"],
            }
            request = Request(
                principal=principal.arn,
                action=ASSUME,
                resource=role.arn,
                principal_tags=principal.tags,
                resource_tags=role.tags,
                resource_account=role.account,
                context=context,
            )
            evaluation = self._ask(policies, request)
            if evaluation is not None:
                ok, listed = self._authorized(principal.arn, principal.tags, key, target, {})
                allowed.append(_Allowed(name, evaluation, ok, listed))
        return self._item(principal, key, target, allowed)

    def federated_items(self) -> list[WriterItem]:
        """Identity providers a TagSession trust statement names pass whatever session tags their
        assertions carry: writers of every key, as far as IAM can tell."""
        items = []
        for role in self.inputs.sessions:
            target = _session_target(role, ())
            for provider in role.federated:
                account = arn_account(provider) or role.account
                for key in self.keys:
                    ok, listed = self._authorized(provider, None, key, target, {})
                    item = WriterItem(
                        key=key,
                        principal=provider,
                        principal_kind="federated",
                        account=account,
                        via="session_tag",
                        target_class=target.label,
                        resource=role.arn,
                        resource_account=role.account,
                        members=1,
                        probes=("session:any",),
                        action="sts:TagSession",
                        statement=f"trust policy of {role.arn}",
                        authorized=ok,
                        listed_writer=listed,
                        detail=(
                            f"the trust policy of {role.arn} lets users of {provider} assume it with session "
                            f"tags: the identity provider decides the value of {key!r}"
                        ),
                    )
                    items.append(item)
        return items

    def _item(
        self, who: ProbePrincipal, key: str, target: Target, allowed: list[_Allowed]
    ) -> WriterItem | None:
        if not allowed:
            return None
        unauthorized = [a for a in allowed if not a.authorized]
        shown = unauthorized[0] if unauthorized else allowed[0]
        statement = shown.evaluation.statement
        return WriterItem(
            key=key,
            principal=who.arn,
            principal_kind=who.kind,
            account=who.account,
            via=target.via,
            target_class=target.label,
            resource=target.arn,
            resource_account=target.account,
            members=target.members,
            probes=tuple(a.write for a in allowed),
            action=shown.evaluation.action,
            statement=str(statement) if statement is not None else "",
            authorized=not unauthorized,
            listed_writer=any(a.listed for a in allowed),
            detail=f"{shown.write}: {shown.evaluation.explanation}",
        )


def _session_target(role: SessionRole, actions: tuple[str, ...]) -> Target:
    """A session role as the target of session tags, passed by ``actions`` (none: by the identity
    provider's assertion)."""
    return Target(
        "session_tag",
        "sts:session",
        role.arn,
        role.account,
        role.tags,
        TagActionSet(actions, ()),
        role.trust,
        1,
    )


def find_writers(
    inputs: WriterInputs, policy: CompiledPolicy, keys: Sequence[str], stopping: Stopping = never
) -> list[WriterItem]:
    return WriterProbe(inputs, policy, keys).run(stopping)
