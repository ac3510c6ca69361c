"""A unit the store fails to commit (a full disk, a dropped connection: ``UnitDeferred``) is tried
again, and nothing of the first attempt was committed: the retry must judge as the first attempt
did, though the first taught the process's memory (IAM tags fetched, roles given to compute)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.store import Store, open_store
from tagwarden.adapters.store.sql_unit import SqlUnit
from tagwarden.core.ports.units import UnitDeferred
from tests.adapters.store.conftest import engine_url
from tests.app.pipeline.test_late_events import DEV, RUNNER, compute_processor, put_team, update_stack
from tests.app.pipeline.test_processor import kinds, processor, run


@pytest.fixture(params=["sqlite-memory", "sqlite-file"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_store(engine_url(request.param, tmp_path, request))
    yield opened
    opened.close()


def fail_the_next_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The unit's last writes fail as a full disk fails them."""
    real = SqlUnit.flush
    calls = {"n": 0}

    def flaky(self: SqlUnit) -> None:
        calls["n"] += 1
        if calls["n"] == 1:
            raise sqlite3.OperationalError("disk I/O error")
        real(self)

    monkeypatch.setattr(SqlUnit, "flush", flaky)


def test_a_unit_tried_again_still_knows_the_actors_iam_tags(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    records = [put_team(DEV, "shared", "beta", 3, "dev-beta")]
    clean = open_store("sqlite:///:memory:")
    run(processor(clean), records)
    expected = kinds(clean, "dev-beta")
    assert expected == {"unauthorized_writer", "self_grant"}  # dev-beta's IAM tags say team=beta

    proc = processor(store)
    fail_the_next_commit(monkeypatch)
    with pytest.raises(UnitDeferred):
        run(proc, records)
    run(proc, records)  # within the tags' time-to-live
    assert kinds(store, "dev-beta") == expected


def test_a_unit_tried_again_still_sees_the_role_it_gives(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    records: list[dict[str, Any]] = [update_stack(DEV, "beta", 3, "dev-stack", RUNNER)]
    clean = open_store("sqlite:///:memory:")
    run(compute_processor(clean), records)
    expected = kinds(clean, "dev-stack")
    assert "compute_identity" in expected  # dev (beta) gave the stack an alpha role

    proc = compute_processor(store)
    fail_the_next_commit(monkeypatch)
    with pytest.raises(UnitDeferred):
        run(proc, records)
    run(proc, records)
    assert kinds(store, "dev-stack") == expected
