"""The writers scan's inputs (compiled policies, classes of targets) and its items."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from tagwarden.core.iam import Policy
from tagwarden.core.model.plain import plain_fields

Via = Literal["tag_resource", "retag_principal", "session_tag", "pass_role"]
Levels = tuple[tuple[Policy, ...], ...]


@dataclass(frozen=True, slots=True)
class ProbePrincipal:
    """A user or role with its compiled policy stack."""

    arn: str
    account: str
    kind: str  # "role" or "user"
    tags: Mapping[str, str]
    identity: tuple[Policy, ...] = ()
    boundary: Policy | None = None


@dataclass(frozen=True, slots=True)
class TagActionSet:
    """The actions that set and remove a tag on one type of resource. A ``replace`` action sends the
    whole new tag set (S3 PutBucketTagging); a ``remove_all`` one sends no tag at all."""

    add: tuple[str, ...]
    remove: tuple[str, ...]
    replace: frozenset[str] = frozenset()
    remove_all: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class TargetClass:
    """Resources (or principals) that one probe stands for: same account, same type, same
    resource-based policy. ``members`` are their ARNs, the first the probe's target."""

    label: str  # "s3:bucket", "ec2:instance", "iam:role"...
    account: str
    members: tuple[str, ...]
    samples: tuple[Mapping[str, str], ...]  # tags of the first members: other keys conditions may test
    actions: TagActionSet
    resource_policy: Policy | None = None
    # Accounts whose principals the resource policy's Allow statements can name; None: any
    # ("*", NotPrincipal). A principal elsewhere gets nothing from the policy.
    named_accounts: frozenset[str] | None = frozenset()
    # The same for its Deny statements: a policy that can neither allow nor deny a principal
    # changes nothing for it.
    denied_accounts: frozenset[str] | None = frozenset()
    via: Via = "tag_resource"


@dataclass(frozen=True, slots=True)
class SessionRole:
    """A role whose trust policy lets someone pass session tags (sts:TagSession)."""

    arn: str
    account: str
    tags: Mapping[str, str]
    trust: Policy
    federated: tuple[str, ...] = ()  # identity providers a TagSession statement names


@dataclass(frozen=True, slots=True)
class Organization:
    management_account: str | None = None
    scps: Mapping[str, Levels] = field(default_factory=dict)
    rcps: Mapping[str, Levels] = field(default_factory=dict)

    def scps_of(self, account: str) -> Levels:
        return self.scps.get(account) or self.scps.get("default") or ()

    def rcps_of(self, account: str) -> Levels:
        return self.rcps.get(account) or self.rcps.get("default") or ()


@dataclass(frozen=True, slots=True)
class WriterInputs:
    principals: list[ProbePrincipal]
    classes: list[TargetClass]
    sessions: list[SessionRole]
    organization: Organization
    values: Mapping[str, tuple[str, ...]]  # per folded key: values seen, most common first
    principal_actions: Mapping[str, TagActionSet]  # per principal kind (role, user): retagging it
    problems: list[str] = field(default_factory=list)  # policies that could not be read


@dataclass(frozen=True, slots=True)
class WriterItem:
    """One principal able to write one key on one class of targets."""

    key: str
    principal: str
    principal_kind: str
    account: str
    via: Via
    target_class: str
    resource: str
    resource_account: str
    members: int
    probes: tuple[str, ...]  # which writes IAM allows: "other->own", "none->other", "own->removed"...
    action: str
    statement: str
    authorized: bool
    listed_writer: bool
    detail: str

    def to_dict(self) -> dict[str, Any]:
        return plain_fields(self)
