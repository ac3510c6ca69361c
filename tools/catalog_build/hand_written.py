"""Create calls whose target a hand-written spec reads: catalogued with the spec's target.

The normalizer takes a hand-written spec's word over the catalog's (builtin_specs), so for such
a call the catalog entry's target is never read at run time. Writing the spec's target into the
entry keeps catalog.json and the spec saying one thing of the call, and the builder needs no table
of its own for calls whose request names another resource than the one made.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from tagwarden.core.normalize.builtin_specs import builtin_specs
from tagwarden.core.normalize.operations import OperationSpec
from tools.catalog_build.entry import CatalogEntry

HOW = "hand-written spec (tagwarden/core/normalize/builtin_specs.py)"


def with_spec_target(entry: CatalogEntry, spec: OperationSpec) -> CatalogEntry:
    rule = spec.target
    return replace(
        entry,
        target=rule.members,
        # A spec's member value is used as is where it is an ARN and formatted by the template
        # otherwise: what the catalog calls a target of kind "id".
        target_kind="id" if rule.members else "",
        response=rule.response_members,
        arn=rule.arn_template,
        resource_type=rule.resource_type,
        type_member=rule.type_member,
        arn_by_type=rule.type_templates,
        arn_by_prefix=rule.prefix_templates,
        arn_by_member=rule.member_templates,
        id_pattern=rule.id_pattern,
        match=rule.element_keys,
        lowercase=rule.lowercase,
        how=HOW,
    )


def with_hand_written_targets(entries: Iterable[CatalogEntry]) -> list[CatalogEntry]:
    """``entries``, each create call a hand-written spec reads taking that spec's target. Calls
    that tag an existing resource keep the builder's: the writers scan reads their type."""
    specs = {spec.key: spec for spec in builtin_specs()}
    return [
        with_spec_target(entry, specs[(entry.event_source, entry.event_name)])
        if entry.effect == "create" and (entry.event_source, entry.event_name) in specs
        else entry
        for entry in entries
    ]
