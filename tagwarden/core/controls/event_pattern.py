"""EventBridge event patterns matched against events known only in part.

A pattern matches an event when every field it names matches; a field's list matches when any of
its values does; an event's array matches when any of its elements does; a field the event lacks
matches nothing but ``{"exists": false}``
(https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-event-patterns.html,
https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html).

Matching is three-valued: True, False, or None where the answer depends on what the event leaves
``UNKNOWN`` (present, value not known) or on an operator not evaluated here (numeric, cidr).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

UNKNOWN: Any = type("Unknown", (), {"__repr__": lambda self: "UNKNOWN"})()
MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()


class Partial(Mapping[str, Any]):
    """An event object of which some fields are known, some known to be absent, the rest UNKNOWN."""

    def __init__(self, known: Mapping[str, Any] | None = None, absent: frozenset[str] = frozenset()) -> None:
        self._known = dict(known or {})
        self._absent = absent

    def __getitem__(self, key: str) -> Any:
        if key in self._known:
            return self._known[key]
        return MISSING if key in self._absent else UNKNOWN

    def __iter__(self) -> Any:
        return iter(self._known)

    def __len__(self) -> int:
        return len(self._known)


def _and(left: bool | None, right: bool | None) -> bool | None:
    if left is False or right is False:
        return False
    return None if left is None or right is None else True


def _or(results: Any) -> bool | None:
    seen_unknown = False
    for result in results:
        if result is True:
            return True
        seen_unknown = seen_unknown or result is None
    return None if seen_unknown else False


def matches(pattern: Any, event: Mapping[str, Any]) -> bool | None:
    """Whether ``event`` matches ``pattern`` (a decoded event pattern)."""
    if not isinstance(pattern, Mapping):
        return None  # not a pattern EventBridge would take
    result: bool | None = True
    for key, rule in pattern.items():
        if key == "$or":
            found = _or(matches(branch, event) for branch in rule) if isinstance(rule, list) else None
        else:
            found = _field(rule, event.get(key, MISSING))
        result = _and(result, found)
        if result is False:
            return False
    return result


def _field(rule: Any, value: Any) -> bool | None:
    if isinstance(rule, Mapping):  # a nested pattern: the value must be an object matching it
        if value is UNKNOWN:
            return None
        return matches(rule, value) if isinstance(value, Mapping) else False
    if not isinstance(rule, list):
        return None
    if isinstance(value, list):
        if not value:
            return _or(_value(item, MISSING) for item in rule)
        return _or(_value(item, element) for item in rule for element in value)
    return _or(_value(item, value) for item in rule)


def _value(item: Any, value: Any) -> bool | None:
    """One value of a field's list against one value of the event."""
    if isinstance(item, Mapping) and len(item) == 1:
        ((operator, operand),) = item.items()
        if operator == "exists":
            return (value is not MISSING) == bool(operand) if value is not UNKNOWN else bool(operand)
        if value is MISSING:
            return False
        if value is UNKNOWN:
            return None
        if operator == "anything-but":
            inner = _anything_but(operand, value)
            return None if inner is None else not inner
        return _operator(operator, operand, value)
    if isinstance(item, (Mapping, list)):
        return None
    if value is MISSING:
        return False
    if value is UNKNOWN:
        return None
    same_type = type(item) is type(value) or (_number(item) and _number(value))
    return same_type and item == value


def _number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _anything_but(operand: Any, value: Any) -> bool | None:
    """Whether ``value`` is one of what anything-but excludes."""
    if isinstance(operand, list):
        return _or(_value(item, value) for item in operand)
    if isinstance(operand, Mapping) and len(operand) == 1:
        ((operator, inner),) = operand.items()
        if isinstance(inner, list):
            return _or(_operator(operator, one, value) for one in inner)
        return _operator(operator, inner, value)
    return _value(operand, value)


def _operator(operator: str, operand: Any, value: Any) -> bool | None:
    if operator in ("numeric", "cidr"):
        return None
    if not isinstance(value, str):
        return False if operator in ("prefix", "suffix", "equals-ignore-case", "wildcard") else None
    fold = isinstance(operand, Mapping) and set(operand) == {"equals-ignore-case"}
    text = operand["equals-ignore-case"] if fold else operand
    if not isinstance(text, str):
        return None
    subject, text = (value.casefold(), text.casefold()) if fold else (value, text)
    if operator == "prefix":
        return subject.startswith(text)
    if operator == "suffix":
        return subject.endswith(text)
    if operator == "equals-ignore-case":
        return value.casefold() == text.casefold()
    if operator == "wildcard":
        return _wildcard_matches(text, value)
    return None


_STAR = object()


@lru_cache(maxsize=1024)
def _wildcard_tokens(text: str) -> tuple[object, ...]:
    """``*`` matches any run of characters; ``\\*`` is a literal star. Read once per pattern, not
    once per event it is matched against."""
    tokens: list[object] = []
    index = 0
    while index < len(text):
        if text.startswith("\\*", index):
            tokens.append("*")
            index += 2
        else:
            tokens.append(_STAR if text[index] == "*" else text[index])
            index += 1
    return tuple(tokens)


def _wildcard_matches(text: str, value: str) -> bool:
    """Glob matching by the two-pointer walk, at most len(text) * len(value) steps: a pattern from
    a record (anyone's PutRule) must not backtrack exponentially, as ``.*a.*a.*b`` would in re."""
    tokens = _wildcard_tokens(text)
    t = v = 0
    star, resume = -1, 0
    while v < len(value):
        if t < len(tokens) and tokens[t] is not _STAR and tokens[t] == value[v]:
            t, v = t + 1, v + 1
        elif t < len(tokens) and tokens[t] is _STAR:
            star, resume = t, v
            t += 1
        elif star >= 0:
            resume += 1
            t, v = star + 1, resume
        else:
            return False
    while t < len(tokens) and tokens[t] is _STAR:
        t += 1
    return t == len(tokens)
