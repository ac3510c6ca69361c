"""log_hash: the SHA-256 of a log file inflated a megabyte at a time, given whole or streamed, as
the log reader inflates it (zlib, every member, zeros between members skipped): the hash of
inflating it whole, unreadable exactly where that fails, and gzip's own answer on any file gzip
writes."""

from __future__ import annotations

import gzip
import hashlib
import io
import tracemalloc
import zlib

from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.integrity import log_hash
from tagwarden.core.records import iter_records


def _whole(content: bytes) -> str:
    """The file inflated whole by zlib, member after member."""
    if content[:2] != b"\x1f\x8b":
        return hashlib.sha256(content).hexdigest()
    inflated, rest = [], content
    try:
        while rest:
            member = zlib.decompressobj(wbits=31)
            inflated.append(member.decompress(rest))
            if not member.eof:
                return "unreadable (cut short)"
            rest = member.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        return f"unreadable ({exc})"
    return hashlib.sha256(b"".join(inflated)).hexdigest()


def _member(size: int, level: int, repetitive: bool) -> bytes:
    payload = (b"{}" * size if repetitive else bytes(range(256)) * (size // 256 + 1))[:size]
    return gzip.compress(payload, compresslevel=level, mtime=0)


# Described, not drawn as bytes: a failing example prints short.
members = st.lists(
    st.tuples(st.integers(0, 3000) | st.just(80_000), st.integers(0, 9), st.booleans()),
    min_size=1,
    max_size=3,
)


@settings(max_examples=300, deadline=None)
@given(
    parts=members,
    padding=st.sampled_from([b"", b"\x00", b"\x00" * 9, b"\x00" * (1 << 21)]),
    cut=st.none() | st.integers(0, 400),
    flip=st.none() | st.integers(0, 400),
    tail=st.sampled_from([b"", b"x", b"\x1f\x8b", b"\x1f\x8b\x08"]),
)
def test_as_inflated_whole_for_any_gzip_members_cut_flipped_or_followed(
    parts: list[tuple[int, int, bool]], padding: bytes, cut: int | None, flip: int | None, tail: bytes
) -> None:
    content = bytearray(padding.join(_member(*part) for part in parts) + tail)
    if flip is not None and flip < len(content):
        content[flip] ^= 0x41
    if cut is not None:
        del content[len(content) - cut :]
    data = bytes(content)
    expected = _whole(data)
    for given_as in (data, io.BytesIO(data)):
        found = log_hash(given_as)
        assert found.startswith("unreadable") == expected.startswith("unreadable")
        if not expected.startswith("unreadable"):
            assert found == expected
    if flip is None and cut is None and not tail:  # as gzip writes it: gzip reads it so too
        assert log_hash(data) == hashlib.sha256(gzip.decompress(data)).hexdigest()


def test_a_header_the_log_reader_refuses_is_unreadable_not_intact() -> None:
    # Reserved flag bits: Python's gzip ignores them, zlib (the log reader) refuses the file. A
    # file whose events tagwarden cannot read must not be called the one CloudTrail wrote.
    inflated = b'{"Records": []}'
    content = bytearray(gzip.compress(inflated))
    content[3] |= 0x40
    assert gzip.decompress(bytes(content)) == inflated
    assert [item.reason for item in iter_records(io.BytesIO(bytes(content)))] == ["bad_gzip"]
    assert log_hash(bytes(content)).startswith("unreadable")


@given(st.binary(max_size=2000))
def test_plain_content_is_hashed_as_it_is(content: bytes) -> None:
    if content[:2] != b"\x1f\x8b":
        assert log_hash(content) == hashlib.sha256(content).hexdigest()


def test_a_large_file_is_never_held_inflated() -> None:
    inflated = b'{"Records": []}' + b" " * (64 * 1024 * 1024)  # 64 MiB once inflated
    content = gzip.compress(inflated)
    expected = hashlib.sha256(inflated).hexdigest()
    del inflated
    tracemalloc.start()
    try:
        assert log_hash(io.BytesIO(content)) == expected
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # a megabyte or two of it at a time, not 64
