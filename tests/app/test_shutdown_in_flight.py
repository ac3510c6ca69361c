"""The shutdown waits for the work in hand (polls, scans) before it closes the store, and no work
begins once it is stopping: the scheduler is shut down without waiting, so a run it had started
just before the stop would begin after the wait, on a closed store."""

from __future__ import annotations

import threading
from pathlib import Path

from tagwarden.adapters.sources import PollResult
from tagwarden.app.daemon.in_flight import InFlight
from tagwarden.app.scans import ScanJob
from tests.faults.test_quiet_source_metrics import _daemon


def test_work_in_hand_is_waited_for_and_none_begins_once_stopping() -> None:
    stop = threading.Event()
    in_flight = InFlight(stop)
    assert in_flight.enter("poll:a")
    with in_flight.holding("deliver") as may_run:
        assert may_run
        assert in_flight.wait(0.01) == ["deliver", "poll:a"]
    threading.Timer(0.05, in_flight.leave, args=["poll:a"]).start()
    assert in_flight.wait(10) == []
    stop.set()
    assert not in_flight.enter("poll:a")
    with in_flight.holding("deliver") as may_run:
        assert not may_run
    assert in_flight.wait(0) == []


def test_a_poll_that_begins_once_the_daemon_is_stopping_does_not_reach_its_source(
    no_aws: None, tmp_path: Path
) -> None:
    daemon = _daemon(tmp_path)
    polled: list[bool] = []

    class Source:
        name = "late"

        def poll(self, stop: threading.Event) -> PollResult:
            polled.append(True)
            return PollResult()

    assert daemon.poll_source(Source()) is not None  # type: ignore[arg-type]
    assert daemon.shutdown()
    assert daemon.poll_source(Source()) is None  # type: ignore[arg-type]
    assert polled == [True]


def test_the_shutdown_waits_for_a_scan_in_hand_before_it_closes_the_store(
    no_aws: None, tmp_path: Path
) -> None:
    daemon = _daemon(tmp_path)
    scanning, release = threading.Event(), threading.Event()
    outcome: list[str] = []

    def scan() -> bool:
        scanning.set()
        release.wait(10)
        try:
            store = daemon.parts.store
            store.try_lease("scan:probe", "probe", store.clock(), 1)  # a write, as a scan's last
            outcome.append("store open")
        except Exception as exc:
            outcome.append(type(exc).__name__)
        return True

    running = threading.Thread(target=daemon.run_scan, args=[ScanJob("slow", 3600, scan)])
    running.start()
    assert scanning.wait(10)
    stopping = threading.Thread(target=daemon.shutdown)
    stopping.start()
    stopping.join(1.0)  # without waiting for the scan, the shutdown has closed the store by now
    release.set()
    for thread in (running, stopping):
        thread.join(30)
        assert not thread.is_alive()
    assert outcome == ["store open"]
    assert daemon.run_scan(ScanJob("late", 3600, scan)) and outcome == ["store open"]


def test_no_scan_lease_is_taken_again_once_the_shutdown_released_them(no_aws: None, tmp_path: Path) -> None:
    daemon = _daemon(tmp_path, store={"url": "sqlite:///state.db", "forget_after_days": 30})
    store = daemon.parts.store
    daemon._keep_leases()
    assert not store.try_lease("scan:forget", "another", store.clock(), 60)  # held by this daemon
    daemon.stop.set()
    daemon.scans.release_leases()  # as the shutdown does, with a renewal due just after
    daemon._keep_leases()
    assert store.try_lease("scan:forget", "another", store.clock(), 60)
    store.close()
