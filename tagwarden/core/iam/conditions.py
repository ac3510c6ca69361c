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

from collections.abc import Callable, Mapping, Sequence

from tagwarden.core.iam.condition_values import ValueTest, value_test
from tagwarden.core.iam.operators import FOR_ALL, ConditionError, Operator, parse_operator
from tagwarden.core.iam.variables import Context

ConditionCheck = Callable[[Context], bool]


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
        self.evaluate = _value_check(operator, self.key, value_test(operator.spec, values, variables))


def _null_check(key: str, values: Sequence[str]) -> ConditionCheck:
    wanted = frozenset(_parse_null_value(v) for v in values)
    return lambda context: (not context.get(key)) in wanted


def _value_check(operator: Operator, key: str, test: ValueTest) -> ConditionCheck:
    """The check for tests with and without policy variables alike: every test takes the context
    (those without variables ignore it). ForAllValues treats the empty set (no key, no values, or
    only "") as vacuously true; ForAnyValue finds nothing in it."""
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
