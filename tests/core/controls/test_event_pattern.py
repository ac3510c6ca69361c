"""EventBridge pattern matching, three-valued, against the operators' documented meaning
(https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-create-pattern-operators.html)."""

from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.controls.event_pattern import MISSING, UNKNOWN, Partial, matches

EVENT = {
    "source": "aws.ec2",
    "detail-type": "AWS API Call via CloudTrail",
    "detail": {"eventSource": "ec2.amazonaws.com", "eventName": "CreateTags", "tags": ["a", "b"], "n": 5},
}


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ({"source": ["aws.ec2"]}, True),
        ({"source": ["aws.s3", "aws.ec2"]}, True),
        ({"source": ["aws.s3"]}, False),
        ({"source": ["aws.ec2"], "detail-type": ["Object Created"]}, False),
        ({"detail": {"eventName": ["CreateTags"]}}, True),
        ({"detail": {"eventName": [{"prefix": "Create"}]}}, True),
        ({"detail": {"eventName": [{"suffix": "Tags"}]}}, True),
        ({"detail": {"eventName": [{"prefix": {"equals-ignore-case": "create"}}]}}, True),
        ({"detail": {"eventName": [{"equals-ignore-case": "createtags"}]}}, True),
        ({"detail": {"eventName": [{"wildcard": "Create*s"}]}}, True),
        ({"detail": {"eventName": [{"wildcard": "Delete*"}]}}, False),
        ({"detail": {"eventName": [{"anything-but": "CreateTags"}]}}, False),
        ({"detail": {"eventName": [{"anything-but": ["DeleteTags", "RunInstances"]}]}}, True),
        ({"detail": {"eventName": [{"anything-but": {"prefix": "Create"}}]}}, False),
        ({"detail-type": [{"anything-but": "AWS API Call via CloudTrail"}]}, False),
        ({"detail": {"errorCode": [{"exists": False}]}}, True),
        ({"detail": {"errorCode": [{"exists": True}]}}, False),
        ({"detail": {"errorCode": ["AccessDenied"]}}, False),  # absent: matches no value
        ({"detail": {"tags": ["b"]}}, True),  # an array matches where any element does
        ({"detail": {"tags": ["c"]}}, False),
        ({"detail": {"n": [5]}}, True),
        ({"detail": {"n": ["5"]}}, False),  # a string is not the number
        ({"detail": {"n": [{"numeric": [">", 1]}]}}, None),  # not evaluated here
        ({"$or": [{"source": ["aws.s3"]}, {"detail": {"eventName": ["CreateTags"]}}]}, True),
        ({"$or": [{"source": ["aws.s3"]}, {"detail": {"eventName": ["RunInstances"]}}]}, False),
        ({"detail": {"eventName": {"nested": ["x"]}}}, False),  # a string is not an object
        ({"detail": ["x"]}, False),
    ],
)
def test_operators_on_a_known_event(pattern: dict[str, Any], expected: bool | None) -> None:
    assert matches(pattern, EVENT) is expected


PARTIAL = Partial(
    {"source": "aws.ec2", "detail": Partial({"eventName": "CreateTags"}, absent=frozenset({"errorCode"}))}
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ({"account": ["111122223333"]}, None),  # unknown: it depends
        ({"account": [{"exists": True}]}, True),  # unknown is present
        ({"account": [{"exists": False}]}, False),
        ({"account": ["111122223333"], "source": ["aws.s3"]}, False),  # one certain mismatch decides
        ({"detail": {"userIdentity": {"type": ["Root"]}}}, None),
        ({"detail": {"errorCode": [{"exists": False}]}, "source": ["aws.ec2"]}, True),
        ({"region": [{"anything-but": "us-east-1"}]}, None),
    ],
)
def test_unknown_fields_give_maybe(pattern: dict[str, Any], expected: bool | None) -> None:
    assert matches(pattern, PARTIAL) is expected


def test_partial_reports_known_absent_and_unknown() -> None:
    assert PARTIAL["source"] == "aws.ec2" and PARTIAL["region"] is UNKNOWN
    assert PARTIAL["detail"]["errorCode"] is MISSING


TEXT = st.text(alphabet="abcAB*\\-", max_size=6)


@given(value=TEXT, listed=st.lists(TEXT, max_size=4))
def test_a_list_of_strings_matches_exactly_its_members(value: str, listed: list[str]) -> None:
    assert matches({"f": listed}, {"f": value}) is (value in listed)
    assert matches({"f": [{"anything-but": listed}]}, {"f": value}) is (value not in listed)


@given(value=TEXT, operand=TEXT)
def test_prefix_suffix_and_case_folding_agree_with_python(value: str, operand: str) -> None:
    assert matches({"f": [{"prefix": operand}]}, {"f": value}) is value.startswith(operand)
    assert matches({"f": [{"suffix": operand}]}, {"f": value}) is value.endswith(operand)
    assert matches({"f": [{"equals-ignore-case": operand}]}, {"f": value}) is (
        value.casefold() == operand.casefold()
    )


@given(value=st.text(alphabet="abc*", max_size=6), operand=st.text(alphabet="abc*", max_size=5))
def test_wildcard_agrees_with_a_regular_expression(value: str, operand: str) -> None:
    expected = (
        re.fullmatch(".*".join(re.escape(part) for part in operand.split("*")), value, re.S) is not None
    )
    assert matches({"f": [{"wildcard": operand}]}, {"f": value}) is expected


@given(
    pattern=st.recursive(st.lists(TEXT, max_size=3), lambda inner: st.dictionaries(TEXT, inner, max_size=3))
)
def test_any_pattern_gives_an_answer_and_missing_fields_never_match_values(pattern: Any) -> None:
    result = matches({"f": pattern} if isinstance(pattern, list) else pattern, {})
    assert result in (True, False, None)
    if isinstance(pattern, list) and pattern:
        assert result is False
