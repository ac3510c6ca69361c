"""How one request value is tested against a condition's policy values, per operator family.

A test says whether the value matches any policy value, in the operator's positive sense; the
caller applies negation, ``IfExists`` and set qualifiers. Every test takes the request context;
tests over values without policy variables ignore it, so one evaluation loop serves both kinds.
"""

from __future__ import annotations

import base64
import binascii
import ipaddress
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from tagwarden.core.iam.elements import ArnTemplate
from tagwarden.core.iam.matching import compile_alternatives
from tagwarden.core.iam.operators import NUMERIC_COMPARISONS, ConditionError, OperatorSpec
from tagwarden.core.iam.variables import (
    Context,
    PatternTemplate,
    StringTemplate,
    Variable,
    has_variables,
    parse_template,
)

ValueTest = Callable[[str, Context], bool]  # does this request value match any policy value?


def value_test(spec: OperatorSpec, values: Sequence[str], variables: bool) -> ValueTest:
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
    parsed = [parse_template(v, wildcards=True, variables=variables) for v in values]
    if not any(has_variables(parts) for parts in parsed):
        plain = [[part for part in parts if not isinstance(part, Variable)] for parts in parsed]
        matches = compile_alternatives(plain)
        return lambda value, _context: matches(value)
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
) -> ValueTest:
    compare = NUMERIC_COMPARISONS[comparison]

    def test(value: str, _context: Context) -> bool:
        number = convert(value)
        return number is not None and any(compare(number, p) for p in policy_values)

    return test


def _to_number(text: str) -> float | None:
    if not text.isascii() or "_" in text:
        return None  # float() also reads "1_000" and non-ASCII digits; AWS does not
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
    if text.isascii() and text.replace(".", "", 1).isdigit():
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
