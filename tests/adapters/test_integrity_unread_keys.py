"""Which listed log files WindowReads counts unread (integrity_reads.py), on plain data: a copy
of a file read, in a bucket the daemon does not read (replication), was read all the same, and a
file unread in both buckets is one file."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Any

from tagwarden.adapters.integrity import Tree
from tagwarden.adapters.integrity_reads import WindowReads
from tagwarden.app.demo.runner import log_key

ORIGIN = ("111122223333", "us-east-2")
NOW = datetime(2026, 12, 5, 12, 0, tzinfo=UTC)


class Read:
    def __init__(self, urls: list[str]) -> None:
        self.urls = urls

    def log_file_origins_read(self, since: float) -> list[tuple[str, str]]:
        return [ORIGIN]

    def log_files_read(self, origin: tuple[str, str], since: float) -> list[str]:
        return self.urls if origin == ORIGIN else []

    def log_files_checked(self, urls: Collection[str]) -> set[str]:
        return set()

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"not asked in this test: {name}")


def test_a_copy_in_another_bucket_of_a_file_read_is_not_unread() -> None:
    keys = [log_key(*ORIGIN[:1], NOW - timedelta(hours=hours), ORIGIN[1]) for hours in (5, 4, 3, 2)]
    read = [f"s3://primary/{key}" for key in keys[:1] + keys[2:]]  # the second one's notification was lost
    reads = WindowReads(Read(read), None, NOW - timedelta(hours=48), None, started_at=NOW.timestamp())  # type: ignore[arg-type]
    tree = Tree()
    for bucket in ("primary", "replica"):
        tree.logs.update({f"s3://{bucket}/{key}": key for key in keys})
    reads.parts()[ORIGIN](tree)
    reads.check(ORIGIN, tree)  # no digest in the window: unvouched, and counted all the same
    assert reads.unread == {ORIGIN: [f"s3://primary/{keys[1]}"]}  # one file, in two buckets


def test_a_daemon_behind_is_not_counted_for_the_files_it_has_not_reached() -> None:
    keys = [log_key(*ORIGIN[:1], NOW - timedelta(hours=hours), ORIGIN[1]) for hours in (9, 8, 5, 4, 3, 2)]
    # Catching up a backlog: it read up to four hours ago, but for the file of eight hours ago.
    read = [f"s3://primary/{key}" for key in (keys[0], keys[2], keys[3])]
    reads = WindowReads(Read(read), None, NOW - timedelta(hours=48), None, started_at=NOW.timestamp())  # type: ignore[arg-type]
    tree = Tree(logs={f"s3://primary/{key}": key for key in keys})
    reads.parts()[ORIGIN](tree)
    reads.check(ORIGIN, tree)
    assert reads.unread == {ORIGIN: [f"s3://primary/{keys[1]}"]}
