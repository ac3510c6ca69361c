"""Principal tags: fetched from IAM with a time-to-live, overridden by session tags."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from tagwarden.core.arn import canonical_principal, is_iam_principal
from tagwarden.core.faults import FaultBoard
from tagwarden.core.ports.units import UnitDeferred

PrincipalTagFetch = Callable[[str], "dict[str, str] | None"]


def effective_tags(
    principal: Mapping[str, str] | None, session: Mapping[str, str] | None
) -> dict[str, str] | None:
    """Principal tags with session tags laid over them; keys compare case-insensitively, as
    AWS compares them: a session tag ``Team`` replaces a role tag ``team``."""
    if principal is None and not session:
        return None
    merged = dict(principal or {})
    for key, value in (session or {}).items():
        for existing in [k for k in merged if k.casefold() == key.casefold()]:
            del merged[existing]
        merged[key] = value
    return merged


INVENTORY_FAULT = "principal_inventory"  # on the fault board (/readyz) until a principals scan succeeds


class InventoryWait:
    """Where the daemon takes principal inventories (its ``principals`` scan: ``awaited``) and
    none has succeeded in its store, which values principals hold is unknown, not empty: a
    lockout candidate judged then would go unjudged for good, so its unit waits, as for principal
    tags, and /readyz names the fault until the inventory is there."""

    def __init__(self, faults: FaultBoard, awaited: bool) -> None:
        self.faults = faults
        self.awaited = awaited
        self._missing = False

    def known(self, values: frozenset[str] | None) -> frozenset[str] | None:
        """``values`` (a store's principal values of a key), or UnitDeferred while unknown."""
        if values is None and self.awaited:
            self._missing = True
            detail = "no inventory of the account's principals has succeeded yet (the principals scan)"
            self.faults.report(INVENTORY_FAULT, detail)
            raise UnitDeferred("principal_inventory_unavailable", detail)
        if self._missing:  # taken since, maybe by another replica's scan
            self._missing = False
            self.faults.clear(INVENTORY_FAULT)
        return values


@dataclass(frozen=True, slots=True)
class Fetched:
    arn: str
    tags: dict[str, str]
    at: float


class PrincipalTagCache:
    """Remembers when each principal's tags were last fetched, so IAM is asked at most once
    per ``ttl_seconds`` for each; the tags themselves live in the store's tag state.

    A fetch that fails is tried again ``retries`` times, ``retry_delay`` apart; if it still
    fails, ``refresh`` raises UnitDeferred and nothing is remembered, so the next unit asks
    again. A failure is never taken for "no tags"."""

    FAULT = "principal_tags"

    def __init__(
        self,
        fetch: PrincipalTagFetch | None,
        ttl_seconds: float = 300.0,
        clock: Callable[[], float] = time.time,
        *,
        retries: int = 2,
        retry_delay: float = 0.5,
        sleep: Callable[[float], None] = time.sleep,
        faults: FaultBoard | None = None,
        on_failure: Callable[[str], None] | None = None,
    ) -> None:
        self._fetch = fetch
        self._ttl = ttl_seconds
        self._clock = clock
        self._fetched_at: dict[str, float] = {}
        self._lock = threading.Lock()
        self._retries = retries
        self._retry_delay = retry_delay
        self._sleep = sleep
        self.faults = faults or FaultBoard()
        self._on_failure = on_failure

    def refresh(self, arns: Iterable[str]) -> list[Fetched]:
        """Fetch the tags of every IAM principal among ``arns`` whose last fetch is older than
        the TTL."""
        if self._fetch is None:
            return []
        now = self._clock()
        with self._lock:
            due = sorted(
                arn
                for arn in {canonical_principal(a) for a in arns if is_iam_principal(a)}
                if now - self._fetched_at.get(arn, float("-inf")) >= self._ttl
            )
        results = []
        for arn in due:
            tags = self._fetch_with_retries(self._fetch, arn)
            if tags is not None:
                results.append(Fetched(arn, tags, now))
        with self._lock:
            for arn in due:
                self._fetched_at[arn] = now
        if due:
            self.faults.clear(self.FAULT)
        return results

    def forget(self, arns: Iterable[str]) -> None:
        """Fetch these again at the next need: the unit that stored their tags was not committed."""
        with self._lock:
            for arn in arns:
                self._fetched_at.pop(canonical_principal(arn), None)

    def _fetch_with_retries(self, fetch: PrincipalTagFetch, arn: str) -> dict[str, str] | None:
        attempt = 0
        while True:
            try:
                return fetch(arn)
            except UnitDeferred as exc:
                if self._on_failure is not None:
                    self._on_failure(exc.reason)
                # Shown by /readyz from the first failure: the retries (and botocore's own under
                # each) may take a minute, during which IAM is failing.
                self.faults.report(self.FAULT, exc.detail)
                if attempt >= self._retries:
                    raise
                attempt += 1
                self._sleep(self._retry_delay * attempt)
