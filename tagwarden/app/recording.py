"""The recorder: the only code that commits findings, queues their deliveries and reports them.

Event judging, inventory reconciliation and the scans all hand their findings here, so a finding is
stored, queued for its sinks in the same transaction, then counted and logged once, whoever made it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.core.model import Finding
from tagwarden.core.ports.store import Store, StoreUnit

Route = Callable[[Finding], Iterable[str]]  # the sinks a new finding is queued for


class Recorder:
    def __init__(self, metrics: Metrics, log: Any, route: Route | None = None) -> None:
        self.metrics = metrics
        self.log = log
        self.route = route

    def add(self, tx: StoreUnit, findings: Iterable[Finding]) -> list[Finding]:
        """Store ``findings`` and queue their deliveries in the caller's transaction. Returns the new
        ones (a finding already stored, from a replay or a redelivery, is neither stored nor queued
        again); report them once the transaction has committed."""
        new: list[Finding] = []
        for finding in findings:
            if tx.add_finding(finding):
                new.append(finding)
                for sink in self.route(finding) if self.route else ():
                    tx.enqueue_delivery(finding.id, sink)
        return new

    def record(self, store: Store, findings: Sequence[Finding], *, source: str) -> list[Finding]:
        """``add`` in a transaction of its own, then ``report``: for producers with nothing else to
        commit alongside their findings."""
        if not findings:
            return []
        with store.unit() as tx:
            new = self.add(tx, findings)
        self.report(new, source=source)
        return new

    def report(self, findings: Iterable[Finding], *, source: str) -> None:
        """Count and log committed findings, one line each. Call only after the commit: what the
        metric counts must be durable."""
        for finding in findings:
            self.metrics.findings.labels(finding.kind, finding.severity).inc()
            emit = self.log.info if finding.severity == "info" else self.log.warning
            emit("finding", source=source, **finding.to_dict())
