"""Byte streams to text chunks, gzip or not, whatever the file is called."""

from __future__ import annotations

import codecs
import gzip
import sys
import zlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any, BinaryIO, cast

from tagwarden.core.records.limits import DEFAULT_LIMITS, ReadLimits

_inflate_module: ModuleType = zlib
_INFLATE_ERRORS: tuple[type[Exception], ...] = (zlib.error,)
try:  # ISA-L's inflate (igzip) where it is installed: the same results as zlib, faster
    from isal import isal_zlib

    _inflate_module = isal_zlib
    _INFLATE_ERRORS = (zlib.error, cast(type[Exception], isal_zlib.IsalError))
except ImportError:  # pragma: no cover - isal is optional
    pass

GZIP_MAGIC = b"\x1f\x8b"
CHUNK_BYTES = 1 << 20


class OpenError(ValueError):
    """The bytes cannot be read as (possibly gzipped) UTF-8 text; ``reason`` is a metric label."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


# What the whole-document fast path inflates at most; a larger (or bomb-like) document goes to
# the streaming reader, which applies the read limits and says which one it hit.
WHOLE_TEXT_BYTES = 64 * 1024 * 1024


def _inflater() -> Any:
    return _inflate_module.decompressobj(wbits=16 + zlib.MAX_WBITS)


def gunzip_whole(data: bytes, max_bytes: int = WHOLE_TEXT_BYTES) -> bytes | None:
    """Every member of a gzip document, inflated at once; None where the streaming reader should
    read it instead: to report what is wrong (corrupt, truncated) after what it holds, or because
    it inflates past ``max_bytes``."""
    parts: list[bytes] = []
    produced = 0
    rest = data
    while True:
        inflater = _inflater()
        try:
            out = inflater.decompress(rest, max_bytes - produced + 1)
        except _INFLATE_ERRORS:
            return None
        produced += len(out)
        if produced > max_bytes or not inflater.eof:
            return None
        parts.append(out)
        rest = inflater.unused_data.lstrip(b"\x00")  # zeros between members, as gzip skips them
        if not rest:
            return b"".join(parts) if len(parts) > 1 else parts[0]
        if rest[:2] != GZIP_MAGIC:
            return None


class _Budget:
    """Counts bytes in and out of one object against the limits."""

    def __init__(self, limits: ReadLimits) -> None:
        self.limits = limits
        self.compressed = 0  # gzip bytes inflated so far; 0 for plain text
        self.out = 0

    def take(self, produced: int) -> None:
        self.out += produced
        limits = self.limits
        if self.out > limits.max_object_bytes:
            raise OpenError(
                "object_too_large", f"more than {limits.max_object_bytes} bytes once decompressed"
            )
        if (
            self.compressed
            and self.out > limits.ratio_floor_bytes
            and self.out > limits.max_compression_ratio * self.compressed
        ):
            raise OpenError(
                "compression_ratio",
                f"{self.compressed} compressed bytes expand past {self.out}: more than"
                f" {limits.max_compression_ratio} times (a decompression bomb?)",
            )


def _raw_chunks(stream: BinaryIO, chunk_bytes: int, budget: _Budget) -> Iterator[bytes]:
    head = stream.read(2)
    if head == GZIP_MAGIC:
        yield from _gunzip_chunks(head, stream, chunk_bytes, budget)
        return
    if head:
        yield head
        budget.take(len(head))
    while chunk := stream.read(chunk_bytes):
        yield chunk
        budget.take(len(chunk))


def _inflate(inflater: Any, data: bytes, chunk_bytes: int, budget: _Budget) -> Iterator[bytes]:
    """Everything ``data`` inflates to, ``chunk_bytes`` at a time, so that memory stays bounded."""
    while data:
        try:
            out = inflater.decompress(data, chunk_bytes)
        except zlib.error as exc:
            raise OpenError("bad_gzip", f"gzip data is corrupt: {exc}") from None
        budget.compressed += len(data) - len(inflater.unconsumed_tail) - len(inflater.unused_data)
        if out:
            yield out
        budget.take(len(out))  # after the yield: records before the bound are still read
        data = inflater.unconsumed_tail
        if inflater.eof:
            return


def _gunzip_chunks(head: bytes, stream: BinaryIO, chunk_bytes: int, budget: _Budget) -> Iterator[bytes]:
    # A zlib decompressor rather than gzip.GzipFile, so that a truncated file yields what it
    # holds before the cut and then a clear error, and concatenated members are read too. zlib,
    # not isal, here: this path reads damaged and large files, where zlib's behaviour on a cut is
    # the one the tests pin; the whole-document fast path takes isal's speed.
    inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    pending = head
    while True:
        # Bytes left over from the previous member are read first, so that a file of many small
        # members does not pile up unread bytes.
        fresh = b"" if len(pending) >= chunk_bytes else stream.read(chunk_bytes)
        data = pending + fresh
        pending = b""
        if not data:
            break
        yield from _inflate(inflater, data, chunk_bytes, budget)
        if inflater.eof:
            # Zeros after a member are skipped, as gzip skips them: the end, or another member.
            rest = inflater.unused_data.lstrip(b"\x00")
            while not rest:
                if not (more := stream.read(chunk_bytes)):
                    return
                rest = more.lstrip(b"\x00")
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            pending = rest
    if not inflater.eof:
        raise OpenError("truncated_gzip", "gzip data ends before the end of its compressed stream")


UNBOUNDED = ReadLimits(max_object_bytes=sys.maxsize, max_compression_ratio=sys.maxsize)


def inflated_chunks(
    stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES, limits: ReadLimits = UNBOUNDED
) -> Iterator[bytes]:
    """The bytes of ``stream``, gunzipped where it starts with the gzip magic (every member),
    ``chunk_bytes`` at a time: what ``open_maybe_gzip`` decodes, and what the integrity check
    hashes (without bounds) without holding a file inflated. ``OpenError`` where the gzip data is
    corrupt or cut short, or past ``limits``."""
    try:
        yield from _raw_chunks(stream, chunk_bytes, _Budget(limits))
    except (EOFError, gzip.BadGzipFile) as exc:
        raise OpenError("bad_gzip", f"gzip data is corrupt: {exc}") from None


def open_maybe_gzip(
    stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[str]:
    """Text chunks of ``stream``: gunzipped where it starts with the gzip magic, UTF-8 decoded.
    Where the bytes stop being UTF-8, the text before them comes out first, then the error."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    first = True
    try:
        for raw in inflated_chunks(stream, chunk_bytes, limits):
            try:
                text = decoder.decode(raw)
            except UnicodeDecodeError as exc:
                good = bytes(exc.object[: exc.start]).decode("utf-8")
                if first:
                    good = good.removeprefix("\ufeff")
                if good:
                    yield good
                raise
            if first and text:
                text = text.removeprefix("\ufeff")
                first = False
            if text:
                yield text
        tail = decoder.decode(b"", final=True)
    except UnicodeDecodeError as exc:
        raise OpenError("not_text", f"not UTF-8 text: {exc.reason} at byte {exc.start}") from None
    if tail:
        yield tail
