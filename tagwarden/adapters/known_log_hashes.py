"""The hashes of the S3 log files the scheduled integrity check has read, kept in the store, so
that a later check does not read the unchanged ones again: not the next hour's, and not the first
after a restart or on the replica that took the scan's lease over.

Each check verifies a window of 48 hours by default, every hour: without this, every log file was
read 48 times. A file is known by where it is and by its fingerprint in the listing (ETag,
LastModified, size). S3 changes an object only by writing it whole again, which gives it a new
LastModified, and, where the content differs, a new ETag; so a file written again since is read
again, and one deleted is found missing, exactly as before. A hash is forgotten once its file is
older than any window reaches; at most ``limit`` are kept (the rest are read each time).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from typing import NamedTuple

from tagwarden.core.integrity import HashLog
from tagwarden.core.ports.log_hashes import KeptLogHash, LogHashes

DEFAULT_LIMIT = 200_000  # integrity.known_log_files
KEPT_EVERY = 1_000  # new hashes written to the store this many at a time, and when a check ends
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class Fingerprint(NamedTuple):
    """An S3 object as listed: ``text`` changes whenever the object is written again."""

    text: str  # ETag, LastModified and size
    modified: float  # LastModified, epoch seconds (0: not given)


@dataclass
class HashCounts:
    """Of one check: log files whose hash was known, and those read."""

    known: int = 0
    read: int = 0


def _key(where: str, fingerprint: Fingerprint) -> str:
    return hashlib.blake2b(f"{where}\n{fingerprint.text}".encode(), digest_size=16).hexdigest()


class KnownLogHashes:
    def __init__(self, store: LogHashes, limit: int = DEFAULT_LIMIT) -> None:
        self._store = store
        self._limit = limit
        self.counts = HashCounts()

    @contextmanager
    def checking(
        self,
        fingerprints: Mapping[str, Fingerprint],
        hash_log: HashLog,
        forget_before: float | None = None,
    ) -> Iterator[HashLog]:
        """A HashLog for one check: the kept hash of a log file whose fingerprint (by where it is)
        is unchanged, else ``hash_log``'s, kept for the next check. ``forget_before``: files last
        modified before then are older than the check's window, and their hashes are forgotten
        first. A check that raises (S3 throttled a read, the daemon stopping) still keeps what it
        read, or the next check would read it again, and be throttled the more."""
        counts = self.counts = HashCounts()
        if forget_before is not None:
            self._store.forget_log_hashes(forget_before)
        keys = {where: _key(where, fingerprint) for where, fingerprint in fingerprints.items()}
        known: dict[str, str] = {}
        room = 0
        if self._limit > 0:
            known = self._store.log_hashes(keys.values())
            room = self._limit - self._store.log_hash_count()
        fresh: list[KeptLogHash] = []

        def keep() -> None:
            nonlocal room
            kept = fresh[: max(room, 0)]
            if kept:
                self._store.keep_log_hashes(kept)
                room -= len(kept)
            fresh.clear()

        def known_or_read(where: str) -> str | None:
            fingerprint = fingerprints.get(where)
            if fingerprint is None:  # a local file: no listing to tell a change by
                counts.read += 1
                return hash_log(where)
            key = keys[where]
            kept = known.get(key)
            if kept is not None:
                counts.known += 1
                return kept
            counts.read += 1
            hashed = hash_log(where)
            # Neither a file that could not be read nor one that could not be inflated is kept.
            if hashed is not None and _SHA256_HEX.fullmatch(hashed):
                known[key] = hashed
                fresh.append(KeptLogHash(key, hashed, fingerprint.modified))
                if len(fresh) >= KEPT_EVERY:
                    keep()
            return hashed

        try:
            yield known_or_read
        except BaseException:
            with suppress(Exception):  # the store may be what failed: the check's own error says
                keep()
            raise
        keep()
