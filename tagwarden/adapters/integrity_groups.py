"""A check of several locations one account and region at a time. An account and region's files
(its digest chain, its digests' log files, their copies, its unlisted files) concern it alone, so
each is listed, read and verified alone and the reports added: the check holds one account and
region's files, a few hundred in a day, not an organization's (about 3.3 KB a log file held,
docs/scaling.md). What the daemon's check and ``tagwarden verify-logs`` share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from tagwarden.adapters.integrity import (
    GroupKey,
    Tree,
    add_local,
    add_s3,
    local_groups,
    verify_tree,
    window_groups,
)
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.known_log_hashes import KnownLogHashes
from tagwarden.adapters.public_keys import KeySource, digest_times
from tagwarden.core.integrity import Problem, Report, place
from tagwarden.core.settings.integrity import DEFAULT_READ_CONCURRENCY
from tagwarden.core.stopping import Stopping, never

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

Part = Callable[[Tree], None]  # adds a location's files of one account and region to a tree


def s3_parts(
    s3: S3Client,
    url: str,
    since: datetime | None = None,
    stopping: Stopping = never,
    *,
    digests: KnownDigests | None = None,
    threads: int = DEFAULT_READ_CONCURRENCY,
) -> dict[GroupKey, Part]:
    """The location ``url`` by account and region, listed (its folders) now, each part's files when
    it is added (``add_s3``). TreeError where the bucket cannot be listed; ``Stopped`` between two
    folders walked once ``stopping`` says so."""
    return {
        group: partial(
            add_s3,
            s3=s3,
            url=url,
            since=since,
            stopping=stopping,
            known=digests,
            threads=threads,
            folders=folders,
        )
        for group, folders in window_groups(s3, url, since, threads, stopping).items()
    }


def local_parts(root: Path, since: datetime | None = None) -> dict[GroupKey, Part]:
    """The local folder (or file) ``root`` by account and region. TreeError where it is not there."""
    return {
        group: partial(add_local, root=root, since=since, files=files)
        for group, files in local_groups(root).items()
    }


class FilesRead(Protocol):
    def parts(self) -> dict[GroupKey, Part]:
        """A part for each account and region, added to its tree after its locations': the files
        the sources read that no location's listing holds."""
        ...

    def check(self, group: GroupKey, window: Tree) -> Report:
        """What else the group's files read tell, after the check of its window (``window``)."""
        ...

    def note_groups_never_read(self) -> None:
        """Once every group is checked: what the groups none of whose files was read tell."""
        ...


@dataclass(frozen=True, slots=True)
class Checked:
    report: Report
    digest_files: dict[str, int]  # in the window, by location: 0, and nothing there was verified


def verify_by_group(
    locations: Mapping[str, dict[GroupKey, Part]],
    public_keys: KeySource,
    since: datetime | None = None,
    stopping: Stopping = never,
    *,
    read: FilesRead | None = None,
    known: KnownLogHashes | None = None,
    threads: int = DEFAULT_READ_CONCURRENCY,
) -> Checked:
    """Each account and region's parts in every location (by its name) verified together, one
    account and region at a time, as ``verify_tree`` would verify them all in one tree; the
    reports added. The keys are told each group's digest times before its check.

    A file listed in another account and region's folder (a copy planted inside it) is a stray:
    only its own account and region's files can vouch for a log file, or give a digest its chain
    and its log files. It is checked with them, when they come, or, found after they were
    checked, with them again at the end, keeping only what that finds of the strays.

    ``read``: the files the sources read (``FilesRead``)."""
    return _ByGroup(
        locations, public_keys, since, stopping, read=read, known=known, threads=threads
    ).checked()


class _ByGroup:
    """One check of ``verify_by_group``: its groups' parts, the strays found, the report."""

    def __init__(
        self,
        locations: Mapping[str, dict[GroupKey, Part]],
        public_keys: KeySource,
        since: datetime | None,
        stopping: Stopping,
        *,
        read: FilesRead | None,
        known: KnownLogHashes | None,
        threads: int,
    ) -> None:
        self._groups: dict[GroupKey, list[tuple[str, Part]]] = {}
        for location, parts in [*locations.items(), (_READ, read.parts() if read else {})]:  # read last
            for group, part in parts.items():
                self._groups.setdefault(group, []).append((location, part))
        self._locations, self._keys, self._since, self._stopping = locations, public_keys, since, stopping
        self._read, self._known, self._threads = read, known, threads
        self._added: dict[tuple[str, GroupKey], int] = {}  # digest files, by location and group
        self._strays: dict[GroupKey, Tree] = {}  # by their own account and region, until it is checked
        self._report = Report()

    def checked(self) -> Checked:
        for group in self._groups:
            tree = self._filled(group)
            for own, stray in _split(tree, group).items():
                _merge(stray, self._strays.setdefault(own, Tree()))
            self._report.add(self._check(group, tree))
            if self._read is not None:  # its digests overlap the window's: a problem of both is one
                self._add_new(self._read.check(group, tree).problems)
        for group in list(self._strays):  # found after their own account and region was checked
            found = set(self._strays[group].logs) | {file.path for file in self._strays[group].digests}
            tree = self._filled(group)
            _split(tree, group)  # other groups' strays, each checked with its own already
            again = self._check(group, tree)
            self._add_new([p for p in again.problems if p.path in found or p.digest in found])
        if self._read is not None:
            self._read.note_groups_never_read()
        added = self._added.items()
        return Checked(self._report, {at: sum(n for (w, _), n in added if w == at) for at in self._locations})

    def _filled(self, group: GroupKey) -> Tree:
        tree = Tree()
        for location, part in self._groups.get(group, []):
            before = len(tree.digests)
            part(tree)
            self._added[location, group] = len(tree.digests) - before  # the same when filled again
        return tree

    def _check(self, group: GroupKey, tree: Tree) -> Report:
        found = self._strays.pop(group, None)
        if found is not None:
            _merge(found, tree)
        self._keys.cover(digest_times(tree))
        return verify_tree(
            tree, self._keys, self._since, self._stopping, known=self._known, threads=self._threads
        )

    def _add_new(self, problems: list[Problem]) -> None:
        """Problems found again (a stray read, too) are not added twice."""
        self._report.add(Report(problems=[p for p in problems if p not in self._report.problems]))


_READ = ""  # the location of the files read: no location's name, and no location's count


def _group_of(where: str) -> GroupKey:
    placed = place(where)
    return (placed.account, placed.region) if placed is not None else None


def _split(tree: Tree, group: GroupKey) -> dict[GroupKey, Tree]:
    """Takes the files of other accounts and regions than ``group`` out of ``tree``, by theirs."""
    out: dict[GroupKey, Tree] = {}

    def stray(own: GroupKey) -> Tree:
        return out.setdefault(own, Tree(clients=dict(tree.clients)))

    for where in list(tree.logs):
        if (own := _group_of(where)) != group:
            stray(own).logs[where] = tree.logs.pop(where)
            if where in tree.fingerprints:
                stray(own).fingerprints[where] = tree.fingerprints.pop(where)
    kept = []
    for file in tree.digests:
        if (own := _group_of(file.path)) == group:
            kept.append(file)
        else:
            stray(own).digests.append(file)
    tree.digests = kept
    return out


def _merge(source: Tree, target: Tree) -> None:
    target.logs |= source.logs
    target.fingerprints |= source.fingerprints
    target.digests += source.digests
    target.clients |= source.clients
