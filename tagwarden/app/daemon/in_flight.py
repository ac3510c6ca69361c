"""The work a daemon has in hand (polls, the dispatcher's runs, scans, lease renewals), by name:
its shutdown waits for that work before it closes the store, and none begins once it is stopping.
The scheduler is shut down without waiting, so a run it started just before the stop would
otherwise begin after the wait and write to a closed store (or take a scan lease just released)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager


class InFlight:
    def __init__(self, stop: threading.Event) -> None:
        self._stop = stop
        self._names: Counter[str] = Counter()
        self._changed = threading.Condition()

    def enter(self, name: str) -> bool:
        """Marks ``name`` in hand; False, with nothing marked, once the daemon is stopping. Each
        True is followed by one ``leave``."""
        with self._changed:
            if self._stop.is_set():
                return False
            self._names[name] += 1
            return True

    def leave(self, name: str) -> None:
        with self._changed:
            self._names[name] -= 1
            if self._names[name] <= 0:
                del self._names[name]
            self._changed.notify_all()

    @contextmanager
    def holding(self, name: str) -> Iterator[bool]:
        """``enter`` and ``leave`` around a block, which is told whether it may run."""
        entered = self.enter(name)
        try:
            yield entered
        finally:
            if entered:
                self.leave(name)

    def wait(self, seconds: float) -> list[str]:
        """Waits up to ``seconds`` for the work in hand to end; what is still in hand, sorted."""
        deadline = time.monotonic() + seconds
        with self._changed:
            while self._names and time.monotonic() < deadline:
                self._changed.wait(timeout=max(0.0, deadline - time.monotonic()))
            return sorted(self._names)
