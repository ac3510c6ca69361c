"""The hashes of the S3 log files the scheduled integrity check has read, so that the next check
does not read the unchanged ones again.

Each check verifies a window of 48 hours by default, every hour: without this, every log file was
read 48 times. A file is known by where it is and by its fingerprint in the listing (ETag,
LastModified, size). S3 changes an object only by writing it whole again, which gives it a new
LastModified, and, where the content differs, a new ETag; so a file written again since is read
again, and one deleted is found missing, exactly as before. Only what the last check met is kept,
and at most ``limit`` files (the rest are read each time, as before).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass

from tagwarden.core.integrity import HashLog

DEFAULT_LIMIT = 200_000  # integrity.known_log_files; 166 bytes each, measured with tracemalloc
_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass
class HashCounts:
    """Of one check: log files whose hash was known, and those read."""

    known: int = 0
    read: int = 0


class KnownLogHashes:
    def __init__(self, limit: int = DEFAULT_LIMIT) -> None:
        self._limit = limit
        self._hashes: dict[bytes, bytes] = {}  # (where, fingerprint) -> SHA-256
        self.counts = HashCounts()

    def __len__(self) -> int:
        return len(self._hashes)

    @contextmanager
    def checking(self, fingerprints: Mapping[str, str], hash_log: HashLog) -> Iterator[HashLog]:
        """A HashLog for one check: the known hash of a log file whose fingerprint (by where it is)
        is unchanged, else ``hash_log``'s. A check that ends forgets what it did not meet; one
        that raises (S3 throttled a read, the daemon stopping) forgets nothing, or the next check
        would read again what it had not reached yet, and be throttled the more."""
        before, self._hashes = self._hashes, {}
        counts = self.counts = HashCounts()

        def known_or_read(where: str) -> str | None:
            fingerprint = fingerprints.get(where)
            if fingerprint is None:  # a local file: no listing to tell a change by
                counts.read += 1
                return hash_log(where)
            key = hashlib.blake2b(f"{where}\n{fingerprint}".encode(), digest_size=16).digest()
            known = before.pop(key, None) or self._hashes.get(key)
            if known is not None:
                self._hashes[key] = known
                counts.known += 1
                return known.hex()
            counts.read += 1
            hashed = hash_log(where)
            # Neither a file that could not be read nor one that could not be inflated is kept.
            if hashed is not None and _SHA256_HEX.fullmatch(hashed) and len(self._hashes) < self._limit:
                self._hashes[key] = bytes.fromhex(hashed)
            return hashed

        try:
            yield known_or_read
        except BaseException:
            for key, known in before.items():
                if len(self._hashes) >= self._limit:
                    break
                self._hashes.setdefault(key, known)
            raise
