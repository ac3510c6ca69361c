"""One question about many keys: ``... WHERE column IN (...)``, asked in chunks."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Row, Sql

IN_CHUNK = 500  # keys per IN (...): far below SQLite's and PostgreSQL's limits on parameters


def rows_in(sql: Sql, select: str, values: Sequence[str], params: Sequence[Any] = ()) -> list[Row]:
    """``select`` ends with the column that ``IN (values)`` is tested on; ``params`` fill the
    ``?`` placeholders before it."""
    rows: list[Row] = []
    for start in range(0, len(values), IN_CHUNK):
        chunk = values[start : start + IN_CHUNK]
        rows += sql.rows(f"{select} IN ({', '.join('?' for _ in chunk)})", (*params, *chunk))
    return rows
