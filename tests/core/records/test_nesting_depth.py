"""nesting_depth_exceeds against a plain recursive definition of depth, on any JSON value."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.records.bounds import nesting_depth_exceeds

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
