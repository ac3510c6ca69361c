"""Tags in every shape CloudTrail logs them.

CloudTrail logs request parameters in the service's wire casing, not the model's: a list of
``{"key", "value"}`` pairs, or ``{"Key", "Value"}``, ``{"tagKey", "tagValue"}`` (KMS), a plain
map, a map or list under a wrapper (``tagSet.items``, ``tags.items``, ``Tagging.TagSet.Tag``
as one object or a list), a URL-encoded ``k1=v1&k2=v2`` string, or the literal
``HIDDEN_DUE_TO_SECURITY_REASONS`` in place of a value, a key or the whole member.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS"

_KEY_MEMBERS = frozenset({"key", "tagkey", "k"})
_VALUE_MEMBERS = frozenset({"value", "tagvalue", "v"})
_WRAPPERS = frozenset({"items", "item", "tag", "tags", "tagset", "member", "entries", "taglist"})
# Members that may stand beside key and value in one tag (Auto Scaling's tags carry their target).
_PAIR_EXTRAS = frozenset({"propagateatlaunch", "resourceid", "resourcetype"})


class ShapeError(ValueError):
    """The member is not tags in any shape tagwarden knows."""


@dataclass(slots=True)
class TagRead:
    tags: dict[str, str | None] = field(default_factory=dict)
    keys_hidden: bool = False


def _scalar(value: Any) -> str | None:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (str, int, float)):
        text = str(value)
        return None if text == HIDDEN else text
    raise ShapeError(f"a tag value is {type(value).__name__}, expected a string")


def _unwrap(value: dict[str, Any]) -> Any | None:
    """The wrapped container of a wrapper object, or None if ``value`` is not one."""
    for name, inner in value.items():
        if name.casefold() in _WRAPPERS and isinstance(inner, (list, dict)):
            return inner
    return None


def _pair(element: dict[str, Any]) -> tuple[str | None, Any, bool]:
    """(key, value, has_value) of a ``{"key": ..., "value": ...}`` element in any casing."""
    key: str | None = None
    value: Any = None
    has_value = False
    for name, item in element.items():
        folded = name.casefold()
        if folded in _KEY_MEMBERS:
            if not isinstance(item, str):
                raise ShapeError(f"a tag key is {type(item).__name__}, expected a string")
            key = item
        elif folded in _VALUE_MEMBERS:
            value, has_value = item, True
    return key, value, has_value


def _is_pair_object(value: dict[str, Any]) -> bool:
    allowed = _KEY_MEMBERS | _VALUE_MEMBERS | _PAIR_EXTRAS
    return all(name.casefold() in allowed for name in value)


def read_tags(value: Any, depth: int = 0) -> TagRead:
    """Keys and values of a tag member; a hidden value reads as None."""
    if depth > 4:
        raise ShapeError("tags nested too deep")
    result = TagRead()
    if value is None:
        return result
    if isinstance(value, str):
        if value == HIDDEN:
            result.keys_hidden = True
            return result
        if not value.strip():
            return result
        if "=" not in value:
            raise ShapeError(f"a tag string {value[:40]!r} is not URL-encoded key=value pairs")
        for name, text in parse_qsl(value, keep_blank_values=True):
            _add(result, name, None if text == HIDDEN else text)
        return result
    if isinstance(value, dict):
        inner = _unwrap(value)
        if inner is not None:
            return read_tags(inner, depth + 1)
        pair_key, pair_value, has_value = _pair(value)
        if pair_key is not None and _is_pair_object(value):
            _add(result, pair_key, _scalar(pair_value) if has_value else "")
            return result
        for name, member in value.items():
            _add(result, name, _scalar(member))
        return result
    if isinstance(value, list):
        for element in value:
            if isinstance(element, dict):
                inner = _unwrap(element)
                if inner is not None and _pair(element)[0] is None:
                    nested = read_tags(inner, depth + 1)
                    result.keys_hidden |= nested.keys_hidden
                    for name, nested_value in nested.tags.items():
                        _add(result, name, nested_value)
                    continue
                pair_key, pair_value, has_value = _pair(element)
                if pair_key is None:
                    raise ShapeError("a tag in the list has no key member")
                _add(result, pair_key, _scalar(pair_value) if has_value else "")
            elif isinstance(element, str):
                raise ShapeError("a list of plain strings is a key list, not tags")
            else:
                raise ShapeError(f"a tag in the list is {type(element).__name__}, expected an object")
        return result
    raise ShapeError(f"tags are {type(value).__name__}, expected a list, an object or a string")


def _add(result: TagRead, key: str, value: str | None) -> None:
    if key == HIDDEN:
        result.keys_hidden = True
        return
    result.tags[key] = value


def read_tag_keys(value: Any, depth: int = 0) -> tuple[list[str], bool]:
    """(keys, keys_hidden) of a removal member: a key list, or tags whose keys are what counts."""
    if depth > 4:
        raise ShapeError("tag keys nested too deep")
    if value is None:
        return [], False
    if isinstance(value, str):
        if value == HIDDEN:
            return [], True
        if "=" in value or "&" in value:
            read = read_tags(value)
            return list(read.tags), read.keys_hidden
        return ([value] if value.strip() else []), False
    if isinstance(value, dict):
        inner = _unwrap(value)
        if inner is not None:
            return read_tag_keys(inner, depth + 1)
        read = read_tags(value)
        return list(read.tags), read.keys_hidden
    if isinstance(value, list):
        keys: list[str] = []
        hidden = False
        for element in value:
            if isinstance(element, str):
                if element == HIDDEN:
                    hidden = True
                else:
                    keys.append(element)
            elif isinstance(element, dict):
                inner_keys, inner_hidden = read_tag_keys(element, depth + 1)
                keys.extend(inner_keys)
                hidden |= inner_hidden
            else:
                raise ShapeError(f"a tag key is {type(element).__name__}, expected a string")
        return keys, hidden
    raise ShapeError(f"tag keys are {type(value).__name__}, expected a list or a string")


def read_removal_values(value: Any, depth: int = 0) -> dict[str, str]:
    """The keys of a removal member given with a value, and that value: an element with no value
    member names its key alone (a hidden value counts as none)."""
    if depth > 4:
        raise ShapeError("tag keys nested too deep")
    if isinstance(value, dict):
        inner = _unwrap(value)
        if inner is not None:
            return read_removal_values(inner, depth + 1)
        value = [value]
    found: dict[str, str] = {}
    if not isinstance(value, list):
        return found
    for element in value:
        if not isinstance(element, dict):
            continue
        if _unwrap(element) is not None and _pair(element)[0] is None:
            found.update(read_removal_values(element, depth + 1))
            continue
        key, given, has_value = _pair(element)
        text = _scalar(given) if has_value and given is not None else None
        if key is not None and key != HIDDEN and text is not None:
            found[key] = text
    return found
