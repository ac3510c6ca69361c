"""A far region's round trip, added to each request a boto3 client sends to a local moto."""

from __future__ import annotations

import threading
import time
from typing import Any


class RoundTrip:
    """Waits ``seconds`` before each request is sent, and counts the requests (from any thread)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.requests = 0
        self._lock = threading.Lock()

    def __call__(self, **_: Any) -> None:
        with self._lock:
            self.requests += 1
        time.sleep(self.seconds)

    def add_to(self, client: Any, event: str = "before-send") -> Any:
        """``client``, with the wait before each request of ``event`` (all, by default)."""
        client.meta.events.register(event, self)
        return client
