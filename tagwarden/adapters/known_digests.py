"""Copies of the S3 digest files the scheduled integrity check has read, kept in the store, so
that a later check reads only the digests written since.

Each check reads every digest of its window: one per account, region and hour, so 48 per account
and region with the default window, every hour. A digest's content and its signature (object
metadata, which S3 changes only by writing the object again) are kept under where it is and its
fingerprint in the listing, as the log files' hashes are (``known_log_hashes``): a digest written
again since is read again, and one deleted is found missing, exactly as before. The check still
verifies every digest's signature and chain, from the copy.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager

from tagwarden.adapters.known_log_hashes import Fingerprint, KnownObjects, Shelf
from tagwarden.core.integrity import DigestFile
from tagwarden.core.ports.known_objects import DigestCopies, KeptDigest

DEFAULT_LIMIT = 100_000  # integrity.known_digest_files

ReadDigest = Callable[[str], DigestFile]  # where -> the digest file read there


class KnownDigests(KnownObjects[tuple[bytes, str | None], KeptDigest]):
    def __init__(self, store: DigestCopies, limit: int = DEFAULT_LIMIT) -> None:
        shelf = Shelf(store.digest_copies, store.keep_digest_copies, store.digest_copy_count)
        super().__init__(shelf, limit)

    @contextmanager
    def reading(self, fingerprints: Mapping[str, Fingerprint], read: ReadDigest) -> Iterator[ReadDigest]:
        """A ReadDigest for one check: the kept copy of a digest whose fingerprint (by where it is)
        is unchanged, else ``read``'s, kept for later checks when it was read whole."""
        keys, known, new = self._begin(fingerprints)
        counts = self.counts

        def known_or_read(where: str) -> DigestFile:
            fingerprint = fingerprints.get(where)
            kept = known.get(keys[where]) if fingerprint is not None else None
            if kept is not None:
                counts.known += 1
                return DigestFile(where, kept[0], kept[1])
            counts.read += 1
            file = read(where)
            if fingerprint is not None and file.read_error is None and file.content:
                new.add(KeptDigest(keys[where], file.content, file.signature, fingerprint.modified))
            return file

        with self._adding(new):
            yield known_or_read
