"""The server's clock as replicas reckon leases in: read once per refresh, carried forward by the
monotonic clock, and untouched by the host's wall clock (fakes, then a real PostgreSQL)."""

from __future__ import annotations

import time

import pytest

from tagwarden.adapters.store import open_store
from tagwarden.adapters.store.server_clock import ServerClock


class Fake:
    def __init__(self) -> None:
        self.mono = 500.0
        self.server = 10_000.0
        self.reads = 0
        self.down = False

    def monotonic(self) -> float:
        return self.mono

    def read(self) -> float:
        if self.down:
            raise OSError("server gone")
        self.reads += 1
        return self.server


def test_read_once_per_refresh_and_carried_forward_by_the_monotonic_clock() -> None:
    fake = Fake()
    clock = ServerClock(fake.read, fake.monotonic, refresh_seconds=60)
    assert clock() == 10_000.0
    fake.mono += 30
    fake.server = 99_999.0  # not read again before the refresh
    assert clock() == 10_030.0 and fake.reads == 1
    fake.mono += 30
    assert clock() == 99_999.0 and fake.reads == 2


def test_a_failed_read_keeps_the_last_reading_and_a_first_one_raises() -> None:
    fake = Fake()
    clock = ServerClock(fake.read, fake.monotonic, refresh_seconds=60)
    clock()
    fake.down, fake.mono = True, fake.mono + 90
    assert clock() == 10_090.0  # carried forward from the last reading
    with pytest.raises(OSError):
        ServerClock(fake.read, fake.monotonic)()


def test_the_postgres_store_reckons_in_the_servers_time_not_the_hosts(
    fresh_postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(fresh_postgres_database)
    try:
        real = time.time()
        monkeypatch.setattr(time, "time", lambda: real + 3600)  # this host's clock an hour ahead
        assert abs(store.clock() - real) < 5
    finally:
        store.close()
