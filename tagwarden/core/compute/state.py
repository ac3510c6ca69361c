"""What tagwarden knows of which role each compute resource runs as: plain in-memory data.

Instance profile → role comes from IAM (fetched by the app with a time-to-live) and is kept
current by CreateInstanceProfile / AddRoleToInstanceProfile / RemoveRoleFromInstanceProfile
events; resource → role and association id → instance are learned from the events themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from tagwarden.core.arn import canonical_principal

PROFILE_NOT_KNOWN = "?"  # what a profile lookup returns where IAM cannot tell (other account, denied)
_ABSENT = object()
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
            if table.get(key, _ABSENT) == after:
                if before is _ABSENT:
                    table.pop(key, None)
                else:
                    table[key] = before
        self.changed.clear()


def _put(table: dict[str, Any], key: str, value: object, undo: StateUndo | None) -> None:
    before = table.pop(key, _ABSENT)
    if value is not _ABSENT:
        table[key] = value  # last, as the most recently written
        if len(table) > MAX_ENTRIES:
            del table[next(iter(table))]
    if undo is not None:
        undo.changed.append((table, key, before, value))


@dataclass
class ComputeIdentityState:
    """``profiles`` maps a profile key to its role ARN (None: known to hold no role); a key that is
    absent is unknown. ``resources`` maps a compute resource (or ECS family) to the role ARN it
    runs as, or to a profile key prefixed ``profile:``; ``associations`` an EC2 association id to
    its instance ARN and profile key."""

    profiles: dict[str, str | None] = field(default_factory=dict)
    resources: dict[str, str] = field(default_factory=dict)
    associations: dict[str, tuple[str, str | None]] = field(default_factory=dict)

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
            _put(self.resources, resource, canonical_principal(role) if role else _ABSENT, undo)

    def copy_resource_role(self, resource: str, source: str, undo: StateUndo | None = None) -> None:
        """``resource`` runs as ``source`` does (a task run from a task definition)."""
        _put(self.resources, resource, self.resources.get(source, _ABSENT), undo)

    def remember_association(
        self, association_id: str, instance: str, profile: str | None, undo: StateUndo | None = None
    ) -> None:
        _put(self.associations, association_id, (instance, profile), undo)

    def association(self, association_id: str) -> tuple[str, str | None] | None:
        return self.associations.get(association_id)
