"""CloudTrail timestamps: tolerant parsing, one canonical form."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import lru_cache

# CloudTrail writes 2024-01-02T03:04:05Z; exports and SIEMs rewrite it as
# "2024-01-02 03:04:05", with fractions of up to nine digits, or with an offset.
_TIME = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?\s*(Z|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)


def parse_time(value: object) -> float | None:
    """Unix seconds for a CloudTrail-style timestamp, or None if it is not one."""
    if isinstance(value, datetime):
        moment = value if value.tzinfo else value.replace(tzinfo=UTC)
        return moment.timestamp()
    if not isinstance(value, str):
        return None
    return _parse_text(value)


# A log file's records share their seconds: most timestamps were parsed a moment ago.
@lru_cache(maxsize=8192)
def _parse_text(value: str) -> float | None:
    match = _TIME.match(value)
    if match is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        moment = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second), tzinfo=UTC)
    except ValueError:
        return None
    seconds = moment.timestamp()
    if fraction:
        seconds += int(fraction) / 10 ** len(fraction)
    if zone and zone.upper() != "Z":
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        seconds -= sign * (int(digits[:2]) * 3600 + int(digits[2:]) * 60)
    return seconds


def format_time(seconds: float) -> str:
    """The canonical form: second precision, UTC, 'Z'."""
    whole = int(seconds)
    if seconds != whole:  # a fraction: datetime rounds it to microseconds first
        return _format_exactly(seconds)
    days, rest = divmod(whole, 86400)
    # The date is made once per day; a store writes a history row's time for every tag change.
    return f"{_day(days)}{rest // 3600:02d}:{rest // 60 % 60:02d}:{rest % 60:02d}Z"


def _format_exactly(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@lru_cache(maxsize=1024)
def _day(days: int) -> str:
    return datetime.fromtimestamp(days * 86400, tz=UTC).strftime("%Y-%m-%dT")


def canonical_time(value: object) -> str:
    """A timestamp in canonical form where it parses; the original text otherwise."""
    seconds = parse_time(value)
    if seconds is None:
        return value if isinstance(value, str) else ""
    return format_time(seconds)


def days_before(now: float, days: int) -> str:
    """The moment ``days`` whole days before ``now``, in the canonical form."""
    return format_time(int(now) - days * 86400)


def now_iso() -> str:
    return datetime.now(tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
