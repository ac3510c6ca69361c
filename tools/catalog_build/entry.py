"""One catalogued operation, as the builder finds it and as catalog.json stores it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    event_source: str
    event_name: str
    model: str  # botocore service name
    effect: str  # add | remove | replace | remove_all | create | update
    tags: tuple[str, ...] = ()  # members holding tags with values (model casing)
    shape: str = ""  # the shape code of the first tags member (see tagmembers)
    removes: tuple[str, ...] = ()  # members naming keys to remove
    target: tuple[str, ...] = ()  # request members naming the target
    target_kind: str = ""  # arn | id | name | url, "list:" prefixed for lists; "" if none
    response: tuple[str, ...] = ()  # responseElements members naming a created target
    arn: str | None = None  # template for ids: {id}, {partition}, {region}, {account}, {member}
    resource_type: str = "resource"
    type_member: str | None = None  # request member giving the resource type (SSM, Route 53)
    handler: str = "generic"
    aliases: tuple[str, ...] = ()  # further eventNames CloudTrail logs (Lambda's versioned names)
    principal: bool = False  # the target is an IAM principal
    arn_by_type: tuple[tuple[str, str], ...] = ()  # (type member value, template)
    arn_by_prefix: tuple[tuple[str, str], ...] = ()  # (id prefix, template)
    arn_by_member: tuple[tuple[str, str], ...] = ()  # (target member, template or "")
    id_pattern: str | None = None  # ids a template can make an ARN of
    match: tuple[str, ...] = ()  # members a batch create's request and response elements share
    lowercase: bool = False  # the service stores the request's name or id in lower case
    how: str = ""  # how the target's ARN is derived (see docs/catalog.md), for the report

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"src": self.event_source, "op": self.event_name, "model": self.model}
        data["effect"] = self.effect
        optional: dict[str, Any] = {
            "tags": list(self.tags),
            "shape": self.shape,
            "removes": list(self.removes),
            "target": list(self.target),
            "kind": self.target_kind,
            "response": list(self.response),
            "arn": self.arn,
            "type": self.resource_type if self.resource_type != "resource" else None,
            "type_member": self.type_member,
            "handler": self.handler if self.handler != "generic" else None,
            "aliases": list(self.aliases),
            "principal": self.principal or None,
            "arn_by_type": dict(self.arn_by_type),
            "arn_by_prefix": dict(self.arn_by_prefix),
            "arn_by_member": dict(self.arn_by_member),
            "id_pattern": self.id_pattern,
            "match": list(self.match),
            "lowercase": self.lowercase or None,
            "how": self.how,
        }
        data.update({key: value for key, value in optional.items() if value})
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CatalogEntry:
        return cls(
            event_source=data["src"],
            event_name=data["op"],
            model=data.get("model", ""),
            effect=data["effect"],
            tags=tuple(data.get("tags", ())),
            shape=data.get("shape", ""),
            removes=tuple(data.get("removes", ())),
            target=tuple(data.get("target", ())),
            target_kind=data.get("kind", ""),
            response=tuple(data.get("response", ())),
            arn=data.get("arn"),
            resource_type=data.get("type") or "resource",
            type_member=data.get("type_member"),
            handler=data.get("handler") or "generic",
            aliases=tuple(data.get("aliases", ())),
            principal=bool(data.get("principal")),
            arn_by_type=tuple((data.get("arn_by_type") or {}).items()),
            arn_by_prefix=tuple((data.get("arn_by_prefix") or {}).items()),
            arn_by_member=tuple((data.get("arn_by_member") or {}).items()),
            id_pattern=data.get("id_pattern"),
            match=tuple(data.get("match", ())),
            lowercase=bool(data.get("lowercase")),
            how=data.get("how", ""),
        )
