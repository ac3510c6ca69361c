"""Which listed log files WindowReads counts unread (integrity_reads.py), on plain data: a copy
of a file read, in a bucket the daemon does not read (replication), was read all the same, and a
file unread in both buckets is one file; an account none of whose files was read counts too."""

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

    def log_file_buckets_read(self, since: float) -> list[str]:
        return sorted({url[len("s3://") :].split("/", 1)[0] for url in self.urls})

    def __getattr__(self, name: str) -> Any:
        raise AssertionError(f"not asked in this test: {name}")


def _keys(origin: tuple[str, str], hours: tuple[int, ...]) -> list[str]:
    """The keys of ``origin``'s log files named ``hours`` before NOW."""
    return [log_key(origin[0], NOW - timedelta(hours=h), origin[1]) for h in hours]


def _window_reads(read: list[str]) -> WindowReads:
    """A check at NOW over 48 hours, whose store says ``read`` are ORIGIN's files read."""
    return WindowReads(Read(read), None, NOW - timedelta(hours=48), None, started_at=NOW.timestamp())  # type: ignore[arg-type]


def test_a_copy_in_another_bucket_of_a_file_read_is_not_unread() -> None:
    keys = _keys(ORIGIN, (5, 4, 3, 2))
    read = [f"s3://primary/{key}" for key in keys[:1] + keys[2:]]  # the second one's notification was lost
    reads = _window_reads(read)
    tree = Tree()
    for bucket in ("primary", "replica"):
        tree.logs.update({f"s3://{bucket}/{key}": key for key in keys})
    reads.parts()[ORIGIN](tree)
    reads.check(ORIGIN, tree)  # no digest in the window: unvouched, and counted all the same
    assert reads.unread == {ORIGIN: [f"s3://primary/{keys[1]}"]}  # one file, in two buckets


def test_a_daemon_behind_is_not_counted_for_the_files_it_has_not_reached() -> None:
    keys = _keys(ORIGIN, (9, 8, 5, 4, 3, 2))
    # Catching up a backlog: it read up to four hours ago, but for the file of eight hours ago.
    read = [f"s3://primary/{key}" for key in (keys[0], keys[2], keys[3])]
    reads = _window_reads(read)
    tree = Tree(logs={f"s3://primary/{key}": key for key in keys})
    reads.parts()[ORIGIN](tree)
    reads.check(ORIGIN, tree)
    assert reads.unread == {ORIGIN: [f"s3://primary/{keys[1]}"]}


OTHER = ("444455556666", "us-east-2")  # an account whose folder the queue's notifications leave out


def test_an_account_none_of_whose_files_was_read_is_counted_within_its_buckets_reads() -> None:
    read = _keys(ORIGIN, (6, 5, 4, 3, 2))  # every file of ORIGIN read, the newest named two hours ago
    other = _keys(OTHER, (7, 6, 5, 3, 2))
    reads = _window_reads([f"s3://primary/{key}" for key in read])
    ours, theirs, elsewhere = Tree(), Tree(), Tree()
    reads.parts()[ORIGIN](ours)  # the files read: all of them listed
    theirs.logs.update({f"s3://primary/{key}": key for key in other})
    elsewhere.logs.update({f"s3://replica/{key}": key for key in other})  # a bucket nothing was read from
    # Checked before the group whose reads give the bucket's bounds, as the walk may order them.
    reads.check(OTHER, theirs)
    reads.check(ORIGIN, ours)
    assert reads.unread == {}  # not until every group is checked
    reads.note_groups_never_read()
    # From the bucket's first file read (six hours ago) to an hour before its newest (two hours ago).
    assert reads.unread == {OTHER: [f"s3://primary/{key}" for key in other[1:4]]}

    reads = _window_reads([f"s3://primary/{key}" for key in read])
    reads.parts()[ORIGIN](Tree())
    reads.check(OTHER, elsewhere)
    assert not reads._never_read[OTHER]  # nothing held of a bucket nothing was read from (a replica)
    reads.check(ORIGIN, ours)
    reads.note_groups_never_read()
    assert reads.unread == {}
