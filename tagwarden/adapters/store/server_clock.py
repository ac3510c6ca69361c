"""The database server's clock, as replicas sharing one store reckon leases in.

Each replica's own clock may be off: one running 60 s ahead would see every other replica's
lease as run out and take it (a scan run twice, a finding sent twice). So leases and claims on a
shared store use the server's time: read from the server at most once per ``REFRESH_SECONDS``
and carried forward by the process's monotonic clock, which a step of the wall clock does not move.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

REFRESH_SECONDS = 60.0


class ServerClock:
    def __init__(
        self,
        read_server: Callable[[], float],
        monotonic: Callable[[], float] = time.monotonic,
        refresh_seconds: float = REFRESH_SECONDS,
    ) -> None:
        self._read_server = read_server
        self._monotonic = monotonic
        self._refresh = refresh_seconds
        self._lock = threading.Lock()
        self._base: tuple[float, float] | None = None  # (server time, monotonic time) when read

    def __call__(self) -> float:
        with self._lock:
            mono = self._monotonic()
            if self._base is None or mono - self._base[1] >= self._refresh:
                self._read()
            assert self._base is not None
            server, at = self._base
            return server + (self._monotonic() - at)

    def _read(self) -> None:
        try:
            before = self._monotonic()
            server = self._read_server()
            after = self._monotonic()
        except Exception:
            if self._base is None:
                raise
            return  # the last reading, carried forward, is still good: tried again next call
        # The server read its clock somewhere in the round trip: taken as its middle.
        self._base = (server, (before + after) / 2)
