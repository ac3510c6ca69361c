from __future__ import annotations

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.timeutil import canonical_time, format_time, parse_time


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
