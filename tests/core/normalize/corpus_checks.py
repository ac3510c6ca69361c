"""What the documented and held-out corpus tests share: how a change is compared with what a
record's entry expects, and which operations an API reference link may name."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import botocore.session

from tagwarden.core.model import TagChange

_API_LINK = re.compile(r"https://docs\.aws\.amazon\.com/goto/WebAPI/([^/]+)/(\w+)$")


def change_matches(change: TagChange, expected: dict[str, Any]) -> bool:
    """The change is the one ``expected`` describes: its target (exact, or unresolved and naming
    ``target_contains``), its target kind, the tags it sets and the keys it removes."""
    if change.target_kind != expected["target_kind"]:
        return False
    if "target" in expected and change.target != expected["target"]:
        return False
    if "target_contains" in expected and (
        expected["target_contains"] not in change.target or change.target.startswith("arn:")
    ):
        return False
    return change.set == expected["set"] and list(change.removed) == expected["removed"]


@cache
def _operations() -> dict[str, frozenset[str]]:
    loader = botocore.session.get_session().get_component("data_loader")
    operations: dict[str, frozenset[str]] = {}
    for service in loader.list_available_services("service-2"):
        model = loader.load_service_model(service, "service-2")
        operations[str(model["metadata"].get("uid"))] = frozenset(model["operations"])
    return operations


def api_link(source: str) -> tuple[str, str] | None:
    """(service uid, operation) of a ``goto/WebAPI`` link, or None for another kind of link."""
    match = _API_LINK.match(source)
    return (match.group(1), match.group(2)) if match else None


def unknown_operations(sources: list[str]) -> list[str]:
    """The API reference links among ``sources`` that name no operation botocore knows."""
    links = [(source, api_link(source)) for source in sources]
    return [source for source, link in links if link and link[1] not in _operations().get(link[0], ())]
