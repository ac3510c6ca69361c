"""KnownDigests: the integrity check takes a digest file it read before from the store, while the
digest's listing (ETag, LastModified, size) is unchanged, instead of reading it again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.known_objects import Fingerprint
from tagwarden.adapters.store import Store, open_store
from tagwarden.core.integrity import DigestFile
from tests.builders.store_files import in_each_process


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store("sqlite:///:memory:")
    yield opened
    opened.close()


class Digests:
    """Digest files by where (digest n last modified at n); ``read`` counts its reads. A digest
    without content is one S3 refused."""

    def __init__(self, **contents: bytes) -> None:
        self.contents = dict(contents)
        self.fingerprints = {where: Fingerprint(f"etag-{n}", float(n)) for n, where in enumerate(contents)}
        self.reads: list[str] = []

    def read(self, where: str) -> DigestFile:
        self.reads.append(where)
        content = self.contents[where]
        if not content:
            return DigestFile(where, b"", read_error="AccessDenied")
        return DigestFile(where, content, f"signature of {content!r}")

    def check(self, known: KnownDigests) -> list[DigestFile]:
        with known.reading(self.fingerprints, self.read) as read:
            return [read(where) for where in self.contents]


def test_an_unchanged_digest_is_read_once_and_its_copy_taken_after(store: Store) -> None:
    digests, known = Digests(a=b"\x1f\x8bone", b=b"\x1f\x8btwo"), KnownDigests(store)
    first = digests.check(known)
    assert digests.reads == ["a", "b"] and (known.counts.read, known.counts.known) == (2, 0)
    digests.reads.clear()
    assert digests.check(known) == first  # content and signature alike
    assert digests.reads == [] and (known.counts.read, known.counts.known) == (0, 2)


def test_the_copies_outlive_the_process_that_read_them(tmp_path: Path) -> None:
    digests = Digests(a=b"one", b=b"two")
    first, second = in_each_process(tmp_path, 2, lambda store: digests.check(KnownDigests(store)))
    assert second == first
    assert digests.reads == ["a", "b"]  # by the first process only


def test_a_digest_written_again_is_read_again_and_a_refused_one_is_never_kept(store: Store) -> None:
    digests, known = Digests(a=b"one", b=b"", c=b"three"), KnownDigests(store)
    digests.check(known)
    digests.contents["a"], digests.fingerprints["a"] = b"forged", Fingerprint("etag-new", 5.0)
    digests.reads.clear()
    files = digests.check(known)
    assert digests.reads == ["a", "b"]  # a written again, b refused again
    assert files[0] == DigestFile("a", b"forged", "signature of b'forged'")
    assert files[1].read_error == "AccessDenied"


def test_copies_of_digests_older_than_the_window_are_forgotten_and_a_limit_is_kept(store: Store) -> None:
    digests = Digests(a=b"1", b=b"2", c=b"3")  # modified 0, 1, 2
    digests.check(KnownDigests(store, limit=2))
    assert store.digest_copy_count() == 2
    digests.reads.clear()
    store.forget_digest_copies(1.0)  # a out of the window (forget_outside_window)
    digests.check(KnownDigests(store, limit=2))  # a read again, kept again
    assert digests.reads == ["a", "c"] and store.digest_copy_count() == 2
    digests.reads.clear()
    digests.check(KnownDigests(store, limit=0))
    assert digests.reads == ["a", "b", "c"]
