"""Value patterns: what RE2 answers, remembered per value without changing an answer."""

from __future__ import annotations

import re2  # type: ignore[import-untyped]
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.governance import linear
from tagwarden.core.governance.linear import LinearPattern

PATTERN = r"[a-z][a-z0-9-]{0,8}"


@given(st.lists(st.text(alphabet="ab-9Z\u00e9", max_size=12), max_size=40))
def test_answers_are_re2_s_asked_once_or_many_times(values: list[str]) -> None:
    pattern = LinearPattern(PATTERN)
    for value in values + values:
        assert pattern.fullmatch(value) is (re2.fullmatch(PATTERN, value) is not None)


def test_the_answers_kept_are_bounded_and_stay_right() -> None:
    pattern = LinearPattern(PATTERN)
    values = [f"v{n}" for n in range(linear._ANSWERS_KEPT * 2 + 3)] + ["-x", "UPPER"]
    for value in values:
        assert pattern.fullmatch(value) is (value[0].islower())
    assert len(pattern._answers) <= linear._ANSWERS_KEPT
    assert pattern.fullmatch("v1") and not pattern.fullmatch("-x")
    long_value = "a" * (linear._LONGEST_KEPT + 1)
    assert not pattern.fullmatch(long_value)  # more than 9 characters: no match
    assert long_value not in pattern._answers  # answered, not kept
