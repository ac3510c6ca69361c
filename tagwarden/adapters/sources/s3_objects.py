"""Reading CloudTrail log objects from S3, and finding them under a prefix in time order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import NO_ANSWER, error_code, is_transient
from tagwarden.adapters.read_ahead import ReadAhead
from tagwarden.adapters.sources.log_names import NOT_LOG_FOLDERS, is_log_key
from tagwarden.core.records import ReadProblem, iter_records
from tagwarden.core.records.triage import RecordFilter, Skipped, read_log
from tagwarden.core.stopping import Stopping, check, never

# Reading an object's body: the connection failed or the body was cut short.
BODY_ERRORS: tuple[type[Exception], ...] = (*NO_ANSWER, OSError)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_s3.type_defs import GetObjectOutputTypeDef, ObjectTypeDef

# AccountID_CloudTrail_RegionName_YYYYMMDDTHHmmZ_UniqueString.json.gz
_LOG_TIME = re.compile(r"_(\d{8}T\d{4}Z)_[^/]*$")
_REGION_LEVEL = re.compile(r"(^|/)CloudTrail/[^/]+/$")
_BELOW_REGION = re.compile(r"(^|/)CloudTrail/[^/]+/.|/\d{4}/\d{2}/")
_SKIPPED = tuple(f"{folder}/" for folder in NOT_LOG_FOLDERS)
# Another service's folder in an account's: CloudTrail writes only under
# [prefix/]AWSLogs/[o-org/]<account>/CloudTrail/, and a log bucket shared with AWS Config (as
# Control Tower's is) holds AWSLogs/<account>/Config/<region>/<yyyy>/<m>/<d>/ beside it.
OTHER_SERVICES = re.compile(r"(^|/)AWSLogs/(o-[a-z0-9]{10,32}/)?\d{12}/(?!CloudTrail/)[^/]+/$")
# Objects up to this size are read whole and filtered before decoding; larger ones are streamed.
WHOLE_READ_BYTES = 32 * 1024 * 1024  # larger objects are streamed: memory stays bounded


def log_file_time(name: str) -> datetime | None:
    """The delivery time a CloudTrail log file's name carries, or None."""
    match = _LOG_TIME.search(name)
    if match is None:
        return None
    return datetime.strptime(match.group(1), "%Y%m%dT%H%MZ").replace(tzinfo=UTC)


def time_order_key(name: str) -> tuple[int, str, str]:
    """Sorts log files in CloudTrail's time order; names without a time come first, by name."""
    moment = log_file_time(name)
    return (1, moment.isoformat(), name) if moment else (0, "", name)


def parse_s3_url(url: str) -> tuple[str, str]:
    if not url.startswith("s3://"):
        raise ValueError(f"{url!r} is not an s3:// URL")
    bucket, _, prefix = url[len("s3://") :].partition("/")
    if not bucket:
        raise ValueError(f"{url!r} names no bucket")
    return bucket, prefix


def _get_object(s3: S3Client, bucket: str, key: str) -> GetObjectOutputTypeDef | ReadProblem:
    """GetObject's response, or the fatal ReadProblem of a failed fetch: transient where S3 or the
    connection failed (a 5xx, throttling, a reset) rather than the object (missing, denied)."""
    try:
        return s3.get_object(Bucket=bucket, Key=key)
    except ClientError as exc:
        code = error_code(exc, "error")
        return ReadProblem("s3_get_failed", f"s3://{bucket}/{key}: {code}", True, is_transient(exc))
    except NO_ANSWER as exc:
        return ReadProblem("s3_get_failed", f"s3://{bucket}/{key}: {exc}", True, True)


