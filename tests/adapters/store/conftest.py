"""Every engine the contract suites run against: SQLite on a file and in memory, PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tagwarden.adapters.store import Store, open_store

ENGINES = ["sqlite-file", "sqlite-memory", "postgresql"]


def engine_url(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if engine == "sqlite-file":
        return f"sqlite:///{tmp_path / 'state.db'}"
    if engine == "sqlite-memory":
        return "sqlite:///:memory:"
    fresh_database = request.getfixturevalue("fresh_postgres_database")
    return str(fresh_database)


@pytest.fixture(params=ENGINES)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return engine_url(request.param, tmp_path, request)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = open_store(store_url)
    yield opened
    opened.close()
