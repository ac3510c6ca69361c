"""Condition operators, one family at a time."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.core.iam.conditions import parse_condition_block
from tagwarden.core.iam.operators import ConditionError, parse_operator


def holds(block: dict[str, Any], context: dict[str, Any] | None = None, variables: bool = True) -> bool:
    ctx = {
        key.lower(): (value,) if isinstance(value, str) else tuple(value)
        for key, value in (context or {}).items()
    }
    return all(condition.evaluate(ctx) for condition in parse_condition_block(block, variables))


@pytest.mark.parametrize(
    ("operator", "policy", "value", "expected"),
    [
        ("StringEquals", "blue", "blue", True),
        ("StringEquals", "blue", "Blue", False),
        ("StringNotEquals", "blue", "red", True),
        ("StringNotEquals", "blue", "blue", False),
        ("StringEqualsIgnoreCase", "BLUE", "blue", True),
        ("StringNotEqualsIgnoreCase", "BLUE", "blue", False),
        ("StringLike", "bl*", "blue", True),
        ("StringLike", "b?ue", "blue", True),
        ("StringLike", "B*", "blue", False),
        ("StringNotLike", "bl*", "blue", False),
        ("StringNotLike", "re*", "blue", True),
        ("StringEquals", "*", "blue", False),
    ],
)
def test_string_operators(operator: str, policy: str, value: str, expected: bool) -> None:
    assert holds({operator: {"k:key": policy}}, {"k:key": value}) is expected


@pytest.mark.parametrize(
    ("operator", "policy", "value", "expected"),
    [
        ("NumericEquals", "10", "10.0", True),
        ("NumericNotEquals", "10", "11", True),
        ("NumericLessThan", 10, "9", True),
        ("NumericLessThan", 10, "10", False),
        ("NumericLessThanEquals", "10", "10", True),
        ("NumericGreaterThan", "10", "9", False),
        ("NumericGreaterThanEquals", 1.5, "1.5", True),
        ("NumericEquals", "10", "ten", False),
        # Python's float() reads these; AWS compares integers and decimals only.
        ("NumericEquals", "1000", "1_000", False),
        ("NumericEquals", "1000", "\u0661\u0660\u0660\u0660", False),
    ],
)
def test_numeric_operators(operator: str, policy: Any, value: str, expected: bool) -> None:
    assert holds({operator: {"s3:max-keys": policy}}, {"s3:max-keys": value}) is expected


@pytest.mark.parametrize(
    ("operator", "policy", "value", "expected"),
    [
        ("DateEquals", "2020-01-01T00:00:00Z", "1577836800", True),
        ("DateNotEquals", "2020-01-01", "2020-01-01T00:00:00Z", False),
        ("DateLessThan", "2020-01-01T00:00:00Z", "2019-12-31T23:59:59Z", True),
        ("DateLessThanEquals", "2020-01-01T00:00:00+01:00", "2019-12-31T23:00:00Z", True),
        ("DateGreaterThan", "2020-01-01T00:00:01Z", "2020-06-01T00:00:00Z", True),
        ("DateGreaterThanEquals", "1577836800", "2019-12-31T00:00:00Z", False),
        ("DateGreaterThan", "2020-01-01T00:00:00Z", "not a date", False),
        ("DateGreaterThan", "2020-01-01T00:00:00Z", "\u00b2", False),  # a digit to str.isdigit only
    ],
)
def test_date_operators(operator: str, policy: str, value: str, expected: bool) -> None:
    assert holds({operator: {"aws:CurrentTime": policy}}, {"aws:CurrentTime": value}) is expected


@pytest.mark.parametrize(
    ("policy", "value", "expected"),
    [("true", "true", True), ("true", "false", False), (True, "TRUE", True), (False, "false", True)],
)
def test_bool(policy: Any, value: str, expected: bool) -> None:
    assert holds({"Bool": {"aws:SecureTransport": policy}}, {"aws:SecureTransport": value}) is expected


def test_binary_compares_decoded_bytes() -> None:
    assert holds(
        {"BinaryEquals": {"k:b": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}, {"k:b": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}
    )
    assert not holds({"BinaryEquals": {"k:b": "QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}, {"k:b": "QUJD"})
    assert not holds({"BinaryEquals": {"k:b": "QUJD"}}, {"k:b": "not base64!"})


@pytest.mark.parametrize(
    ("operator", "policy", "value", "expected"),
    [
        ("IpAddress", "203.0.113.0/24", "203.0.113.200", True),
        ("IpAddress", "203.0.113.0/24", "203.0.114.1", False),
        ("IpAddress", "203.0.113.10", "203.0.113.10", True),
        ("IpAddress", "2001:DB8:1234:5678::/64", "2001:db8:1234:5678::1", True),
        ("IpAddress", "2001:DB8:1234:5678::/64", "203.0.113.1", False),
        ("NotIpAddress", "203.0.113.0/24", "198.51.100.1", True),
        ("IpAddress", "203.0.113.0/24", "garbage", False),
    ],
)
def test_ip_operators(operator: str, policy: str, value: str, expected: bool) -> None:
    assert holds({operator: {"aws:SourceIp": policy}}, {"aws:SourceIp": value}) is expected


@pytest.mark.parametrize(
    ("operator", "policy", "value", "expected"),
    [
        ("ArnEquals", "arn:aws:sns:*:111:topic", "arn:aws:sns:us-east-1:111:topic", True),
        ("ArnLike", "arn:aws:iam::111:role/*", "arn:aws:iam::111:role/a/b", True),
        ("ArnLike", "arn:aws:iam::111:role/*", "arn:aws:iam::222:role/a", False),
        ("ArnNotEquals", "arn:aws:iam::111:user/x", "arn:aws:iam::111:user/y", True),
        ("ArnNotLike", "arn:aws:iam::111:*", "arn:aws:iam::111:user/y", False),
    ],
)
def test_arn_operators(operator: str, policy: str, value: str, expected: bool) -> None:
    assert holds({operator: {"aws:PrincipalArn": policy}}, {"aws:PrincipalArn": value}) is expected


def test_null() -> None:
    assert holds({"Null": {"aws:TokenIssueTime": "true"}}, {})
    assert not holds({"Null": {"aws:TokenIssueTime": "true"}}, {"aws:TokenIssueTime": "2020-01-01T00:00:00Z"})
    assert holds({"Null": {"aws:TokenIssueTime": "false"}}, {"aws:TokenIssueTime": "2020-01-01T00:00:00Z"})
    assert holds({"Null": {"aws:TagKeys": "true"}}, {"aws:TagKeys": []})


@pytest.mark.parametrize(
    ("operator", "expected"),
    [
        ("StringEquals", False),
        ("StringNotEquals", True),
        ("StringLike", False),
        ("StringNotLike", True),
        ("NumericEquals", False),
        ("NumericNotEquals", True),
        ("DateNotEquals", True),
        ("NotIpAddress", True),
        ("ArnNotLike", True),
        ("StringEqualsIfExists", True),
        ("NumericLessThanIfExists", True),
        ("BoolIfExists", True),
    ],
)
def test_missing_key(operator: str, expected: bool) -> None:
    value = "arn:aws:iam::1:user/x" if "Arn" in operator else "10" if "Numeric" in operator else "true"
    if operator.startswith("Date"):
        value = "2020-01-01"
    if "Ip" in operator:
        value = "10.0.0.0/8"
    assert holds({operator: {"k:missing": value}}, {}) is expected


@pytest.mark.parametrize(
    ("block", "values", "expected"),
    [
        ({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}, ["a"], True),
        ({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}, ["a", "c"], False),
        ({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}, None, True),
        ({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}, [], True),
        ({"ForAllValues:StringEquals": {"aws:TagKeys": ["a", "b"]}}, [""], True),
        ({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]}}, ["c", "b"], True),
        ({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]}}, ["c"], False),
        ({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]}}, None, False),
        ({"ForAnyValue:StringEquals": {"aws:TagKeys": ["a", "b"]}}, [""], False),
        ({"ForAnyValue:StringEqualsIfExists": {"aws:TagKeys": ["a"]}}, None, True),
        ({"ForAllValues:StringNotEquals": {"aws:TagKeys": ["a"]}}, ["b", "c"], True),
        ({"ForAllValues:StringNotEquals": {"aws:TagKeys": ["a"]}}, ["a", "c"], False),
        ({"ForAnyValue:StringNotLike": {"aws:TagKeys": ["a*"]}}, ["ab", "c"], True),
        ({"ForAllValues:StringLike": {"aws:TagKeys": ["a*"]}}, ["ab", "ac"], True),
        # A single-valued key under a set operator is a set of one value.
        ({"ForAllValues:StringEquals": {"aws:PrincipalOrgID": ["o-1", "o-2"]}}, ["o-1"], True),
        # Without a set operator a multivalued key matches when any value does.
        ({"StringEquals": {"aws:TagKeys": "a"}}, ["b", "a"], True),
        ({"StringNotEquals": {"aws:TagKeys": "a"}}, ["b", "a"], False),
    ],
)
def test_set_operators(block: dict[str, Any], values: list[str] | None, expected: bool) -> None:
    key = next(iter(next(iter(block.values()))))
    context = {} if values is None else {key: values}
    assert holds(block, context) is expected


def test_operators_keys_and_values_combine() -> None:
    block = {"StringEquals": {"k:a": ["x", "y"], "k:b": "z"}, "Bool": {"k:c": "true"}}
    assert holds(block, {"k:a": "y", "k:b": "z", "k:c": "true"})
    assert not holds(block, {"k:a": "y", "k:b": "z", "k:c": "false"})
    assert not holds(block, {"k:a": "w", "k:b": "z", "k:c": "true"})


def test_condition_keys_are_case_insensitive_values_are_not() -> None:
    assert holds({"StringEquals": {"AWS:PrincipalTag/TEAM": "blue"}}, {"aws:principaltag/team": "blue"})
    assert not holds({"StringEquals": {"aws:PrincipalTag/team": "blue"}}, {"aws:principaltag/team": "BLUE"})


def test_operator_names_parse_with_qualifiers() -> None:
    operator = parse_operator("ForAnyValue:StringLikeIfExists")
    assert (operator.qualifier, operator.spec.family, operator.if_exists) == ("ForAnyValue", "like", True)


def test_variables_in_string_conditions() -> None:
    block = {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}
    assert holds(block, {"aws:ResourceTag/team": "blue", "aws:PrincipalTag/team": "blue"})
    assert not holds(block, {"aws:ResourceTag/team": "blue"})
    negated = {"StringNotEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}
    assert holds(negated, {"aws:ResourceTag/team": "blue"})
    assert not holds(block, {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"})
    assert holds(block, {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}, variables=False)


@pytest.mark.parametrize(
    "block",
    [
        {"StringEqualz": {"k": "v"}},
        {"NullIfExists": {"k": "true"}},
        {"ForAllValues:Null": {"k": "true"}},
        {"Null": {"k": "maybe"}},
        {"NumericEquals": {"k": "ten"}},
        {"DateEquals": {"k": "yesterday"}},
        {"IpAddress": {"k": "999.1.1.1"}},
        {"BinaryEquals": {"k": "***"}},
        {"StringEquals": {"k": {"nested": "object"}}},
        {"StringEquals": {}},
        {"StringEquals": "v"},
        ["StringEquals"],
    ],
)
def test_invalid_conditions_are_rejected(block: Any) -> None:
    with pytest.raises(ConditionError):
        parse_condition_block(block, variables=True)
