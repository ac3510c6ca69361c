"""What a tag-writing operation does, as data the normalizer interprets.

One ``OperationSpec`` per (eventSource, eventName). The normalizer has no function per
service: it reads the spec's member paths and effect, and a handful of shape handlers cover
the calls whose targets are not a request member (EC2 tag specifications, STS sessions).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from tagwarden.core.model.change import TargetKind
from tagwarden.core.model.tags import tag_ci


class Effect(StrEnum):
    ADD = "add"  # sets or overwrites the keys given
    REMOVE = "remove"  # removes the keys given
    REPLACE = "replace"  # the keys given become the whole tag set
    REMOVE_ALL = "remove_all"  # removes every tag
    CREATE = "create"  # tags given when the target is created
    UPDATE = "update"  # an Update*/Modify* call that also sets tags
    SESSION = "session"  # session tags passed to STS


class Handler(StrEnum):
    GENERIC = "generic"
    TAG_SPECIFICATIONS = "tag_specifications"  # [{ResourceType, Tags}], created ids in the response
    PER_TAG_TARGET = "per_tag_target"  # each tag names its own target (Auto Scaling)
    STS_SESSION = "sts_session"


@dataclass(frozen=True, slots=True)
class TargetRule:
    """Where the target is and how to make an ARN of it.

    ``members`` are dotted paths into requestParameters, tried in order; ``response_members``
    paths into responseElements (for created resources). A value that is an ARN is used as is;
    otherwise ``arn_template`` formats it, with ``{id}`` the value, ``{partition}``,
    ``{region}``, ``{account}`` from the record, ``{id_path}`` the value without a leading
    slash (SSM parameter names) and ``{<member>}`` any top-level request member (lower-cased).
    ``id_kind == "ec2"`` builds EC2 ARNs from id prefixes, ``"sqs_url"`` SQS ARNs from queue
    URLs. An id that no template fits is an unresolved target ``<service>:<type>/<id>``, the
    type read from ``type_member`` where the request says it (SSM, Route 53).
    """

    members: tuple[str, ...] = ()
    response_members: tuple[str, ...] = ()
    arn_template: str | None = None
    id_kind: str | None = None
    resource_type: str = "resource"
    type_member: str | None = None
    service: str | None = None  # the service of the target, where it is not the caller's (Batch)
    # (type member value, casefolded; template): the format follows the request's type (SSM).
    type_templates: tuple[tuple[str, str], ...] = ()
    # (id prefix, template): the format follows the id's prefix (EFS fs-, fsap-).
    prefix_templates: tuple[tuple[str, str], ...] = ()
    # (member, template or ""): the format follows the member that named the target (classic
    # and v2 load balancers log under one eventSource); "" means no format fits that member.
    member_templates: tuple[tuple[str, str], ...] = ()
    # A regex an id must match for a template to make its ARN (a secret's name needs its suffix).
    id_pattern: str | None = None
    # Members a batch create's request element and the response element it became share
    # (WorkSpaces CreateWorkspaces: DirectoryId, UserName, BundleId): an element's tags go to the
    # one response element whose values of these equal its own (see handlers._per_element).
    element_keys: tuple[str, ...] = ()
    # The service keeps the name or id in lower case, as its ARN holds it (ElastiCache, Glue).
    lowercase: bool = False


@dataclass(frozen=True, slots=True)
class OperationSpec:
    """``tags`` are the members giving tags with values, tried in order; ``removes`` the members
    naming keys to remove. A call may have both (Route 53 ChangeTagsForResource). ``also`` are
    further tag members of the same call that tag other targets (Batch's compute resources)."""

    event_source: str
    event_name: str
    effect: Effect
    tags: tuple[str, ...]
    target: TargetRule
    target_kind: TargetKind = "resource"
    handler: Handler = Handler.GENERIC
    # A removal call with no key list removes every tag (EC2 DeleteTags).
    empty_removes_all: bool = False
    # A key given with a value is removed only if it holds that value (EC2 DeleteTags).
    removes_if_value: bool = False
    removes: tuple[str, ...] = ()
    also: tuple[OperationSpec, ...] = ()

    @property
    def key(self) -> tuple[str, str]:
        return (self.event_source, self.event_name)


def _member(obj: dict[str, Any], name: str) -> Any:
    """``obj[name]``, matching the name case-insensitively where the exact one is absent:
    CloudTrail logs lowerCamelCase where the service model says UpperCamelCase. A member bound to
    the request's URI may be logged under the name the URI gives it (``resource-arn`` for
    ``ResourceArn``), which is the member's name with hyphens or underscores between its words."""
    found = tag_ci(obj, name)
    if found is not None:
        return found
    folded = name.casefold()
    for key, value in obj.items():
        if ("-" in key or "_" in key) and key.replace("-", "").replace("_", "").casefold() == folded:
            return value
    return None


def _walk(obj: Any, path: str) -> list[Any]:
    """The values at a dotted path; lists met on the way are mapped over, the last level is not."""
    current: list[Any] = [obj]
    for name in path.split("."):
        following: list[Any] = []
        for item in current:
            if isinstance(item, list):
                following.extend(_member(sub, name) for sub in item if isinstance(sub, dict))
            elif isinstance(item, dict):
                following.append(_member(item, name))
        current = [value for value in following if value is not None]
        if not current:
            break
    return current


def dig(obj: Any, path: str) -> Iterator[Any]:
    """Every value at a dotted path, lists flattened; missing paths yield nothing."""
    for value in _walk(obj, path):
        if isinstance(value, list):
            yield from (element for element in value if element is not None)
        else:
            yield value


def first_present(obj: Any, paths: tuple[str, ...]) -> tuple[str, Any] | None:
    """(path, value) of the first path present in ``obj`` (even if its value is empty)."""
    if not isinstance(obj, dict):
        return None
    for path in paths:
        found = _walk(obj, path)
        if found:
            return path, found[0] if len(found) == 1 else found
    return None
