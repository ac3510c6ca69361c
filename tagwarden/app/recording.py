"""The recorder: the only code that commits findings, queues their deliveries and reports them.

Event judging, inventory reconciliation and the scans all hand their findings here, so a finding is
stored, queued for its sinks in the same transaction, then counted and logged once, whoever made it.

Reporting is durable too: with a store, every new finding is also queued for the ``report`` sink,
due a grace period later. ``report`` counts and logs the committed findings and marks that
delivery done; if the process dies between the commit and the report, the daemon's dispatcher
finds the delivery still pending after the grace period and reports the finding then
(``ReportSink``). A finding is never committed without being counted and logged once.

Marking those deliveries done is a write of its own. A replay, which reports once per unit and runs
no dispatcher, batches it (``batch_reports``): what it reported is settled once ``SETTLE_SECONDS``
have passed since the oldest of it (checked on every call) or ``SETTLE_FINDINGS`` are waiting, and
at its end. What a replay that died had reported and not yet settled is reported again by the next
daemon's outbox (at least once, never lost). The daemon settles at once: a replica killed mid-run
leaves nothing reported behind it for the others' outbox to report twice.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.core.model import Finding
from tagwarden.core.ports.store import Store, StoreUnit
from tagwarden.core.remediation import REMEDIATION_SINK

Route = Callable[[Finding], Iterable[str]]  # the sinks a new finding is queued for
REPORT_SINK = "report"
REPORT_GRACE_SECONDS = 120.0  # the dispatcher reports what the committing process did not by then
SETTLE_SECONDS = 10.0
SETTLE_FINDINGS = 5_000
NOT_REQUEUED = (REPORT_SINK, REMEDIATION_SINK)


class Recorder:
    def __init__(
        self,
        metrics: Metrics,
        log: Any,
        route: Route | None = None,
        store: Store | None = None,
        clock: Callable[[], float] = time.time,
        *,
        batch_reports: bool = False,
    ) -> None:
        self.metrics = metrics
        self.log = log
        self.route = route
        self.store = store  # with a store, reporting is durable (see the module's docstring)
        # The host's time, not the store's (``Leases.clock``): it is read inside units, where a
        # reading of the server's clock would need a second connection. A report is due two
        # minutes later, which a clock's skew below that does not make early.
        self._clock = clock
        self.batch_reports = batch_reports
        self._lock = threading.Lock()  # polls and scans report from several threads
        self._unsettled: list[str] = []  # reported, their report delivery not yet marked done
        self._unsettled_since = 0.0

    def add(self, tx: StoreUnit, findings: Iterable[Finding]) -> list[Finding]:
        """Store ``findings`` and queue their deliveries in the caller's transaction. Returns the new
        ones (a finding already stored, from a replay or a redelivery, is neither stored nor queued
        again); report them once the transaction has committed."""
        findings = list(findings)
        return self.queue_new(tx, findings, tx.add_findings(findings) if findings else set())

    def staged(self, tx: StoreUnit) -> StagedFindings:
        """``add`` for many judgements of one unit, with one statement at its end (``finish``)."""
        return StagedFindings(self, tx)

    def queue_new(self, tx: StoreUnit, findings: Sequence[Finding], added: set[str]) -> list[Finding]:
        """The findings ``added`` (the ids the store answered new) names, in order and once each,
        with their deliveries queued in ``tx``: what ``add`` and ``StagedFindings.finish`` share."""
        new: list[Finding] = []
        for finding in findings:
            if finding.id in added:
                added.discard(finding.id)  # a second finding with the same id is not new
                new.append(finding)
                self._queue_routed(tx, finding)
                if self.store is not None:
                    tx.enqueue_delivery(finding.id, REPORT_SINK, self._clock() + REPORT_GRACE_SECONDS)
        return new

    def requeue(self, tx: StoreUnit, changed: Sequence[tuple[Finding, Finding | None]]) -> None:
        """Findings judging again changed, as they were and as they are (None: superseded): each
        sink that took one gets it again, to replace or withdraw it (``Notifier``), and a sink it
        now reaches gets it. Reports are not sent again (a report counts a finding once), nor are
        reverts (one is never applied twice)."""
        for before, after in changed:
            tx.requeue_deliveries(before.id, before, exempt=NOT_REQUEUED)
            if after is not None:
                self._queue_routed(tx, after)

    def _queue_routed(self, tx: StoreUnit, finding: Finding) -> None:
        """Queues ``finding`` for each sink its route names (a sink that has it already keeps it)."""
        for sink in self.route(finding) if self.route else ():
            tx.enqueue_delivery(finding.id, sink)

    def record(self, store: Store, findings: Sequence[Finding], *, source: str) -> list[Finding]:
        """``add`` in a transaction of its own, then ``report``: for producers with nothing else to
        commit alongside their findings."""
        if not findings:
            return []
        with store.unit() as tx:
            new = self.add(tx, findings)
        self.report(new, source=source)
        return new

    def report(self, findings: Sequence[Finding], *, source: str, settle: bool = True) -> None:
        """Count and log committed findings, one line each, and mark their report deliveries done,
        at once or, with ``batch_reports``, later (see the module's docstring); with ``settle``
        False, at the next report that settles (the units of one transaction settle once, in a
        transaction of its own). Call only after the commit: what the metric counts must be
        durable."""
        for finding in findings:
            self.emit(finding, source=source)
        if self.store is None:
            return
        with self._lock:
            if findings and not self._unsettled:
                self._unsettled_since = self._clock()
            self._unsettled += [finding.id for finding in findings]
            due = (
                not self.batch_reports
                or len(self._unsettled) >= SETTLE_FINDINGS
                or (self._unsettled and self._clock() - self._unsettled_since >= SETTLE_SECONDS)
            )
        if due and settle:
            self.settle()

    def settle(self) -> None:
        """Mark every reported finding's report delivery done, now."""
        with self._lock:
            settling, self._unsettled = self._unsettled, []
        if self.store is not None and settling:
            try:
                self.store.deliveries_done(REPORT_SINK, settling)
            except BaseException:
                with self._lock:
                    self._unsettled = settling + self._unsettled
                raise

    def emit(self, finding: Finding, *, source: str) -> None:
        """One log line and one count for one committed finding (the line first: if writing it
        fails, the outbox reports the finding later and it is counted then, once)."""
        log = self.log.info if finding.severity == "info" else self.log.warning
        log("finding", source=source, **finding.to_dict())
        self.metrics.findings.labels(finding.kind, finding.severity).inc()


class StagedFindings:
    """The findings of a unit's judgements, staged in it as they are judged and added together when
    the unit's judging is done: one statement for the unit, not one per judgement (each a round
    trip on PostgreSQL). Whether each was new is still the database's answer at its insert."""

    def __init__(self, recorder: Recorder, tx: StoreUnit) -> None:
        self._recorder = recorder
        self._tx = tx
        self._found: list[Finding] = []

    def add(self, findings: Sequence[Finding]) -> None:
        if findings:
            self._found += findings
            self._tx.stage_findings(findings)

    def finish(self) -> list[Finding]:
        """Adds what is staged and queues the new findings' deliveries, before the unit commits;
        returns the new ones, to ``report`` once it has."""
        found, self._found = self._found, []
        return self._recorder.queue_new(self._tx, found, self._tx.added_findings()) if found else []


class ReportSink:
    """The dispatcher's side of durable reporting: a committed finding the committing process did
    not report (it died, or reporting failed) is counted and logged from the outbox."""

    name = REPORT_SINK

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder

    def send(self, finding: Finding) -> None:
        self._recorder.emit(finding, source="outbox")
