"""The daemon's files source lists an S3 path whole once, then only the days a late log file can
still arrive in, and forgets the marks of the files it no longer lists (moto; files_reach.py)."""

from __future__ import annotations

import gzip
import json
import sqlite3
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from tagwarden.adapters.sources.files import FilesSource
from tagwarden.adapters.sources.files_reach import cursor_name
from tagwarden.app.config import FilesSourceSettings
from tagwarden.core.integrity.layout import log_file_key
from tests.builders.s3_listings import listing
from tests.faults.builders import Wired, self_retag

ACCOUNT = "111122223333"
BUCKET = "reach-trail"
PATH = f"s3://{BUCKET}/AWSLogs/"
NOW = datetime.now(UTC).replace(second=0, microsecond=0)


def _key(at: datetime, tag: str, region: str = "us-east-1") -> str:
    return log_file_key(ACCOUNT, region, at, tag)


def _put(s3: Any, at: datetime, tag: str, body: bytes | None = None) -> str:
    key = _key(at, tag)
    data = body if body is not None else gzip.compress(json.dumps({"Records": [self_retag(tag)]}).encode())
    s3.put_object(Bucket=BUCKET, Key=key, Body=data)
    return key


class Listings:
    """What the source's S3 client listed (``listing``), by a hook on the client's own events."""

    def __init__(self) -> None:
        self.client = boto3.client("s3")
        self.prefixes: list[str] = []
        self.threads: set[int] = set()  # where the region folders' days were listed
        self.client.meta.events.register("before-parameter-build.s3.ListObjectsV2", self._note)

    def _note(self, params: dict[str, Any], **_: Any) -> None:
        noted = listing(params)
        if " from " in noted:
            self.threads.add(threading.get_ident())
        self.prefixes.append(noted)

    def taken(self) -> list[str]:
        taken, self.prefixes = self.prefixes, []
        return taken


@pytest.fixture
def wired(aws: str, tmp_path: Path) -> Iterator[Wired]:
    boto3.client("s3").create_bucket(Bucket=BUCKET)
    wired = Wired(tmp_path / "state.db")
    yield wired
    wired.close()


def _source(wired: Wired, listings: Listings, paths: list[str] | None = None, **settings: Any) -> FilesSource:
    spec = FilesSourceSettings(type="files", paths=paths or [PATH], **settings)
    return FilesSource("trail-files", spec, wired.context, base_dir=Path("."), s3=lambda: listings.client)


def _poll(source: FilesSource) -> set[str]:
    """The event ids the poll committed (each file holds one, named as its tag)."""
    before = _events(source)
    source.poll(threading.Event())
    return _events(source) - before


def _events(source: FilesSource) -> set[str]:
    with sqlite3.connect(source._context.processor.store._path) as conn:  # type: ignore[attr-defined]
        return {str(row[0]) for row in conn.execute("SELECT event_id FROM processed_events")}


def _cursor(wired: Wired, path: str = PATH) -> float | None:
    return wired.store.read_cursor(cursor_name("trail-files", path))


def test_a_path_is_listed_whole_once_then_only_the_days_a_late_file_may_arrive_in(wired: Wired) -> None:
    s3, listings = boto3.client("s3"), Listings()
    _put(s3, NOW - timedelta(days=10), "old")
    _put(s3, NOW - timedelta(hours=1), "recent")
    source = _source(wired, listings)
    assert _poll(source) == {"old", "recent"}
    assert listings.taken() == ["AWSLogs/"]  # whole: the path's first listing
    assert _cursor(wired) == (NOW - timedelta(hours=1)).timestamp()

    # Misfiled long after its time, named for hours ahead, and delivered 23 hours late: only the
    # last is listed.
    _put(s3, NOW - timedelta(days=5), "misfiled-late")
    _put(s3, NOW + timedelta(hours=3), "ahead")
    _put(s3, NOW - timedelta(hours=24), "late")
    assert _poll(source) == {"late"}
    listed = listings.taken()
    # The region folder from a day before the cursor (an hour ago) on, in one listing (stopped
    # past an hour after now); not the whole path.
    region = f"AWSLogs/{ACCOUNT}/CloudTrail/us-east-1/"
    assert [prefix for prefix in listed if not prefix.endswith(" folders")] == [
        f"{region} from {NOW - timedelta(hours=25):%Y/%m/%d}/"
    ]
    assert "AWSLogs/ folders" in listed


def test_a_restarted_source_and_a_new_path_start_where_the_store_says(wired: Wired) -> None:
    s3, listings = boto3.client("s3"), Listings()
    _put(s3, NOW - timedelta(hours=2), "first")
    assert _poll(_source(wired, listings)) == {"first"}
    _put(s3, NOW - timedelta(days=3), "misfiled")
    other = f"s3://{BUCKET}/AWSLogs/{ACCOUNT}/"
    # The same source started again: windowed from its first poll. A path added to it: whole once.
    assert _poll(_source(wired, listings)) == set()
    assert _poll(_source(wired, listings, [PATH, other])) == {"misfiled"}
    assert _cursor(wired, other) == (NOW - timedelta(hours=2)).timestamp()


def test_without_late_file_hours_every_poll_lists_everything(wired: Wired) -> None:
    s3, listings = boto3.client("s3"), Listings()
    _put(s3, NOW - timedelta(hours=1), "recent")
    source = _source(wired, listings, late_file_hours=None)
    assert _poll(source) == {"recent"}
    _put(s3, NOW - timedelta(days=5), "misfiled")
    assert _poll(source) == {"misfiled"}
    assert listings.taken() == ["AWSLogs/", "AWSLogs/"] and _cursor(wired) is None


