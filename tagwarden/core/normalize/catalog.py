"""The generated catalog (catalog.json) as OperationSpecs.

The catalog is data committed beside this module and read once, on first use; see
docs/catalog.md for how it is made and why it is committed rather than built on the fly.
"""

from __future__ import annotations

import json
from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

from tagwarden.core.normalize.operations import Effect, Handler, OperationSpec, TargetRule

_REMOVING = (Effect.REMOVE, Effect.REMOVE_ALL)


def _target_rule(entry: dict[str, Any]) -> TargetRule:
    kind = str(entry.get("kind", ""))
    id_kind = None
    if entry["src"] == "ec2.amazonaws.com":
        id_kind = "ec2"
    elif entry["src"] == "sqs.amazonaws.com" and kind.endswith("url"):
        id_kind = "sqs_url"
    return TargetRule(
        members=tuple(entry.get("target", ())),
        response_members=tuple(entry.get("response", ())),
        arn_template=entry.get("arn"),
        id_kind=id_kind,
        resource_type=entry.get("type") or "resource",
        type_member=entry.get("type_member"),
        type_templates=_pairs(entry.get("arn_by_type"), fold=True),
        prefix_templates=_pairs(entry.get("arn_by_prefix")),
        member_templates=_pairs(entry.get("arn_by_member")),
        id_pattern=entry.get("id_pattern"),
        element_keys=tuple(entry.get("match", ())),
        lowercase=bool(entry.get("lowercase")),
    )


def _pairs(mapping: Any, fold: bool = False) -> tuple[tuple[str, str], ...]:
    """A catalog mapping as (key, template) pairs, longest key first (``fsap-`` before ``fs-``)."""
    if not isinstance(mapping, dict):
        return ()
    items = [(key.casefold() if fold else key, str(value or "")) for key, value in mapping.items()]
    return tuple(sorted(items, key=lambda item: (-len(item[0]), item[0])))


def spec_from_entry(entry: dict[str, Any]) -> list[OperationSpec]:
    """The specs of one catalog entry: one per eventName CloudTrail logs it under."""
    effect = Effect(entry["effect"])
    tags = tuple(entry.get("tags", ()))
    removes = tuple(entry.get("removes", ()))
    base = OperationSpec(
        event_source=entry["src"],
        event_name=entry["op"],
        effect=effect,
        tags=() if effect in _REMOVING else tags,
        target=_target_rule(entry),
        target_kind="principal" if entry.get("principal") else "resource",
        handler=Handler(entry.get("handler") or Handler.GENERIC),
        removes=removes,
    )
    names = (entry["op"], *entry.get("aliases", ()))
    return [_renamed(base, name) for name in names]


def _renamed(spec: OperationSpec, name: str) -> OperationSpec:
    return spec if name == spec.event_name else replace(spec, event_name=name)


@cache
def catalog_document() -> dict[str, Any]:
    text = resources.files("tagwarden.core.normalize").joinpath("catalog.json").read_text(encoding="utf-8")
    document: dict[str, Any] = json.loads(text)
    return document


@cache
def catalog_specs() -> tuple[OperationSpec, ...]:
    """Every catalogued operation, read from the packaged catalog.json once."""
    return tuple(spec for entry in catalog_document()["operations"] for spec in spec_from_entry(entry))
