"""Log files no digest lists though one should.

A digest lists the log files delivered in its hour, and the digests of a trail follow each other
without a break while log file validation is on. So a log file named for an hour a digest covers
and listed by none was not written by CloudTrail: each is its own problem. Log files named for
hours no digest covers (between two digests, or more than a digest period past the newest one)
are what a trail writes while validation is off, or after its digests were deleted: nothing can
vouch for them, and they are reported once per stretch without digests, named by the first of
them, not once per file. Otherwise each new file delivered while validation stays off would raise
a finding of its own on every run.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tagwarden.core.integrity.layout import Placed, place
from tagwarden.core.integrity.problems import Copies, Problem

# A digest lists the log files delivered in the hour before its end and is delivered after that
# end: a log file named more than a digest period plus an hour past the newest digest's end should
# be listed by a digest that is not there.
DIGEST_LAG = timedelta(hours=2)
_CLOCK_SKEW = timedelta(minutes=5)
_MINUTE = 60.0  # names carry the minute only: a file named for a digest's last minute may be in the next

Group = tuple[str, str]  # (account, region)
Span = tuple[float, float]  # a digest's start and end (Unix seconds)


@dataclass(frozen=True, slots=True)
class _Stretch:
    """Hours of one account and region that no digest covers: after ``after`` (the end of the
    digests before it) and before ``before`` (the start of those after it; None: none yet)."""

    group: Group
    after: float
    before: float | None


def merged_spans(spans: Iterable[tuple[Group, Span]]) -> dict[Group, list[Span]]:
    """Per account and region, the stretches the digests cover, in order, touching ones joined."""
    by_group: dict[Group, list[Span]] = {}
    for group, span in spans:
        by_group.setdefault(group, []).append(span)
    merged: dict[Group, list[Span]] = {}
    for group, items in by_group.items():
        joined: list[Span] = []
        for start, end in sorted(items):
            if joined and start <= joined[-1][1] + 1:
                joined[-1] = (joined[-1][0], max(joined[-1][1], end))
            else:
                joined.append((start, end))
        merged[group] = joined
    return merged


def _when(seconds: float) -> str:
    return f"{datetime.fromtimestamp(seconds, UTC):%Y-%m-%dT%H:%MZ}"


def _judge(placed: Placed, spans: list[Span] | None, now: datetime) -> str | _Stretch | None:
    """Why this unlisted log file is a problem of its own, the stretch without digests it falls
    in, or None where no digest need list it (yet)."""
    if placed.when is None:
        return (
            None if spans is None else "its name carries no CloudTrail delivery time, and no digest lists it"
        )
    if placed.when > now + _CLOCK_SKEW:
        return f"named for {placed.when:%Y-%m-%dT%H:%MZ}, in the future, and no digest lists it"
    if not spans:
        return None
    delivered = placed.when.timestamp()
    if delivered < spans[0][0]:
        return None  # before the first digest given: nothing says a digest should list it
    for index, (start, end) in enumerate(spans):
        if start <= delivered and delivered + _MINUTE <= end:
            return "delivered while digests were written, listed in none"
        following = spans[index + 1][0] if index + 1 < len(spans) else None
        if following is not None and delivered < following:
            return _Stretch((placed.account, placed.region), end, following)
    newest = spans[-1][1]
    if delivered + _MINUTE > newest:
        return _Stretch((placed.account, placed.region), newest, None)
    return None


def _stretch_problem(stretch: _Stretch, files: list[tuple[datetime, str]]) -> Problem:
    files.sort()
    first_when, first = files[0]
    account, region = stretch.group
    if stretch.before is None:
        where = (
            f"after the newest digest's end ({_when(stretch.after)}), with log files named over "
            f"{DIGEST_LAG.total_seconds() / 3600:g} hours past it"
        )
    else:
        where = f"between digests ending {_when(stretch.after)} and starting {_when(stretch.before)}"
    others = len(files) - 1
    more = f"; nor do any of {others} later log file(s) of account {account} in {region}" if others else ""
    return Problem(
        "unlisted",
        first,
        "",
        f"named for {first_when:%Y-%m-%dT%H:%MZ}, {where}, and no digest lists it{more}: digests "
        "stopped for that time (log file validation turned off, or digest files deleted), so "
        "nothing vouches for these log files",
    )


def unlisted_problems(
    listed: Mapping[str, list[str]], spans: Mapping[Group, list[Span]], present: Copies, now: datetime
) -> list[Problem]:
    """``listed``: logical key -> the S3 objects the digests list under it; ``spans``: from
    ``merged_spans``; ``present``: every copy of every log file there is."""
    problems = []
    stretches: dict[_Stretch, list[tuple[datetime, str]]] = {}
    for key, copies in present.items():
        for where, stored in copies:
            if key in listed:
                if not any(is_stored_as(stored, s3_object) for s3_object in listed[key]):
                    why = f"a copy of a listed log file, but no digest lists {stored}"
                    problems.append(Problem("unlisted", where, "", why))
                continue
            placed = place(where)
            if placed is None:
                continue
            found = _judge(placed, spans.get((placed.account, placed.region)), now)
            if isinstance(found, _Stretch) and placed.when is not None:
                stretches.setdefault(found, []).append((placed.when, where))
            elif isinstance(found, str):
                problems.append(Problem("unlisted", where, "", found))
    problems.extend(
        _stretch_problem(stretch, files) for stretch, files in stretches.items() if _overdue(stretch, files)
    )
    return problems


def _overdue(stretch: _Stretch, files: list[tuple[datetime, str]]) -> bool:
    """A stretch between digests is over; one after the newest digest is known to be one only once
    a log file is named past the time its digest should have come (until then, it may be on its
    way)."""
    if stretch.before is not None:
        return True
    return any(when.timestamp() > stretch.after + DIGEST_LAG.total_seconds() for when, _ in files)


def is_stored_as(stored: str, s3_object: str) -> bool:
    """Whether a file stored under ``stored`` (an S3 key, or a path below the folder given) is the
    object a digest lists: the same key, or its end when a local tree starts below the bucket."""
    stored = stored.replace("\\", "/")
    return s3_object == stored or s3_object.endswith("/" + stored)


def unplaced_problems(urls: Iterable[str]) -> list[Problem]:
    """The log files the sources read whose names are none CloudTrail gives a log file (the layout
    in ``layout``): CloudTrail did not write them, and no digest can vouch for their records."""
    return [
        Problem(
            "unlisted",
            url,
            "",
            "read as a log file, but its name is not one CloudTrail gives a log file "
            "(AWSLogs/<account>/CloudTrail/<region>/<yyyy>/<mm>/<dd>/<account>_CloudTrail_<region>_"
            "<yyyymmdd>T<hhmm>Z_<id>.json.gz): no digest can list it, and nothing vouches for the "
            "records tagwarden judged from it",
        )
        for url in urls
    ]