def test_a_name_from_the_future_does_not_move_the_cursor_past_now(wired: Wired) -> None:
    s3, listings = boto3.client("s3"), Listings()
    _put(s3, NOW - timedelta(hours=1), "recent")
    _put(s3, NOW + timedelta(days=30), "ahead")
    source = _source(wired, listings)
    started = datetime.now(UTC).timestamp()
    assert _poll(source) == {"recent", "ahead"}
    cursor = _cursor(wired)
    assert cursor is not None and started <= cursor <= datetime.now(UTC).timestamp()
    _put(s3, NOW - timedelta(hours=20), "late")
    assert _poll(source) == {"late"}


def test_a_file_that_failed_holds_the_cursor_back_until_it_is_set_aside(wired: Wired) -> None:
    s3, listings = boto3.client("s3"), Listings()
    _put(s3, NOW - timedelta(days=4), "broken", body=b"this is not a log file")
    _put(s3, NOW - timedelta(hours=1), "recent")
    source = _source(wired, listings, quarantine_after=2)
    assert _poll(source) == {"recent"}
    assert _cursor(wired) == (NOW - timedelta(days=4)).timestamp()  # tried again from there
    _put(s3, NOW - timedelta(days=3), "misfiled")  # within a day of the failed file: listed
    assert _poll(source) == {"misfiled"}  # the broken file failed again: set aside
    assert wired.store.is_quarantined(
        "trail-files", f"s3://{BUCKET}/{_key(NOW - timedelta(days=4), 'broken')}"
    )
    assert _cursor(wired) == (NOW - timedelta(hours=1)).timestamp()


def test_a_poll_cut_short_leaves_the_cursor_where_it_was(wired: Wired) -> None:
    s3, listings = boto3.client("s3"), Listings()
    for n in range(3):
        _put(s3, NOW - timedelta(hours=3 - n), f"file-{n}")
    stop = threading.Event()
    spec = FilesSourceSettings(type="files", paths=[PATH])
    # A file a transaction, so that the stop comes before the last one.
    source = FilesSource(
        "trail-files", spec, wired.context, base_dir=Path("."), s3=lambda: listings.client, batch_records=1
    )
    source.poll(stop, progress=lambda done, total, result: stop.set())
    assert _events(source) == {"file-0"} and _cursor(wired) is None
    assert source.poll(threading.Event()).failed_units == 0
    assert _cursor(wired) == (NOW - timedelta(hours=1)).timestamp()


def test_marks_no_listing_reaches_are_forgotten(wired: Wired) -> None:
    s3, listings = boto3.client("s3"), Listings()
    old = _put(s3, NOW - timedelta(days=10), "old")
    recent = _put(s3, NOW - timedelta(hours=1), "recent")
    source = _source(wired, listings)
    assert _poll(source) == {"old", "recent"}
    marks = [f"s3://{BUCKET}/{old}", f"s3://{BUCKET}/{recent}"]
    # Both committed 26 hours ago, as if that poll had run then: one hour of skew and the day a
    # late file may take (the cursor is an hour ago), and the older goes.
    _commit_marks_at(source, NOW - timedelta(hours=26, minutes=1), marks[0])
    _commit_marks_at(source, NOW - timedelta(hours=25, minutes=59), marks[1])
    before = wired.counter(wired.context.metrics.store_forgotten_rows, "processed_objects")
    assert _poll(source) == set()
    assert wired.store.objects_processed("trail-files", marks) == {marks[1]}
    assert wired.counter(wired.context.metrics.store_forgotten_rows, "processed_objects") == before + 1
    assert _poll(source) == set()  # not listed any more: not read again


def _commit_marks_at(source: FilesSource, at: datetime, key: str) -> None:
    with sqlite3.connect(source._context.processor.store._path) as conn:  # type: ignore[attr-defined]
        changed = conn.execute(
            "UPDATE processed_objects SET processed_at = ? WHERE key = ?", (f"{at:%Y-%m-%dT%H:%M:%SZ}", key)
        ).rowcount
    assert changed == 1


def test_a_store_that_fails_to_move_the_cursor_fails_nothing_else(
    wired: Wired, monkeypatch: pytest.MonkeyPatch
) -> None:
    s3, listings = boto3.client("s3"), Listings()
    _put(s3, NOW - timedelta(hours=1), "recent")

    def fails(source: str, read_until: float) -> None:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(wired.store, "advance_read_cursor", fails)
    result = _source(wired, listings).poll(threading.Event())
    assert result.units == 1 and result.failed_units == 0 and _cursor(wired) is None


def test_region_folders_are_listed_list_concurrency_at_once(wired: Wired) -> None:
    s3 = boto3.client("s3")
    for n, region in enumerate(["us-east-1", "eu-west-1", "ap-south-1"]):
        key = _key(NOW - timedelta(hours=1), str(n), region)
        s3.put_object(Bucket=BUCKET, Key=key, Body=gzip.compress(json.dumps({"Records": []}).encode()))
    for concurrency, threads in ((1, {threading.get_ident()}), (8, None)):
        listings = Listings()
        source = _source(wired, listings, list_concurrency=concurrency)
        source.poll(threading.Event())  # whole, or windowed where the first test's cursor is
        source.poll(threading.Event())
        assert listings.threads
        if threads is not None:
            assert listings.threads == threads
        else:
            assert threading.get_ident() not in listings.threads
