"""What is failing right now, by component: sources and lookups report here, /readyz reads it."""

from __future__ import annotations

import threading


class FaultBoard:
    """The current fault of each component, if any; a component clears its entry when it works."""

    def __init__(self) -> None:
        self._faults: dict[str, str] = {}
        self._lock = threading.Lock()

    def report(self, component: str, detail: str) -> None:
        with self._lock:
            self._faults[component] = detail

    def clear(self, component: str) -> None:
        with self._lock:
            self._faults.pop(component, None)

    def current(self) -> dict[str, str]:
        with self._lock:
            return dict(self._faults)
