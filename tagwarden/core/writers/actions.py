"""Which IAM actions write a resource's tags, by the resource's ARN.

Read from the catalog of tag-writing operations (tagwarden/normalize/catalog.json, made from
botocore's models): for a service, the calls that add or replace tags, and those that remove
them, preferring the calls typed for the ARN's resource type (``PutBucketTagging`` for a bucket,
not ``PutObjectTagging``) together with the untyped ones (``s3:TagResource``). The tagging API
(``tag:TagResources``) needs the service's own action as well, so probing that is enough.
Where the catalog knows nothing, ``<service>:TagResource`` and ``<service>:UntagResource``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from tagwarden.core.arn import parse_arn
from tagwarden.core.writers.grants import TagActionSet

ADDING = frozenset({"add", "replace"})
REMOVING = frozenset({"remove", "remove_all", "replace"})
_SUFFIX = ".amazonaws.com"


def _norm(name: str) -> str:
    return name.replace("-", "").replace("_", "").casefold()


def arn_type(arn: str) -> tuple[str, str]:
    """(service, resource type) of an ARN: ("s3", "bucket"), ("ec2", "instance"), ("sqs", "")."""
    parsed = parse_arn(arn)
    if parsed is None:
        return "", ""
    service, resource = parsed.service, parsed.resource
    if service == "s3" and "/" not in resource:
        return service, "bucket"
    for position, char in enumerate(resource):
        if char in "/:":
            return service, resource[:position]
    return service, ""


@dataclass(frozen=True, slots=True)
class _Operation:
    action: str
    type: str  # normalized; "" when the catalog gives none
    effect: str


@dataclass
class TagActions:
    by_service: Mapping[str, tuple[_Operation, ...]] = field(default_factory=dict)
    _cache: dict[tuple[str, str], TagActionSet] = field(default_factory=dict)

    def for_type(self, service: str, kind: str) -> TagActionSet:
        """The actions that set and remove a tag on resources of that type."""
        cached = self._cache.get((service, kind))
        if cached is not None:
            return cached
        operations = self.by_service.get(service, ())
        wanted = _norm(kind)
        typed = [op for op in operations if op.type and op.type == wanted]
        untyped = [op for op in operations if not op.type]
        chosen = typed + untyped if typed or untyped else list(operations)
        add = tuple(sorted({op.action for op in chosen if op.effect in ADDING}))
        remove = tuple(sorted({op.action for op in chosen if op.effect in REMOVING}))
        result = TagActionSet(
            add or (f"{service}:TagResource",),
            remove or (f"{service}:UntagResource",),
            replace=frozenset(op.action for op in chosen if op.effect == "replace"),
            remove_all=frozenset(op.action for op in chosen if op.effect == "remove_all"),
        )
        self._cache[(service, kind)] = result
        return result


def tag_actions(operations: Iterable[Mapping[str, Any]]) -> TagActions:
    """The table from catalog entries (``src``, ``op``, ``effect``, ``type``)."""
    by_service: dict[str, list[_Operation]] = {}
    for entry in operations:
        source, effect = str(entry.get("src", "")), str(entry.get("effect", ""))
        if not source.endswith(_SUFFIX) or not (effect in ADDING or effect in REMOVING):
            continue
        service = source[: -len(_SUFFIX)]
        operation = _Operation(f"{service}:{entry['op']}", _norm(str(entry.get("type") or "")), effect)
        by_service.setdefault(service, []).append(operation)
    return TagActions({service: tuple(ops) for service, ops in by_service.items()})
