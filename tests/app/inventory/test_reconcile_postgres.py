"""The drift confirmation on PostgreSQL: it needs no more connections than the pool has."""

from __future__ import annotations

import threading

from tagwarden.adapters.store import open_store
from tagwarden.core.model import Finding
from tests.app.inventory.test_reconcile import T0, reconciler, seen


def test_confirming_a_difference_fits_in_a_pool_of_one(fresh_postgres_database: str) -> None:
    # store.pool_size may be 1; a unit that asked the store for a second connection while holding
    # the pool's only one would wait for itself until the pool gave up (30 s, PoolTimeout).
    store = open_store(fresh_postgres_database, pool_size=1)
    rec = reconciler(store, grace=600)
    rec.record(seen({"team": "alpha"}), T0, T0 + 5)
    rec.record(seen({"team": "beta"}), T0 + 3600, T0 + 3605)
    found: list[Finding] = []
    errors: list[BaseException] = []

    def confirm() -> None:
        try:
            found.extend(rec.confirm(T0 + 3605 + 600))
        except BaseException as exc:
            errors.append(exc)

    thread = threading.Thread(target=confirm, daemon=True)
    thread.start()
    thread.join(timeout=10)
    assert not thread.is_alive(), "confirm() is waiting for a second connection of a pool of one"
    assert errors == [] and [f.kind for f in found] == ["unattributed_change"]
    store.close()
