"""What one CloudTrail record says about the roles compute resources run as."""

from __future__ import annotations

from dataclasses import dataclass

from tagwarden.core.normalize.record_fields import RecordContext


@dataclass(frozen=True, slots=True)
class RoleGrant:
    """A compute resource given a role, at creation or later.

    ``role`` is the role ARN where the call names it; ``profile`` the instance profile key
    (``<account>/<name>``, see ``profile_key``) where the role comes through an instance profile.
    ``replaces_association`` is the EC2 association id the call replaced, ``previous_role`` the
    role the record itself says the resource had (rarely known). Neither role nor profile: the
    resource runs as no role any more (DisassociateIamInstanceProfile). ``resource_kind`` says in words
    what runs as the role ("EC2 instance", "Lambda function").
    """

    ctx: RecordContext
    target: str
    resource_kind: str
    role: str | None = None
    profile: str | None = None
    replaces_association: str | None = None
    association_id: str | None = None  # the association the call created (EC2)
    previous_role: str | None = None
    tracks_previous: bool = True  # False where the target is new each time (task definition revisions)
    family: str | None = None  # resources whose previous role is the family's (ECS task definitions)
    new_version: bool = False  # a new revision or version: new code, given its role anew even if the same
    role_from: str | None = None  # the configuration whose role the resource takes (a task definition)


@dataclass(frozen=True, slots=True)
class ProfileUpdate:
    """An instance profile's role changed: ``role`` None removes ``removed`` (or every role)."""

    profile: str
    profile_arn: str
    role: str | None
    removed: str | None = None


@dataclass(frozen=True, slots=True)
class ComputeRead:
    grants: tuple[RoleGrant, ...] = ()
    profile_updates: tuple[ProfileUpdate, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.grants or self.profile_updates)
