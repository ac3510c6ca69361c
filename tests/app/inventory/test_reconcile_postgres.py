"""The drift confirmation on PostgreSQL: it needs no more connections than the pool has."""

from __future__ import annotations

import threading
from collections.abc import Iterator

from tagwarden.adapters.store import open_store
from tagwarden.app.inventory.reconcile import Observed, pending_differences
from tagwarden.core.model import Finding
from tests.app.inventory.test_reconcile import BUCKET, T0, reconciler, seen


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


def test_two_replicas_recording_at_once_keep_each_others_pending_differences(
    fresh_postgres_database: str,
) -> None:
    # Replica b's drift scan takes an inventory of its own (none in memory yet) while replica a
    # runs the inventory scan: both record under the scope "inventory".
    first, second = open_store(fresh_postgres_database), open_store(fresh_postgres_database)
    a, b = reconciler(first), reconciler(second)
    other = "arn:aws:s3:::logs"
    for rec, target in ((a, BUCKET), (a, other)):
        rec.record(seen({"team": "alpha"}, target), T0, T0 + 5)

    def a_reading() -> Iterator[Observed]:
        # b records while a has read the pending differences and not yet saved them
        b.record(seen({"team": "gamma"}, other), T0 + 3600, T0 + 3605)
        yield from seen({"team": "beta"}, BUCKET)

    a.record(a_reading(), T0 + 3600, T0 + 3605)
    assert sorted(p["target"] for p in pending_differences(first, "test")) == sorted([BUCKET, other])
    first.close()
    second.close()
