"""What one CloudTrail record says about the roles compute resources run as."""

from __future__ import annotations

from dataclasses import dataclass

from tagwarden.core.normalize.record_fields import RecordContext


@dataclass(frozen=True, slots=True)
class TemplateRef:
    """A launch template (by id, else by name) in an account and region, and one of its versions
    as a call names it: a number, ``$Latest`` or ``$Default`` (None: ``$Default``)."""

    account: str
    region: str
    template_id: str | None
    name: str | None
    version: str | None = None

    def describe(self) -> str:
        return f"{self.template_id or self.name} version {self.version or '$Default'}"


@dataclass(frozen=True, slots=True)
class TemplateUpdate:
    """What a launch template call did to the template ``template`` names (its version unused).

    ``version``: a version made, whose instance profile is ``profile`` (a profile key), else that
    of the version ``source`` (SourceVersion) where given, else none; ``default``/``latest``: the
    numbers the response gives; ``deleted``: versions deleted; ``removed``: the whole template."""

    template: TemplateRef
    version: int | None = None
    profile: str | None = None
    source: str | None = None
    created: bool = False  # the template itself was made by the call (its version 1)
    default: int | None = None
    latest: int | None = None
    deleted: tuple[int, ...] = ()
    removed: bool = False


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
    template: TemplateRef | None = None  # the launch template version whose profile the resource takes
    # The launch template version whose profile's role the resource had before (a template's
    # $Default, before a call makes another version the default).
    previous_template: TemplateRef | None = None
    state_key: str | None = None  # where the state keeps the resource's role, where not its target


@dataclass(frozen=True, slots=True)
class JudgedGrant:
    """What the grant at ``index`` of a record's read was judged with: its instance profile as
    resolved, the role it gave and the role before. Kept where the actor's session was not known
    yet, to judge the grant again with the session's tags once it is."""

    index: int
    profile: str | None
    new_role: str | None
    old_role: str | None


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
    template_updates: tuple[TemplateUpdate, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.grants or self.profile_updates or self.template_updates)

    def __add__(self, other: ComputeRead) -> ComputeRead:
        return ComputeRead(
            self.grants + other.grants,
            self.profile_updates + other.profile_updates,
            self.template_updates + other.template_updates,
        )
