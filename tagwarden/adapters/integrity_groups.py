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
from typing import TYPE_CHECKING

from tagwarden.adapters.integrity import (
    LOG_MARGIN,
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
from tagwarden.adapters.sources.s3_objects import parse_s3_url
from tagwarden.core.integrity import Report, place
from tagwarden.core.ports.known_objects import LogFilesRead, Origin
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


def read_parts(store: LogFilesRead, s3: S3Client, since: datetime) -> dict[GroupKey, Part]:
    """The S3 log files the sources read in the window from ``since`` (and its log margin), by the
    account and region their names give. Each part adds to a tree the files of its group the tree
    lacks, wherever they lie: deeper than the walk goes, in folders of another date, in a bucket
    no location names. The files whose names give none are not here (``unplaced_problems``)."""
    moment = (since - LOG_MARGIN).timestamp()
    return {
        origin: partial(_add_read, store=store, s3=s3, origin=origin, since=moment)
        for origin in store.log_file_origins_read(moment)
        if origin != UNPLACED
    }


UNPLACED: Origin = ("", "")  # the origin of the files read whose names place them nowhere


def _add_read(tree: Tree, store: LogFilesRead, s3: S3Client, origin: Origin, since: float) -> None:
    for url in store.log_files_read(origin, since):
        if url not in tree.logs:
            bucket, key = parse_s3_url(url)
            tree.logs[url] = key
            tree.clients.setdefault(bucket, s3)


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
    read: Mapping[GroupKey, Part] | None = None,
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

    ``read``: a part for each account and region (``read_parts``), added after its locations':
    the files the sources read that no location's listing holds."""
    groups: dict[GroupKey, list[tuple[str, Part]]] = {}
    for location, parts in [*locations.items(), (_READ, read or {})]:  # what was read last
        for group, part in parts.items():
            groups.setdefault(group, []).append((location, part))
    added: dict[tuple[str, GroupKey], int] = {}  # digest files, by location and group
    report = Report()
    strays: dict[GroupKey, Tree] = {}  # by their own account and region, until it is checked

    def filled(group: GroupKey) -> Tree:
        tree = Tree()
        for location, part in groups.get(group, []):
            before = len(tree.digests)
            part(tree)
            added[location, group] = len(tree.digests) - before  # the same when filled again
        return tree

    def check(group: GroupKey, tree: Tree) -> Report:
        found = strays.pop(group, None)
        if found is not None:
            _merge(found, tree)
        public_keys.cover(digest_times(tree))
        return verify_tree(tree, public_keys, since, stopping, known=known, threads=threads)

    for group in groups:
        tree = filled(group)
        for own, stray in _split(tree, group).items():
            _merge(stray, strays.setdefault(own, Tree()))
        report.add(check(group, tree))
    for group in list(strays):  # found after their own account and region was checked
        found = set(strays[group].logs) | {file.path for file in strays[group].digests}
        tree = filled(group)
        _split(tree, group)  # other groups' strays, each checked with its own already
        again = check(group, tree)
        kept = [
            p for p in again.problems if (p.path in found or p.digest in found) and p not in report.problems
        ]
        report.add(Report(problems=kept))
    digest_files = {where: sum(n for (at, _), n in added.items() if at == where) for where in locations}
    return Checked(report, digest_files)


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
