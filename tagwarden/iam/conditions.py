"""The Condition element: every operator family, ``...IfExists``, ``ForAllValues``/``ForAnyValue``.

Rules (IAM User Guide, "Condition operators" and "Conditions with multiple context keys or values"):
- operators are AND-ed, keys within an operator are AND-ed, values of one key are OR-ed (NOR for
  a negated operator);
- a key missing from the request makes a condition false, except for negated operators (true),
  ``...IfExists`` (true) and ``Null`` (which tests exactly that);
- ``ForAllValues`` is true when every request value matches some policy value, and also when the
  key is missing or its values are empty; ``ForAnyValue`` needs one match and is false then;
- condition key names are case-insensitive, values are case-sensitive unless the operator says
  IgnoreCase; policy variables work with the String, ARN and Bool operators.
A key with several values tested without a set operator is true when any value matches (for a
negated operator: when no value matches), like ``ForAnyValue`` but with the missing-key rule above.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Final

from tagwarden.iam.elements import ArnTemplate
from tagwarden.iam.variables import Context, PatternTemplate, StringTemplate, parse_template

ValueTest = Callable[[str, Context], bool]  # does this request value match any policy value?

FOR_ALL: Final = "ForAllValues"
FOR_ANY: Final = "ForAnyValue"

_NUMERIC_COMPARISONS: Final[dict[str, Callable[[float, float], bool]]] = {
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
        for comparison in _NUMERIC_COMPARISONS:
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


class Condition:
    """One operator applied to one context key with its policy values."""

    __slots__ = ("_empty_set", "_negated", "_null_wanted", "_test", "key", "operator")

    def __init__(self, operator: Operator, key: str, values: Sequence[str], variables: bool) -> None:
        self.operator = operator
        self.key = key.lower()
        self._negated = operator.spec.negated
        self._null_wanted: frozenset[bool] = frozenset()
        if operator.spec.family == "null":
            self._null_wanted = frozenset(_parse_null_value(v) for v in values)
            self._test: ValueTest = _never
        else:
            self._test = _value_test(operator.spec, values, variables)

    def evaluate(self, context: Context) -> bool:
        values = context.get(self.key)
        operator = self.operator
        if operator.spec.family == "null":
            return (not values) in self._null_wanted
        if operator.qualifier is not None:
            return self._evaluate_set(values, context)
        if not values:
            return operator.if_exists or self._negated
        matched = any(self._test(value, context) for value in values)
        return not matched if self._negated else matched

    def _evaluate_set(self, values: tuple[str, ...] | None, context: Context) -> bool:
        members = [value for value in values or () if value != ""]
        if not members:
            # The empty set: ForAllValues is vacuously true, ForAnyValue has nothing to match.
            return self.operator.qualifier == FOR_ALL or self.operator.if_exists
        test, negated = self._test, self._negated
        results = (test(value, context) != negated for value in members)
        return all(results) if self.operator.qualifier == FOR_ALL else any(results)


def _never(_value: str, _context: Context) -> bool:
    return False


def _parse_null_value(value: str) -> bool:
    lowered = value.lower()
    if lowered not in ("true", "false"):
        raise ConditionError(f"Null takes 'true' or 'false', not {value!r}")
    return lowered == "true"


def _value_test(spec: OperatorSpec, values: Sequence[str], variables: bool) -> ValueTest:
    family = spec.family
    if family in ("string", "string-ignorecase", "bool"):
        return _equality_test(values, variables, ignore_case=family != "string")
    if family == "like":
        return _like_test(values, variables)
    if family == "arn":
        templates = [ArnTemplate(value, variables) for value in values]
        return lambda value, context: any(t.matches(value, context) for t in templates)
    if family == "numeric":
        return _ordered_test([_parse_number(v) for v in values], _to_number, spec.comparison)
    if family == "date":
        return _ordered_test([_parse_date(v) for v in values], _to_date, spec.comparison)
    if family == "binary":
        return _binary_test(values)
    return _ip_test(values)


def _equality_test(values: Sequence[str], variables: bool, ignore_case: bool) -> ValueTest:
    templates = [StringTemplate(parse_template(v, wildcards=False, variables=variables)) for v in values]
    statics = [t.static for t in templates]
    if all(s is not None for s in statics):
        accepted = frozenset(s.lower() if ignore_case else s for s in statics if s is not None)
        if ignore_case:
            return lambda value, _context: value.lower() in accepted
        return lambda value, _context: value in accepted

    def test(value: str, context: Context) -> bool:
        wanted = value.lower() if ignore_case else value
        for template in templates:
            resolved = template.resolve(context)
            if resolved is not None and (resolved.lower() if ignore_case else resolved) == wanted:
                return True
        return False

    return test


def _like_test(values: Sequence[str], variables: bool) -> ValueTest:
    templates = [PatternTemplate(parse_template(v, wildcards=True, variables=variables)) for v in values]

    def test(value: str, context: Context) -> bool:
        for template in templates:
            matcher = template.matcher(context)
            if matcher is not None and matcher(value):
                return True
        return False

    return test


def _ordered_test(
    policy_values: list[float], convert: Callable[[str], float | None], comparison: str
) -> ValueTest:
    compare = _NUMERIC_COMPARISONS[comparison]

    def test(value: str, _context: Context) -> bool:
        number = convert(value)
        return number is not None and any(compare(number, p) for p in policy_values)

    return test


def _to_number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def _parse_number(text: str) -> float:
    number = _to_number(text)
    if number is None:
        raise ConditionError(f"{text!r} is not a number")
    return number


def _to_date(text: str) -> float | None:
    """ISO 8601 (W3C profile) or epoch seconds; a time without zone is taken as UTC."""
    text = text.strip()
    if text.replace(".", "", 1).isdigit():
        return float(text)
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def _parse_date(text: str) -> float:
    moment = _to_date(text)
    if moment is None:
        raise ConditionError(f"{text!r} is neither an ISO 8601 date nor epoch seconds")
    return moment


def _binary_test(values: Sequence[str]) -> ValueTest:
    accepted: set[bytes] = set()
    for value in values:
        try:
            accepted.add(base64.b64decode(value, validate=True))
        except (binascii.Error, ValueError) as exc:
            raise ConditionError(f"BinaryEquals value {value!r} is not base-64") from exc

    def test(value: str, _context: Context) -> bool:
        try:
            return base64.b64decode(value, validate=True) in accepted
        except (binascii.Error, ValueError):
            return False

    return test


def _ip_test(values: Sequence[str]) -> ValueTest:
    networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as exc:
            raise ConditionError(f"{value!r} is not an IP address or CIDR range") from exc

    def test(value: str, _context: Context) -> bool:
        try:
            address = ipaddress.ip_address(value.strip())
        except ValueError:
            return False
        return any(address in network for network in networks)

    return test


def parse_condition_block(block: object, variables: bool) -> tuple[Condition, ...]:
    """Parse a whole ``Condition`` element: ``{operator: {key: value-or-values}}``."""
    if not isinstance(block, Mapping):
        raise ConditionError("Condition must be an object of operators")
    conditions: list[Condition] = []
    for operator_name, keys in block.items():
        operator = parse_operator(str(operator_name))
        if not isinstance(keys, Mapping) or not keys:
            raise ConditionError(f"{operator_name!r} must map condition keys to values")
        for key, raw in keys.items():
            values = _condition_values(raw, f"{operator_name} {key}")
            conditions.append(Condition(operator, str(key), values, variables))
    return tuple(conditions)


def _condition_values(raw: object, where: str) -> list[str]:
    items = raw if isinstance(raw, list) else [raw]
    values: list[str] = []
    for item in items:
        if isinstance(item, bool):
            values.append("true" if item else "false")
        elif isinstance(item, str | int | float):
            values.append(str(item))
        else:
            raise ConditionError(f"{where}: values must be strings, numbers or booleans")
    return values
