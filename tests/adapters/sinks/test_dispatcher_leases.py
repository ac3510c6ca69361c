"""Two replicas' dispatchers on one PostgreSQL outbox: a delivery goes out once, even when one
replica's batch takes longer than its lease."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Dispatcher
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import DeliverySettings
from tests.builders.findings import make_finding


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class SlowSink:
    """Takes ``seconds`` of the shared clock per finding; calls ``meanwhile`` once the clock has
    passed ``at`` (another replica's loop running while this one is busy)."""

    def __init__(self, sent: list[str], clock: Clock, seconds: float) -> None:
        self.name = "hook"
        self.sent = sent
        self.clock = clock
        self.seconds = seconds
        self.meanwhile: Callable[[], object] | None = None
        self.at = float("inf")

    def send(self, finding: Finding) -> None:
        self.sent.append(finding.id)
        self.clock.now += self.seconds
        if self.meanwhile is not None and self.clock.now > self.at:
            run, self.meanwhile = self.meanwhile, None
            run()


def _queued(store: Store, count: int) -> None:
    with store.unit() as tx:
        for index in range(count):
            tx.add_findings([make_finding(id=f"tw-{index}", event_id=f"e{index}")])
            tx.enqueue_delivery(f"tw-{index}", "hook")


def test_a_batch_slower_than_its_lease_is_not_sent_twice(fresh_postgres_database: str) -> None:
    first, second = open_store(fresh_postgres_database), open_store(fresh_postgres_database)
    _queued(first, 100)
    sent: list[str] = []
    clock = Clock()
    settings = DeliverySettings(batch=100, lease_seconds=120)
    slow, fast = SlowSink(sent, clock, 2.0), SlowSink(sent, clock, 0.0)

    def dispatcher(store: Store, sink: SlowSink, holder: str) -> Dispatcher:
        return Dispatcher(
            store, {"hook": sink}, settings, metrics=Metrics(), log=get_logger(), clock=clock, holder=holder
        )

    a, b = dispatcher(first, slow, "replica-a"), dispatcher(second, fast, "replica-b")
    # While replica a is still working through its batch, past its lease, replica b runs.
    slow.at, slow.meanwhile = clock.now + settings.lease_seconds, b.run_once
    a.run_once()
    for _ in range(3):  # whatever is left, by either
        clock.now += 1
        b.run_once()
        a.run_once()
    assert sorted(sent) == sorted(f"tw-{index}" for index in range(100))  # each once
    assert first.pending_deliveries() == {}
    first.close()
    second.close()


def test_a_replica_whose_clock_runs_ahead_sends_nothing_another_has_claimed(
    fresh_postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Claims are leases reckoned in the database's time: a replica whose own clock runs two
    minutes ahead does not take the deliveries another replica is sending."""
    first, second = open_store(fresh_postgres_database), open_store(fresh_postgres_database)
    _queued(first, 3)
    settings = DeliverySettings(batch=10, lease_seconds=60)
    sent: list[str] = []

    class Sink:
        name = "hook"

        def send(self, finding: Finding) -> None:
            sent.append(finding.id)
            if len(sent) == 1:  # the other replica starts and polls while this one is sending
                real = time.time
                monkeypatch.setattr(time, "time", lambda: real() + 120)
                dispatcher(second, "replica-b").run_once()
                monkeypatch.undo()

    def dispatcher(store: Store, holder: str) -> Dispatcher:
        sinks = {"hook": Sink()}
        return Dispatcher(store, sinks, settings, metrics=Metrics(), log=get_logger(), holder=holder)

    dispatcher(first, "replica-a").run_once()
    assert sorted(sent) == ["tw-0", "tw-1", "tw-2"]  # each once
    first.close()
    second.close()
