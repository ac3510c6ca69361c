"""A check of several locations one account and region at a time. An account and region's files
(its digest chain, its digests' log files, their copies, its unlisted files) concern it alone, so
each is listed, read and verified alone and the reports added: the check holds one account and
region's files, a few hundred in a day, not an organization's (about 3.3 KB a log file held,
docs/scaling.md). What the daemon's check and ``tagwarden verify-logs`` share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

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
from tagwarden.core.integrity import Report, place
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
    it is added (``add_s3``). TreeError where the bucket cannot be listed."""
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
        for group, folders in window_groups(s3, url, since, threads).items()
    }


def local_parts(root: Path, since: datetime | None = None) -> dict[GroupKey, Part]:
    """The local folder (or file) ``root`` by account and region. TreeError where it is not there."""
    return {
        group: partial(add_local, root=root, since=since, files=files)
        for group, files in local_groups(root).items()
    }


def verify_by_group(
    locations: Iterable[dict[GroupKey, Part]],
    public_keys: KeySource,
    since: datetime | None = None,
    stopping: Stopping = never,
    *,
    known: KnownLogHashes | None = None,
    threads: int = DEFAULT_READ_CONCURRENCY,
) -> Report:
    """Each account and region's parts in every location verified together, one account and region
    at a time, as ``verify_tree`` would verify them all in one tree; the reports added. The keys
    are told each group's digest times before its check.

    A log file listed in another account and region's folder (a copy planted inside it) is a
    stray: only its own account and region's digests can vouch for it. It is checked with them, when
    they come, or, found after they were checked, with them again at the end, keeping only what
    that finds of the strays."""
    groups: dict[GroupKey, list[Part]] = {}
    for location in locations:
        for group, part in location.items():
            groups.setdefault(group, []).append(part)
    report = Report()
    strays: dict[GroupKey, Tree] = {}  # by their own account and region, until it is checked

    def check(group: GroupKey, tree: Tree) -> Report:
        found = strays.pop(group, None)
        if found is not None:
            _move(found, tree, found.logs)
        public_keys.cover(digest_times(tree))
        return verify_tree(tree, public_keys, since, stopping, known=known, threads=threads)

    for group, parts in groups.items():
        tree = _filled(parts)
        for own, wheres in _strays(tree, group).items():
            _move(tree, strays.setdefault(own, Tree()), wheres)
        report.add(check(group, tree))
    for group in list(strays):  # found after their own account and region was checked
        found = set(strays[group].logs)
        tree = _filled(groups.get(group, []))
        others = [where for wheres in _strays(tree, group).values() for where in wheres]
        _move(tree, Tree(), others)  # other groups' strays, each checked with its own already
        again = check(group, tree)
        report.add(Report(problems=[problem for problem in again.problems if problem.path in found]))
    return report


def _filled(parts: Iterable[Part]) -> Tree:
    tree = Tree()
    for part in parts:
        part(tree)
    return tree


def _strays(tree: Tree, group: GroupKey) -> dict[GroupKey, list[str]]:
    """The tree's log files of other accounts and regions than ``group``, by theirs."""
    found: dict[GroupKey, list[str]] = {}
    for where in tree.logs:
        placed = place(where)
        own = (placed.account, placed.region) if placed is not None else None
        if own != group:
            found.setdefault(own, []).append(where)
    return found


def _move(source: Tree, target: Tree, wheres: Iterable[str]) -> None:
    for where in list(wheres):
        target.logs[where] = source.logs.pop(where)
        if where in source.fingerprints:
            target.fingerprints[where] = source.fingerprints.pop(where)
    target.clients |= source.clients
