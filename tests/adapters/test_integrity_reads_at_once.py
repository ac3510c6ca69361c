"""The integrity check reads its digests and log files several at once (moto): a first check reads
every object of its window, and one at a time it waited out every round trip in turn. The report is
the same whatever the number read at once, and each object is read once."""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from tagwarden.adapters.integrity import LOG_MARGIN, Tree, add_s3, verify_tree
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.known_log_hashes import KnownLogHashes
from tagwarden.adapters.public_keys import FolderKeys
from tagwarden.adapters.store import Store, open_store
from tests.builders.integrity_bucket import put_in_bucket
from tests.builders.s3_listings import listing
from tests.builders.signed_trail import BUCKET, build_tree


class Watched:
    """An S3 client whose GetObject calls are counted, each held 20 ms, with the most under way at
    once since ``most`` was last reset; and its ListObjectsV2 calls too (``most_listing``)."""

    def __init__(self, client: Any) -> None:
        self._client = client
        self._lock = threading.Lock()
        self._under_way = 0
        self.most = 0
        self.reads: Counter[str] = Counter()
        self._listing = 0
        self.most_listing = 0
        self.listed: list[str] = []
        client.meta.events.register("before-parameter-build.s3.ListObjectsV2", self._list_asked)
        client.meta.events.register("before-call.s3.ListObjectsV2", self._list_starts)
        client.meta.events.register("after-call.s3.ListObjectsV2", self._list_ends)

    def _list_asked(self, params: dict[str, Any], **_: Any) -> None:
        with self._lock:
            self.listed.append(listing(params))

    def _list_starts(self, **_: Any) -> None:
        with self._lock:
            self._listing += 1
            self.most_listing = max(self.most_listing, self._listing)
        time.sleep(0.02)

    def _list_ends(self, **_: Any) -> None:
        with self._lock:
            self._listing -= 1

    def __getattr__(self, name: str) -> Any:
        return getattr(self._client, name)

    def get_object(self, **kwargs: Any) -> Any:
        with self._lock:
            self._under_way += 1
            self.most = max(self.most, self._under_way)
            self.reads[kwargs["Key"]] += 1
        try:
            time.sleep(0.02)
            return self._client.get_object(**kwargs)
        finally:
            with self._lock:
                self._under_way -= 1


@pytest.fixture
def forged_bucket(aws: str, tmp_path: Path) -> list[str]:
    """Six signed hours of three log files each, one log file then written again: the keys."""
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=10)
    tree = build_tree(hours=6, logs_per_hour=3, start=start)
    tree.write_keys(tmp_path / "keys")
    put_in_bucket(tree)
    boto3.client("s3", region_name="us-east-1").put_object(
        Bucket=BUCKET, Key=tree.logs[4], Body=gzip.compress(b'{"Records": []}')
    )
    return list(tree.files)


def _check(tmp_path: Path, threads: int, store: Store | None = None) -> tuple[Any, Watched, int]:
    """The check as the daemon makes it (with ``store``, keeping what it read there, as the
    daemon does); the report, the client, and the most digests read at once."""
    known = KnownLogHashes(store) if store is not None else None
    digests = KnownDigests(store) if store is not None else None
    s3 = Watched(boto3.client("s3", region_name="us-east-1"))
    since = datetime.now(UTC) - timedelta(hours=48)
    tree = Tree()
    add_s3(tree, s3, f"s3://{BUCKET}/AWSLogs/", since, known=digests, threads=threads)  # type: ignore[arg-type]
    most_digests, s3.most = s3.most, 0
    report = verify_tree(tree, FolderKeys(tmp_path / "keys"), since, known=known, threads=threads)
    return report, s3, most_digests


def test_objects_are_read_at_once_each_once_with_the_report_unchanged(
    forged_bucket: list[str], tmp_path: Path
) -> None:
    alone, one_by_one, most_digests = _check(tmp_path, threads=1)
    assert (one_by_one.most_listing, most_digests, one_by_one.most) == (1, 1, 1)
    assert [p.kind for p in alone.problems] == ["modified"]

    report, at_once, most_digests = _check(tmp_path, threads=4)
    # Under way together: the day folders' listings, the digests, then the log files.
    assert at_once.most_listing >= 2 and most_digests >= 2 and at_once.most >= 2
    assert at_once.most_listing <= 4 and at_once.most <= 4
    assert report == alone
    assert at_once.reads == one_by_one.reads == Counter(forged_bucket)  # every object, once
    assert sorted(at_once.listed) == sorted(one_by_one.listed)  # every folder, once
    # The log files' region folder and the digests', each one listing of the window's days.
    days = [prefix.split(" from ") for prefix in at_once.listed if " from " in prefix]
    assert sorted(folder.split("/")[2] for folder, _ in days) == ["CloudTrail", "CloudTrail-Digest"]
    first = f"{datetime.now(UTC) - timedelta(hours=48) - LOG_MARGIN:%Y/%m/%d}/"
    assert [after for _, after in days] == [first, first]
    assert not [p for p in at_once.listed if p.endswith(first) and " from " not in p]  # no day folder alone


def test_with_objects_kept_only_those_not_known_are_read_ahead(
    forged_bucket: list[str], tmp_path: Path
) -> None:
    store = open_store("sqlite:///:memory:")
    try:
        first, s3, _ = _check(tmp_path, threads=4, store=store)
        assert s3.reads == Counter(forged_bucket)
        report, s3, _ = _check(tmp_path, threads=4, store=store)
        assert report == first and not s3.reads
        # One log file written again: it alone is read, none of the known ones ahead of it.
        rewritten = sorted(key for key in forged_bucket if "/CloudTrail/" in key)[-1]
        boto3.client("s3", region_name="us-east-1").put_object(
            Bucket=BUCKET, Key=rewritten, Body=gzip.compress(b'{"Records": []}')
        )
        report, s3, _ = _check(tmp_path, threads=4, store=store)
        assert list(s3.reads) == [rewritten]
        assert len(report.problems) == 2
        # And one digest: it alone.
        digest = sorted(key for key in forged_bucket if "/CloudTrail-Digest/" in key)[2]
        copied = boto3.client("s3", region_name="us-east-1").get_object(Bucket=BUCKET, Key=digest)
        # The same content and metadata: only a later LastModified (whole seconds, as S3 gives it)
        # tells the copy apart, so the first write's second must be over.
        while datetime.now(UTC).replace(microsecond=0) <= copied["LastModified"]:
            time.sleep(0.05)
        boto3.client("s3", region_name="us-east-1").put_object(
            Bucket=BUCKET, Key=digest, Body=copied["Body"].read(), Metadata=copied["Metadata"]
        )
        report, s3, _ = _check(tmp_path, threads=4, store=store)
        assert list(s3.reads) == [digest]
        assert len(report.problems) == 2
    finally:
        store.close()
