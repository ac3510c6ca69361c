"""A token bucket per (account, region), shared by every caller of one API there."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable


class RateLimiter:
    """Allows ``rate`` calls per second on average, with bursts of at most ``burst``."""

    def __init__(
        self,
        rate: float,
        burst: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._rate = rate
        self._burst = max(burst, 1.0)
        self._tokens = self._burst
        self._clock = clock
        self._sleep = sleep
        self._updated = clock()
        self._lock = threading.Lock()

    def acquire(self) -> float:
        """Wait for a token; returns the seconds waited."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._rate)
            self._updated = now
            wait = 0.0 if self._tokens >= 1 else (1 - self._tokens) / self._rate
            self._tokens -= 1  # may go negative: later callers wait their turn behind this one
        if wait > 0:
            self._sleep(wait)
        return wait


_SHARED: dict[tuple[str, str, str], RateLimiter] = {}
_SHARED_LOCK = threading.Lock()


def shared_limiter(api: str, account: str, region: str, rate: float) -> RateLimiter:
    """The one limiter for ``api`` in an account and region, created on first use."""
    with _SHARED_LOCK:
        key = (api, account, region)
        if key not in _SHARED:
            _SHARED[key] = RateLimiter(rate)
        return _SHARED[key]
