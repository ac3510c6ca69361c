"""tagwarden_open_findings, read from the store at scrape time on a thread of its own, so that a
store that fails or hangs never fails the scrape."""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable

from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

OpenFindingCounts = Callable[[], Iterable[tuple[str, str, int]]]

# How long a scrape waits for the store's count of open findings: well within Prometheus's scrape
# timeout (10 s in deploy/kubernetes/servicemonitor.yaml).
OPEN_FINDINGS_WAIT_SECONDS = 2.0


class OpenFindingsCollector(Collector):
    """Reads open finding counts from the store at scrape time, so restarts lose nothing.

    The count runs on a thread of its own and the scrape waits for it at most ``wait`` seconds: a
    store that fails or hangs (a PostgreSQL pool waits 30 s for a connection while the server is
    away, longer than Prometheus waits for a scrape) leaves the family empty and is counted by
    ``failed``, and the rest of the scrape is served, so TagwardenStoreErrors can fire rather than
    the scrape failing. A count still running is waited for again, not started twice."""

    def __init__(
        self, counts: Callable[[], OpenFindingCounts | None], failed: Callable[[], None], wait: float
    ) -> None:
        self._counts = counts
        self._failed = failed
        self._wait = wait
        self._lock = threading.Lock()
        self._running: _Count | None = None
        self._thread = _CountThread()

    def collect(self) -> Iterable[GaugeMetricFamily]:
        family = GaugeMetricFamily(
            "tagwarden_open_findings",
            "Findings whose status is open, by severity and kind.",
            labels=["severity", "kind"],
        )
        counts = self._counts()
        if counts is not None:
            for severity, kind, count in self._read(counts):
                family.add_metric([severity, kind], count)
        yield family

    def _read(self, counts: OpenFindingCounts) -> list[tuple[str, str, int]]:
        with self._lock:
            if self._running is None:
                self._running = _Count(counts)
                self._thread.submit(self._running)
            running = self._running
        if not running.done.wait(self._wait):
            self._failed()
            return []
        with self._lock:
            if self._running is running:
                self._running = None
        if running.rows is None:
            self._failed()
            return []
        return running.rows


class _Count:
    """One count of open findings, run by the collector's thread."""

    def __init__(self, counts: OpenFindingCounts) -> None:
        self.rows: list[tuple[str, str, int]] | None = None
        self.done = threading.Event()
        self._counts = counts

    def run(self) -> None:
        try:
            self.rows = list(self._counts())
        except Exception:
            self.rows = None
        finally:
            self.done.set()


class _CountThread:
    """One long-lived daemon thread for the counts: it keeps its store connection from scrape to
    scrape, and a hung store never holds up the process's exit."""

    def __init__(self) -> None:
        self._queue: queue.SimpleQueue[_Count] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None

    def submit(self, count: _Count) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._loop, name="open-findings-count", daemon=True)
            self._thread.start()
        self._queue.put(count)

    def _loop(self) -> None:
        while True:
            self._queue.get().run()