def read_object(
    s3: S3Client, bucket: str, key: str, keep: RecordFilter | None = None
) -> Iterator[dict[str, Any] | ReadProblem | Skipped]:
    """The records of one object; a failed fetch is one fatal ReadProblem, transient where S3 or
    the connection failed (a 5xx, throttling, a reset, a body cut short) rather than the object
    (missing, access denied). With ``keep``, an object of up to WHOLE_READ_BYTES is read whole and
    only the records that may matter are decoded; larger ones are streamed."""
    response = _get_object(s3, bucket, key)
    if isinstance(response, ReadProblem):
        yield response
        return
    body = response["Body"]
    try:
        if keep is not None and response.get("ContentLength", WHOLE_READ_BYTES + 1) <= WHOLE_READ_BYTES:
            yield from read_log(body.read(), keep)
        else:
            yield from iter_records(cast(BinaryIO, body))
    except BODY_ERRORS as exc:
        yield ReadProblem("s3_read_failed", f"s3://{bucket}/{key}: {exc}", True, True)
    finally:
        body.close()


def fetch_object(
    s3: S3Client, bucket: str, key: str, most: int = WHOLE_READ_BYTES
) -> bytes | ReadProblem | None:
    """The bytes of one object, for another process to read as ``read_object`` would: a failed
    fetch is the ReadProblem ``read_object`` gives; None for an object over ``most`` bytes (at
    most WHOLE_READ_BYTES), which is left to ``read_object`` to stream."""
    response = _get_object(s3, bucket, key)
    if isinstance(response, ReadProblem):
        return response
    body = response["Body"]
    try:
        if response.get("ContentLength", WHOLE_READ_BYTES + 1) > min(most, WHOLE_READ_BYTES):
            return None
        return body.read()
    except BODY_ERRORS as exc:
        return ReadProblem("s3_read_failed", f"s3://{bucket}/{key}: {exc}", True, True)
    finally:
        body.close()


@dataclass(frozen=True, slots=True)
class Window:
    since: datetime | None = None
    until: datetime | None = None

    def holds(self, moment: datetime | None) -> bool:
        if moment is None:
            return self.since is None and self.until is None
        return (self.since is None or moment >= self.since) and (self.until is None or moment <= self.until)


def _common_prefixes(s3: S3Client, bucket: str, prefix: str) -> Iterator[str]:
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix, Delimiter="/"):
        for entry in page.get("CommonPrefixes", []):
            if "Prefix" in entry:
                yield entry["Prefix"]


def objects_under(s3: S3Client, bucket: str, prefix: str) -> Iterator[ObjectTypeDef]:
    """Every object under ``prefix``, as the listing gives it, page after page."""
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        yield from page.get("Contents", [])


def _sized(entries: Iterable[ObjectTypeDef]) -> Iterator[tuple[str, int | None]]:
    return ((entry["Key"], entry.get("Size")) for entry in entries if "Key" in entry)


def region_days(s3: S3Client, bucket: str, region: str, window: Window) -> Iterator[ObjectTypeDef]:
    """The objects of ``region``'s day folders (``<region>YYYY/MM/DD/``) of the window's days, in
    one listing: a general purpose bucket (what CloudTrail delivers to; a directory bucket lists
    in no order) lists keys in UTF-8 order, which is the days' order, so it starts after the first
    day's folder name and stops at the first key past the last day's. One request for a few days
    of an account's region (1,000 keys a page), where a listing a day folder took one each. Keys
    outside the day folders that sort between them come too (none that CloudTrail writes)."""
    assert window.since is not None and window.until is not None
    first = f"{region}{window.since:%Y/%m/%d}/"
    past = f"{region}{window.until + timedelta(days=1):%Y/%m/%d}/"
    pages = s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=region, StartAfter=first)
    for page in pages:
        for entry in page.get("Contents", []):
            if entry.get("Key", "") >= past:
                return
            yield entry


def _listed_days(s3: S3Client, bucket: str, window: Window, region: str) -> list[tuple[str, int | None]]:
    return list(_sized(region_days(s3, bucket, region, window)))


_WALK_DEPTH = 7  # folder levels listed below the prefix given, at most


@dataclass(frozen=True, slots=True)
class Walk:
    regions: list[str]  # the folders the level matches, in depth-first order
    deeper: list[str]  # folders at the walk's last level not gone into, in the order listed


