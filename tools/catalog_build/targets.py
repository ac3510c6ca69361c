"""Which members name an operation's target, and how an id becomes an ARN."""

from __future__ import annotations

import re
from dataclasses import dataclass

from tools.catalog_build.iamdefs import ArnFormat, IamDefinitions
from tools.catalog_build.models import ServiceModel

# Members that name "the resource" whatever the service, best first.
RESOURCE_NAMES = (
    "resourcearn",
    "resourcearns",
    "resourcearnlist",
    "arn",
    "resource",
    "resourceid",
    "resourceids",
    "resourceidlist",
    "resourcename",
    "resourceidentifier",
    "resources",
)
_NOT_TARGETS = frozenset({"clienttoken", "dryrun", "resourcetype", "nexttoken", "idempotencytoken"})
_ID_SUFFIX = re.compile(r"(id|ids|name|names|identifier|arn|arns|arnlist|idlist|url)$")


@dataclass(frozen=True, slots=True)
class RequestTarget:
    member: str
    kind: str  # arn | id | name | url, with "list:" for a list of them


def strip_suffix(name: str) -> str:
    return _ID_SUFFIX.sub("", name.casefold())


def _kind(name: str, is_list: bool) -> str:
    folded = name.casefold()
    if "arn" in folded:
        kind = "arn"
    elif folded.endswith("url"):
        kind = "url"
    elif folded.endswith(("name", "names")):
        kind = "name"
    else:
        kind = "id"
    return f"list:{kind}" if is_list else kind


def _rank(name: str, noun: str, required: bool) -> int | None:
    folded = name.casefold()
    if folded in RESOURCE_NAMES:
        return RESOURCE_NAMES.index(folded)
    # Members optional only because another may name the target instead (Kinesis StreamName or
    # StreamARN) rank after the required ones.
    penalty = 0 if required else 30
    if folded.endswith(("arn", "arns", "arnlist")):
        return penalty + (20 if noun and folded.startswith(noun) else 21)
    if _ID_SUFFIX.search(folded):
        return penalty + (30 if noun and folded.startswith(noun) else 31)
    return 90 if required else None


def request_target(
    model: ServiceModel, operation: str, exclude: frozenset[str], noun: str
) -> RequestTarget | None:
    """The member that names the target of a call on an existing resource."""
    required = model.required_inputs(operation)
    best: tuple[int, str, bool] | None = None
    for name, ref in model.input_members(operation).items():
        if name in exclude or name.casefold() in _NOT_TARGETS:
            continue
        shape = model.shape(ref["shape"])
        element = shape["member"]["shape"] if shape.get("type") == "list" else None
        is_list = element is not None and model.shape(element).get("type") == "string"
        if shape.get("type") != "string" and not is_list:
            continue
        rank = _rank(name, noun, name in required)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, name, is_list)
    if best is None:
        return None
    return RequestTarget(best[1], _kind(best[1], best[2]))


def type_member(model: ServiceModel, operation: str) -> str | None:
    """A request member that says which kind of resource the id names (SSM, Route 53)."""
    for name in model.input_members(operation):
        if name.casefold() == "resourcetype" and name in model.required_inputs(operation):
            return name
    return None


def _variable_matches(variable: str, member: str) -> bool:
    return variable.casefold() == member.casefold() or strip_suffix(variable) == strip_suffix(member)


def arn_template(
    iam: IamDefinitions, model: ServiceModel, operation: str, member: str, noun: str
) -> tuple[str, str] | None:
    """(template, resource type) that makes an ARN of ``member``'s value, if one fits."""
    inputs = {name for name in model.input_members(operation) if name != member}
    stripped = strip_suffix(member)
    formats = iam.action_formats(model.iam_prefix, operation) + iam.formats(model.iam_prefix)
    for fmt in formats:
        found = _fit(fmt, member, stripped, noun, inputs)
        if found:
            return found, fmt.resource_type
    return None


def _fit(fmt: ArnFormat, member: str, stripped: str, noun: str, inputs: set[str]) -> str | None:
    variables = fmt.variables
    if not variables:
        return None
    id_variable = next((v for v in variables if _variable_matches(v, member)), None)
    type_name = fmt.resource_type.replace("-", "").replace("_", "").casefold()
    if id_variable is None and type_name in (stripped, noun) and stripped:
        id_variable = variables[-1]
    if id_variable is None:
        return None
    others: dict[str, str] = {}
    for variable in variables:
        if variable == id_variable:
            continue
        match = next((name for name in sorted(inputs) if _variable_matches(variable, name)), None)
        if match is None:
            return None
        others[variable] = match
    return fmt.template(id_variable, others)
