"""Byte streams to text chunks, gzip or not, whatever the file is called."""

from __future__ import annotations

import codecs
import gzip
import zlib
from collections.abc import Iterator
from types import ModuleType
from typing import Any, BinaryIO, cast

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


def _inflater() -> Any:
    return _inflate_module.decompressobj(wbits=16 + zlib.MAX_WBITS)


def gunzip_whole(data: bytes) -> bytes | None:
    """Every member of a gzip document, inflated at once; None where the streaming reader should
    read it instead, to report what is wrong (corrupt, truncated) after what it holds."""
    parts: list[bytes] = []
    rest = data
    while True:
        inflater = _inflater()
        try:
            parts.append(inflater.decompress(rest))
        except _INFLATE_ERRORS:
            return None
        if not inflater.eof:
            return None
        rest = inflater.unused_data
        if not rest.strip(b"\x00"):
            return b"".join(parts) if len(parts) > 1 else parts[0]
        if rest[:2] != GZIP_MAGIC:
            return None


def _raw_chunks(stream: BinaryIO, chunk_bytes: int) -> Iterator[bytes]:
    head = stream.read(2)
    if head == GZIP_MAGIC:
        yield from _gunzip_chunks(head, stream, chunk_bytes)
        return
    if head:
        yield head
    while chunk := stream.read(chunk_bytes):
        yield chunk


def _gunzip_chunks(head: bytes, stream: BinaryIO, chunk_bytes: int) -> Iterator[bytes]:
    # A zlib decompressor rather than gzip.GzipFile, so that a truncated file yields what it
    # holds before the cut and then a clear error, and concatenated members are read too.
    inflater = _inflater()
    pending = head
    while True:
        data = pending + stream.read(chunk_bytes)
        pending = b""
        if not data:
            break
        try:
            out = inflater.decompress(data)
        except _INFLATE_ERRORS as exc:
            raise OpenError("bad_gzip", f"gzip data is corrupt: {exc}") from None
        if out:
            yield out
        if inflater.eof:
            rest = inflater.unused_data
            if not rest.strip(b"\x00"):
                if not (more := stream.read(chunk_bytes)):
                    return
                rest += more
            inflater = _inflater()
            pending = rest
    if not inflater.eof:
        raise OpenError("truncated_gzip", "gzip data ends before the end of its compressed stream")


def open_maybe_gzip(stream: BinaryIO, chunk_bytes: int = CHUNK_BYTES) -> Iterator[str]:
    """Text chunks of ``stream``: gunzipped where it starts with the gzip magic, UTF-8 decoded."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors="strict")
    first = True
    try:
        for raw in _raw_chunks(stream, chunk_bytes):
            text = decoder.decode(raw)
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
