"""region_walk walks the folders one level at a time, several listed at once, and finds the
region folders a depth-first walk finds, in the same order, listing each folder once. It also
names the folders below its depth, so that a caller that lists those whole misses no region
folder however deep."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.adapters.sources.s3_objects import region_walk
from tagwarden.core.stopping import Stopped
from tests.builders.stopping import AskedTimes

LEVEL = re.compile(r"(^|/)CloudTrail/[^/]+/$")
SKIPPED = ("CloudTrail-Insight/",)


class Folders:
    """A bucket's folders for a delimiter listing (ListObjectsV2 with Delimiter "/"), counted."""

    def __init__(self, keys: list[str]) -> None:
        self.keys = keys
        self.listed: Counter[str] = Counter()
        self._lock = threading.Lock()

    def get_paginator(self, name: str) -> Folders:
        assert name == "list_objects_v2"
        return self

    def paginate(self, Bucket: str, Prefix: str, Delimiter: str) -> Iterator[dict[str, Any]]:
        with self._lock:
            self.listed[Prefix] += 1
        below = {
            Prefix + key[len(Prefix) :].split("/", 1)[0] + "/"
            for key in self.keys
            if key.startswith(Prefix) and "/" in key[len(Prefix) :]
        }
        ordered = sorted(below)
        yield {"CommonPrefixes": [{"Prefix": folder} for folder in ordered[:2]]}
        yield {"CommonPrefixes": [{"Prefix": folder} for folder in ordered[2:]]}


def depth_first(folders: Folders, prefix: str, depth: int = 0) -> Iterator[str]:
    """The walk as it was written before: one folder listed at a time, depth first."""
    if LEVEL.search(prefix):
        yield prefix
        return
    if depth > 6:
        return
    for page in folders.paginate(Bucket="b", Prefix=prefix, Delimiter="/"):
        for entry in page["CommonPrefixes"]:
            if not entry["Prefix"].endswith(SKIPPED):
                yield from depth_first(folders, entry["Prefix"], depth + 1)


segment = st.sampled_from(
    [
        "AWSLogs",
        "o-abc",
        "111122223333",
        "444455556666",
        "CloudTrail",
        "CloudTrail-Digest",
        "CloudTrail-Insight",
        "us-east-1",
        "eu-west-3",
        "2026",
        "a-b",
        "a",
        "x",
    ]
)
keys = st.lists(
    st.lists(segment, min_size=1, max_size=9).map(lambda parts: "/".join(parts) + "/f.json.gz"), max_size=25
)


@settings(deadline=None, max_examples=200)
@given(keys=keys, prefix=st.sampled_from(["", "AWSLogs/", "AWSLogs/o-abc/", "a/"]), threads=st.integers(1, 4))
def test_the_region_folders_of_a_depth_first_walk_in_its_order(
    keys: list[str], prefix: str, threads: int
) -> None:
    expected = list(depth_first(Folders(keys), prefix))
    folders = Folders(keys)
    found = region_walk(folders, "b", prefix, level=LEVEL, skipped=SKIPPED, threads=threads).regions  # type: ignore[arg-type]
    assert found == expected
    assert set(folders.listed.values()) <= {1}  # each folder listed once


def test_an_organizations_folders_are_listed_at_once() -> None:
    accounts = [f"{n:012d}" for n in range(12)]
    keys = [f"AWSLogs/o-abc/{a}/CloudTrail/us-east-1/2026/01/01/f.json.gz" for a in accounts]
    under_way, most, lock = 0, 0, threading.Lock()
    together = threading.Event()

    class Slow(Folders):
        def paginate(self, Bucket: str, Prefix: str, Delimiter: str) -> Iterator[dict[str, Any]]:
            nonlocal under_way, most
            with lock:
                under_way += 1
                most = max(most, under_way)
                if most >= 4:
                    together.set()
            together.wait(0.5)  # until four listings are under way together, or half a second
            with lock:
                under_way -= 1
            yield from super().paginate(Bucket, Prefix, Delimiter)

    found = region_walk(Slow(keys), "b", "AWSLogs/", threads=4).regions  # type: ignore[arg-type]
    assert found == [f"AWSLogs/o-abc/{a}/CloudTrail/us-east-1/" for a in accounts]
    assert most == 4


def _wanted(key: str, prefix: str) -> bool:
    """A key below a region folder under ``prefix``, with no skipped folder on the way to it."""
    if not key.startswith(prefix):
        return False
    for at in range(len(prefix), len(key)):
        if key[at] != "/":
            continue
        folder = key[: at + 1]
        if folder.endswith(SKIPPED):
            return False
        if LEVEL.search(folder):
            return True
    return False


deep_keys = st.lists(
    st.lists(segment, min_size=1, max_size=12).map(lambda parts: "/".join(parts) + "/f.json.gz"), max_size=25
)


@settings(deadline=None, max_examples=300)
@given(keys=deep_keys, prefix=st.sampled_from(["", "AWSLogs/", "a/"]), threads=st.integers(1, 3))
def test_the_walk_and_the_folders_below_it_hold_every_region_folder_once(
    keys: list[str], prefix: str, threads: int
) -> None:
    walk = region_walk(Folders(keys), "b", prefix, level=LEVEL, skipped=SKIPPED, threads=threads)  # type: ignore[arg-type]
    folders = walk.regions + walk.deeper
    assert all(folder.startswith(prefix) for folder in folders)
    # none inside another: listed whole, no file is listed twice
    assert not [(a, b) for a in folders for b in folders if a != b and b.startswith(a)]
    for key in keys:
        if _wanted(key, prefix):
            assert any(key.startswith(folder) for folder in folders), key


def test_a_region_folder_deeper_than_the_walk_is_below_a_folder_it_names() -> None:
    deep = "a/b/c/d/e/f/g/AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/01/f.json.gz"
    shallow = "AWSLogs/111122223333/CloudTrail/us-east-1/2026/01/01/f.json.gz"
    walk = region_walk(Folders([deep, shallow]), "b", "", level=LEVEL, skipped=SKIPPED)  # type: ignore[arg-type]
    assert walk.regions == ["AWSLogs/111122223333/CloudTrail/us-east-1/"]
    assert walk.deeper == ["a/b/c/d/e/f/g/"]  # seven folders listed: "" to a/b/c/d/e/f/


def test_a_walk_told_to_stop_raises_before_the_next_listing() -> None:
    keys = [f"AWSLogs/o-abc/{n:012d}/CloudTrail/us-east-1/2026/01/01/f.json.gz" for n in range(12)]
    whole = Folders(keys)
    region_walk(whole, "b", "AWSLogs/", threads=1)  # type: ignore[arg-type]
    folders, stopping = Folders(keys), AskedTimes(5)
    with pytest.raises(Stopped):
        region_walk(folders, "b", "AWSLogs/", threads=1, stopping=stopping)  # type: ignore[arg-type]
    assert stopping.asked == 5
    assert sum(folders.listed.values()) == 4 < sum(whole.listed.values())
