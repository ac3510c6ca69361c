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
from tagwarden.iam.matching import compile_alternatives
from tagwarden.iam.variables import (
    Context,
    PatternTemplate,
    StringTemplate,
    Variable,
    has_variables,
    parse_template,
)

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


ConditionCheck = Callable[[Context], bool]


Predicate = Callable[[str], bool]  # a test that needs no context (no policy variables)


class Condition:
    """One operator applied to one context key with its policy values.

    ``evaluate(context)`` is a closure specialized at parse time for the operator's shape, since
    conditions are evaluated far more often than they are parsed.
    """

    __slots__ = ("evaluate", "key", "operator")

    def __init__(self, operator: Operator, key: str, values: Sequence[str], variables: bool) -> None:
        self.operator = operator
        self.key = key.lower()
        if operator.spec.family == "null":
            self.evaluate: ConditionCheck = _null_check(self.key, values)
            return
        test = _value_test(operator.spec, values, variables)
        if isinstance(test, _Static):
            self.evaluate = _static_check(operator, self.key, test.predicate)
        else:
            self.evaluate = _dynamic_check(operator, self.key, test)


@dataclass(frozen=True, slots=True)
class _Static:
    predicate: Predicate


def _null_check(key: str, values: Sequence[str]) -> ConditionCheck:
    wanted = frozenset(_parse_null_value(v) for v in values)
    return lambda context: (not context.get(key)) in wanted


# The two functions below differ only in how they call the test: with or without the context.
# ForAllValues treats the empty set (no key, no values, or only "") as vacuously true;
# ForAnyValue finds nothing in it.


def _static_check(operator: Operator, key: str, test: Predicate) -> ConditionCheck:
    negated, if_exists = operator.spec.negated, operator.if_exists
    if operator.qualifier is None:
        missing = if_exists or negated

        def single(context: Context) -> bool:
            values = context.get(key)
            if not values:
                return missing
            for value in values:
                if test(value):
                    return not negated
            return negated

        return single
    if operator.qualifier == FOR_ALL:

        def for_all(context: Context) -> bool:
            for value in context.get(key) or ():  # noqa: SIM110 - a plain loop is faster here
                if value != "" and test(value) == negated:
                    return False
            return True

        return for_all

    def for_any(context: Context) -> bool:
        members = False
        for value in context.get(key) or ():
            if value != "":
                members = True
                if test(value) != negated:
                    return True
        return False if members else if_exists

    return for_any


def _dynamic_check(operator: Operator, key: str, test: ValueTest) -> ConditionCheck:
    negated, if_exists = operator.spec.negated, operator.if_exists
    if operator.qualifier is None:
        missing = if_exists or negated

        def single(context: Context) -> bool:
            values = context.get(key)
            if not values:
                return missing
            for value in values:
                if test(value, context):
                    return not negated
            return negated

        return single
    if operator.qualifier == FOR_ALL:

        def for_all(context: Context) -> bool:
            for value in context.get(key) or ():
                if value != "" and test(value, context) == negated:
                    return False
            return True

        return for_all

    def for_any(context: Context) -> bool:
        members = False
        for value in context.get(key) or ():
            if value != "":
                members = True
                if test(value, context) != negated:
                    return True
        return False if members else if_exists

    return for_any


def _parse_null_value(value: str) -> bool:
    lowered = value.lower()
    if lowered not in ("true", "false"):
        raise ConditionError(f"Null takes 'true' or 'false', not {value!r}")
    return lowered == "true"


def _value_test(spec: OperatorSpec, values: Sequence[str], variables: bool) -> _Static | ValueTest:
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


def _equality_test(values: Sequence[str], variables: bool, ignore_case: bool) -> _Static | ValueTest:
    templates = [StringTemplate(parse_template(v, wildcards=False, variables=variables)) for v in values]
    statics = [t.static for t in templates]
    if all(s is not None for s in statics):
        accepted = frozenset(s.lower() if ignore_case else s for s in statics if s is not None)
        if ignore_case:
            return _Static(lambda value: value.lower() in accepted)
        return _Static(accepted.__contains__)

    def test(value: str, context: Context) -> bool:
        wanted = value.lower() if ignore_case else value
        for template in templates:
            resolved = template.resolve(context)
            if resolved is not None and (resolved.lower() if ignore_case else resolved) == wanted:
                return True
        return False

    return test


def _like_test(values: Sequence[str], variables: bool) -> _Static | ValueTest:
    parsed = [parse_template(v, wildcards=True, variables=variables) for v in values]
    if not any(has_variables(parts) for parts in parsed):
        plain = [[part for part in parts if not isinstance(part, Variable)] for parts in parsed]
        return _Static(compile_alternatives(plain))
    templates = [PatternTemplate(parts) for parts in parsed]

    def test(value: str, context: Context) -> bool:
        for template in templates:
            matcher = template.matcher(context)
            if matcher is not None and matcher(value):
                return True
        return False

    return test


def _ordered_test(
    policy_values: list[float], convert: Callable[[str], float | None], comparison: str
) -> _Static:
    compare = _NUMERIC_COMPARISONS[comparison]

    def test(value: str) -> bool:
        number = convert(value)
        return number is not None and any(compare(number, p) for p in policy_values)

    return _Static(test)


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


def _binary_test(values: Sequence[str]) -> _Static:
    accepted: set[bytes] = set()
    for value in values:
        try:
            accepted.add(base64.b64decode(value, validate=True))
        except (binascii.Error, ValueError) as exc:
            raise ConditionError(f"BinaryEquals value {value!r} is not base-64") from exc

    def test(value: str) -> bool:
        try:
            return base64.b64decode(value, validate=True) in accepted
        except (binascii.Error, ValueError):
            return False

    return _Static(test)


def _ip_test(values: Sequence[str]) -> _Static:
    networks: list[ipaddress.IPv4Network | ipaddress.IPv6Network] = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError as exc:
            raise ConditionError(f"{value!r} is not an IP address or CIDR range") from exc

    def test(value: str) -> bool:
        try:
            address = ipaddress.ip_address(value.strip())
        except ValueError:
            return False
        return any(address in network for network in networks)

    return _Static(test)


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


def all_of(conditions: Sequence[Condition]) -> ConditionCheck | None:
    """One check for a statement's whole Condition element; None when there is none."""
    checks = tuple(condition.evaluate for condition in conditions)
    if not checks:
        return None
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda context: first(context) and second(context)

    return lambda context: all(check(context) for check in checks)
