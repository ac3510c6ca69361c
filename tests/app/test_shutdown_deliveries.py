"""A daemon that stops while its dispatcher sends: the store stays open until the run ends (a send
whose delivery could not be marked done was sent again by the next daemon), and what the run
claimed and did not send is handed back at once, not held until its lease runs out."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Dispatcher
from tagwarden.adapters.store import open_store
from tagwarden.app.daemon import Daemon
from tagwarden.app.logs import get_logger
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import DeliverySettings
from tests.builders.findings import make_finding
from tests.faults.test_quiet_source_metrics import _daemon


def test_a_dispatcher_told_to_stop_hands_back_what_it_has_not_sent(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    with store.unit() as tx:
        for index in range(5):
            tx.add_findings([make_finding(id=f"tw-{index}", event_id=f"e{index}")])
            tx.enqueue_delivery(f"tw-{index}", "hook")
    stop = threading.Event()
    sent: list[str] = []

    class StoppingSink:
        name = "hook"

        def send(self, finding: Finding) -> None:
            sent.append(finding.id)
            stop.set()  # SIGTERM arrives during the first send

    settings = DeliverySettings(batch=10, lease_seconds=120)
    dispatcher = Dispatcher(
        store, {"hook": StoppingSink()}, settings, metrics=Metrics(), log=get_logger(), holder="stopping"
    )
    try:
        assert dispatcher.run_once(stop).delivered == 1
        assert sent == ["tw-0"]
        # Another replica claims the other four now, not two minutes later.
        claimed = store.claim_deliveries(store.clock(), 10, "another", 120)
        assert sorted(d.finding_id for d in claimed) == [f"tw-{index}" for index in range(1, 5)]
    finally:
        store.close()


class _BlockingDispatcher:
    """A run that is sending when the shutdown starts, then writes to the store, as marking a
    delivery done does; notes whether the store was still open."""

    def __init__(self, daemon: Daemon) -> None:
        self.daemon = daemon
        self.sending = threading.Event()
        self.release = threading.Event()
        self.outcome: list[str] = []

    def run_once(self, stop: threading.Event | None = None) -> Any:
        if self.sending.is_set():
            return None  # one run blocks; the scheduler's later runs return at once
        self.sending.set()
        self.release.wait(10)
        try:
            store = self.daemon.parts.store
            # A write: SQLite's readers are the threads' own connections, which the close leaves.
            store.try_lease("probe", "probe", store.clock(), 1)
            self.outcome.append("store open")
        except Exception as exc:
            self.outcome.append(type(exc).__name__)
        return None


def test_the_shutdown_waits_for_the_dispatcher_run_in_flight_before_it_closes_the_store(
    no_aws: None, tmp_path: Path
) -> None:
    daemon = _daemon(tmp_path, sinks=[{"type": "webhook", "name": "hook", "url": "http://127.0.0.1:9/hook"}])
    blocking = _BlockingDispatcher(daemon)
    daemon.dispatcher = blocking  # type: ignore[assignment]
    daemon.start()
    assert blocking.sending.wait(15)
    stopping = threading.Thread(target=daemon.shutdown)
    stopping.start()
    stopping.join(1.0)  # without waiting for the run, the shutdown has closed the store by now
    blocking.release.set()
    stopping.join(30)
    assert not stopping.is_alive()
    assert blocking.outcome == ["store open"]
