"""KnownLogHashes: the integrity check takes the hash of an S3 log file it read before, while the
file's listing (ETag, LastModified, size) is unchanged, instead of reading it again; the hashes are
kept in the store, so a restarted daemon takes them too."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters import known_objects
from tagwarden.adapters.known_log_hashes import KnownLogHashes
from tagwarden.adapters.known_objects import Fingerprint
from tagwarden.adapters.store import Store, open_store
from tests.builders.store_files import in_each_process


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store("sqlite:///:memory:")
    yield opened
    opened.close()


class Files:
    """Log files by where, each with its content and its fingerprint in the listing (file n last
    modified at n); ``hash_log`` counts its reads."""

    def __init__(self, **contents: bytes) -> None:
        self.contents = dict(contents)
        self.fingerprints = {where: Fingerprint(f"etag-{n}", float(n)) for n, where in enumerate(contents)}
        self.reads: list[str] = []

    def write(self, where: str, content: bytes, fingerprint: str, modified: float = 0.0) -> None:
        self.contents[where] = content
        self.fingerprints[where] = Fingerprint(fingerprint, modified)

    def hash_log(self, where: str) -> str | None:
        self.reads.append(where)
        content = self.contents.get(where)
        return None if content is None else hashlib.sha256(content).hexdigest()

    def check(self, known: KnownLogHashes, wheres: list[str] | None = None) -> dict[str, str | None]:
        with known.checking(self.fingerprints, self.hash_log) as hash_log:
            return {where: hash_log(where) for where in (wheres if wheres is not None else self.contents)}


def test_an_unchanged_file_is_read_once_and_its_hash_taken_after(store: Store) -> None:
    files, known = Files(a=b"one", b=b"two"), KnownLogHashes(store)
    first = files.check(known)
    assert files.reads == ["a", "b"] and (known.counts.read, known.counts.known) == (2, 0)
    files.reads.clear()
    assert files.check(known) == first
    assert files.reads == [] and (known.counts.read, known.counts.known) == (0, 2)


def test_the_hashes_outlive_the_process_that_read_them(tmp_path: Path) -> None:
    # A restart, or the replica that takes the scan's lease over: the first check reads nothing
    # that is unchanged.
    files = Files(a=b"one", b=b"two")
    first, second = in_each_process(tmp_path, 2, lambda store: files.check(KnownLogHashes(store)))
    assert second == first
    assert files.reads == ["a", "b"]  # by the first process only


def test_a_file_written_again_is_read_again(store: Store) -> None:
    files, known = Files(a=b"one", b=b"two"), KnownLogHashes(store)
    files.check(known)
    files.write("a", b"forged", "etag-new")  # S3 gives a file written again a new fingerprint
    files.reads.clear()
    hashes = files.check(known)
    assert files.reads == ["a"]
    assert hashes["a"] == hashlib.sha256(b"forged").hexdigest()


def test_the_hashes_of_files_older_than_the_window_are_forgotten(store: Store) -> None:
    files, known = Files(a=b"one", b=b"two", c=b"three"), KnownLogHashes(store)  # modified 0, 1, 2
    files.check(known)
    store.forget_log_hashes(2.0)  # a and b out of the window (forget_outside_window)
    files.check(known, ["c"])
    assert store.log_hash_count() == 1
    files.reads.clear()
    files.check(known)
    assert files.reads == ["a", "b"]


def test_a_check_broken_off_keeps_what_it_read(store: Store) -> None:
    # S3 throttled a read, or the daemon is stopping: what the check read is kept, or the next
    # check would read it all again (and be throttled the more).
    files, known = Files(a=b"1", b=b"2", c=b"3"), KnownLogHashes(store)
    files.check(known)
    files.write("b", b"forged", "etag-new")
    with pytest.raises(TimeoutError), known.checking(files.fingerprints, files.hash_log) as hash_log:
        hash_log("a")
        hash_log("b")  # read again: changed
        raise TimeoutError("S3 cannot serve the next file now")
    files.reads.clear()
    assert files.check(known)["b"] == hashlib.sha256(b"forged").hexdigest()
    assert files.reads == []  # a and c as first read, b as read by the check broken off


def test_a_long_check_keeps_what_it_read_as_it_goes(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    # A daemon killed in the middle of a check over a large window has kept all but the last few.
    monkeypatch.setattr(known_objects, "KEPT_EVERY", 2)
    files, known = Files(a=b"1", b=b"2", c=b"3"), KnownLogHashes(store)
    checking = known.checking(files.fingerprints, files.hash_log)
    hash_log = checking.__enter__()
    for where in "abc":
        hash_log(where)
    assert store.log_hash_count() == 2  # never ended: a and b kept, c not yet


def test_files_without_a_listing_and_hashes_that_are_not_kept_are_read_each_time(store: Store) -> None:
    files, known = Files(a=b"one"), KnownLogHashes(store)
    files.fingerprints.pop("a")  # a local file: nothing tells a change

    def unreadable(where: str) -> str | None:
        files.reads.append(where)
        return None if where == "gone" else "unreadable (Not a gzipped file)"

    listed = {"gone": Fingerprint("etag-1", 1.0), "bad": Fingerprint("etag-2", 1.0)}
    for _ in range(2):
        files.check(known)
        with known.checking(listed, unreadable) as hash_log:
            assert (hash_log("gone"), hash_log("bad")) == (None, "unreadable (Not a gzipped file)")
    assert files.reads == ["a", "gone", "bad", "a", "gone", "bad"]
    assert store.log_hash_count() == 0


@pytest.mark.parametrize(("limit", "read_again"), [(2, ["c"]), (0, ["a", "b", "c"])])
def test_at_most_limit_files_are_kept(store: Store, limit: int, read_again: list[str]) -> None:
    files, known = Files(a=b"1", b=b"2", c=b"3"), KnownLogHashes(store, limit=limit)
    files.check(known)
    assert store.log_hash_count() == limit
    files.reads.clear()
    files.check(known)
    assert files.reads == read_again


@given(st.lists(st.lists(st.tuples(st.sampled_from("abcd"), st.binary(max_size=3)), max_size=6), max_size=6))
def test_the_hash_taken_is_always_that_of_the_content_now(checks: list[list[tuple[str, bytes]]]) -> None:
    # Each check: some files written (a new content, a new fingerprint, a later LastModified)
    # before it; every file present is then hashed, with the window moving on. Whatever was kept,
    # the answer is that of the content of now.
    store = open_store("sqlite:///:memory:")
    files, known = Files(a=b"", b=b"x"), KnownLogHashes(store, limit=3)
    for version, writes in enumerate(checks):
        for where, content in writes:
            files.write(where, content, f"etag-{where}-{version}", modified=float(version))
        store.forget_log_hashes(version - 2.0)  # the window moving on, as the check does first
        for where, hashed in files.check(known).items():
            assert hashed == hashlib.sha256(files.contents[where]).hexdigest()
    store.close()


def test_a_check_of_many_parts_adds_up_its_counts_and_counts_the_store_once(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The scheduled check verifies each account and region alone: a part each.
    counted = 0
    count = store.log_hash_count

    def counting() -> int:
        nonlocal counted
        counted += 1
        return count()

    monkeypatch.setattr(store, "log_hash_count", counting)
    files, known = Files(a=b"1", b=b"2", c=b"3", d=b"4", e=b"5"), KnownLogHashes(store, limit=3)
    with known.one_check():
        files.check(known, ["a", "b"])
        files.check(known, ["c", "d", "e"])
        assert (known.counts.read, known.counts.known) == (5, 0)  # both parts
    assert counted == 1
    keys = [known_objects.object_key(where, files.fingerprints[where]) for where in "abcde"]
    assert len(store.log_hashes(keys)) == 3
    with known.one_check():
        files.check(known, ["a", "b"])
        files.check(known, ["c", "d", "e"])
        assert (known.counts.read, known.counts.known) == (2, 3)  # the limit held over both parts
