"""When a failed scan runs again: sooner than its interval, backing off.

A scan that fails waits for its next interval otherwise: the principal inventory that failed at
start (IAM throttled or down for a minute) would leave "a value no principal holds" unknowable,
and so every lockout unjudged, for an hour. It runs again 30 s after its first failure, then
after 60, 120 s and so on, never later than its interval would have run it, nor than its own cap:
the principal inventory's is two minutes, since units wait for its first success and the scan
is one cheap listing.
"""

from __future__ import annotations

SCAN_RETRY_SECONDS = 30.0


class ScanRetries:
    def __init__(self, first_seconds: float = SCAN_RETRY_SECONDS) -> None:
        self._first = first_seconds
        self._failures: dict[str, int] = {}

    def after(self, name: str, interval_seconds: float, ok: bool, cap: float | None = None) -> float | None:
        """Seconds until scan ``name`` should run again after a run that did (``ok``) or did not
        succeed; None where its interval comes first."""
        if ok:
            self._failures.pop(name, None)
            return None
        failures = self._failures[name] = self._failures.get(name, 0) + 1
        delay = self._first * 2 ** min(failures - 1, 30)
        if cap is not None:
            delay = min(delay, cap)
        return delay if delay < interval_seconds else None
