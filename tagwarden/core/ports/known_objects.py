"""Known objects port: what the scheduled integrity check keeps of the S3 objects it read, so that a
later check reads only the objects written since, also after a restart or on the replica that took
the scan's lease over: the SHA-256 of each log file, and a copy of each digest file. And the S3 log
files the sources read (``LogFilesRead``): the check verifies each of them, wherever it lies.

Each is kept under a key naming the object and its fingerprint in the S3 listing (ETag,
LastModified, size; ``tagwarden.adapters.known_objects``), with the object's LastModified, by
which it is forgotten once no check's window reaches it. A key names one content: an object
written again is listed with another fingerprint, so another key.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import NamedTuple, Protocol


class KeptLogHash(NamedTuple):
    key: str
    sha256: str  # hex
    modified: float  # the file's LastModified, epoch seconds


class KeptDigest(NamedTuple):
    key: str
    content: bytes  # the digest file as stored (gzip)
    signature: str | None  # its x-amz-meta-signature, hex; None where it had none
    modified: float  # the file's LastModified, epoch seconds


class LogHashes(Protocol):
    def log_hashes(self, keys: Collection[str]) -> dict[str, str]:
        """The hash kept under each of ``keys`` that has one; a key without one is absent."""
        ...

    def keep_log_hashes(self, hashes: Sequence[KeptLogHash]) -> None:
        """Keeps each hash under its key; a key kept already keeps its hash."""
        ...

    def forget_log_hashes(self, modified_before: float) -> int:
        """Forgets the hashes of files last modified before ``modified_before``; how many."""
        ...

    def log_hash_count(self) -> int:
        """How many hashes are kept."""
        ...


class DigestCopies(Protocol):
    def digest_copies(self, keys: Collection[str]) -> dict[str, tuple[bytes, str | None]]:
        """The content and signature kept under each of ``keys`` that has a copy."""
        ...

    def keep_digest_copies(self, copies: Sequence[KeptDigest]) -> None:
        """Keeps each copy under its key; a key kept already keeps its copy."""
        ...

    def forget_digest_copies(self, modified_before: float) -> int:
        """Forgets the copies of files last modified before ``modified_before``; how many."""
        ...

    def digest_copy_count(self) -> int:
        """How many copies are kept."""
        ...


class LogFileRead(NamedTuple):
    """An S3 log file whose records a unit judged."""

    url: str  # s3://bucket/key
    account: str  # as its name places it (core.integrity.place); UNPLACED's for a name that places none
    region: str


LogOrigin = tuple[str, str]  # (account, region)
UNPLACED: LogOrigin = ("", "")  # the origin of the files read whose names place them nowhere


class LogFilesRead(Protocol):
    """Written in the unit that judged the file's records (``ProgressUnit.note_log_files_read``),
    each with the moment it was committed; read by the integrity check."""

    def log_file_buckets_read(self, since: float) -> list[str]:
        """The buckets of the files read from ``since`` (epoch seconds) on, sorted."""
        ...

    def log_file_origins_read(self, since: float) -> list[LogOrigin]:
        """The accounts and regions of the files read from ``since`` on, sorted."""
        ...

    def log_files_read(self, origin: LogOrigin, since: float) -> list[str]:
        """The files of ``origin`` read from ``since`` on (their URLs), sorted."""
        ...

    def log_files_checked(self, urls: Collection[str]) -> set[str]:
        """Those of ``urls`` the integrity check reached a verdict on since they were last read."""
        ...

    def note_log_files_checked(self, urls: Collection[str], at: float) -> None:
        """The check that started at ``at`` (epoch seconds) reached a verdict on ``urls``: kept
        for each not read again since then."""
        ...

    def forget_log_files_read(self, read_before: float) -> int:
        """Forgets the files last read before ``read_before``; how many."""
        ...


class KnownObjectStore(LogHashes, DigestCopies, LogFilesRead, Protocol):
    """Both kinds, as the store holds them."""
