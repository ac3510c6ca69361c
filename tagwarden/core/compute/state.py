"""What tagwarden knows of which role each compute resource runs as: plain in-memory data.

Instance profile → role comes from IAM (fetched by the app with a time-to-live) and is kept
current by CreateInstanceProfile / AddRoleToInstanceProfile / RemoveRoleFromInstanceProfile
events; resource → role and association id → instance are learned from the events themselves,
and so are launch templates (each version's instance profile, $Default and $Latest).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tagwarden.core.arn import canonical_principal
from tagwarden.core.compute.model import TemplateUpdate

PROFILE_NOT_KNOWN = "?"  # what a profile lookup returns where IAM cannot tell (other account, denied)
ABSENT = object()  # a table entry that is not there (removed, or never written)
# Entries each table keeps (the daemon runs for months, and every task run is a resource): the
# least recently written go first. A resource forgotten has no previous role, so a later role given
# to it is judged as new; a revision or profile forgotten is as after a restart.
MAX_ENTRIES = 50_000


def profile_key(account: str, name_or_arn: str) -> str:
    """``<account>/<name>``: instance profile names are unique per account whatever their path."""
    value = name_or_arn
    if value.startswith("arn:"):
        parts = value.split(":", 5)
        if len(parts) == 6:
            account = parts[4] or account
            value = parts[5].removeprefix("instance-profile/")
    return f"{account}/{value.rsplit('/', 1)[-1]}"


@dataclass
class StateUndo:
    """What one unit changed in the state, to put back if the unit is not committed: the state
    lives in memory, the unit's findings in the store, and a unit tried again must find the state
    as the first attempt did. An entry another unit has changed since is left as that unit set it."""

    changed: list[tuple[dict[str, Any], str, object, object]] = field(default_factory=list)

    def undo(self) -> None:
        for table, key, before, after in reversed(self.changed):
            if table.get(key, ABSENT) == after:
                if before is ABSENT:
                    table.pop(key, None)
                else:
                    table[key] = before
        self.changed.clear()


def _put(table: dict[str, Any], key: str, value: object, undo: StateUndo | None) -> None:
    before = table.pop(key, ABSENT)
    if value is not ABSENT:
        table[key] = value  # last, as the most recently written
        if len(table) > MAX_ENTRIES:
            del table[next(iter(table))]
    if undo is not None:
        undo.changed.append((table, key, before, value))


@dataclass(frozen=True, slots=True)
class LaunchTemplateVersions:
    """One launch template as learned from its records. ``versions`` maps a version number to its
    instance profile key (None: the version names none; ``PROFILE_NOT_KNOWN``: made from a version
    tagwarden did not know); ``default`` and ``latest`` are None where not known; ``complete`` says
    every version since the template was made was seen (so $Latest after a deletion is known)."""

    name: str | None
    versions: tuple[tuple[int, str | None], ...] = ()
    default: int | None = None
    latest: int | None = None
    complete: bool = False

    def number(self, version: str | None) -> int | None:
        """The version number a reference names: a number, ``$Latest``, ``$Default`` or None."""
        if version is None or version == "$Default":
            return self.default
        if version == "$Latest":
            return self.latest
        return int(version) if version.isdigit() else None

    def profile(self, version: str | None) -> tuple[bool, str | None]:
        """(known, profile key) of the version a reference names."""
        number = self.number(version)
        held = dict(self.versions)
        if number is None or number not in held or held[number] == PROFILE_NOT_KNOWN:
            return False, None
        return True, held[number]

    def learned(self, update: TemplateUpdate) -> LaunchTemplateVersions:
        """The template after ``update`` (not a removal)."""
        versions, default, latest = dict(self.versions), self.default, self.latest
        if update.version is not None:
            profile = update.profile
            if profile is None and update.source is not None:
                known, inherited = self.profile(update.source)
                profile = inherited if known else PROFILE_NOT_KNOWN
            versions[update.version] = profile
            latest = update.version  # a version made is the latest
        for number in update.deleted:
            versions.pop(number, None)
        if latest in update.deleted:
            latest = max(versions) if self.complete and versions else None
        default = update.default if update.default is not None else default
        latest = update.latest if update.latest is not None else latest
        kept = tuple(sorted(versions.items()))
        return LaunchTemplateVersions(self.name or update.template.name, kept, default, latest, self.complete)


@dataclass
class ComputeIdentityState:
    """``profiles`` maps a profile key to its role ARN (None: known to hold no role); a key that is
    absent is unknown. ``resources`` maps a compute resource (or ECS family) to the role ARN it
    runs as, or to a profile key prefixed ``profile:``; ``associations`` an EC2 association id to
    its instance ARN and profile key; ``launch_templates`` a launch template
    (``<account>/<region>/<id>``) to its versions, ``launch_template_names`` a template's name
    (``<account>/<region>/<name>``) to its id."""

    profiles: dict[str, str | None] = field(default_factory=dict)
    resources: dict[str, str] = field(default_factory=dict)
    associations: dict[str, tuple[str, str | None]] = field(default_factory=dict)
    launch_templates: dict[str, LaunchTemplateVersions] = field(default_factory=dict)
    launch_template_names: dict[str, str] = field(default_factory=dict)

    def knows_profile(self, key: str) -> bool:
        return key in self.profiles

    def profile_role(self, key: str) -> str | None:
        return self.profiles.get(key)

    def set_profile(self, key: str, role: str | None, undo: StateUndo | None = None) -> None:
        _put(self.profiles, key, canonical_principal(role) if role else None, undo)

    def remove_from_profile(self, key: str, role: str | None, undo: StateUndo | None = None) -> None:
        current = self.profiles.get(key)
        if role is None or current is None or canonical_principal(role) == current:
            _put(self.profiles, key, None, undo)

    def resource_role(self, resource: str) -> str | None:
        """The role ``resource`` runs as, as far as known (through its profile's current role)."""
        held = self.resources.get(resource)
        if held is None:
            return None
        if held.startswith("profile:"):
            return self.profiles.get(held.removeprefix("profile:"))
        return held

    def set_resource_role(
        self, resource: str, role: str | None, profile: str | None, undo: StateUndo | None = None
    ) -> None:
        """``resource`` runs as ``role`` or through ``profile``; with neither, as no role."""
        if profile is not None:
            _put(self.resources, resource, f"profile:{profile}", undo)
        else:
            _put(self.resources, resource, canonical_principal(role) if role else ABSENT, undo)

    def copy_resource_role(self, resource: str, source: str, undo: StateUndo | None = None) -> None:
        """``resource`` runs as ``source`` does (a task run from a task definition)."""
        _put(self.resources, resource, self.resources.get(source, ABSENT), undo)

    def remember_association(
        self, association_id: str, instance: str, profile: str | None, undo: StateUndo | None = None
    ) -> None:
        _put(self.associations, association_id, (instance, profile), undo)

    def association(self, association_id: str) -> tuple[str, str | None] | None:
        return self.associations.get(association_id)

    def _template_id(
        self, account: str, region: str, template_id: str | None, name: str | None
    ) -> str | None:
        if template_id:
            return template_id
        return self.launch_template_names.get(f"{account}/{region}/{name}") if name else None

    def template_profile(
        self, account: str, region: str, template_id: str | None, name: str | None, version: str | None
    ) -> tuple[bool, str | None]:
        """(known, instance profile key) of a launch template version: (False, None) for a
        template or version tagwarden did not see made."""
        found = self._template_id(account, region, template_id, name)
        held = self.launch_templates.get(f"{account}/{region}/{found}") if found else None
        return held.profile(version) if held is not None else (False, None)

    def template_profiles(
        self, account: str, region: str, template_id: str | None, name: str | None
    ) -> set[str]:
        """The profiles of every version of a template known."""
        found = self._template_id(account, region, template_id, name)
        held = self.launch_templates.get(f"{account}/{region}/{found}") if found else None
        return {p for _, p in held.versions if p and p != PROFILE_NOT_KNOWN} if held is not None else set()

    def learn_template(self, update: TemplateUpdate, undo: StateUndo | None = None) -> None:
        ref = update.template
        found = self._template_id(ref.account, ref.region, ref.template_id, ref.name)
        if found is None:
            return
        key = f"{ref.account}/{ref.region}/{found}"
        held = self.launch_templates.get(key)
        if update.removed:
            name = ref.name or (held.name if held is not None else None)
            name_key = f"{ref.account}/{ref.region}/{name}"
            _put(self.launch_templates, key, ABSENT, undo)
            if name and self.launch_template_names.get(name_key) == found:
                _put(self.launch_template_names, name_key, ABSENT, undo)
            return
        if update.created or held is None:
            held = LaunchTemplateVersions(ref.name, complete=update.created)
        _put(self.launch_templates, key, held.learned(update), undo)
        if ref.name:
            _put(self.launch_template_names, f"{ref.account}/{ref.region}/{ref.name}", found, undo)
