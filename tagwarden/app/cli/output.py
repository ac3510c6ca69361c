"""Listings as a readable table (the default) or as JSON (``--format json``)."""

from __future__ import annotations

import argparse
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TextIO

from tagwarden.core.standard_json import standard_json

FORMATS = ("table", "json")


def add_format_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="table",
        help="table (default) for people, json for programs: an array with stable field names",
    )


def print_json(data: Any, out: TextIO | None = None) -> None:
    """Standard JSON, as /api sends: a raw record's NaN or infinity is written as a string."""
    stream = out or sys.stdout
    stream.write(standard_json(data))
    stream.write("\n")


# Bidirectional overrides, embeddings and isolates reorder what follows them on screen.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe_text(text: str) -> str:
    """``text`` with control characters (ESC, CR, BEL, C1...), line and paragraph separators
    and bidirectional controls written as escapes, so that values an attacker chose (tag
    values, ARNs) cannot move the cursor, recolour or rewrite the terminal."""
    if text.isascii() and text.isprintable():
        return text
    return "".join(
        _escape(c) if c in _BIDI or unicodedata.category(c) in {"Cc", "Zl", "Zp"} else c for c in text
    )


def _cell(value: Any, width: int | None) -> str:
    if value is None:
        text = "-"
    elif isinstance(value, (list, tuple)):
        text = ",".join(str(v) for v in value)
    elif isinstance(value, Mapping):
        text = ",".join(f"{k}={v}" for k, v in value.items())
    else:
        text = str(value)
    text = safe_text(text)
    if width is not None and len(text) > width:
        text = text[: max(width - 1, 1)] + "…"
    return text


def print_table(
    rows: Iterable[Mapping[str, Any]],
    columns: Sequence[tuple[str, str]],
    out: TextIO | None = None,
    max_width: int = 60,
) -> None:
    """Print ``rows`` under ``columns`` (header, key); long cells are cut at ``max_width``."""
    stream = out or sys.stdout
    cells = [[_cell(row.get(key), max_width) for _, key in columns] for row in rows]
    headers = [header for header, _ in columns]
    widths = [len(h) for h in headers]
    for line in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, line, strict=True)]
    stream.write("  ".join(h.upper().ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip() + "\n")
    for line in cells:
        stream.write("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip() + "\n")
