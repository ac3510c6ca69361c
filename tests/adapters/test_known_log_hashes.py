"""KnownLogHashes: the integrity check takes the hash of an S3 log file it read before, while the
file's listing (ETag, LastModified, size) is unchanged, instead of reading it again."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters.known_log_hashes import KnownLogHashes


class Files:
    """Log files by where, each with its content and its fingerprint in the listing; ``hash_log``
    counts its reads."""

    def __init__(self, **contents: bytes) -> None:
        self.contents = dict(contents)
        self.fingerprints = {where: f"etag-{n}" for n, where in enumerate(contents)}
        self.reads: list[str] = []

    def write(self, where: str, content: bytes, fingerprint: str) -> None:
        self.contents[where], self.fingerprints[where] = content, fingerprint

    def hash_log(self, where: str) -> str | None:
        self.reads.append(where)
        content = self.contents.get(where)
        return None if content is None else hashlib.sha256(content).hexdigest()

    def check(self, known: KnownLogHashes, wheres: list[str] | None = None) -> dict[str, str | None]:
        with known.checking(self.fingerprints, self.hash_log) as hash_log:
            return {where: hash_log(where) for where in (wheres if wheres is not None else self.contents)}


def test_an_unchanged_file_is_read_once_and_its_hash_taken_after() -> None:
    files, known = Files(a=b"one", b=b"two"), KnownLogHashes()
    first = files.check(known)
    assert files.reads == ["a", "b"] and (known.counts.read, known.counts.known) == (2, 0)
    files.reads.clear()
    assert files.check(known) == first
    assert files.reads == [] and (known.counts.read, known.counts.known) == (0, 2)


def test_a_file_written_again_is_read_again() -> None:
    files, known = Files(a=b"one", b=b"two"), KnownLogHashes()
    files.check(known)
    files.write("a", b"forged", "etag-new")  # S3 gives a file written again a new fingerprint
    files.reads.clear()
    hashes = files.check(known)
    assert files.reads == ["a"]
    assert hashes["a"] == hashlib.sha256(b"forged").hexdigest()


def test_what_a_check_does_not_meet_is_forgotten() -> None:
    files, known = Files(a=b"one", b=b"two"), KnownLogHashes()
    files.check(known)
    files.check(known, ["a"])  # b out of the window
    assert len(known) == 1
    files.reads.clear()
    files.check(known)
    assert files.reads == ["b"]


def test_a_check_broken_off_forgets_nothing() -> None:
    # S3 throttled a read, or the daemon is stopping: what the check had not reached yet is still
    # known, or the next check would read it all again (and be throttled the more).
    files, known = Files(a=b"1", b=b"2", c=b"3"), KnownLogHashes()
    files.check(known)
    files.write("b", b"forged", "etag-new")
    with pytest.raises(TimeoutError), known.checking(files.fingerprints, files.hash_log) as hash_log:
        hash_log("a")
        hash_log("b")  # read again: changed
        raise TimeoutError("S3 cannot serve the next file now")
    files.reads.clear()
    assert files.check(known)["b"] == hashlib.sha256(b"forged").hexdigest()
    assert files.reads == []  # a and c as first read, b as read by the check broken off


def test_files_without_a_listing_and_hashes_that_are_not_kept_are_read_each_time() -> None:
    files, known = Files(a=b"one"), KnownLogHashes()
    files.fingerprints.pop("a")  # a local file: nothing tells a change

    def unreadable(where: str) -> str | None:
        files.reads.append(where)
        return None if where == "gone" else "unreadable (Not a gzipped file)"

    for _ in range(2):
        files.check(known)
        with known.checking({"gone": "etag-1", "bad": "etag-2"}, unreadable) as hash_log:
            assert (hash_log("gone"), hash_log("bad")) == (None, "unreadable (Not a gzipped file)")
    assert files.reads == ["a", "gone", "bad", "a", "gone", "bad"]
    assert len(known) == 0


def test_at_most_limit_files_are_kept() -> None:
    files, known = Files(a=b"1", b=b"2", c=b"3"), KnownLogHashes(limit=2)
    files.check(known)
    assert len(known) == 2
    files.reads.clear()
    files.check(known)
    assert files.reads == ["c"]


@given(st.lists(st.lists(st.tuples(st.sampled_from("abcd"), st.binary(max_size=3)), max_size=6), max_size=6))
def test_the_hash_taken_is_always_that_of_the_content_now(checks: list[list[tuple[str, bytes]]]) -> None:
    # Each check: some files written (a new content, a new fingerprint) before it; every file
    # present is then hashed. Whatever was kept, the answer is that of the content of now.
    files, known = Files(a=b"", b=b"x"), KnownLogHashes(limit=3)
    for version, writes in enumerate(checks):
        for where, content in writes:
            files.write(where, content, f"etag-{where}-{version}")
        for where, hashed in files.check(known).items():
            assert hashed == hashlib.sha256(files.contents[where]).hexdigest()
