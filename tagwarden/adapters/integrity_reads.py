"""The S3 log files the sources read in a check's window (the store's ``log_files_read``), for the
daemon's integrity check (``WindowReads``): each is verified with its account and region's
digests wherever it lies, and, named for an hour before the window, with the digests of that
hour: the daemon judges a file's records whatever its name says, so a name chosen to fall before
the window must not take it out of the check."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from tagwarden.adapters.integrity import LOG_MARGIN, GroupKey, Tree, add_s3, verify_tree
from tagwarden.adapters.integrity_groups import group_of
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.public_keys import KeySource, digest_times
from tagwarden.adapters.sources.s3_objects import Window, parse_s3_url
from tagwarden.core.integrity import Problem, Report, place, unplaced_problems
from tagwarden.core.ports.known_objects import LogFilesRead, Origin
from tagwarden.core.settings.integrity import DEFAULT_READ_CONCURRENCY
from tagwarden.core.stopping import Stopping, never

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

UNPLACED: Origin = ("", "")  # the origin of the files read whose names place them nowhere
_DIGEST_FOLDER = re.compile(r"^s3://([^/]+)/(.*?CloudTrail-Digest/[^/]+/)")
_HOUR = timedelta(hours=1)
# A digest ends within an hour after the log files it lists and is delivered up to an hour later:
# the digests from an hour before a file's hour to three after it vouch for it, and their chain.
_AFTER = timedelta(hours=3)
_APART = timedelta(days=1)  # files read named further apart are vouched for by digests of their own


class WindowReads:
    """The files read in the window from ``since`` (and its log margin), a group at a time
    (``FilesRead``): those named in the window go into the group's tree (``parts``), those named
    before it are vouched for by the digests of their hours once the group's window is checked
    (``check``), and those named nowhere are problems of their own (``unplaced``)."""

    def __init__(
        self,
        store: LogFilesRead,
        s3: S3Client,
        since: datetime,
        public_keys: KeySource,
        stopping: Stopping = never,
        *,
        digests: KnownDigests | None = None,
        threads: int = DEFAULT_READ_CONCURRENCY,
    ) -> None:
        self._store, self._s3, self._since = store, s3, since
        self._keys, self._stopping, self._digests, self._threads = public_keys, stopping, digests, threads
        self._early: dict[GroupKey, dict[str, datetime]] = {}  # by group: url -> named time
        self.origins = 0  # accounts and regions read of (parts)
        self.early = 0  # files named before the window, vouched for (check)
        self.unplaced = 0  # files named nowhere (unplaced_problems)
        # Files read by account and region, where the window holds no digest of it (check)
        self.unvouched: dict[Origin, int] = {}
        self._counts: dict[GroupKey, set[str]] = {}

    def parts(self) -> dict[GroupKey, Callable[[Tree], None]]:
        """A part for each account and region files were read of (not the files named nowhere).
        Each adds to a tree the files of its group the tree lacks, wherever
        they lie: deeper than the walk goes, in folders of another date, in a bucket no location
        names."""
        moment = (self._since - LOG_MARGIN).timestamp()
        parts: dict[GroupKey, Callable[[Tree], None]] = {
            origin: partial(self._add, origin=origin, since=moment)
            for origin in self._store.log_file_origins_read(moment)
            if origin != UNPLACED
        }
        self.origins = len(parts)
        return parts

    def unplaced_problems(self) -> Report:
        """The files read whose names CloudTrail never gives: each a problem of its own."""
        urls = self._store.log_files_read(UNPLACED, (self._since - LOG_MARGIN).timestamp())
        self.unplaced = len(urls)
        return Report(problems=unplaced_problems(urls))

    def _add(self, tree: Tree, origin: Origin, since: float) -> None:
        early, read = self._early.setdefault(origin, {}), self._counts.setdefault(origin, set())
        for url in self._store.log_files_read(origin, since):
            read.add(url)
            placed = place(url)
            when = placed.when if placed is not None else None
            if when is not None and when < self._since - LOG_MARGIN:
                early[url] = when
            elif url not in tree.logs:
                bucket, key = parse_s3_url(url)
                tree.logs[url] = key
                tree.clients.setdefault(bucket, self._s3)

    def check(self, group: GroupKey, window: Tree) -> Report:
        """The group's files read named before the window, each run of them a day apart or less
        checked with the digests of its hours, found where the window's digests of the group lie."""
        files = sorted((when, url) for url, when in self._early.pop(group, {}).items())
        self.early += len(files)
        folders = {
            (match.group(1), match.group(2))
            for file in window.digests
            if (match := _DIGEST_FOLDER.match(file.path)) and group_of(file.path) == group
        }
        report = Report()
        read = self._counts.pop(group, set())
        if not folders and read and group is not None:  # no digest of the group in the window
            self.unvouched[group] = len(read)
        if not files or not folders:
            return report
        run = [files[0]]
        for when, url in files[1:]:
            if when - run[-1][0] > _APART:
                report.add(self._vouch(run, folders))
                run = []
            run.append((when, url))
        report.add(self._vouch(run, folders))
        return report

    def _vouch(self, run: list[tuple[datetime, str]], folders: set[tuple[str, str]]) -> Report:
        since = run[0][0].replace(minute=0, second=0, microsecond=0) - _HOUR
        days = list(Window(since, run[-1][0] + _AFTER).days())
        tree = Tree()
        for bucket, prefix in sorted(folders):
            add_s3(
                tree,
                self._s3,
                f"s3://{bucket}/",
                since,
                self._stopping,
                known=self._digests,
                threads=self._threads,
                folders=[f"{prefix}{day:%Y/%m/%d}/" for day in days],
            )
        read = {url for _, url in run}
        tree.logs = {url: parse_s3_url(url)[1] for url in read}  # the files read, and only they
        tree.fingerprints = {}
        tree.clients.update({parse_s3_url(url)[0]: self._s3 for url in read})
        if not tree.digests:
            return Report(problems=[_unvouched(run)])
        self._keys.cover(digest_times(tree))
        found = verify_tree(tree, self._keys, since, self._stopping, threads=self._threads)
        # The log files those digests list are not this check's: only the files read, and the
        # digests themselves (their signatures and chain), are.
        kept = [p for p in found.problems if p.path in read or _is_digest(p.path)]
        return Report(problems=kept)


def _is_digest(where: str) -> bool:
    placed = place(where)
    return placed is not None and placed.is_digest


def _unvouched(run: list[tuple[datetime, str]]) -> Problem:
    (first_when, first), others = run[0], len(run) - 1
    more = f"; nor for {others} other log file(s) read of its account and region" if others else ""
    return Problem(
        "unlisted",
        first,
        "",
        f"read as a log file named for {first_when:%Y-%m-%dT%H:%MZ}, before the check's window, and "
        f"no digest of its account and region was found for that time{more}: digests were off or "
        "deleted then, or the name was chosen to fall outside the window, and nothing vouches for "
        "the records tagwarden judged from it",
    )
