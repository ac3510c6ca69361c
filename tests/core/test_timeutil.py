from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.timeutil import _format_exactly, canonical_time, format_time, parse_time


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-01-02T03:04:05Z", "2024-01-02T03:04:05Z"),
        ("2022-10-20 14:16:43", "2022-10-20T14:16:43Z"),  # SIEM exports drop the T and Z
        ("2024-04-02 15:13:06.000000000", "2024-04-02T15:13:06Z"),
        ("2024-01-02T05:04:05+02:00", "2024-01-02T03:04:05Z"),
        ("2024-01-02T03:04:05.5Z", "2024-01-02T03:04:05Z"),
    ],
)
def test_cloudtrail_time_forms_parse(text: str, expected: str) -> None:
    assert canonical_time(text) == expected


@pytest.mark.parametrize("text", ["<python-expr:current_time>", "", "2024-13-01T00:00:00Z", "yesterday"])
def test_non_times_are_kept_as_given(text: str) -> None:
    assert parse_time(text) is None
    assert canonical_time(text) == text


def test_a_number_is_not_a_cloudtrail_time() -> None:
    assert parse_time(1704161700) is None
    assert canonical_time(1704161700) == ""


@given(st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2200, 1, 1)))
def test_format_then_parse_round_trips(moment: datetime) -> None:
    seconds = moment.replace(tzinfo=UTC, microsecond=0).timestamp()
    assert parse_time(format_time(seconds)) == seconds


_FIRST = datetime(1, 1, 1, tzinfo=UTC).timestamp()
_LAST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC).timestamp()


@given(
    st.one_of(
        st.integers(min_value=int(_FIRST), max_value=int(_LAST)).map(float),
        st.floats(min_value=_FIRST, max_value=_LAST),
        st.integers(min_value=0, max_value=2**32).map(lambda s: s - 1e-7),  # rounds up to the second
    )
)
def test_format_time_is_datetimes_format_for_every_second_and_fraction(seconds: float) -> None:
    assert format_time(seconds) == _format_exactly(seconds)


@pytest.mark.parametrize("seconds", [_LAST + 1, _FIRST - 1, float("inf"), float("nan")])
def test_format_time_refuses_what_datetime_refuses(seconds: float) -> None:
    with pytest.raises((ValueError, OverflowError, OSError)):
        _format_exactly(seconds)
    with pytest.raises((ValueError, OverflowError, OSError)):
        format_time(seconds)
