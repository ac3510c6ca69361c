"""A windowed listing of a trail's prefix lists its day folders several at once, and finds what
listing them one at a time finds, in the same order; its walk does not go into other services'
folders (s3_objects.list_log_objects)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters.sources.s3_objects import OTHER_SERVICES, Window, list_log_objects, log_file_time
from tagwarden.core.integrity.layout import log_file_key

START = datetime(2026, 11, 28, tzinfo=UTC)
PAGE = 1000  # keys a page of ListObjectsV2


class Bucket:
    """ListObjectsV2 over a list of keys, with or without a delimiter; each listing takes a few
    milliseconds, as a round trip does, and the most day folders' listings under way at once is kept."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = sorted(keys)
        self.most_at_once = 0
        self.walked: list[str] = []  # the folders listed with a delimiter
        self.pages = 0  # of objects, taken
        self._now = 0
        self._lock = threading.Lock()

    def get_paginator(self, name: str) -> Bucket:
        assert name == "list_objects_v2"
        return self

    def paginate(
        self, Bucket: str, Prefix: str, Delimiter: str | None = None, StartAfter: str = ""
    ) -> Iterator[dict[str, Any]]:
        if Delimiter is not None:
            self.walked.append(Prefix)
        if Delimiter is None:  # a day folder's listing, not the walk's
            with self._lock:
                self._now += 1
                self.most_at_once = max(self.most_at_once, self._now)
        time.sleep(0.005)
        if Delimiter is None:
            with self._lock:
                self._now -= 1
        under = [key for key in self.keys if key.startswith(Prefix) and key > StartAfter]
        if Delimiter is None:
            for start in range(0, len(under), PAGE):  # as S3 pages them, taken as they are asked for
                self.pages += 1
                yield {"Contents": [{"Key": key, "Size": len(key)} for key in under[start : start + PAGE]]}
            return
        folders = sorted(
            {Prefix + key[len(Prefix) :].split("/", 1)[0] + "/" for key in under if "/" in key[len(Prefix) :]}
        )
        yield {"CommonPrefixes": [{"Prefix": folder} for folder in folders]}


def _trail(accounts: int, regions: list[str], days: int, every_minutes: int = 300) -> list[str]:
    keys = []
    for account in range(accounts):
        for region in regions:
            for minute in range(0, days * 24 * 60, every_minutes):
                at = START + timedelta(minutes=minute + account)
                keys.append(log_file_key(f"{account:012}", region, at, "x", organization="o-1"))
    return keys


def test_day_folders_are_listed_several_at_once_with_the_same_result() -> None:
    bucket = Bucket(_trail(3, ["us-east-1", "eu-west-1"], 6))
    window = Window(START + timedelta(days=1, hours=5), START + timedelta(days=4, hours=2))
    alone = list_log_objects(bucket, "b", "AWSLogs/", window, threads=1)  # type: ignore[arg-type]
    assert bucket.most_at_once == 1
    together = list_log_objects(bucket, "b", "AWSLogs/", window, threads=8)  # type: ignore[arg-type]
    assert bucket.most_at_once > 1
    assert together == alone and len(alone) > 50
    assert all(
        window.holds(datetime.strptime(key.rsplit("_", 2)[1], "%Y%m%dT%H%MZ").replace(tzinfo=UTC))
        for key, _ in alone
    )


def test_the_walk_leaves_other_services_folders_alone() -> None:
    trail = _trail(2, ["us-east-1"], 2)
    config = [
        f"AWSLogs/{n:012}/Config/us-east-1/2026/11/{day}/ConfigHistory/{n}_Config_x.json.gz"
        for n in range(2)
        for day in (28, 29)
    ]
    # Control Tower's layout: the organization's trail under AWSLogs/o-.../, Config beside it.
    tower = [key.replace("AWSLogs/o-1/", "o-abcdefghij/AWSLogs/o-abcdefghij/") for key in trail]
    tower_config = [f"o-abcdefghij/{key}" for key in config]
    for keys, prefix in (
        (trail + [k.replace("o-1/", "") for k in config], "AWSLogs/"),
        (tower + tower_config, ""),
    ):
        bucket = Bucket(keys)
        window = Window(START, START + timedelta(days=2))
        found = list_log_objects(bucket, "b", prefix, window)  # type: ignore[arg-type]
        assert {key for key, _ in found} == {key for key in keys if "/CloudTrail/" in key}
        assert bucket.walked and not [folder for folder in bucket.walked if "/Config/" in folder]


@given(
    org=st.one_of(st.just(""), st.from_regex(r"o-[a-z0-9]{10,32}/", fullmatch=True)),
    account=st.from_regex(r"[0-9]{12}", fullmatch=True),
    service=st.from_regex(r"[A-Za-z0-9_.-]{1,20}", fullmatch=True),
    before=st.sampled_from(["", "logs/", "123456789012/", "o-abcdefghij/"]),
)
def test_only_an_accounts_other_service_folders_are_pruned(
    org: str, account: str, service: str, before: str
) -> None:
    folder = f"{before}AWSLogs/{org}{account}/{service}/"
    assert bool(OTHER_SERVICES.search(folder)) == (service != "CloudTrail")
    assert not OTHER_SERVICES.search(f"{before}AWSLogs/{org}{account}/")  # the account's own
    assert not OTHER_SERVICES.search(f"{before}AWSLogs/{org}{account}/CloudTrail/{service}/")  # a region
    assert not OTHER_SERVICES.search(f"{account}/{service}/")  # not under AWSLogs


def test_a_region_folders_days_are_one_listing_stopped_past_the_window() -> None:
    # 30 days of a busy account's region (a file every 5 minutes: 288 a day); two days of them.
    bucket = Bucket(_trail(1, ["us-east-1"], 30, every_minutes=5))
    window = Window(START + timedelta(days=10, hours=5), START + timedelta(days=11, hours=2))
    found = list_log_objects(bucket, "b", "AWSLogs/", window)  # type: ignore[arg-type]
    assert len(found) == (24 - 5 + 2) * 12 + 1  # both ends in the window
    # One page from day 10 on holds days 10 and 11 and day 12's first key, where the listing
    # stops. Listed to the folder's end, it took 20 days' keys: six pages.
    assert bucket.pages == 1


@given(
    since=st.integers(min_value=-2 * 24, max_value=8 * 24),
    hours=st.integers(min_value=0, max_value=5 * 24),
)
def test_a_windowed_listing_finds_what_a_whole_one_does_in_the_window(since: int, hours: int) -> None:
    keys = _trail(2, ["us-east-1", "eu-west-1"], 6, every_minutes=97)
    window = Window(START + timedelta(hours=since), START + timedelta(hours=since + hours))
    windowed = list_log_objects(Bucket(keys), "b", "AWSLogs/", window)  # type: ignore[arg-type]
    whole = list_log_objects(Bucket(keys), "b", "AWSLogs/", Window())  # type: ignore[arg-type]
    assert windowed == [entry for entry in whole if window.holds(log_file_time(entry[0]))]
