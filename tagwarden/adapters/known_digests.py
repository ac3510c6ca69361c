"""Copies of the S3 digest files the scheduled integrity check has read, kept in the store, so
that a later check reads only the digests written since.

Each check reads every digest of its window: one per account, region and hour, so 48 per account
and region with the default window, every hour. A digest's content and its signature (object
metadata, which S3 changes only by writing the object again) are kept under where it is and its
fingerprint in the listing, as the log files' hashes are (``known_objects``): a digest written
again since is read again, and one deleted is found missing, exactly as before. The check still
verifies every digest's signature and chain, from the copy.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager

from tagwarden.adapters.known_objects import Fingerprint, KnownObjects, Lookups, Shelf
from tagwarden.core.integrity import DigestFile
from tagwarden.core.ports.known_objects import DigestCopies, KeptDigest
from tagwarden.core.settings.integrity import DEFAULT_KNOWN_DIGEST_FILES

ReadDigest = Callable[[str], DigestFile]  # where -> the digest file read there
Copy = tuple[bytes, str | None]  # a digest's content as stored, and its signature


class KnownDigests(KnownObjects[Copy, DigestFile, KeptDigest]):
    """Copies of digest files: ``lookups`` with a ReadDigest reads a digest or takes its copy."""

    def __init__(self, store: DigestCopies, limit: int = DEFAULT_KNOWN_DIGEST_FILES) -> None:
        super().__init__(Shelf(store.digest_copies, store.keep_digest_copies, store.digest_copy_count), limit)

    def answer(self, where: str, value: Copy) -> DigestFile:
        return DigestFile(where, *value)

    def value(self, answer: DigestFile) -> Copy | None:
        # Kept only when read whole: never what S3 refused.
        return (answer.content, answer.signature) if answer.read_error is None and answer.content else None

    def row(self, key: str, value: Copy, modified: float) -> KeptDigest:
        return KeptDigest(key, *value, modified)

    def reading(
        self, fingerprints: Mapping[str, Fingerprint], read: ReadDigest
    ) -> AbstractContextManager[Lookups[Copy, DigestFile, KeptDigest]]:
        return self.lookups(fingerprints, read)