def region_walk(
    s3: S3Client,
    bucket: str,
    prefix: str,
    *,
    level: re.Pattern[str] = _REGION_LEVEL,
    skipped: tuple[str, ...] = _SKIPPED,
    pruned: re.Pattern[str] | None = None,
    threads: int = 1,
    stopping: Stopping = never,
) -> Walk:
    """Walk AWSLogs/[o-org/]<account>/CloudTrail/<region>/ (the folders ``level`` matches) without
    listing every object, leaving out folders that end with one of ``skipped`` or that ``pruned``
    matches (OTHER_SERVICES: a walk that looks for log files only). One level at a
    time, ``threads`` folders listed at once (an organization's level holds an account's folder
    each); the folders found in the order a depth-first walk meets them, and the folders below the
    walk's depth it did not go into: a caller that must not miss a region folder, however deep,
    lists those whole. ``Stopped`` before a folder's listing is taken once ``stopping`` says so."""
    children: dict[str, list[str]] = {}
    frontier = [prefix]
    for _ in range(_WALK_DEPTH):
        to_list = [folder for folder in frontier if not level.search(folder)]
        with ReadAhead(partial(_listed_children, s3, bucket, skipped, pruned), threads) as ahead:
            ahead.announce(to_list)
            for folder in to_list:
                check(stopping)  # an organization's walk is thousands of listings
                children[folder] = ahead(folder)
        frontier = [child for folder in to_list for child in children[folder]]
    deeper = [folder for folder in frontier if not level.search(folder)]
    return Walk(list(_depth_first(prefix, children, level)), deeper)


def _listed_children(
    s3: S3Client, bucket: str, skipped: tuple[str, ...], pruned: re.Pattern[str] | None, folder: str
) -> list[str]:
    children = [child for child in _common_prefixes(s3, bucket, folder) if not child.endswith(skipped)]
    return children if pruned is None else [child for child in children if not pruned.search(child)]


def _depth_first(folder: str, children: dict[str, list[str]], level: re.Pattern[str]) -> Iterator[str]:
    if level.search(folder):
        yield folder
        return
    for child in children.get(folder, ()):
        yield from _depth_first(child, children, level)


LIST_CONCURRENCY = 8  # listings of region folders' days (and of the walk's levels) under way at once


def list_log_keys(
    s3: S3Client, bucket: str, prefix: str, window: Window, threads: int = LIST_CONCURRENCY
) -> list[str]:
    """Log object keys under ``prefix``, within ``window`` by the time in their names, in
    CloudTrail's time order. With a full window and a prefix above the region folders, only the
    days in it are listed, ``threads`` region folders at once; a prefix inside a region folder, or with no
    region folders under it (logs copied elsewhere), is listed whole."""
    return [key for key, _ in list_log_objects(s3, bucket, prefix, window, threads)]


def list_log_objects(
    s3: S3Client, bucket: str, prefix: str, window: Window, threads: int = LIST_CONCURRENCY
) -> list[tuple[str, int | None]]:
    """``list_log_keys`` with each object's size in bytes, as the listing gives it."""
    found: list[tuple[str, int | None]] = []
    regions: list[str] = []
    if window.since is not None and window.until is not None and not _BELOW_REGION.search(prefix):
        # Log files only: not the integrity check's walk, which looks for copies planted anywhere.
        regions = region_walk(s3, bucket, prefix, pruned=OTHER_SERVICES, threads=threads).regions
    # An organization's trail has a region folder per account and region: thousands of listings,
    # each a round trip, for even a day.
    with ReadAhead(partial(_listed_days, s3, bucket, window), threads) as ahead:
        ahead.announce(regions)
        for region in regions:
            found.extend(ahead(region))
    if not regions:
        found.extend(_sized(objects_under(s3, bucket, prefix)))
    chosen = [(k, size) for k, size in found if is_log_key(k)]
    if window.since is not None or window.until is not None:
        chosen = [(k, size) for k, size in chosen if window.holds(log_file_time(k))]
    return sorted(chosen, key=lambda entry: time_order_key(entry[0]))
