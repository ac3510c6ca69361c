"""Every metric tagwarden exports, in one registry per process.

Names follow Prometheus conventions: the ``tagwarden_`` prefix, ``_total`` on counters
(prometheus_client appends it), base units in the name (``_seconds``), and no label that
carries an ARN, a tag value or anything else without a small bounded set of values.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from tagwarden import __version__
from tagwarden.adapters.metrics.open_findings import (
    OPEN_FINDINGS_WAIT_SECONDS,
    OpenFindingCounts,
    OpenFindingsCollector,
)
from tagwarden.core.arn import is_log_origin
from tagwarden.core.model.finding import FINDING_KINDS, SEVERITIES

# Series of tagwarden_log_newest_event_timestamp_seconds: an organization's accounts times its
# regions, with room; beyond it new origins are not tracked.
MAX_LOG_ORIGINS = 50_000


class Metrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        self._lock = threading.Lock()
        self._newest: dict[str, float] = {}
        self._newest_origin: dict[tuple[str, str], float] = {}
        self._series: dict[int, set[tuple[str, ...]]] = {}
        self._open_counts: OpenFindingCounts | None = None
        r = self.registry
        # Registered first, so collected before store_errors: a failure to count open findings
        # shows in the same scrape.
        r.register(
            OpenFindingsCollector(
                lambda: self._open_counts,
                lambda: self.store_errors.labels("open_findings").inc(),
                OPEN_FINDINGS_WAIT_SECONDS,
            )
        )
        self.build_info = Gauge(
            "tagwarden_build_info",
            "Always 1; the version label says which build runs.",
            ["version"],
            registry=r,
        )
        self.build_info.labels(__version__).set(1)
        self.worker_processes = Gauge(
            "tagwarden_worker_processes",
            "Processes that read and normalize for the files and SQS sources, as started (0: all in"
            " the daemon's process); fewer than configured where the memory limit holds fewer.",
            registry=r,
        )
        self.records_read = Counter(
            "tagwarden_records_read", "CloudTrail records read from a source.", ["source"], registry=r
        )
        self.records_rejected = Counter(
            "tagwarden_records_rejected",
            "Records or documents that could not be read, by reason; they are logged and skipped.",
            ["source", "reason"],
            registry=r,
        )
        self.tag_changes = Counter(
            "tagwarden_tag_changes",
            "Tag changes found in records, by AWS service and whether the call succeeded.",
            ["event_source", "outcome"],
            registry=r,
        )
        self.unreadable_tag_events = Counter(
            "tagwarden_unreadable_tag_events",
            "Records of a known tag-writing call whose parameters could not be read.",
            ["event_source"],
            registry=r,
        )
        self.unresolved_targets = Counter(
            "tagwarden_unresolved_targets",
            "Tag changes whose target's ARN the record does not determine (reported as unresolved: "
            "their history and inventory cannot be matched), by AWS service.",
            ["event_source"],
            registry=r,
        )
        self.findings = Counter(
            "tagwarden_findings",
            "New findings recorded, by kind and severity.",
            ["kind", "severity"],
            registry=r,
        )
        self.source_errors = Counter(
            "tagwarden_source_errors",
            "Failures to read from a source (AWS errors, unreadable messages or objects), by reason.",
            ["source", "reason"],
            registry=r,
        )
        self.units_deferred = Counter(
            "tagwarden_units_deferred",
            "Units left uncommitted because of a fault outside them (service errors, cut bodies, store"
            " errors), to be tried again without counting against the unit, by reason.",
            ["source", "reason"],
            registry=r,
        )
        self.units_quarantined = Counter(
            "tagwarden_units_quarantined",
            "Units set aside after failing the same way repeatedly (see `tagwarden quarantine list`).",
            ["source", "reason"],
            registry=r,
        )
        self.principal_tag_errors = Counter(
            "tagwarden_principal_tag_errors",
            "Failed principal-tag lookups (IAM ListRoleTags/ListUserTags), by reason.",
            ["reason"],
            registry=r,
        )
        self.aws_requests = Counter(
            "tagwarden_aws_requests",
            "AWS API requests sent, each retry counted (each is billed and counts against the API's"
            " rate limits), by service and operation.",
            ["service", "operation"],
            registry=r,
        )
        self.sqs_messages = Counter(
            "tagwarden_sqs_messages",
            "SQS messages handled: deleted after commit, ignored (test events), or left for redrive.",
            ["source", "result"],
            registry=r,
        )
        self.queue_backlog = Gauge(
            "tagwarden_sqs_backlog_messages",
            "Messages in the source queue after the last poll (approximate, as SQS counts them):"
            " visible ones wait for any replica, in_flight ones are being read.",
            ["source", "state"],
            registry=r,
        )
        self.dead_letter_messages = Gauge(
            "tagwarden_sqs_dead_letter_messages",
            "Messages waiting in the source queue's dead-letter queue (when the redrive policy names one).",
            ["source"],
            registry=r,
        )
        self.last_success = Gauge(
            "tagwarden_source_last_success_timestamp_seconds",
            "Unix time of the last poll of a source that completed without error, or of the last unit a "
            "poll still running committed (the daemon's start until either).",
            ["source"],
            registry=r,
        )
        self.poll_interval = Gauge(
            "tagwarden_source_poll_interval_seconds",
            "How often a source is polled (its interval_seconds): TagwardenIngestStalled allows it "
            "between two polls.",
            ["source"],
            registry=r,
        )
        self.newest_event = Gauge(
            "tagwarden_newest_event_timestamp_seconds",
            "Unix time of the newest CloudTrail event seen from a source (the daemon's start until one is).",
            ["source"],
            registry=r,
        )
        self.origin_newest_event = Gauge(
            "tagwarden_log_newest_event_timestamp_seconds",
            "Unix time of the newest CloudTrail event read from an account and region, any source: "
            "when it falls behind while other accounts and regions keep arriving, their log files stopped.",
            ["account", "region"],
            registry=r,
        )
        self.log_gap_threshold = Gauge(
            "tagwarden_log_gap_threshold_seconds",
            "The configured time (integrity.log_gap_seconds) after which an account and region with no "
            "new log file, while others keep arriving, is a delivery gap (TagwardenLogDeliveryGap).",
            registry=r,
        )
        self.poll_duration = Histogram(
            "tagwarden_source_poll_duration_seconds",
            "Time one poll of a source took, including processing and commit.",
            ["source"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
            registry=r,
        )

        self.job_last_success = Gauge(
            "tagwarden_job_last_success_timestamp_seconds",
            "Unix time of the last run of a scheduled scan that completed without error.",
            ["scan"],
            registry=r,
        )
        self.job_interval = Gauge(
            "tagwarden_job_interval_seconds",
            "How often a scheduled scan runs: TagwardenScanStale allows it two intervals, at least 6 hours.",
            ["scan"],
            registry=r,
        )
        self.scan_lease_held = Gauge(
            "tagwarden_scan_lease_held",
            "1 on the replica that holds a scheduled scan's lease (and so runs it), 0 on the others.",
            ["scan"],
            registry=r,
        )
        self.store_errors = Counter(
            "tagwarden_store_errors_total",
            "Store (database) operations that failed, by what tagwarden was doing.",
            ["operation"],
            registry=r,
        )
        self.store_forgotten_rows = Counter(
            "tagwarden_store_forgotten_rows",
            "Rows of per-event bookkeeping deleted as older than store.forget_after_days, by table.",
            ["table"],
            registry=r,
        )
        self.job_duration = Gauge(
            "tagwarden_job_duration_seconds",
            "How long the last run of a scheduled scan took.",
            ["scan"],
            registry=r,
        )
        self.inventory_principals = Gauge(
            "tagwarden_inventory_principals",
            "IAM users and roles in the last principal inventory.",
            ["account"],
            registry=r,
        )
        self.sink_deliveries = Counter(
            "tagwarden_sink_deliveries",
            "Attempts to push a finding to an alert sink, by result (delivered, failed, resent).",
            ["sink", "result"],
            registry=r,
        )
        self.sink_pending = Gauge(
            "tagwarden_sink_pending", "Findings waiting to be delivered to a sink.", ["sink"], registry=r
        )
        self.inventory_resources = Gauge(
            "tagwarden_inventory_resources",
            "Resources (with their tags) in the last inventory, by account.",
            ["account"],
            registry=r,
        )
        self.inventory_failures = Gauge(
            "tagwarden_inventory_failures",
            "Parts of the last inventory that could not be read (1), by account and stage "
            "(assume-role, principals, resources, resource-policies, organization).",
            ["account", "stage"],
            registry=r,
        )
        self.drift_items = Gauge(
            "tagwarden_drift_items",
            "Items of the last drift scan, by kind and ABAC key.",
            ["kind", "key"],
            registry=r,
        )
        self.tag_writers = Gauge(
            "tagwarden_tag_writers",
            "Principals the last writers scan found able to write a governed key, by key and by "
            "whether the governance policy lists them as writers.",
            ["key", "authorized"],
            registry=r,
        )
        self.integrity_digest_files = Gauge(
            "tagwarden_integrity_digest_files",
            "Digest files in the window of the last log integrity check, by S3 location; 0: the check "
            "verified nothing there (TagwardenLogIntegrityBlind).",
            ["location"],
            registry=r,
        )
        self.integrity_log_files_unread = Gauge(
            "tagwarden_integrity_log_files_unread",
            "Log files the last log integrity check listed in its window, by the account and region "
            "their names give, that no source read: named after the first file read of that account "
            "and region and more than an hour before the check. Their records were never judged "
            "(TagwardenLogFilesUnread).",
            ["account", "region"],
            registry=r,
        )
        self.integrity_read_files_unvouched = Gauge(
            "tagwarden_integrity_read_files_unvouched",
            "S3 log files the sources read in the window of the last log integrity check, by the "
            "account and region their names give, where that window holds no digest file of that "
            "account and region: nothing vouches for the records judged from them "
            "(TagwardenLogFilesUnvouched).",
            ["account", "region"],
            registry=r,
        )
        # Every (kind, severity) starts at zero, so that increase() sees the first finding.
        for kind in FINDING_KINDS:
            for severity in SEVERITIES:
                self.findings.labels(kind, severity)

    def observe_newest_event(self, source: str, timestamp: float) -> None:
        """Raise the newest-event gauge of ``source``; older events leave it where it is."""
        with self._lock:
            if timestamp > self._newest.get(source, float("-inf")):
                self._newest[source] = timestamp
                self.newest_event.labels(source).set(timestamp)

    def start_newest_event(self, source: str, timestamp: float) -> None:
        """Shows ``timestamp`` (the daemon's start) as the newest event of a source that has read
        none yet, so that a source nothing ever reaches is stale for TagwardenNoRecentEvents rather
        than absent. The first event read replaces it, even an older one."""
        with self._lock:
            if source not in self._newest:
                self.newest_event.labels(source).set(timestamp)

    def observe_log_origin(self, account: str, region: str, timestamp: float) -> None:
        """Raise the newest-event gauge of an account and region; older events leave it where it is.
        The labels come from records: only an account id and a region name make a series, and no
        more than MAX_LOG_ORIGINS of them, so forged records cannot fill Prometheus with series."""
        if not is_log_origin(account, region):
            return
        with self._lock:
            known = (account, region) in self._newest_origin
            if not known and len(self._newest_origin) >= MAX_LOG_ORIGINS:
                return
            if timestamp > self._newest_origin.get((account, region), float("-inf")):
                self._newest_origin[(account, region)] = timestamp
                self.origin_newest_event.labels(account, region).set(timestamp)

    def replace_gauge(self, gauge: Gauge, values: Mapping[tuple[str, ...], float]) -> None:
        """Set ``gauge`` to exactly ``values``: series from an earlier run that are not in it go."""
        with self._lock:
            previous = self._series.get(id(gauge), set())
            for labels in previous - set(values):
                gauge.remove(*labels)
            for labels, value in values.items():
                gauge.labels(*labels).set(value)
            self._series[id(gauge)] = set(values)

    def count_aws_request(self, service: str, operation: str) -> None:
        self.aws_requests.labels(service, operation).inc()

    def watch_open_findings(self, counts: OpenFindingCounts) -> None:
        self._open_counts = counts
