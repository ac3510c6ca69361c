"""Pushes pending deliveries to their sinks, with backoff; a sink that is down blocks nothing.

The outbox rows are written in the same transaction as their findings, so a finding is never
recorded without its deliveries, and a delivery survives restarts until the sink takes it. Replicas
sharing one store claim deliveries with a lease, so two live replicas never send the same one.
A finding that changes after a sink took it (judged again, superseded, resolved) is queued for that
sink again with the version it took, and a notifier replaces or withdraws it (``notify``).
"""

from __future__ import annotations

import random
import threading
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.replica import this_replica
from tagwarden.adapters.sinks.sink import DeliveryError, Notifier, Sink, notify
from tagwarden.adapters.store import Store
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import DeliverySettings

FIRST_BACKOFF_SECONDS = 5.0
# Of a claim's lease, the part left unused: a send begun later could end after the lease, when
# another replica may have claimed the same delivery. What is not sent by then is handed back.
LEASE_MARGIN = 0.25


def backoff(attempts: int, ceiling: float, jitter: Callable[[], float] = random.random) -> float:
    """Seconds to wait after ``attempts`` failed tries: doubling from 5 s, capped, +/-20% jitter."""
    base = min(ceiling, FIRST_BACKOFF_SECONDS * 2 ** min(attempts, 30))
    return float(base * (0.8 + 0.4 * jitter()))


@dataclass(slots=True)
class DispatchResult:
    delivered: int = 0
    failed: int = 0


class Dispatcher:
    def __init__(
        self,
        store: Store,
        sinks: Mapping[str, Sink],
        settings: DeliverySettings,
        *,
        metrics: Metrics,
        log: Any,
        clock: Callable[[], float] | None = None,
        holder: str | None = None,
        route: Callable[[Finding], Iterable[str]] | None = None,
    ) -> None:
        self._holder = holder or this_replica()
        # Whether a notifier shows a finding as it is now (its severity may have changed since it
        # was queued); without a route, every sink a delivery names does.
        self._route = route
        self._store = store
        self._sinks = dict(sinks)
        self._settings = settings
        self._metrics = metrics
        self._log = log
        # Claims are leases: reckoned in the store's time (the server's, where replicas share one).
        self._clock = clock or store.clock
        # A sink that failed is left alone until its own backoff passes, whatever else is due for it.
        self._retry_at: dict[str, float] = {}
        self._failures: dict[str, int] = {}

    def _available(self, sink: str, now: float) -> bool:
        return sink in self._sinks and self._retry_at.get(sink, 0.0) <= now

    def _failed(self, finding_id: str, sink: str, attempts: int, error: DeliveryError, now: float) -> None:
        if error.permanent:
            # The sink refused this finding, not everything: it waits alone, the others go on.
            wait = backoff(attempts, self._settings.max_backoff_seconds)
        else:
            failures = self._failures.get(sink, 0)
            wait = backoff(max(failures, attempts), self._settings.max_backoff_seconds)
            self._failures[sink] = failures + 1
            self._retry_at[sink] = now + wait
        self._store.delivery_failed(finding_id, sink, str(error), now + wait)
        self._metrics.sink_deliveries.labels(sink, "failed").inc()
        self._log.warning(
            "sink_delivery_failed",
            sink=sink,
            finding_id=finding_id,
            attempts=attempts + 1,
            retry_in_seconds=round(wait),
            error=str(error),
            refused=error.permanent,
        )

    def _routed(self, sink: str, finding: Finding) -> bool:
        return self._route is None or sink in self._route(finding)

    def run_once(self, stop: threading.Event | None = None) -> DispatchResult:
        """Sends what is due, one claimed batch. Once ``stop`` is set, what it claimed and has not
        sent is handed back at once (a daemon stopping would otherwise hold it until its lease
        ran out, and the replicas left with it would send it that much later)."""
        result = DispatchResult()
        now = self._clock()
        claimed = self._store.claim_deliveries(
            now, self._settings.batch, self._holder, self._settings.lease_seconds
        )
        waiting = []
        # A batch that takes longer than its lease (a slow sink) would go on sending deliveries
        # that another replica may claim, and send, once the lease has run out.
        send_until = now + self._settings.lease_seconds * (1 - LEASE_MARGIN)
        for delivery in claimed:
            if self._clock() >= send_until or (stop is not None and stop.is_set()):
                waiting.append(delivery)  # handed back: claimed again at once, by any replica
                continue
            if not self._available(delivery.sink, now):
                # Down, or no longer configured (its rows wait in case it comes back): handed back
                # at once, so that they are claimed again when the sink's backoff ends.
                waiting.append(delivery)
                continue
            sink = self._sinks[delivery.sink]
            finding = self._store.get_finding(delivery.finding_id)
            if finding is None:
                self._store.delivery_done(delivery.finding_id, delivery.sink)
                continue
            took: Finding | None = None
            try:
                if isinstance(sink, Notifier):
                    routed = self._routed(delivery.sink, finding)
                    maybe = delivery.maybe_sent
                    if not notify(sink, delivery.sent, finding, routed=routed, maybe_sent=maybe):
                        self._store.delivery_dropped(delivery.finding_id, delivery.sink, delivery.revision)
                        continue
                    took = finding
                else:
                    sink.send(finding)
            except DeliveryError as exc:
                self._failed(delivery.finding_id, delivery.sink, delivery.attempts, exc, now)
                result.failed += 1
                continue
            self._failures.pop(delivery.sink, None)
            self._store.delivery_done(
                delivery.finding_id, delivery.sink, took=took, revision=delivery.revision
            )
            self._metrics.sink_deliveries.labels(delivery.sink, "delivered").inc()
            result.delivered += 1
        self._store.release_deliveries(waiting, self._holder)
        pending = self._store.pending_deliveries()
        for name in self._sinks:
            self._metrics.sink_pending.labels(name).set(pending.get(name, 0))
        return result
