"""Leases port: one holder at a time for a named job (a scheduled scan), across processes."""

from __future__ import annotations

from typing import Protocol


class Leases(Protocol):
    def clock(self) -> float:
        """Now, in epoch seconds, as every process sharing the store reckons leases and claims:
        where replicas on several hosts share it, the database's clock, not the host's."""
        ...

    def try_lease(self, name: str, holder: str, now: float, seconds: float) -> bool:
        """Takes or renews the lease ``name`` for ``holder`` until ``now + seconds``; True when
        ``holder`` holds it now. Fails (False) while another holder's lease runs."""
        ...

    def release_lease(self, name: str, holder: str) -> None:
        """Gives the lease up if ``holder`` holds it."""
        ...

    def lease_holder(self, name: str, now: float) -> str | None:
        """Who holds ``name`` at ``now``, or None."""
        ...
