"""The daemon's scheduled scans, as a list of jobs the daemon runs on their intervals.

A job is a plain callable returning True on success; ``Scans.run`` times it, counts it in
``tagwarden_job_*{scan}`` and logs it, so every scan is observed the same way.

- ``principals`` (before the first poll): every IAM user's and role's tags in the daemon's own
  account, what "a value no principal holds" needs;
- ``inventory``, ``drift``, ``writers`` (when the config has an ``inventory`` section): every
  configured account's principals, resources and policies; drift between their tags; who can
  write each governed tag. Drift and writers use the latest inventory, taking one if there is
  none yet. An inventory with a failed account counts as a failed run (its alert names the scan)
  though the other accounts are recorded and scanned.
- ``integrity`` (when a files source reads s3:// or a trail's bucket is known): the digest files there,
  verified as ``tagwarden verify-logs`` does; each problem is a ``log_integrity`` finding.
- ``forget`` (unless ``store.forget_after_days`` is null): the store's per-event bookkeeping
  written longer ago than that, deleted (``tagwarden_store_forgotten_rows_total{table}``).
- ``resend:<sink>`` (an Alertmanager sink's ``resend_seconds``): the alerts of the findings that
  sink shows, sent again (``tagwarden_sink_deliveries_total{result="resent"}``).

Replicas sharing one store run each scan on one replica at a time: the one holding the scan's lease
(``tagwarden_scan_lease_held{scan}``).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.aws.error_codes import AWS_ERRORS
from tagwarden.adapters.inventory.iam_principals import collect_principals
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.known_log_hashes import KnownLogHashes
from tagwarden.adapters.replica import this_replica
from tagwarden.adapters.sinks.alertmanager import AlertmanagerSink
from tagwarden.adapters.sinks.resend import AlertResend
from tagwarden.adapters.sinks.sink import DeliveryError
from tagwarden.app.config import LoadedConfig
from tagwarden.app.delivery_path import watcher_role_policies
from tagwarden.app.inventory.principal_inventory import mark_principals_known, principal_observations
from tagwarden.app.inventory.reconcile import Reconciler
from tagwarden.app.pipeline.principal_tags import INVENTORY_FAULT
from tagwarden.app.scans.drift_scan import drift_metrics, drift_report
from tagwarden.app.scans.forgetting import forget_old_rows
from tagwarden.app.scans.integrity_scan import integrity_due, verify_sources
from tagwarden.app.scans.inventory_scan import inventory_metrics, inventory_settings, take_inventory
from tagwarden.app.scans.writers_scan import writers_metrics, writers_report
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.inventory.snapshot import Inventory, PrincipalRecord
from tagwarden.core.settings.sinks import AlertmanagerSinkSettings
from tagwarden.core.stopping import Stopped, Stopping, never
from tagwarden.core.timeutil import days_before

# Units with a lockout candidate wait for the first principal inventory (InventoryWait).
PRINCIPALS_RETRY_CAP_SECONDS = 120.0
# A scan's lease outlives its holder by at most this; the holder renews it every few seconds.
SCAN_LEASE_SECONDS = 60.0

if TYPE_CHECKING:
    from tagwarden.app.wiring import Parts


@dataclass(frozen=True, slots=True)
class ScanJob:
    name: str  # the value of the ``scan`` label
    interval_seconds: float
    run: Callable[[], bool]
    # Run once before the first source poll (and by ``run --once``): what judging depends on.
    before_polling: bool = False
    retry_cap_seconds: float | None = None  # after a failure, run again at most this late


class Scans:
    def __init__(
        self,
        config: LoadedConfig,
        parts: Parts,
        log: Any,
        holder: str | None = None,
        stopping: Stopping = never,
    ) -> None:
        self.holder = holder or this_replica()  # this replica's name on the leases
        self._stopping = stopping  # asked by the long scans between two steps
        self.config = config
        self.parts = parts
        self.log = log
        self.policy = CompiledPolicy(config.policy)
        self._inventory_lock = threading.Lock()
        self._latest: Inventory | None = None
        self._taken_on: set[str] = set()  # scans this replica has run (or tried to)
        # The integrity check's, from one run to the next, kept in the store.
        integrity = config.settings.integrity
        self._known_log_hashes = KnownLogHashes(parts.store, integrity.known_log_files)
        self._known_digests = KnownDigests(parts.store, integrity.known_digest_files)

    def jobs(self) -> list[ScanJob]:
        jobs: list[ScanJob] = []
        every = self.config.settings.aws.principal_inventory_interval_seconds
        # The daemon's job exists whether or not STS has answered yet (it waits for the account);
        # a replay without an account is offline.
        if every and (self.parts.identity is not None or self.parts.account is not None):
            jobs.append(
                ScanJob(
                    "principals",
                    every,
                    self.principal_inventory,
                    before_polling=True,
                    retry_cap_seconds=PRINCIPALS_RETRY_CAP_SECONDS,
                )
            )
        settings = self.config.settings.inventory
        if settings is not None:
            for name, interval, run in (
                ("inventory", settings.inventory_interval_seconds, self.inventory),
                ("drift", settings.drift_interval_seconds, self.drift),
                ("writers", settings.writers_interval_seconds, self.writers),
            ):
                if interval:
                    jobs.append(ScanJob(name, interval, run))
        every = self.config.settings.integrity.verify_interval_seconds
        if every and integrity_due(self.config, self.parts):
            jobs.append(ScanJob("integrity", every, self.integrity))
        store = self.config.settings.store
        if store.forget_after_days is not None:
            jobs.append(ScanJob("forget", store.forget_interval_seconds, self.forget))
        for name, spec in zip(self.config.settings.sink_names(), self.config.settings.sinks, strict=True):
            if isinstance(spec, AlertmanagerSinkSettings) and spec.resend_seconds is not None:
                jobs.append(ScanJob(f"resend:{name}", spec.resend_seconds, partial(self.resend, name)))
        return jobs

    def resend(self, name: str) -> bool:
        """The alerts of the findings Alertmanager sink ``name`` shows, sent again."""
        sink = self.parts.sinks[name]
        assert isinstance(sink, AlertmanagerSink)
        counted = self.parts.metrics.sink_deliveries
        try:
            resent, mended = AlertResend(self.parts.store, sink, self.parts.processor.recorder.route).run()
        except DeliveryError as exc:
            counted.labels(name, "failed").inc()
            self.log.warning("alerts_resend_failed", sink=name, error=str(exc))
            return False
        counted.labels(name, "resent").inc(resent)
        self.log.info("alerts_resent", sink=name, alerts=resent, mended=mended)
        return True

    def forget(self) -> bool:
        """Deletes the bookkeeping written more than ``store.forget_after_days`` ago."""
        days = self.config.settings.store.forget_after_days
        assert days is not None
        before = days_before(time.time(), days)
        window_hours = self.config.settings.integrity.verify_window_hours
        forgotten = forget_old_rows(self.parts.store, before, window_hours)
        for table, rows in forgotten.items():
            self.parts.metrics.store_forgotten_rows.labels(table).inc(rows)
        self.log.info("store_forgotten", written_before=before, rows=forgotten)
        return True

    def integrity(self) -> bool:
        """The digest files of the S3 sources and trail buckets: each problem a log_integrity finding."""
        return verify_sources(
            self.config,
            self.parts,
            self.policy,
            self.log,
            stopping=self._stopping,
            known=self._known_log_hashes,
            digests=self._known_digests,
        )

    def keep_leases(self) -> None:
        """Takes or renews every scan's lease: the holder keeps them while it lives, and when it dies
        another replica takes them within ``SCAN_LEASE_SECONDS``."""
        for job in self.jobs():
            self._hold(job)

    def release_leases(self) -> None:
        """At shutdown: another replica takes the scans at once instead of after the lease runs out."""
        for job in self.jobs():
            try:
                self.parts.store.release_lease(f"scan:{job.name}", self.holder)
            except Exception as exc:
                self.log.warning("scan_lease_release_failed", scan=job.name, error=str(exc))

    def _hold(self, job: ScanJob) -> bool:
        try:
            store = self.parts.store
            held = store.try_lease(f"scan:{job.name}", self.holder, store.clock(), SCAN_LEASE_SECONDS)
        except Exception as exc:
            self.parts.metrics.store_errors.labels("lease").inc()
            self.log.warning("scan_lease_failed", scan=job.name, error=str(exc))
            held = False
        self.parts.metrics.scan_lease_held.labels(job.name).set(1 if held else 0)
        return held

    def run(self, job: ScanJob) -> bool:
        """Runs ``job`` if this replica holds its lease; True unless it ran and failed."""
        self.parts.metrics.job_interval.labels(job.name).set(job.interval_seconds)
        if not self._hold(job):
            self.log.debug("scan_left_to_lease_holder", scan=job.name)
            return True
        metrics = self.parts.metrics
        if job.name not in self._taken_on:
            # Until a run succeeds, the scan's last success is when this replica took it on, so a
            # scan that fails from its first run is stale 6 hours later (TagwardenScanStale), as a
            # source that never polls is (TagwardenIngestStalled), instead of exporting no series.
            self._taken_on.add(job.name)
            metrics.job_last_success.labels(job.name).set(time.time())
        started = time.monotonic()
        try:
            ok = job.run()
        except Stopped:
            # Nothing of it was committed; the next run, here after a restart or on another
            # replica once the lease is handed back, does it whole.
            self.log.info("scan_stopped", scan=job.name, reason="stopping")
            return True
        except Exception as exc:
            self.log.error("scan_failed", scan=job.name, error=str(exc), exc_info=True)
            ok = False
        finally:
            metrics.job_duration.labels(job.name).set(time.monotonic() - started)
        if ok:
            metrics.job_last_success.labels(job.name).set(time.time())
        return ok

    def principal_inventory(self) -> bool:
        """Every IAM user's and role's tags: what "a value no principal holds" needs."""
        account = self.parts.account
        if account is None:  # STS has not answered yet; retried as a failed run
            self.log.warning("principal_inventory_waits", reason="the caller's account is not known yet")
            return False
        started = time.time()
        try:
            principals = collect_principals(
                self.parts.clients.iam(), with_policies=False, stopping=self._stopping
            )
        except AWS_ERRORS as exc:
            self.log.warning("principal_inventory_failed", account=account, error=str(exc))
            return False
        self._learn_watcher_policies(principals)
        grace = inventory_settings(self.config).unattributed_grace_seconds
        reconciler = Reconciler(self.parts.store, self.policy, "principals", grace, self.parts.recorder)
        reconciler.record(principal_observations(principals, account), started, time.time())
        mark_principals_known(self.parts.store, account, started)
        self.parts.faults.clear(INVENTORY_FAULT)  # units that waited for it can be judged
        reconciler.confirm(time.time())
        self.parts.metrics.inventory_principals.labels(account).set(len(principals))
        self.log.info("principal_inventory_done", account=account, principals=len(principals))
        return True

    def _learn_watcher_policies(self, principals: list[PrincipalRecord]) -> None:
        """The managed policies of the roles tagwarden reads with, so that a new default version of
        one is a control call."""
        controls = self.parts.processor.controls
        controls.learn_role_policies(watcher_role_policies(controls.delivery, principals))

    def _take_inventory(self) -> Inventory:
        """Called with the inventory lock held."""
        parts = self.parts
        outcome = take_inventory(
            self.config,
            parts.clients,
            parts.account,
            parts.store,
            self.log,
            scope="inventory",
            recorder=parts.recorder,
            stopping=self._stopping,
        )
        inventory_metrics(parts.metrics, outcome.inventory)
        self._learn_watcher_policies(outcome.inventory.principals)
        self._latest = outcome.inventory
        self.log.info(
            "inventory_done",
            accounts=[a.account for a in outcome.inventory.accounts],
            resources=outcome.inventory.resource_count,
            principals=len(outcome.inventory.principals),
            snapshots=outcome.snapshots,
            unattributed_changes=len(outcome.findings),
            failures=[f.to_dict() for f in outcome.inventory.failures],
        )
        return outcome.inventory

    def inventory(self) -> bool:
        with self._inventory_lock:
            inventory = self._take_inventory()
        return not inventory.failures

    def latest_inventory(self) -> Inventory:
        with self._inventory_lock:
            return self._latest if self._latest is not None else self._take_inventory()

    def drift(self) -> bool:
        inventory = self.latest_inventory()
        settings = inventory_settings(self.config)
        keys, items = drift_report(inventory, self.parts.store, self.policy, settings)
        drift_metrics(self.parts.metrics, keys, items)
        counts: dict[str, int] = {}
        for item in items:
            counts[item.kind] = counts.get(item.kind, 0) + 1
        self.log.info("drift_scan_done", keys=keys, items=len(items), by_kind=counts)
        return True

    def writers(self) -> bool:
        inventory = self.latest_inventory()
        report = writers_report(
            inventory,
            self.parts.store,
            self.policy,
            time.time(),
            self.parts.recorder,
            stopping=self._stopping,
        )
        writers_metrics(self.parts.metrics, report.keys, report.items)
        for problem in report.problems:
            self.log.warning("writers_scan_policy_unreadable", problem=problem)
        self.log.info(
            "writers_scan_done",
            keys=report.keys,
            writers=len({(i.key, i.principal) for i in report.items}),
            excess=len({(i.key, i.principal) for i in report.items if not i.authorized}),
            new_findings=len(report.findings),
        )
        return True
