"""The compute state as the store keeps it, so that a restart or another replica knows what the
events taught: each table's entries as JSON text by (kind, key), the keys judging a unit's records
reads, and the entries a unit changed. Pure: the app moves the text between the state and the store.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from tagwarden.core.compute.model import ComputeRead, RoleGrant, TemplateRef
from tagwarden.core.compute.state import (
    ABSENT,
    ComputeIdentityState,
    LaunchTemplateVersions,
    StateUndo,
    profile_key,
)

Entry = tuple[str, str]  # (kind: the state's table, key)
# The state's tables, as the store names them. Profiles are also learned from IAM (at start, and
# at first need), which the store does not keep: one the store lacks is left as the state has it.
KINDS = ("profiles", "resources", "associations", "launch_templates", "launch_template_names")
# Entries of these are many (every task run is a resource) and forgotten with the store's
# bookkeeping; templates and profiles are few, and kept until an event removes them.
FORGOTTEN_KINDS = ("resources", "associations")


def encode(kind: str, value: Any) -> str:
    if kind == "launch_templates":
        held: LaunchTemplateVersions = value
        value = {
            "name": held.name,
            "versions": [list(pair) for pair in held.versions],
            "default": held.default,
            "latest": held.latest,
            "complete": held.complete,
        }
    return json.dumps(value, sort_keys=True)


def decode(kind: str, text: str) -> Any:
    value = json.loads(text)
    if kind == "launch_templates":
        versions = tuple((int(number), profile) for number, profile in value["versions"])
        return LaunchTemplateVersions(
            value["name"], versions, value["default"], value["latest"], bool(value["complete"])
        )
    if kind == "associations":
        return (value[0], value[1])
    return value


def wanted(reads: Iterable[ComputeRead], state: ComputeIdentityState) -> set[Entry]:
    """The entries judging ``reads`` may read, as far as the state tells now: load them, then ask
    again, until nothing new is wanted (a template's id is known once its name is loaded, and its
    versions' profiles once it is)."""
    keys: set[Entry] = set()
    for read in reads:
        for grant in read.grants:
            keys.update(_of_grant(grant, state))
        keys.update(("profiles", update.profile) for update in read.profile_updates)
        for template in read.template_updates:
            keys.update(_of_template(template.template, state))
    return keys


def _of_grant(grant: RoleGrant, state: ComputeIdentityState) -> Iterator[Entry]:
    if grant.profile:
        yield "profiles", grant.profile
    if grant.resource_kind == "instance profile":
        yield "profiles", profile_key(grant.ctx.account, grant.target)
    if grant.replaces_association:
        yield "associations", grant.replaces_association
        known = state.associations.get(grant.replaces_association)
        if known is not None and known[1]:
            yield "profiles", known[1]
    for resource in (grant.family, grant.role_from, grant.state_key or grant.target):
        if resource:
            yield "resources", resource
            held = state.resources.get(resource)
            if held is not None and held.startswith("profile:"):
                yield "profiles", held.removeprefix("profile:")
    for ref in (grant.template, grant.previous_template):
        if ref is not None:
            yield from _of_template(ref, state)


def _of_template(ref: TemplateRef, state: ComputeIdentityState) -> Iterator[Entry]:
    place = f"{ref.account}/{ref.region}"
    if ref.name:
        yield "launch_template_names", f"{place}/{ref.name}"
    found = ref.template_id or (state.launch_template_names.get(f"{place}/{ref.name}") if ref.name else None)
    if found:
        yield "launch_templates", f"{place}/{found}"
        held = state.launch_templates.get(f"{place}/{found}")
        if held is not None:
            yield from (("profiles", p) for _, p in held.versions if p)


def load(state: ComputeIdentityState, asked: Iterable[Entry], entries: Mapping[Entry, str]) -> None:
    """The store's entries into the state, which they replace: the store holds what every process
    learned. An entry asked for and not in the store is not known (but a profile: see KINDS)."""
    for kind, key in asked:
        table = getattr(state, kind)
        text = entries.get((kind, key))
        if text is not None:
            table.pop(key, None)
            table[key] = decode(kind, text)
        elif kind != "profiles":
            table.pop(key, None)


def changed(state: ComputeIdentityState, undo: StateUndo) -> dict[Entry, str | None]:
    """What a unit changed in the state, as the store keeps it (None: removed)."""
    kinds = {id(getattr(state, kind)): kind for kind in KINDS}
    out: dict[Entry, str | None] = {}
    for table, key, _before, after in undo.changed:
        kind = kinds.get(id(table))
        if kind is not None:
            out[(kind, key)] = None if after is ABSENT else encode(kind, after)
    return out
