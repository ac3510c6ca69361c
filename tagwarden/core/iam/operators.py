"""Condition operator names: the families, negation, ``IfExists`` and set qualifiers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

FOR_ALL: Final = "ForAllValues"
FOR_ANY: Final = "ForAnyValue"

NUMERIC_COMPARISONS: Final[dict[str, Callable[[float, float], bool]]] = {
    "equals": lambda a, b: a == b,
    "notequals": lambda a, b: a == b,  # negated afterwards
    "lessthan": lambda a, b: a < b,
    "lessthanequals": lambda a, b: a <= b,
    "greaterthan": lambda a, b: a > b,
    "greaterthanequals": lambda a, b: a >= b,
}


class ConditionError(ValueError):
    """A condition block AWS would reject: unknown operator, malformed value."""


@dataclass(frozen=True, slots=True)
class OperatorSpec:
    family: str
    negated: bool
    comparison: str = "equals"


def _operator_table() -> dict[str, OperatorSpec]:
    table = {
        "stringequals": OperatorSpec("string", False),
        "stringnotequals": OperatorSpec("string", True),
        "stringequalsignorecase": OperatorSpec("string-ignorecase", False),
        "stringnotequalsignorecase": OperatorSpec("string-ignorecase", True),
        "stringlike": OperatorSpec("like", False),
        "stringnotlike": OperatorSpec("like", True),
        "bool": OperatorSpec("bool", False),
        "binaryequals": OperatorSpec("binary", False),
        "ipaddress": OperatorSpec("ip", False),
        "notipaddress": OperatorSpec("ip", True),
        "arnequals": OperatorSpec("arn", False),
        "arnlike": OperatorSpec("arn", False),
        "arnnotequals": OperatorSpec("arn", True),
        "arnnotlike": OperatorSpec("arn", True),
        "null": OperatorSpec("null", False),
    }
    for family in ("numeric", "date"):
        for comparison in NUMERIC_COMPARISONS:
            table[family + comparison] = OperatorSpec(family, comparison == "notequals", comparison)
    return table


OPERATORS: Final = _operator_table()


@dataclass(frozen=True, slots=True)
class Operator:
    name: str  # as written in the policy
    spec: OperatorSpec
    qualifier: str | None  # FOR_ALL, FOR_ANY or None
    if_exists: bool


def parse_operator(name: str) -> Operator:
    rest = name.lower()
    qualifier = None
    for prefix in (FOR_ALL, FOR_ANY):
        if rest.startswith(prefix.lower() + ":"):
            qualifier = prefix
            rest = rest[len(prefix) + 1 :]
    if_exists = rest.endswith("ifexists") and rest != "ifexists"
    base = rest.removesuffix("ifexists") if if_exists else rest
    spec = OPERATORS.get(base)
    if spec is None:
        raise ConditionError(f"unknown condition operator {name!r}")
    if spec.family == "null" and (if_exists or qualifier):
        raise ConditionError(f"{name!r}: Null takes neither IfExists nor a set operator")
    return Operator(name, spec, qualifier, if_exists)
