"""The daemon: polls every source on its interval, serves HTTP, stops cleanly on SIGTERM."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from types import FrameType
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler
from apscheduler.triggers.interval import IntervalTrigger

from tagwarden.adapters.aws.error_codes import error_code
from tagwarden.adapters.http import HttpServer, Router
from tagwarden.adapters.http.endpoints import check_handler, install_api, metrics_handler
from tagwarden.adapters.http.pages import install_pages
from tagwarden.adapters.sinks import Dispatcher
from tagwarden.adapters.sources import PollResult, Source
from tagwarden.adapters.store.lock import lock_store
from tagwarden.app.config import LoadedConfig
from tagwarden.app.daemon.in_flight import InFlight
from tagwarden.app.daemon.readiness import Readiness
from tagwarden.app.daemon.start_reads import RETRY_SECONDS as START_READS_RETRY_SECONDS
from tagwarden.app.daemon.start_reads import StartReads
from tagwarden.app.held_signals import install_stop_handler
from tagwarden.app.scans import ScanJob, Scans
from tagwarden.app.scans.retry import ScanRetries
from tagwarden.app.wiring import Parts, build_parts, build_sources
from tagwarden.core.ports.units import UnitDeferred
from tagwarden.core.settings.store_url import redacted

HEARTBEAT_SECONDS = 5.0
LEASE_RENEW_SECONDS = 15.0  # well within SCAN_LEASE_SECONDS
HEALTHY_WITHIN_SECONDS = 60.0
READY_CHECK_SECONDS = 10.0
START_READS_JOB = "start-reads"
# How long polling waits for the source queues' SNS subscriptions: a listing done within it is known
# when the first event is judged; a longer one (an account with hundreds of thousands) goes on beside.
SUBSCRIPTIONS_WAIT_SECONDS = 30.0
ABANDON_SECONDS = 5.0  # after the grace period, how long polls get to drop the unit in hand


class Daemon:
    def __init__(self, config: LoadedConfig, log: Any, parts: Parts | None = None) -> None:
        self.config = config
        self.log = log
        self._store_lock = lock_store(config.store_url())  # one daemon per embedded store
        try:
            self.parts = parts or build_parts(config, log, read_later=True)
        except BaseException:
            self._store_lock.release()  # a daemon that did not start holds no store
            raise
        self.sources: list[Source] = build_sources(config, self.parts, log)
        started = time.time()
        for source, spec in zip(self.sources, config.settings.sources, strict=True):
            self.parts.metrics.poll_interval.labels(source.name).set(spec.interval_seconds)
            # From the start, so that a source that never polls successfully (no access from the
            # first deploy) stalls as TagwardenIngestStalled says, not as no series at all.
            self.parts.metrics.last_success.labels(source.name).set(started)
            # Likewise, a source nothing reaches (no bucket notification, a trail stopped before a
            # restart) shows no recent events, as TagwardenNoRecentEvents says, not no series.
            self.parts.metrics.start_newest_event(source.name, started)
        # Each account and region as last read, by any replica before any restart: one already
        # silent stays silent (TagwardenLogDeliveryGap) instead of vanishing with the restart.
        for (account, region), newest in self.parts.store.log_origins().items():
            self.parts.metrics.observe_log_origin(account, region, newest)
        self.stop = threading.Event()
        self.scans = Scans(config, self.parts, log, stopping=self.stop.is_set)  # long scans break off
        # Lockouts wait for the principal inventory where this daemon's scan takes one (a replay
        # judges with the store's, if any).
        self.parts.processor.inventory.awaited = any(job.name == "principals" for job in self.scans.jobs())
        self._retries = ScanRetries()
        self.dispatcher = Dispatcher(
            self.parts.store,
            self.parts.sinks,
            config.settings.delivery,
            metrics=self.parts.metrics,
            log=log,
            route=self.parts.processor.recorder.route,
        )
        self._heartbeat = time.monotonic()
        self._in_flight = InFlight(self.stop)
        checks: dict[str, Callable[[], None]] = {"store": self._ping_store}
        checks.update({f"source:{source.name}": source.check for source in self.sources})
        self._readiness = Readiness(checks, self.parts.faults, interval=READY_CHECK_SECONDS)
        self.http: HttpServer | None = None
        self._scheduler: Any = None
        self._starting = False  # between serving HTTP and the scheduler's start
        self.start_reads = StartReads(
            config, self.parts.processor.controls, self.parts.identity, self.parts.clients, log
        )

    # -- health -------------------------------------------------------------------------------
    def health(self) -> tuple[bool, dict[str, Any]]:
        if self._starting:  # reading AWS and the first inventory; each read has its timeouts
            return True, {"starting": True}
        age = time.monotonic() - self._heartbeat
        scheduler_up = self._scheduler is not None and self._scheduler.running
        return scheduler_up and age < HEALTHY_WITHIN_SECONDS, {"heartbeat_age_seconds": round(age, 1)}

    def readiness(self) -> tuple[bool, dict[str, Any]]:
        """The last outcome of the background checks, and what is failing right now."""
        return self._readiness.state()

    def _ping_store(self) -> None:
        try:
            self.parts.store.ping()
        except Exception:
            self.parts.metrics.store_errors.labels("ping").inc()
            raise

    def _beat(self) -> None:
        self._heartbeat = time.monotonic()

    # -- polling ------------------------------------------------------------------------------
    def poll_source(self, source: Source) -> PollResult | None:
        """One poll, counted and logged; None when it raised, or when the daemon is stopping."""
        metrics = self.parts.metrics
        started = time.monotonic()
        if not self._in_flight.enter(f"poll:{source.name}"):
            return None
        try:
            result = source.poll(self.stop)
        except UnitDeferred as exc:
            metrics.units_deferred.labels(source.name, exc.reason).inc()
            self.parts.faults.report(f"source:{source.name}", str(exc))
            self.log.warning("poll_deferred", source=source.name, reason=exc.reason, detail=exc.detail)
            return None
        except Exception as exc:
            reason = error_code(exc, type(exc).__name__)
            metrics.source_errors.labels(source.name, str(reason)).inc()
            self.log.error("poll_failed", source=source.name, error=str(exc), exc_info=True)
            return None
        finally:
            metrics.poll_duration.labels(source.name).observe(time.monotonic() - started)
            self._in_flight.leave(f"poll:{source.name}")
        metrics.last_success.labels(source.name).set(time.time())
        if not result.failed_units:
            self.parts.faults.clear(f"source:{source.name}")
        if result.units:
            self.log.info(
                "poll_done",
                source=source.name,
                units=result.units,
                records=result.records,
                findings=result.findings,
                failed_units=result.failed_units,
            )
        return result

    def deliver(self) -> None:
        """One run of the dispatcher, which the shutdown waits for as it does for polls: a send
        whose store was closed under it stayed claimed, and the next daemon sent it again once its
        lease ran out. Once stopping, the dispatcher hands back what it has not sent."""
        with self._in_flight.holding("deliver") as may_run:
            if may_run:
                self.dispatcher.run_once(self.stop)

    def run_once(self) -> int:
        """Drain every source once: poll until a poll finds nothing new. 0 if every source could be
        listed and every unit read; 1 if a poll failed, a source could not be listed, or a unit was
        left unread (for redrive, quarantine or the next run), or if a signal stopped it first
        (after the batch in hand, as the daemon stops)."""
        self._read_at_start()  # once: what got no answer is not asked again in a single run
        if not self.stop.is_set():
            self.start_reads.read_subscriptions()
        for job in self.scans.jobs():
            if job.before_polling:
                self._scan(job)
        failed = False
        for source in self.sources:
            while not self.stop.is_set():
                result = self.poll_source(source)
                if result is None:
                    failed = True
                    break
                failed = failed or bool(result.errors) or result.failed_units > 0
                if result.units == result.failed_units:
                    break
        if self.stop.is_set():
            self.log.warning("run_once_stopped", effect="what was not read is read by the next run")
            return 1
        if self.parts.sinks:
            self.dispatcher.run_once()  # one try; what fails waits in the store for the daemon
        return 1 if failed else 0

    # -- lifecycle ----------------------------------------------------------------------------
    def _router(self) -> Router:
        settings = self.config.settings.http
        router = Router(token=settings.token, protected_prefixes=("/api", "/findings"))
        router.add("/metrics", metrics_handler(self.parts.metrics.registry))
        router.add("/healthz", check_handler(self.health))
        router.add("/readyz", check_handler(self.readiness))
        install_api(router, self.parts.store)
        install_pages(router, self.parts.store, self.parts.processor.policy)
        return router

    def start(self) -> None:
        settings = self.config.settings
        # HTTP first: /healthz and /readyz answer (and say what fails) while AWS is read.
        self._starting = True
        self.http = HttpServer(settings.http.host, settings.http.port, self._router(), self.log)
        self.http.start()
        self._readiness.start()
        self._read_at_start()
        if self.stop.is_set():
            return  # nothing more begins: no scan, no scheduler (the shutdown stops the HTTP server)
        self.start_reads.read_subscriptions_beside(self.stop, SUBSCRIPTIONS_WAIT_SECONDS)
        jobs = self.scans.jobs()
        first_runs = self._run_before_polling(jobs)
        if self.stop.is_set():
            return
        scheduler = self._scheduler_for(jobs, first_runs)
        scheduler.start()
        self._scheduler = scheduler
        self._starting = False
        host, port = self.http.address
        self.log.info(
            "daemon_started",
            listen=f"{host}:{port}",
            sources=[s.name for s in self.sources],
            store=redacted(self.config.store_url()),
        )

    def _run_before_polling(self, jobs: list[ScanJob]) -> dict[str, datetime]:
        """Run the jobs the first batch is judged with; when each is to run next: after one
        interval, or sooner where this run failed."""
        first_runs: dict[str, datetime] = {}
        for job in jobs:
            ok = self._scan(job) if job.before_polling else None
            if ok is not None:
                delay = self._retry_after(job, ok)
                first_runs[job.name] = datetime.now(tz=UTC) + timedelta(seconds=delay or job.interval_seconds)
        return first_runs

    def _scheduler_for(self, jobs: list[ScanJob], first_runs: dict[str, datetime]) -> Any:
        settings = self.config.settings
        scheduler = BackgroundScheduler(
            timezone="UTC", job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": None}
        )
        scheduler.add_executor("threadpool", max_workers=max(2, len(self.sources) + 1))
        for source, spec in zip(self.sources, settings.sources, strict=True):
            scheduler.add_job(
                self.poll_source,
                IntervalTrigger(seconds=spec.interval_seconds),
                args=[source],
                id=f"poll:{source.name}",
                name=f"poll {source.name}",
                next_run_time=datetime.now(tz=UTC),
            )
        scheduler.add_job(self._beat, IntervalTrigger(seconds=HEARTBEAT_SECONDS), id="heartbeat")
        if jobs:
            scheduler.add_job(
                self._keep_leases, IntervalTrigger(seconds=LEASE_RENEW_SECONDS), id="scan-leases"
            )
        if self.parts.sinks:
            scheduler.add_job(
                self.deliver,
                IntervalTrigger(seconds=settings.delivery.interval_seconds),
                id="deliver",
                name="deliver findings to sinks",
                next_run_time=datetime.now(tz=UTC),
            )
        for job in jobs:
            # Jobs already run before polling run again as they said; the others at once.
            scheduler.add_job(
                self.run_scan,
                IntervalTrigger(seconds=job.interval_seconds),
                args=[job],
                id=f"scan:{job.name}",
                name=f"scan {job.name}",
                next_run_time=first_runs.get(job.name, datetime.now(tz=UTC)),
            )
        if not self.start_reads.done:
            scheduler.add_job(
                self._read_at_start,
                IntervalTrigger(seconds=START_READS_RETRY_SECONDS),
                id=START_READS_JOB,
                name="read what got no answer at start",
            )
        return scheduler

    def _read_at_start(self) -> None:
        """The caller's identity and the delivery path (StartReads); once both have answered, the
        job asking again is removed."""
        try:
            done = self.start_reads.run(self.stop.is_set)
        except Exception as exc:  # the next run asks again
            self.log.error("start_reads_failed", error=str(exc), exc_info=True)
            return
        if done and self._scheduler is not None and self._scheduler.get_job(START_READS_JOB) is not None:
            self._scheduler.remove_job(START_READS_JOB)

    def close_sources(self) -> None:
        """Stop what the sources started: the worker processes, none of which outlives the daemon."""
        for source in self.sources:
            source.close()

    def shutdown(self) -> bool:
        """Stop taking work, let batches in hand finish within the grace period, close.
        True if every poll finished in time."""
        self.stop.set()
        self._readiness.stop()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
        unfinished = self._in_flight.wait(self.config.settings.shutdown_grace_seconds)
        if any(name.startswith("poll:") for name in unfinished):
            # The grace period is over: units in hand are abandoned between two records (they
            # roll back and are read again after the restart).
            self.parts.abandon.set()
            unfinished = self._in_flight.wait(ABANDON_SECONDS)
        self.close_sources()
        if self.http is not None:
            self.http.stop()
        if unfinished:
            # Uncommitted work rolls back; its messages come back after the visibility timeout.
            self.log.warning("shutdown_with_work_in_flight", work=unfinished)
        else:
            self.scans.release_leases()
            self.parts.store.close()
            self._store_lock.release()
        self.log.info("daemon_stopped", clean=not unfinished)
        return not unfinished

    # -- scans --------------------------------------------------------------------------------
    def run_scan(self, job: ScanJob) -> bool:
        """One scheduled run of ``job``; where it failed, its next run is brought forward. None
        begins once the daemon is stopping."""
        ok = self._scan(job)
        if ok is None:
            return True
        delay = self._retry_after(job, ok)
        if delay is not None and self._scheduler is not None:
            self._scheduler.modify_job(
                f"scan:{job.name}", next_run_time=datetime.now(tz=UTC) + timedelta(seconds=delay)
            )
        return ok

    def _scan(self, job: ScanJob) -> bool | None:
        """Scans.run, which the shutdown waits for; None, without running, once stopping."""
        with self._in_flight.holding(f"scan:{job.name}") as may_run:
            return self.scans.run(job) if may_run else None

    def _keep_leases(self) -> None:
        """Scans.keep_leases, except once stopping: a renewal after the shutdown released the
        leases would hold them from the other replicas until they ran out."""
        with self._in_flight.holding("scan-leases") as may_run:
            if may_run:
                self.scans.keep_leases()

    def _retry_after(self, job: ScanJob, ok: bool) -> float | None:
        delay = self._retries.after(job.name, job.interval_seconds, ok, job.retry_cap_seconds)
        if delay is not None:
            self.log.info("scan_retry_scheduled", scan=job.name, in_seconds=delay)
        return delay

    def run_forever(self) -> int:
        # Before the start, which may take a while (AWS reads with their timeouts, the scans that
        # judging needs): as the container's first process, the daemon ignored a SIGTERM then
        # (the kernel gives PID 1 no default action), polled on, and was killed at the end of
        # the termination grace period. A stop during the start skips what is left of it.
        self.install_signals()
        if not self.stop.is_set():  # a signal held since the process started: nothing to start
            self.start()
        while not self.stop.wait(timeout=1.0):
            pass
        self.shutdown()
        return 0

    def install_signals(self) -> Callable[[], None]:
        """SIGTERM and SIGINT set ``stop`` (from the main thread only), those held since the
        process started included (held_signals); what it returns puts back the handlers they
        replaced."""

        def handle(signum: int, _frame: FrameType | None) -> None:
            self.log.info("signal_received", signal=signal.Signals(signum).name)
            self.stop.set()

        return install_stop_handler(handle)
