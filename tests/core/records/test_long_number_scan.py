"""has_too_long_number: the strided scan finds exactly what the whole-text pattern finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.records.triage import has_too_long_number

WHOLE_TEXT = re.compile(rb"[0-9]{4300}")


def _runs(draw: st.DrawFn) -> bytes:
    parts = draw(
        st.lists(
            st.one_of(
                st.integers(0, 9000).map(lambda n: b"7" * n),
                st.binary(min_size=0, max_size=3000),
                st.sampled_from([b'"eventTime":"2024-01-01T00:00:00Z",', b"\xd9\xa0" * 3000]),
            ),
            max_size=8,
        )
    )
    return b"".join(parts)


@settings(max_examples=400, deadline=None)
@given(st.composite(_runs)())
def test_same_answer_as_the_whole_text_pattern(text: bytes) -> None:
    assert has_too_long_number(text) == (WHOLE_TEXT.search(text) is not None)


def test_runs_at_the_edges_of_the_stride() -> None:
    for offset in (0, 1, 2047, 2048, 2049, 4095, 10_000):
        for length in (4299, 4300, 4301, 6400):
            text = b"x" * offset + b"5" * length + b"y" * 100
            assert has_too_long_number(text) == (length >= 4300), (offset, length)


def test_non_ascii_digits_are_not_json_digits() -> None:
    assert not has_too_long_number("\u0660".encode() * 5000)
