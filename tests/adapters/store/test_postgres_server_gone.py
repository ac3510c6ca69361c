"""A PostgreSQL server that stops answering in the middle of a unit (its host died, the network
cut it off): the unit is given up after ``SERVER_SILENT_SECONDS`` and tried again later, instead
of waiting on the kernel's retransmissions or for ever.

Cut off by dropping, with iptables, every packet to the server's port; this needs root and
netfilter, as the CI machine has.
"""

from __future__ import annotations

import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest

from tagwarden.adapters.store import open_store, postgres
from tagwarden.core.ports.units import UnitDeferred

ROLE = "arn:aws:iam::111111111111:role/dev"


def _iptables(*args: str) -> subprocess.CompletedProcess[str]:
    iptables = shutil.which("iptables")
    assert iptables is not None
    return subprocess.run([iptables, "-w", *args], capture_output=True, text=True, check=False)


@contextmanager
def _cut_off(port: int) -> Iterator[None]:
    rule = ["OUTPUT", "-o", "lo", "-p", "tcp", "--dport", str(port), "-j", "DROP"]
    added = _iptables("-I", *rule)
    assert added.returncode == 0, added.stderr
    try:
        yield
    finally:
        _iptables("-D", *rule)


def _can_drop_packets() -> bool:
    return shutil.which("iptables") is not None and _iptables("-L", "OUTPUT", "-n").returncode == 0


@pytest.mark.skipif(not _can_drop_packets(), reason="iptables is not usable here (needs root and netfilter)")
def test_a_unit_on_a_server_that_went_silent_is_deferred(
    fresh_postgres_database: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(postgres, "SERVER_SILENT_SECONDS", 2.0)
    store = open_store(fresh_postgres_database, pool_size=1)
    with store.unit() as tx:  # the pool's one connection is open and has been used
        tx.record_snapshot(ROLE, "principal", {"team": "a"}, 1.0, "iam")
    outcome: list[BaseException | None] = []

    def write() -> None:
        try:
            with store.unit() as tx:
                tx.record_snapshot(ROLE, "principal", {"team": "b"}, 2.0, "iam")
            outcome.append(None)
        except BaseException as exc:
            outcome.append(exc)

    port = urlsplit(fresh_postgres_database).port
    assert port is not None
    with _cut_off(port):
        started = time.monotonic()
        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        writer.join(timeout=20)
        waited = time.monotonic() - started
        still_waiting = writer.is_alive()
    writer.join(timeout=30)  # once the packets flow again, a unit still waiting ends
    store.close()
    assert not still_waiting, "the unit waited on a server that answers nothing with no end"
    assert len(outcome) == 1 and isinstance(outcome[0], UnitDeferred), outcome
    assert waited < 20
