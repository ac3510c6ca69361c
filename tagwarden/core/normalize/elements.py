"""Batch creates whose request elements each carry their own tags (WorkSpaces CreateWorkspaces'
``Workspaces[].Tags``): which resource each element became.

The response lists the resources made (``PendingRequests[]``), each with members that echo its
request element's (``DirectoryId``, ``UserName``, ``BundleId``). An element's tags go to the one
response element whose values of those members equal its own, where that response element
matches no other request element. Where the catalog names no such members, a response list of
the request list's name (IoT FleetWise BatchCreateVehicle's ``vehicles[]``) is matched by the
names and ids that tell the request's elements apart (``vehicleName``), and the element's
resource is the one ARN of the caller's service in it. Any other element's tags go to an
unresolved target: seen, never put on a resource they may not be on.
"""

from __future__ import annotations

from typing import Any

from tagwarden.core.arn import is_arn, unresolved_target
from tagwarden.core.model.tags import tag_ci
from tagwarden.core.normalize.operations import Effect, OperationSpec, TargetRule, dig, first_present
from tagwarden.core.normalize.record_fields import RecordContext
from tagwarden.core.normalize.tagshapes import TagRead, read_tags
from tagwarden.core.normalize.targets import Target, resolve, target_type


def request_elements(spec: OperationSpec, params: dict[str, Any]) -> tuple[list[dict[str, Any]], str] | None:
    """(the request's list elements, the tags path through them) for a per-element tags path
    (``Workspaces.Tags``), or None where the call's tags are not read through a list."""
    if spec.effect is not Effect.CREATE:
        return None
    for path in spec.tags:
        parent = path.rpartition(".")[0]
        found = first_present(params, (parent,)) if parent else None
        if found is None:
            continue
        if not isinstance(found[1], list):
            return None
        return [element for element in found[1] if isinstance(element, dict)], path
    return None


def _same(request: dict[str, Any], answered: dict[str, Any], keys: tuple[str, ...]) -> bool:
    compared = 0
    for key in keys:
        asked, given = tag_ci(request, key), tag_ci(answered, key)
        if isinstance(asked, str) and isinstance(given, str):
            if asked != given:
                return False
            compared += 1
    return compared > 0


def _response_elements(rule: TargetRule, response: dict[str, Any] | None) -> tuple[list[dict[str, Any]], str]:
    if not rule.element_keys or not rule.response_members or not response:
        return [], ""
    parent, _, leaf = rule.response_members[0].rpartition(".")
    return [item for item in dig(response, parent) if isinstance(item, dict)], leaf


def _distinct_keys(elements: list[dict[str, Any]]) -> list[str]:
    """Names and ids every element has, each element's its own (``vehicleName``): a member all
    share (a directory id) says nothing of which element is which."""
    keys = []
    for key, value in elements[0].items() if elements else ():
        if not isinstance(value, str) or not key.casefold().endswith(("name", "id")):
            continue
        values = [element.get(key) for element in elements]
        if all(isinstance(item, str) and item for item in values) and len(set(values)) == len(values):
            keys.append(key)
    return keys


def _by_distinct_keys(
    elements: list[dict[str, Any]], answered: list[Any], ctx: RecordContext, unknown: Target
) -> list[Target]:
    """For each request element, the one ARN of the caller's service in the response element
    that echoes one of its distinct names or ids, else ``unknown``."""
    keys = [key.casefold() for key in _distinct_keys(elements)]
    folded = [
        {key.casefold(): value for key, value in item.items()} for item in answered if isinstance(item, dict)
    ]
    targets = []
    for element in elements:
        own = {key.casefold(): value for key, value in element.items()}
        match = next((item for item in folded if any(item.get(key) == own[key] for key in keys)), {})
        arns = [
            value
            for value in match.values()
            if isinstance(value, str) and is_arn(value) and value.split(":")[2] == ctx.service
        ]
        targets.append(Target(arns[0], True) if len(arns) == 1 else unknown)
    return targets


def element_targets(
    spec: OperationSpec,
    elements: list[dict[str, Any]],
    tags_path: str,
    response: dict[str, Any] | None,
    *,
    params: dict[str, Any],
    ctx: RecordContext,
) -> list[Target]:
    """The target of each request element: the matched response element's resource, else unresolved."""
    rule = spec.target
    unknown = Target(unresolved_target(rule.service or ctx.service, target_type(rule, params)), False)
    if not rule.element_keys:
        list_path = tags_path.rpartition(".")[0]
        return _by_distinct_keys(elements, list(dig(response or {}, list_path)), ctx, unknown)
    answered, leaf = _response_elements(rule, response)
    targets = []
    for element in elements:
        matches = [item for item in answered if _same(element, item, rule.element_keys)]
        made = tag_ci(matches[0], leaf) if len(matches) == 1 else None
        unique = (
            len(matches) == 1 and sum(_same(other, matches[0], rule.element_keys) for other in elements) == 1
        )
        if unique and isinstance(made, str) and made:
            targets.append(resolve(made, rule, params, ctx))
        else:
            targets.append(unknown)
    return targets


def element_reads(elements: list[dict[str, Any]], leaf: str) -> list[TagRead]:
    reads = []
    for element in elements:
        found = first_present(element, (leaf,))
        reads.append(read_tags(found[1]) if found is not None else TagRead())
    return reads
