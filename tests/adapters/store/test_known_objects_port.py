"""Known objects port contract (tagwarden/core/ports/known_objects.py), on every engine."""

from __future__ import annotations

import time

import pytest

from tagwarden.adapters.store import Store
from tagwarden.core.ports.known_objects import KeptDigest, KeptLogHash, LogFileRead

A, B = "a" * 64, "b" * 64


def test_kept_hashes_are_given_by_key_and_a_key_without_one_is_absent(store: Store) -> None:
    assert store.log_hashes([]) == {} and store.log_hash_count() == 0
    store.keep_log_hashes([KeptLogHash("k1", A, 100.0), KeptLogHash("k2", B, 200.0)])
    assert store.log_hashes(["k1", "k2", "k3"]) == {"k1": A, "k2": B}
    assert store.log_hash_count() == 2


def test_a_key_kept_again_keeps_its_first_hash(store: Store) -> None:
    # A key names one content: a replica that read the same file meanwhile writes it again.
    store.keep_log_hashes([KeptLogHash("k1", A, 100.0)])
    store.keep_log_hashes([KeptLogHash("k1", B, 300.0), KeptLogHash("k1", B, 300.0)])
    assert store.log_hashes(["k1"]) == {"k1": A}
    assert store.forget_log_hashes(200.0) == 1  # by the first LastModified, too


def test_hashes_of_files_modified_before_a_time_are_forgotten(store: Store) -> None:
    store.keep_log_hashes([KeptLogHash(f"k{n}", A, float(n)) for n in range(5)])
    assert store.forget_log_hashes(3.0) == 3
    assert store.log_hashes([f"k{n}" for n in range(5)]) == {"k3": A, "k4": A}
    assert store.forget_log_hashes(3.0) == 0 and store.log_hash_count() == 2


def test_many_keys_are_asked_at_once(store: Store) -> None:
    kept = [KeptLogHash(f"k{n:05}", f"{n:064x}", 1.0) for n in range(1_203)]  # several IN chunks
    store.keep_log_hashes(kept)
    assert store.log_hashes([k.key for k in kept] + ["other"]) == {k.key: k.sha256 for k in kept}


GZIP = bytes(range(256))  # any bytes, as a gzip stream is: not text


def test_digest_copies_are_given_back_byte_for_byte_with_their_signature(store: Store) -> None:
    assert store.digest_copies([]) == {} and store.digest_copy_count() == 0
    store.keep_digest_copies(
        [KeptDigest("d1", GZIP, "ab" * 256, 100.0), KeptDigest("d2", b"\x1f\x8b", None, 200.0)]
    )
    assert store.digest_copies(["d1", "d2", "d3"]) == {"d1": (GZIP, "ab" * 256), "d2": (b"\x1f\x8b", None)}
    assert store.digest_copy_count() == 2


def test_a_digest_kept_again_keeps_its_first_copy_and_copies_are_forgotten_by_time(store: Store) -> None:
    store.keep_digest_copies([KeptDigest("d1", b"first", "s", 100.0), KeptDigest("d2", b"x", None, 300.0)])
    store.keep_digest_copies([KeptDigest("d1", b"second", None, 300.0)])
    assert store.digest_copies(["d1"]) == {"d1": (b"first", "s")}
    assert store.forget_digest_copies(200.0) == 1
    assert store.digest_copies(["d1", "d2"]) == {"d2": (b"x", None)}
    assert store.log_hash_count() == 0  # the two kinds apart


def _read(store: Store, *files: LogFileRead) -> float:
    """Commits a unit that read ``files``; the moment just before it."""
    before = time.time()
    with store.unit() as tx:
        tx.note_log_files_read(list(files))
    return before


L1 = LogFileRead(
    "s3://logs/AWSLogs/111111111111/CloudTrail/us-east-1/2026/12/05/a.json.gz", "111111111111", "us-east-1"
)
L2 = LogFileRead(
    "s3://other/AWSLogs/222222222222/CloudTrail/eu-west-1/2026/12/05/b.json.gz", "222222222222", "eu-west-1"
)
ODD = LogFileRead("s3://logs/exports/c.json.gz", "", "")


def test_log_files_read_are_given_by_origin_from_a_moment_on(store: Store) -> None:
    assert store.log_file_origins_read(0.0) == [] and store.log_files_read(("", ""), 0.0) == []
    assert store.log_file_buckets_read(0.0) == []
    first = _read(store, L1, ODD, L1)  # a file twice in one unit is one row
    time.sleep(0.01)
    second = _read(store, L2)
    assert store.log_file_origins_read(first) == [
        ("", ""),
        ("111111111111", "us-east-1"),
        ("222222222222", "eu-west-1"),
    ]
    assert store.log_files_read(("111111111111", "us-east-1"), first) == [L1.url]
    assert store.log_files_read(("", ""), first) == [ODD.url]
    assert store.log_file_origins_read(second) == [("222222222222", "eu-west-1")]
    assert store.log_file_buckets_read(first) == ["logs", "other"] and store.log_file_buckets_read(
        second
    ) == ["other"]
    assert store.log_files_read(("111111111111", "us-east-1"), second) == []


def test_a_file_read_again_is_kept_from_its_later_read_and_forgotten_by_it(store: Store) -> None:
    _read(store, L1, L2)
    time.sleep(0.01)
    again = _read(store, L1)
    assert store.log_file_origins_read(again) == [("111111111111", "us-east-1")]
    assert store.forget_log_files_read(again) == 1  # L2 only: L1 was read again after
    assert store.log_file_origins_read(0.0) == [("111111111111", "us-east-1")]
    assert store.forget_log_files_read(time.time() + 1) == 1
    assert store.log_file_origins_read(0.0) == []


def test_files_read_by_a_unit_that_rolls_back_are_not_kept(store: Store) -> None:
    with pytest.raises(RuntimeError), store.unit() as tx:
        tx.note_log_files_read([L1])
        raise RuntimeError("the unit failed")
    assert store.log_file_origins_read(0.0) == []


def test_a_verdict_on_a_file_read_holds_until_it_is_read_again(store: Store) -> None:
    _read(store, L1, L2)
    assert store.log_files_checked([L1.url, L2.url, ODD.url]) == set()
    check_started = time.time()
    time.sleep(0.01)
    _read(store, L2)  # read again while the check ran: what it checked may not be what was read
    store.note_log_files_checked([L1.url, L2.url, ODD.url], check_started)
    assert store.log_files_checked([L1.url, L2.url, ODD.url]) == {L1.url}
    time.sleep(0.01)
    _read(store, L1)
    assert store.log_files_checked([L1.url]) == set()
    many = [LogFileRead(f"s3://logs/{n:04}.json.gz", "", "") for n in range(1_100)]
    _read(store, *many)
    store.note_log_files_checked([file.url for file in many], time.time())
    assert store.log_files_checked([file.url for file in many]) == {file.url for file in many}
