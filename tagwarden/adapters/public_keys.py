"""The public keys that verify CloudTrail digest signatures: from a folder (offline), or from
CloudTrail's ListPublicKeys in each digest's region. A check that goes one account and region at a
time tells the source the digests' times of each part before verifying it (``cover``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from tagwarden.adapters.integrity import TreeError
from tagwarden.core.integrity import place

if TYPE_CHECKING:
    from mypy_boto3_cloudtrail import CloudTrailClient

    from tagwarden.adapters.integrity import Tree

Span = tuple[datetime, datetime]  # the earliest and the latest digest end time


class FolderKeys:
    """Public keys from files named by their fingerprint (``<fingerprint>``, ``.der``, ``.pem``...),
    whatever region: a fingerprint names one key."""

    def __init__(self, folder: Path) -> None:
        if not folder.is_dir():
            raise TreeError(f"{folder}: not a folder of public keys")
        self._paths = {path.name.split(".")[0].lower(): path for path in folder.iterdir() if path.is_file()}

    def cover(self, span: Span | None) -> None:
        """Every key in the folder serves any time."""

    def __call__(self, region: str, fingerprint: str) -> bytes | None:
        path = self._paths.get(fingerprint.lower())
        return path.read_bytes() if path is not None else None


@dataclass(frozen=True, slots=True)
class _Fetched:
    start: datetime  # ListPublicKeys' StartTime as asked
    asked_at: datetime  # its EndTime: no key put in use later is in it
    keys: dict[str, bytes]  # by fingerprint, lower case

    def covers(self, span: Span) -> bool:
        return self.start <= span[0] - _BEFORE_FIRST and span[1] <= self.asked_at


# A digest covers the hour before its end, signed with the key in use when it was delivered.
_BEFORE_FIRST = timedelta(hours=1)


class CloudTrailKeys:
    """Public keys from CloudTrail's ListPublicKeys, asked in each digest's region (each region signs
    with its own keys) on its first need, for the keys in use from an hour before the earliest digest
    covered to the time of asking. ``cover`` widens the times to cover (each part's digests). A
    fingerprint not found asks the region again, once, where the digests covered since reach past
    what it was asked for: an earlier digest, or one delivered after the asking."""

    def __init__(self, cloudtrail: Callable[[str], CloudTrailClient], span: Span | None = None) -> None:
        self._cloudtrail = cloudtrail
        self._span = span
        self._fetched: dict[str, _Fetched] = {}

    def cover(self, span: Span | None) -> None:
        if span is None:
            return
        # No key in use after now signed anything: a digest named for the future (a clock, or a
        # forgery) asks no more than one delivered now.
        start, end = span[0], min(span[1], datetime.now(UTC))
        if self._span is not None:
            start, end = min(self._span[0], start), max(self._span[1], end)
        self._span = (start, end)

    def __call__(self, region: str, fingerprint: str) -> bytes | None:
        wanted = fingerprint.lower()
        fetched = self._fetched.get(region)
        if fetched is None or (
            wanted not in fetched.keys and self._span is not None and not fetched.covers(self._span)
        ):
            fetched = self._fetched[region] = self._fetch(region)
        return fetched.keys.get(wanted)

    def _fetch(self, region: str) -> _Fetched:
        now = datetime.now(UTC)
        start = min(self._span[0] - _BEFORE_FIRST, now) if self._span is not None else now
        pages = (
            self._cloudtrail(region).get_paginator("list_public_keys").paginate(StartTime=start, EndTime=now)
        )
        found: dict[str, bytes] = {}
        for page in pages:
            for key in page.get("PublicKeyList", []):
                if "Fingerprint" in key and "Value" in key:
                    found[key["Fingerprint"].lower()] = key["Value"]
        return _Fetched(start, now, found)


KeySource = FolderKeys | CloudTrailKeys


def key_source(
    folder: Path | None, cloudtrail: Callable[[str], CloudTrailClient], span: Span | None
) -> KeySource:
    """The keys of ``folder`` where one is given (offline), else CloudTrail's, asked for ``span``
    (a window) or for the times each group covers."""
    return FolderKeys(folder) if folder is not None else CloudTrailKeys(cloudtrail, span)


def digest_times(tree: Tree) -> Span | None:
    """The earliest and latest digest end times in the tree, by their names."""
    times = [placed.when for file in tree.digests if (placed := place(file.path)) and placed.when]
    return (min(times), max(times)) if times else None
