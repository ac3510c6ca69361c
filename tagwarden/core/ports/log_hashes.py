"""Log hashes port: the SHA-256 of each S3 log file the scheduled integrity check read, so that a
later check reads only the files written since, also after a restart or on the replica that took
the scan's lease over.

A hash is kept under a key naming the file and its fingerprint in the S3 listing (ETag,
LastModified, size; ``tagwarden.adapters.known_log_hashes``), with the file's LastModified, by
which it is forgotten once no check's window reaches it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple, Protocol


class KeptLogHash(NamedTuple):
    key: str
    sha256: str  # hex
    modified: float  # the file's LastModified, epoch seconds


class LogHashes(Protocol):
    def log_hashes(self, keys: Collection[str]) -> dict[str, str]:
        """The hash kept under each of ``keys`` that has one; a key without one is absent."""
        ...

    def keep_log_hashes(self, hashes: Sequence[KeptLogHash]) -> None:
        """Keeps each hash under its key; a key kept already keeps its hash (a key names one
        content)."""
        ...

    def forget_log_hashes(self, modified_before: float) -> int:
        """Forgets the hashes of files last modified before ``modified_before``; how many."""
        ...

    def log_hash_count(self) -> int:
        """How many hashes are kept."""
        ...
