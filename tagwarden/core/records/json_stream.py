"""Incremental JSON reading: one value at a time out of text that arrives in chunks.

A CloudTrail log file is one object, ``{"Records": [...]}``, that may hold thousands of
records. Reading it whole would build every record at once; this reader walks the outer
object and the array by hand and decodes one element at a time with the standard
library's C decoder, so memory stays at about one chunk plus one record.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from tagwarden.core.records.limits import DEFAULT_LIMITS

_NOT_WHITESPACE = re.compile(r"[^ \t\n\r]")
_DECODER = json.JSONDecoder()


class StreamError(ValueError):
    """The text is not the JSON it should be; ``offset`` counts characters from the start.
    ``reason`` is a metric label."""

    def __init__(self, message: str, offset: int, reason: str = "invalid_json") -> None:
        super().__init__(f"{message} (at character {offset})")
        self.offset = offset
        self.reason = reason


class ChunkedText:
    """A cursor over text that arrives in chunks; consumed text is dropped as it goes."""

    def __init__(self, chunks: Iterator[str], max_value_chars: int = DEFAULT_LIMITS.max_record_chars) -> None:
        self._chunks = chunks
        self._buf = ""
        self._pos = 0
        self._dropped = 0  # characters consumed and dropped before _buf
        self._eof = False
        self._max = max_value_chars

    @property
    def offset(self) -> int:
        return self._dropped + self._pos

    def _fill(self) -> bool:
        """Append the next chunk; False at the end of the input."""
        if self._eof:
            return False
        for chunk in self._chunks:
            if chunk:
                if self._pos > 0:
                    self._dropped += self._pos
                    self._buf = self._buf[self._pos :]
                    self._pos = 0
                self._buf += chunk
                return True
        self._eof = True
        return False

    def peek(self) -> str | None:
        """The next character that is not white space, without consuming it; None at the end."""
        while True:
            match = _NOT_WHITESPACE.search(self._buf, self._pos)
            if match is not None:
                self._pos = match.start()
                return self._buf[self._pos]
            self._pos = len(self._buf)
            if not self._fill():
                return None

    def take(self, expected: str) -> None:
        char = self.peek()
        if char != expected:
            found = "end of input" if char is None else repr(char)
            raise StreamError(f"expected {expected!r}, found {found}", self.offset)
        self._pos += 1

    def value(self) -> Any:
        """Decode the next JSON value."""
        if self.peek() is None:
            raise StreamError("expected a JSON value, found end of input", self.offset)
        while True:
            try:
                value, end = _DECODER.raw_decode(self._buf, self._pos)
            except json.JSONDecodeError as exc:
                if self._grow():
                    continue
                raise StreamError(exc.msg, self._dropped + exc.pos) from None
            except RecursionError:
                raise StreamError("JSON nested too deep", self.offset, "too_deep") from None
            except ValueError as exc:  # e.g. an integer beyond Python's digit limit
                raise StreamError(f"JSON value refused: {exc}", self.offset, "number_too_long") from None
            # A number that ends exactly at the buffer's end may continue in the next chunk.
            if end == len(self._buf) and not self._eof and self._grow():
                continue
            if end - self._pos > self._max:
                raise StreamError(
                    f"a JSON value is longer than {self._max} characters", self.offset, "record_too_large"
                )
            self._pos = end
            return value

    def _grow(self) -> bool:
        if len(self._buf) - self._pos > self._max:
            raise StreamError(
                f"a JSON value is longer than {self._max} characters", self.offset, "record_too_large"
            )
        return self._fill()


def _more(cursor: ChunkedText, closing: str, where: str) -> bool:
    """After a member: True on ',' (another follows), False on the closing bracket."""
    char = cursor.peek()
    if char == ",":
        cursor.take(",")
        return True
    if char == closing:
        cursor.take(closing)
        return False
    found = "end of input" if char is None else repr(char)
    raise StreamError(f"expected ',' or {closing!r} in {where}, found {found}", cursor.offset)


def iter_array(cursor: ChunkedText) -> Iterator[Any]:
    """Yield the elements of the array at the cursor, one at a time."""
    cursor.take("[")
    if cursor.peek() == "]":
        cursor.take("]")
        return
    while True:
        yield cursor.value()
        if not _more(cursor, "]", "an array"):
            return


def iter_object_members(
    cursor: ChunkedText, streamed_keys: frozenset[str]
) -> Iterator[tuple[str, Any, bool]]:
    """Yield (key, value, streamed) for each member of the object at the cursor.

    For a key in ``streamed_keys`` whose value is an array, ``streamed`` is True and the value
    is an iterator over its elements, which the caller must exhaust before the next member.
    """
    cursor.take("{")
    if cursor.peek() == "}":
        cursor.take("}")
        return
    while True:
        key = cursor.value()
        if not isinstance(key, str):
            raise StreamError("expected an object key", cursor.offset)
        cursor.take(":")
        if key in streamed_keys and cursor.peek() == "[":
            yield key, iter_array(cursor), True
        else:
            yield key, cursor.value(), False
        if not _more(cursor, "}", "an object"):
            return
