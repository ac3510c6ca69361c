"""Byte streams to text chunks, gzip or not, whatever the file is called."""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from tagwarden.core.records.limits import DEFAULT_LIMITS, ReadLimits

GZIP_MAGIC = b"\x1f\x8b"
CHUNK_BYTES = 1 << 20


class OpenError(ValueError):
    """The bytes cannot be read as (possibly gzipped) UTF-8 text; ``reason`` is a metric label."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


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
    # holds before the cut and then a clear error, and concatenated members are read too.
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
            rest = inflater.unused_data
            if not rest.strip(b"\x00"):
                if not (more := stream.read(chunk_bytes)):
                    return
                rest += more
            inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
            pending = rest
    if not inflater.eof:
        raise OpenError("truncated_gzip", "gzip data ends before the end of its compressed stream")


def open_maybe_gzip(
    stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES, limits: ReadLimits = DEFAULT_LIMITS
) -> Iterator[str]:
    """Text chunks of ``stream``: gunzipped where it starts with the gzip magic, UTF-8 decoded.
    Where the bytes stop being UTF-8, the text before them comes out first, then the error."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    first = True
    try:
        for raw in _raw_chunks(stream, chunk_bytes, _Budget(limits)):
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
    except (EOFError, gzip.BadGzipFile) as exc:
        raise OpenError("bad_gzip", f"gzip data is corrupt: {exc}") from None
    if tail:
        yield tail
