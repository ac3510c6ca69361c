"""What one CloudTrail record says about one target's tags."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from tagwarden.core.model.pickling import compact_pickling
from tagwarden.core.model.plain import plain_fields

# "unresolved": a resource whose ARN the record does not determine; its target names what the
# record says (``<service>:<type>/<id>``), never a made-up ARN.
TargetKind = Literal["resource", "principal", "session", "unresolved"]
# Kinds whose target is a resource, named exactly or not: judged alike.
RESOURCE_KINDS: frozenset[str] = frozenset({"resource", "unresolved"})

SUCCESS = "success"


@compact_pickling
@dataclass(frozen=True, slots=True)
class Actor:
    """Who made the call.

    ``arn`` is the principal as ``aws:PrincipalArn`` sees it: the role ARN for a role session,
    the user ARN for an IAM user, the account root, or the identity provider for a federated
    caller that has no IAM principal of its own.
    """

    arn: str
    type: str = ""
    account: str = ""
    session_arn: str | None = None
    access_key_id: str | None = None
    source_ip: str | None = None
    user_agent: str | None = None
    invoked_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return plain_fields(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Actor:
        return cls(
            arn=str(data.get("arn") or ""),
            type=str(data.get("type") or ""),
            account=str(data.get("account") or ""),
            session_arn=data.get("session_arn"),
            access_key_id=data.get("access_key_id"),
            source_ip=data.get("source_ip"),
            user_agent=data.get("user_agent"),
            invoked_by=data.get("invoked_by"),
        )


@compact_pickling
@dataclass(frozen=True, slots=True)
class SessionGrant:
    """The session an STS AssumeRole* call created, and the tags it carries.

    Later records made with the session carry ``access_key_id`` in userIdentity.accessKeyId,
    which is how their actor's session tags are found.
    """

    access_key_id: str | None
    role_arn: str
    session_arn: str | None
    tags: dict[str, str]
    transitive_keys: tuple[str, ...] = ()
    incoming_transitive_tags: dict[str, str] = field(default_factory=dict)
    # True where the caller chose the tags itself (AssumeRole); False where an identity
    # provider asserted them (AssumeRoleWithSAML, AssumeRoleWithWebIdentity).
    caller_chosen: bool = True

    def effective_tags(self) -> dict[str, str]:
        """Session tags as the session sees them: incoming transitive tags, then its own."""
        merged = dict(self.incoming_transitive_tags)
        merged.update(self.tags)
        return merged

    def to_dict(self) -> dict[str, Any]:
        return plain_fields(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SessionGrant:
        return cls(
            access_key_id=data.get("access_key_id"),
            role_arn=str(data.get("role_arn", "")),
            session_arn=data.get("session_arn"),
            tags=dict(data.get("tags") or {}),
            transitive_keys=tuple(data.get("transitive_keys") or ()),
            incoming_transitive_tags=dict(data.get("incoming_transitive_tags") or {}),
            caller_chosen=bool(data.get("caller_chosen", True)),
        )


@compact_pickling
@dataclass(frozen=True, slots=True)
class TagChange:
    """One record's effect on one target's tags.

    ``set`` maps keys to new values; a value of ``None`` is a value CloudTrail hid
    (HIDDEN_DUE_TO_SECURITY_REASONS). ``keys_hidden`` means CloudTrail hid the keys too, so
    the change is known to have happened but not to which keys. ``replace_all`` means the
    call replaced the whole tag set: keys absent from ``set`` were removed (an empty ``set``
    removes every tag). ``removed_if`` maps a key of ``removed`` to the value it was removed
    only if it held (EC2 DeleteTags with a tag value): with another value it stayed.
    """

    event_id: str
    event_time: str
    event_source: str
    event_name: str
    account: str
    region: str
    actor: Actor
    target: str
    target_kind: TargetKind
    set: dict[str, str | None] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    removed_if: dict[str, str] = field(default_factory=dict)
    replace_all: bool = False
    at_creation: bool = False
    outcome: str = SUCCESS
    keys_hidden: bool = False
    session: SessionGrant | None = None

    @property
    def succeeded(self) -> bool:
        return self.outcome == SUCCESS

    @property
    def recordable(self) -> bool:
        """It changed the keys it names: what a target's tag history records of it."""
        return self.succeeded and not self.keys_hidden

    @property
    def action(self) -> str:
        """The IAM-style action name, e.g. ``s3:PutBucketTagging``."""
        service = self.event_source.split(".", 1)[0]
        return f"{service}:{self.event_name}"

    def to_dict(self) -> dict[str, Any]:
        return plain_fields(self)
