"""The statement layer both engines share, counted: what a unit asks of the database."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from tagwarden.adapters.store.sql import Row, Sql
from tagwarden.adapters.store.sqlite import SQLiteStore


class CountingSql:
    """The engine's Sql, counting the statements it is given by their first four words."""

    def __init__(self, inner: Sql, statements: Counter[str] | None = None) -> None:
        self.inner = inner
        self.statements: Counter[str] = Counter() if statements is None else statements
        self.locks: list[list[str]] = []  # the names of each lock_keys call

    def _count(self, sql: str) -> None:
        self.statements[" ".join(sql.split()[:4])] += 1

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        self._count(sql)
        return self.inner.rows(sql, params)

    def row(self, sql: str, params: Sequence[Any] = ()) -> Row | None:
        self._count(sql)
        return self.inner.row(sql, params)

    def run(self, sql: str, params: Sequence[Any] = ()) -> int:
        self._count(sql)
        return self.inner.run(sql, params)

    def run_many(self, sql: str, params: Sequence[Sequence[Any]]) -> None:
        self._count(sql)
        self.inner.run_many(sql, params)

    def rows_of_each(self, sql: str, params: Sequence[Sequence[Any]]) -> list[Row]:
        self._count(sql)
        return self.inner.rows_of_each(sql, params)

    def lock_keys(self, keys: Sequence[str]) -> None:
        self.locks.append(list(keys))
        self.inner.lock_keys(keys)


class CountingSQLiteStore(SQLiteStore):
    """A SQLite store whose write transactions are counted, together, in ``statements``."""

    def __init__(self, path: str) -> None:
        self.statements: Counter[str] = Counter()
        super().__init__(path)

    @contextmanager
    def _writing(self) -> Iterator[Any]:
        with super()._writing() as sql:
            yield CountingSql(sql, self.statements)
