"""The hashes of the S3 log files the scheduled integrity check has read, kept in the store
(``known_objects``): each check verifies a window of 48 hours by default, every hour, and without
them every log file was read 48 times."""

from __future__ import annotations

import re
from collections.abc import Mapping
from contextlib import AbstractContextManager

from tagwarden.adapters.known_objects import Fingerprint, KnownObjects, Lookups, Shelf
from tagwarden.core.integrity import HashLog
from tagwarden.core.ports.known_objects import KeptLogHash, LogHashes
from tagwarden.core.settings.integrity import DEFAULT_KNOWN_LOG_FILES

_SHA256_HEX = re.compile(r"[0-9a-f]{64}")


class KnownLogHashes(KnownObjects[str, str | None, KeptLogHash]):
    """The hashes of log files: ``lookups`` with a HashLog reads a log file's hash or takes it."""

    def __init__(self, store: LogHashes, limit: int = DEFAULT_KNOWN_LOG_FILES) -> None:
        super().__init__(Shelf(store.log_hashes, store.keep_log_hashes, store.log_hash_count), limit)

    def answer(self, where: str, value: str) -> str | None:
        return value

    def value(self, answer: str | None) -> str | None:
        # Neither a file that could not be read nor one that could not be inflated is kept.
        return answer if answer is not None and _SHA256_HEX.fullmatch(answer) else None

    def row(self, key: str, value: str, modified: float) -> KeptLogHash:
        return KeptLogHash(key, value, modified)

    def checking(
        self, fingerprints: Mapping[str, Fingerprint], hash_log: HashLog
    ) -> AbstractContextManager[Lookups[str, str | None, KeptLogHash]]:
        return self.lookups(fingerprints, hash_log)
