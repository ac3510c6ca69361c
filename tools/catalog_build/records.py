"""CloudTrail-shaped records made from the service models, one per catalogued operation.

Each record carries known tags (or keys) in the tag member's model shape and a known target, in
one of two casings: the model's own (``Tags``, ``Key``/``Value``) or CloudTrail's usual
lowerCamelCase (``tags``, ``key``/``value``, EC2's ``tagSpecificationSet.items``). The coverage
check runs each through the normalizer and says, for every operation, whether it found the
target and exactly those tags, and if not, why.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from tools.catalog_build.entry import CatalogEntry
from tools.catalog_build.models import ServiceModel

TAGS = {"team": "alpha", "cost-center": "CC 42=ops"}
KEYS = ("team", "owner")
ACCOUNT = "123456789012"
REGION = "us-east-1"
TARGET_ID = "example-target-1"
EC2_INSTANCE = "i-0123456789abcdef0"
CASINGS = ("cloudtrail", "model")
_SHAPE = re.compile(r"^list\[(\w+)(?:,(\w+))?\]$")


def lower_camel(name: str) -> str:
    return name[:1].lower() + name[1:]


@dataclass(frozen=True, slots=True)
class Expectation:
    target: str | None  # the exact target, or None where only ``contains`` is known
    contains: str  # what the target must contain (the id or name given)
    tags: dict[str, str]
    removed: tuple[str, ...]


def _name(name: str, casing: str) -> str:
    return lower_camel(name) if casing == "cloudtrail" else name


def _set_path(obj: dict[str, Any], path: str, value: Any, casing: str) -> None:
    parts = path.split(".")
    for part in parts[:-1]:
        obj = obj.setdefault(_name(part, casing), {})
    obj[_name(parts[-1], casing)] = value


def tag_value(shape: str, casing: str, removing: bool, extras: dict[str, str] | None = None) -> Any:
    """Known tags, or keys when ``removing``, in one shape code and casing."""
    if shape.startswith("wrap["):
        wrapper, inner = shape[5:].split("]:", 1)
        return {_name(wrapper, casing): tag_value(inner, casing, removing, extras)}
    if shape == "map":
        return dict.fromkeys(KEYS, "") if removing else dict(TAGS)
    if shape == "keys":
        return list(KEYS)
    if shape == "string":
        return urlencode(dict.fromkeys(KEYS, "") if removing else TAGS)
    match = _SHAPE.match(shape)
    if match is None:
        raise ValueError(f"no record for tag shape {shape}")
    key, value = (_name(part, casing) if part else None for part in match.groups())
    items = dict.fromkeys(KEYS, "") if removing else TAGS
    pairs = []
    for item_key, item_value in items.items():
        pair: dict[str, Any] = {key: item_key} if key else {}
        if value and not removing:
            pair[value] = item_value
        pair.update({_name(k, casing): v for k, v in (extras or {}).items()})
        pairs.append(pair)
    return pairs


def _target_value(entry: CatalogEntry, kind: str) -> str:
    service = entry.event_source.split(".", 1)[0]
    if entry.event_source == "ec2.amazonaws.com":
        return EC2_INSTANCE
    if entry.arn_by_prefix and not kind.endswith("arn"):
        return entry.arn_by_prefix[0][0] + TARGET_ID
    if entry.id_pattern and not kind.endswith("arn"):
        return f"{TARGET_ID}-AbC123"  # a secret's name with its random suffix
    if kind.endswith("arn"):
        return f"arn:aws:{service}:{REGION}:{ACCOUNT}:{entry.resource_type}/{TARGET_ID}"
    if kind.endswith("url"):
        return f"https://{service}.{REGION}.amazonaws.com/{ACCOUNT}/{TARGET_ID}"
    return TARGET_ID


def _expected_target(value: str) -> tuple[str | None, str]:
    if value.startswith("arn:"):
        return value, value
    if value.startswith("https://"):
        return None, value.rsplit("/", 1)[-1]
    return None, value


def make_record(
    entry: CatalogEntry, model: ServiceModel, casing: str
) -> tuple[dict[str, Any], Expectation | None]:
    """The record, and what the normalizer should find in it (None: no target can be known)."""
    params: dict[str, Any] = {}
    response: dict[str, Any] = {}
    removing = entry.effect in ("remove", "remove_all")
    members = entry.removes if removing else entry.tags
    extras = (
        {"ResourceId": TARGET_ID, "ResourceType": "auto-scaling-group"}
        if "ResourceId" in _pair_members(entry, model)
        else None
    )
    if entry.handler == "tag_specifications":
        return _tag_specification_record(entry, casing)
    for path in members[:1]:
        _set_path(params, path, tag_value(entry.shape, casing, removing, extras), casing)
    for path in entry.removes[:1] if not removing else ():
        _set_path(params, path, list(KEYS), casing)
    expectation: Expectation | None = None
    if entry.target and entry.target_kind != "arn":
        value = _target_value(entry, entry.target_kind)
        listed = entry.target_kind.startswith("list:")
        _set_path(params, entry.target[0], [value] if listed else value, casing)
    if extras:
        expectation = Expectation(None, TARGET_ID, {}, ())
    elif entry.response:
        by_arn = entry.target_kind == "arn" or entry.response[0].casefold().endswith("arn")
        value = _target_value(entry, "arn" if by_arn else "id")
        _set_path(response, entry.response[0], value, "cloudtrail" if casing == "cloudtrail" else "model")
        expectation = Expectation(*_expected_target(value), {}, ())
    elif entry.target:
        value = _target_value(entry, entry.target_kind)
        given: Any = [value] if entry.target_kind.startswith("list:") else value
        _set_path(params, entry.target[0], given, casing)
        expectation = Expectation(*_expected_target(value), {}, ())
    if entry.type_member:
        given_type = entry.arn_by_type[0][0] if entry.arn_by_type else entry.resource_type
        _set_path(params, entry.type_member, given_type, casing)
    for name in sorted(model.required_inputs(entry.event_name)):
        ref = model.input_members(entry.event_name)[name]
        if _name(name, casing) not in params and model.shape(ref["shape"]).get("type") == "string":
            params[_name(name, casing)] = TARGET_ID
    record = _envelope(entry, params, response or None)
    if expectation is None:
        return record, None
    tags = {} if removing or entry.effect == "remove_all" else dict(TAGS)
    removed = KEYS if entry.removes and entry.effect != "remove_all" else ()
    return record, Expectation(expectation.target, expectation.contains, tags, removed)


def _pair_members(entry: CatalogEntry, model: ServiceModel) -> set[str]:
    path = (entry.removes if entry.effect == "remove" else entry.tags)[:1]
    if not path or "." in path[0] or not entry.shape.startswith("list["):
        return set()
    ref = model.input_members(entry.event_name).get(path[0])
    if ref is None:
        return set()
    element = model.shape(ref["shape"]).get("member", {}).get("shape")
    return set(model.shape(element).get("members", {})) if element else set()


def _tag_specification_record(entry: CatalogEntry, casing: str) -> tuple[dict[str, Any], Expectation | None]:
    tags = tag_value("list[Key,Value]", casing, False)
    if casing == "cloudtrail":
        params: dict[str, Any] = {
            "tagSpecificationSet": {"items": [{"resourceType": "instance", "tags": tags}]}
        }
    else:
        params = {entry.tags[0]: [{"ResourceType": "instance", "Tags": tags}]}
    if entry.event_source != "ec2.amazonaws.com":
        return _envelope(entry, params, None), None
    response = {"instancesSet": {"items": [{"instanceId": EC2_INSTANCE}]}}
    target = f"arn:aws:ec2:{REGION}:{ACCOUNT}:instance/{EC2_INSTANCE}"
    return _envelope(entry, params, response), Expectation(target, EC2_INSTANCE, dict(TAGS), ())


def _envelope(entry: CatalogEntry, params: dict[str, Any], response: dict[str, Any] | None) -> dict[str, Any]:
    return {
        "eventVersion": "1.09",
        "eventID": f"generated-{entry.event_source}-{entry.event_name}",
        "eventTime": "2024-01-01T00:00:00Z",
        "eventSource": entry.event_source,
        "eventName": entry.aliases[0] if entry.aliases else entry.event_name,
        "awsRegion": REGION,
        "recipientAccountId": ACCOUNT,
        "userIdentity": {
            "type": "IAMUser",
            "arn": f"arn:aws:iam::{ACCOUNT}:user/tester",
            "accountId": ACCOUNT,
        },
        "requestParameters": params,
        "responseElements": response,
    }
