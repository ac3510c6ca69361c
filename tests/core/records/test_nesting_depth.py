"""nesting_depth_exceeds against a plain recursive definition of depth, on any JSON value."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.records import bounds
from tagwarden.core.records.bounds import nesting_depth_exceeds, record_nests_deeper
from tagwarden.core.records.text import TextRecord

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=3),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=2), inner, max_size=3),
    max_leaves=40,
)


def depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((depth(v) for v in value), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(JSON, st.integers(0, 8))
def test_same_as_the_recursive_definition(value: Any, limit: int) -> None:
    assert nesting_depth_exceeds(value, limit) == (depth(value) > limit)


def test_a_deep_chain_past_the_limit() -> None:
    value: Any = "leaf"
    for _ in range(65):
        value = {"a": [value]} if len(str(value)) % 2 else [value]
    assert depth(value) == 65
    assert nesting_depth_exceeds(value, 64)
    assert not nesting_depth_exceeds(value, 65)


@settings(max_examples=300, deadline=None)
@given(JSON, st.integers(0, 8), st.booleans())
def test_a_record_with_its_text_answers_as_the_walk_does(value: Any, limit: int, spaced: bool) -> None:
    record = {"eventName": "TagResource", "requestParameters": value}
    text = json.dumps(record, indent=1 if spaced else None)

    assert record_nests_deeper(TextRecord(record, text), limit) == (depth(record) > limit)


def test_brackets_inside_strings_never_hide_depth() -> None:
    value: Any = "{[" * 40
    for _ in range(70):
        value = [value]
    record = {"requestParameters": value}

    assert record_nests_deeper(TextRecord(record, json.dumps(record)), 64)


def test_the_text_spares_the_walk_only_where_it_cannot_be_deep(monkeypatch: pytest.MonkeyPatch) -> None:
    walked: list[int] = []
    monkeypatch.setattr(bounds, "nesting_depth_exceeds", lambda value, limit: walked.append(limit) or False)
    shallow = {"requestParameters": {"tags": [{"Key": "a", "Value": "b"}]}}

    assert not record_nests_deeper(TextRecord(shallow, json.dumps(shallow)), 64)
    assert not record_nests_deeper(shallow, 64)
    assert walked == [64]
