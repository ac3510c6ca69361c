"""Batch creates: which response element each request element became.

A call such as WorkSpaces ``CreateWorkspaces`` makes one resource per element of a required
request list, each element with its own tags. Its response lists the resources made
(``PendingRequests[]``), each with its id (``WorkspaceId``) and members that echo the request
element's required ones (``DirectoryId``, ``UserName``, ``BundleId``). Those members tie an
element to the resource it became; the normalizer puts an element's tags on it only where
exactly one response element matches (tagwarden/core/normalize/elements.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from tools.catalog_build.created import related
from tools.catalog_build.iamdefs import IamDefinitions
from tools.catalog_build.models import ServiceModel
from tools.catalog_build.targets import arn_template


@dataclass(frozen=True, slots=True)
class ElementTarget:
    response: str  # PendingRequests.WorkspaceId
    match: tuple[str, ...]  # DirectoryId, UserName, BundleId
    template: str
    resource_type: str


def _strings(model: ServiceModel, shape_name: str) -> dict[str, str]:
    """{casefolded name: name} of a structure's string members."""
    members = model.shape(shape_name).get("members", {})
    return {
        name.casefold(): name
        for name, ref in members.items()
        if model.shape(ref["shape"]).get("type") == "string"
    }


def _listed_structures(model: ServiceModel, shape_name: str) -> list[tuple[str, str]]:
    found = []
    for name, ref in model.shape(shape_name).get("members", {}).items():
        shape = model.shape(ref["shape"])
        if shape.get("type") == "list" and model.shape(shape["member"]["shape"]).get("type") == "structure":
            found.append((name, shape["member"]["shape"]))
    return found


def element_target(
    model: ServiceModel, iam: IamDefinitions, operation: str, element: str, noun: str
) -> ElementTarget | None:
    """Where the response names each element's resource, and how an element is matched to it."""
    output = model.output_shape(operation)
    if output is None:
        return None
    single = noun.removesuffix("s")
    required = [
        name
        for name in model.shape(element).get("required", [])
        if name.casefold() in _strings(model, element)
    ]
    for listed, inner in _listed_structures(model, output):
        answered = _strings(model, inner)
        ids = [name for name in answered.values() if name.casefold().endswith("id") and related(name, single)]
        match = tuple(name for name in required if name.casefold() in answered)
        if len(ids) != 1 or not match or ids[0] in match:
            continue
        fitted = arn_template(iam, model, operation, ids[0], single)
        if fitted is not None and "{id}" in fitted.template:
            return ElementTarget(f"{listed}.{ids[0]}", match, fitted.template, fitted.resource_type)
    return None
