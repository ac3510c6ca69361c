"""The S3 log files the sources read in a check's window (the store's ``log_files_read``), for the
daemon's integrity check (``WindowReads``): each is verified with its account and region's
digests wherever it lies, and, named for an hour before the window, with the digests of that
hour: the daemon judges a file's records whatever its name says, so a name chosen to fall before
the window must not take it out of the check."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING

from tagwarden.adapters.integrity import LOG_MARGIN, Folder, GroupKey, Tree, add_s3, verify_tree
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.public_keys import KeySource, digest_times
from tagwarden.adapters.sources.s3_objects import Window, parse_s3_url
from tagwarden.core.integrity import Problem, Report, place, unplaced_problems
from tagwarden.core.ports.known_objects import UNPLACED, LogFilesRead, LogOrigin
from tagwarden.core.settings.integrity import DEFAULT_READ_CONCURRENCY
from tagwarden.core.stopping import Stopping, never

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

_HOUR = timedelta(hours=1)
# A digest ends within an hour after the log files it lists and is delivered up to an hour later:
# the digests from an hour before a file's hour to three after it vouch for it, and their chain.
_AFTER = timedelta(hours=3)
_APART = timedelta(days=1)  # files read named further apart are vouched for by digests of their own
# A log file is read within minutes of its delivery (a queue's notification, a files source's
# poll): one named within this of the check is not counted unread yet.
UNREAD_GRACE = timedelta(hours=1)


class WindowReads:
    """The files read in the window from ``since`` (and its log margin), a group at a time
    (``FilesRead``): those named in the window go into the group's tree (``parts``), those named
    before it are vouched for by the digests of their hours once the group's window is checked
    (``check``), and those named nowhere are problems of their own (``unplaced_problems``)."""

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
        started_at: float | None = None,
        read_elsewhere: frozenset[str] = frozenset(),
    ) -> None:
        """``started_at``: when the check started (epoch seconds; default now), what its verdicts
        on files named before the window are kept with: a file read again since is checked again.
        ``read_elsewhere``: accounts whose files are never counted unread (their records reach
        the daemon another way: ``integrity.accounts_read_elsewhere``)."""
        self._store, self._s3 = store, s3
        self._keys, self._stopping, self._digests, self._threads = public_keys, stopping, digests, threads
        self._named_from = since - LOG_MARGIN  # files named earlier are not in the window's trees
        self._read_from = self._named_from.timestamp()  # files read earlier are none of this check's
        self._files: dict[GroupKey, list[str]] = {}  # read, by account and region, as last added
        self._started_at = time.time() if started_at is None else started_at
        self._verdicts: list[str] = []  # files named before the window, checked in this check
        self.origins = 0  # accounts and regions read of (parts)
        self.early = 0  # files named before the window, vouched for (check)
        self.early_kept = 0  # of those, files an earlier check reached a verdict on, not read since
        self.unplaced = 0  # files named nowhere (unplaced_problems)
        self.unvouched: dict[LogOrigin, int] = {}  # files read, where the window holds no digest of theirs
        self.unread: dict[LogOrigin, list[str]] = {}  # files listed in the window that no source read
        self.unread_elsewhere = 0  # files that would be unread, of accounts read elsewhere
        self._read_elsewhere = read_elsewhere
        self._bucket_reads: dict[str, tuple[datetime, datetime]] = {}  # the first and newest name read
        self._never_read: dict[LogOrigin, list[str]] = {}  # listed, of groups none of whose was read
        self._buckets: list[str] | None = None

    def counts(self) -> dict[str, int]:
        """What the check's log line (``integrity_check_done``) tells of the files read."""
        return {
            "read_origins": self.origins,  # accounts and regions whose files read were checked
            "read_early": self.early,  # named before the window, vouched for by their hours' digests
            "read_early_kept": self.early_kept,  # and those an earlier check vouched for, not read since
            "read_unplaced": self.unplaced,  # files read whose names CloudTrail never gives
            "read_unvouched": sum(self.unvouched.values()),  # of an account and region without digests
            "unread": sum(len(unread) for unread in self.unread.values()),  # listed, not read
            "unread_elsewhere": self.unread_elsewhere,  # of accounts read elsewhere: not counted
        }

    def buckets(self) -> list[str]:
        """The buckets files were read from: each a location of the check."""
        if self._buckets is None:
            self._buckets = self._store.log_file_buckets_read(self._read_from)
        return self._buckets

    def parts(self) -> dict[GroupKey, Callable[[Tree], None]]:
        """A part for each account and region files were read of (not the files named nowhere).
        Each adds to a tree the files of its group the tree lacks, wherever they lie: deeper than
        the walk goes, in folders of another date, in a bucket no location names."""
        origins = [
            origin for origin in self._store.log_file_origins_read(self._read_from) if origin != UNPLACED
        ]
        self.origins = len(origins)
        return {origin: partial(self._add, origin=origin) for origin in origins}

    def unplaced_problems(self) -> Report:
        """The files read whose names CloudTrail never gives: each a problem of its own."""
        urls = self._store.log_files_read(UNPLACED, self._read_from)
        self.unplaced = len(urls)
        return Report(problems=unplaced_problems(urls))

    def _add(self, tree: Tree, origin: LogOrigin) -> None:
        self._files[origin] = files = self._store.log_files_read(origin, self._read_from)
        for url in files:
            if url not in tree.logs and self._named(url) is None:
                bucket, key = parse_s3_url(url)
                tree.logs[url] = key
                tree.clients.setdefault(bucket, self._s3)

    def _named(self, url: str) -> datetime | None:
        """The time ``url``'s name gives, where it is before the window; else None."""
        when = _name_time(url)
        return when if when is not None and when < self._named_from else None

    def check(self, group: GroupKey, window: Tree) -> Report:
        """The group's files read named before the window, each run of them a day apart or less
        checked with the digests of its hours, found where the window's digests of the group lie;
        and the group's files listed in ``window`` that no source read (``unread``)."""
        read = self._files.pop(group, [])
        if group is None:
            return Report()
        if not read:  # kept only in buckets read from: a replica's whole window would be held
            read_from = tuple(f"s3://{bucket}/" for bucket in self.buckets())
            self._never_read[group] = [where for where in window.logs if where.startswith(read_from)]
            return Report()
        self._note_unread(group, read, window)
        folders = {folder for file in window.digests if (folder := _digest_folder(file.path, group))}
        if not folders:  # no digest of the group in the window: nothing vouches for its files
            self.unvouched[group] = len(read)
            return Report()
        files = sorted((when, url) for url in read if (when := self._named(url)) is not None)
        kept = self._store.log_files_checked([url for _, url in files])
        files = [(when, url) for when, url in files if url not in kept]
        self.early += len(files)
        self.early_kept += len(kept)
        if not files:
            return Report()
        report, run = Report(), files[:1]
        for when, url in files[1:]:
            if when - run[-1][0] > _APART:
                report.add(self._vouch(run, folders))
                run = []
            run.append((when, url))
        if run:
            report.add(self._vouch(run, folders))
        return report

    def _note_unread(self, group: LogOrigin, read: list[str], window: Tree) -> None:
        """The log files of ``group`` listed in the window that no source read, named from the
        first file read (a queue's notifications start when the daemon does) to UNREAD_GRACE before
        the check and before the newest file read (a daemon catching up a backlog has not read
        the files behind it yet): a notification lost or taken from the queue by someone else, a
        file delivered later than a files source lists, a source that stopped reading that bucket.
        Matched by key, so that a copy of the bucket the daemon does not read (replication) is not
        counted."""
        named = sorted((when, url) for url in read if (when := _name_time(url)) is not None)
        if not named:
            return
        for when, url in named:
            bucket = parse_s3_url(url)[0]
            first, newest = self._bucket_reads.get(bucket, (when, when))
            self._bucket_reads[bucket] = (min(first, when), max(newest, when))
        bounds = (named[0][0], self._until(named[-1][0]))
        keys_read = {parse_s3_url(url)[1] for url in read}
        self._add_unread(group, sorted(window.logs), keys_read, lambda _bucket: bounds)

    def note_groups_never_read(self) -> None:
        """Once every group is checked: the accounts and regions listed in the window none of whose
        files a source read, counted as the others are, in each bucket files of other groups were
        read from, with that bucket's first and newest file read for bounds. A notification that
        never covered an account's folder (an account new to the organization), or one changed to
        leave it out, leaves every file of it unread; counted only from its own first read, such
        an account would count nothing, and would stop counting once its last read left the window."""
        for group, listed in self._never_read.items():
            self._add_unread(group, sorted(listed), set(), self._bucket_bounds)
        self._never_read = {}

    def _bucket_bounds(self, bucket: str) -> tuple[datetime, datetime] | None:
        reads = self._bucket_reads.get(bucket)
        return (reads[0], self._until(reads[1])) if reads is not None else None

    def _until(self, newest_read: datetime) -> datetime:
        return min(datetime.fromtimestamp(self._started_at, UTC), newest_read) - UNREAD_GRACE

    def _add_unread(
        self,
        group: LogOrigin,
        listed: list[str],
        keys_read: set[str],
        bounds: Callable[[str], tuple[datetime, datetime] | None],
    ) -> None:
        """The files of ``listed`` (sorted) whose key none read names, named within ``bounds`` of
        their bucket (None: the bucket's files are not counted); a file and its copies once."""
        unread: dict[str, str] = {}  # by key: a file and its copies are one file
        for where in listed:
            if not where.startswith("s3://"):
                continue
            bucket, key = parse_s3_url(where)
            when, within = _name_time(where), bounds(bucket)
            if key in keys_read or when is None or within is None:
                continue
            if within[0] <= when <= within[1]:
                unread.setdefault(key, where)
        if unread and group[0] in self._read_elsewhere:
            self.unread_elsewhere += len(unread)
        elif unread:
            self.unread[group] = sorted(unread.values())

    def keep_verdicts(self) -> None:
        """Once the check's findings are recorded: the files named before the window it checked
        are not checked again until they are read again (their digests are hours old, out of
        every later window, and would be read again at every check)."""
        self._store.note_log_files_checked(self._verdicts, self._started_at)
        self._verdicts = []

    def _vouch(self, run: list[tuple[datetime, str]], folders: set[tuple[str, str]]) -> Report:
        since = run[0][0].replace(minute=0, second=0, microsecond=0) - _HOUR
        days = Window(since, run[-1][0] + _AFTER)
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
                folders=[Folder(prefix, days)],
            )
        read = {url for _, url in run}
        tree.logs = {url: parse_s3_url(url)[1] for url in read}  # the files read, and only they
        tree.fingerprints = {}
        tree.clients.update({parse_s3_url(url)[0]: self._s3 for url in read})
        self._verdicts.extend(read)
        if not tree.digests:
            return Report(problems=[_unvouched(run)])
        self._keys.cover(digest_times(tree))
        found = verify_tree(tree, self._keys, since, self._stopping, threads=self._threads)
        # The log files those digests list are not this check's: only the files read, and the
        # digests themselves (their signatures and chain), are.
        kept = [p for p in found.problems if p.path in read or _is_digest(p.path)]
        return Report(problems=kept)


def _digest_folder(where: str, group: LogOrigin) -> tuple[str, str] | None:
    """The bucket and region folder of a digest of ``group`` at ``where`` (s3://), whose last four
    parts are its day folders and name (``place``); None for any other file."""
    placed = place(where)
    if placed is None or not placed.is_digest or (placed.account, placed.region) != group:
        return None
    bucket, key = parse_s3_url(where)
    return bucket, key.rsplit("/", 4)[0] + "/"


def _name_time(where: str) -> datetime | None:
    placed = place(where)
    return placed.when if placed is not None and not placed.is_digest else None


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
