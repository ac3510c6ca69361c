"""Who the proof sends: one actor per listed writer of a rule, and an outsider.

Whether an actor *should* be allowed is decided by tagwarden's own judgement of the governance
policy (``CompiledRule.listed_writer``), not by anything the compiler produced.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Final

from tagwarden.core.governance.compiled import ActorView, CompiledRule
from tagwarden.core.governance.model import Rule, Writer
from tagwarden.core.guardrails.conditions import CALLED_VIA_SERVICES, is_glob
from tagwarden.core.model.tags import KnownTags

ACCOUNT: Final = "111111111111"
OWNER_VALUE: Final = "proof-owner"


@dataclass(frozen=True, slots=True)
class Actor:
    label: str
    principal_arn: str  # as aws:PrincipalArn sees it
    tags: Mapping[str, str] = field(default_factory=dict)
    invoked_by: str | None = None

    @property
    def caller(self) -> str:
        """The ARN that makes the call: a session of the role, or the user itself."""
        parts = self.principal_arn.split(":", 5)
        if len(parts) == 6 and parts[2] == "iam" and parts[5].startswith("role/"):
            name = parts[5].rsplit("/", 1)[1]
            return f"arn:{parts[1]}:sts::{parts[4]}:assumed-role/{name}/tagwarden-proof"
        return self.principal_arn

    def context(self) -> dict[str, str | list[str]]:
        context: dict[str, str | list[str]] = {"aws:PrincipalArn": self.principal_arn}
        if self.invoked_by is None:
            context["aws:ViaAWSService"] = "false"
            return context
        context["aws:ViaAWSService"] = "true"
        if self.invoked_by in CALLED_VIA_SERVICES:
            context["aws:CalledVia"] = [self.invoked_by]
        return context

    def view(self) -> ActorView:
        return ActorView(self.principal_arn, self.invoked_by, dict(self.tags))

    def is_listed_writer(self, rule: Rule, old: Mapping[str, str]) -> bool:
        compiled = CompiledRule(rule)
        if not compiled.restricts_writers:
            return True
        return compiled.listed_writer(self.view(), KnownTags(dict(old), complete=True))


def instantiate_arn(glob: str, account: str = ACCOUNT) -> str:
    """An ARN the glob matches: the account part becomes ``account``, other wildcards ``proof``."""
    parts = glob.split(":", 5)
    if len(parts) == 6 and is_glob(parts[4]):
        parts[4] = account
    return instantiate(":".join(parts))


def instantiate(glob: str) -> str:
    return glob.replace("*", "proof").replace("?", "x")


def instantiate_account(glob: str) -> str:
    fixed = glob.replace("?", "0")
    if "*" in fixed:
        fixed = fixed.replace("*", "0" * max(0, 12 - len(fixed) + 1), 1).replace("*", "")
    return fixed


def writer_actor(rule: Rule, index: int, writer: Writer, account: str) -> Actor:
    arn = (
        instantiate_arn(writer.principal, account)
        if writer.principal is not None
        else f"arn:aws:iam::{account}:role/tagwarden-proof-writer-{index}"
    )
    tags = dict(writer.principal_tag or {})
    if writer.same_as_resource is not None:
        tags[writer.same_as_resource] = OWNER_VALUE
    invoked = instantiate(writer.invoked_by).lower() if writer.invoked_by is not None else None
    return Actor(f"{rule.id} writer {index + 1}", arn, tags, invoked)


def outsider(rule: Rule, account: str) -> Actor:
    """No listed writer: the wrong value of every principal tag a writer needs, another owner."""
    tags: dict[str, str] = {}
    for writer in rule.writers or ():
        for key, value in (writer.principal_tag or {}).items():
            tags[key] = f"not-{value}"
        if writer.same_as_resource is not None:
            tags[writer.same_as_resource] = "proof-other"
    return Actor(f"{rule.id} outsider", f"arn:aws:iam::{account}:role/tagwarden-proof-outsider", tags)


def with_path(actor: Actor) -> Actor | None:
    """The same writer under a role or user path, when its ARN has none."""
    parts = actor.principal_arn.split(":", 5)
    if len(parts) != 6 or parts[2] != "iam":
        return None
    kind, slash, name = parts[5].partition("/")
    if kind not in ("role", "user") or not slash or "/" in name:
        return None
    arn = ":".join([*parts[:5], f"{kind}/tagwarden-proof-path/{name}"])
    return replace(actor, label=f"{actor.label} (with a path)", principal_arn=arn)


def rule_actors(rule: Rule, account: str) -> list[Actor]:
    """One actor per listed writer, a named writer again under a path, and the outsider last."""
    writers = [writer_actor(rule, i, w, account) for i, w in enumerate(rule.writers or ())]
    pathed = [
        p
        for w, actor in zip(rule.writers or (), writers, strict=True)
        if w.principal is not None and (p := with_path(actor)) is not None
    ]
    return [*writers, *pathed, outsider(rule, account)]
