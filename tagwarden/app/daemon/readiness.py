"""Readiness checks run in the background, each with a timeout; /readyz serves the last result.

A check that calls AWS can take as long as botocore's retries (tens of seconds); a probe must
answer at once. So the checks run on their own thread every ``interval`` seconds, a check that
has not answered within ``timeout`` counts as failed, and /readyz reads the last outcome plus
whatever the sources and lookups report as failing right now.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from tagwarden.core.faults import FaultBoard

Check = Callable[[], None]


class Readiness:
    def __init__(
        self,
        checks: dict[str, Check],
        faults: FaultBoard,
        *,
        interval: float = 10.0,
        timeout: float = 3.0,
    ) -> None:
        self._checks = checks
        self._faults = faults
        self._interval = interval
        self._timeout = timeout
        self._pool = ThreadPoolExecutor(max_workers=max(1, len(checks)), thread_name_prefix="readyz")
        self._running: dict[str, tuple[Future[None], float]] = {}
        self._last: dict[str, str] = dict.fromkeys(checks, "not checked yet")
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="readiness", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._pool.shutdown(wait=False, cancel_futures=True)

    def _loop(self) -> None:
        while not self._stop.is_set():
            self.run_checks()
            self._stop.wait(self._interval)

    def run_checks(self) -> None:
        """Run every check once (those still running from before are not started again)."""
        started = time.monotonic()
        for name, check in self._checks.items():
            if name not in self._running:
                self._running[name] = (self._pool.submit(check), started)
        outcome: dict[str, str] = {}
        for name, (future, since) in list(self._running.items()):
            remaining = max(0.0, since + self._timeout - time.monotonic())
            try:
                future.result(timeout=remaining)
                outcome[name] = "ok"
            except TimeoutError:
                outcome[name] = f"no answer after {time.monotonic() - since:.0f} s"
                continue
            except Exception as exc:
                outcome[name] = f"{type(exc).__name__}: {exc}"[:500]
            del self._running[name]
        with self._lock:
            self._last = outcome

    def state(self) -> tuple[bool, dict[str, Any]]:
        with self._lock:
            checks = dict(self._last)
        faults = self._faults.current()
        ok = all(value == "ok" for value in checks.values()) and not faults
        body: dict[str, Any] = {"checks": checks}
        if faults:
            body["faults"] = faults
        return ok, body
