"""A replica that stalls inside a unit (frozen, cut off from the network) holds its targets'
locks: another replica's unit on the same target gives up after a while and is tried again,
instead of waiting as long as the server keeps the stalled session."""

from __future__ import annotations

import threading
import time

import pytest

from tagwarden.adapters.store import open_store, postgres
from tagwarden.core.ports.units import UnitDeferred

ROLE = "arn:aws:iam::111111111111:role/dev"


def test_a_unit_waiting_on_a_stalled_replicas_lock_is_deferred(
    fresh_postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "LOCK_WAIT_SECONDS", 1.0, raising=False)
    stalled, waiting = open_store(fresh_postgres_database), open_store(fresh_postgres_database)
    holding, resume = threading.Event(), threading.Event()

    def stall() -> None:
        with stalled.unit() as tx:
            tx.lock_targets([ROLE])
            holding.set()
            resume.wait(30)

    holder = threading.Thread(target=stall, daemon=True)
    holder.start()
    assert holding.wait(10)
    outcome: list[BaseException | None] = []

    def write() -> None:
        try:
            with waiting.unit() as tx:
                tx.lock_targets([ROLE])
                tx.record_snapshot(ROLE, "principal", {"team": "a"}, 1.0, "iam")
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    started = time.monotonic()
    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    writer.join(timeout=10)
    still_waiting = writer.is_alive()
    resume.set()
    holder.join(timeout=10)
    writer.join(timeout=10)
    assert not still_waiting, "the unit waited on the stalled replica's lock with no end"
    assert len(outcome) == 1 and isinstance(outcome[0], UnitDeferred)
    assert time.monotonic() - started < 10
    stalled.close()
    waiting.close()
