"""The scheduled log integrity check: the digest files of the S3 locations tagwarden reads, verified as
``tagwarden verify-logs`` does, with every S3 log file the sources read in the window, wherever it
lies; each problem a ``log_integrity`` finding."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.integrity import forget_outside_window
from tagwarden.adapters.integrity_groups import s3_parts, verify_by_group
from tagwarden.adapters.integrity_reads import WindowReads
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.known_log_hashes import KnownLogHashes
from tagwarden.adapters.public_keys import key_source
from tagwarden.app.config import FilesSourceSettings, LoadedConfig, SqsSourceSettings
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.integrity import integrity_findings
from tagwarden.core.stopping import Stopping, never
from tagwarden.core.timeutil import now_iso

if TYPE_CHECKING:
    from tagwarden.app.wiring import Parts


def integrity_locations(config: LoadedConfig, parts: Parts, read: Iterable[str] = ()) -> list[str]:
    """The s3:// locations of the files sources, and the buckets the known trails write to, and
    ``read``, the buckets the sources read log files from (``WindowReads.buckets``): an SQS source
    reads where its notifications point, which may be no trail tagwarden knows (an organization's
    trail seen from another account), or a bucket someone made it read from."""
    urls: list[str] = []
    for spec in config.settings.sources:
        if isinstance(spec, FilesSourceSettings):
            urls.extend(path for path in spec.paths if path.startswith("s3://"))
    covered = {url[len("s3://") :].split("/", 1)[0] for url in urls}
    buckets = sorted((set(parts.processor.delivery.trail_buckets) | set(read)) - covered)
    urls.extend(f"s3://{bucket}/" for bucket in buckets)
    return urls


def integrity_due(config: LoadedConfig, parts: Parts) -> bool:
    """Whether there is anything for the scheduled check to verify: a location known now, or an
    SQS source, whose files tell where they lie as they are read."""
    sqs = any(isinstance(spec, SqsSourceSettings) for spec in config.settings.sources)
    return sqs or bool(integrity_locations(config, parts))


def verify_sources(
    config: LoadedConfig,
    parts: Parts,
    policy: CompiledPolicy,
    log: Any,
    *,
    known: KnownLogHashes,
    digests: KnownDigests,
    stopping: Stopping = never,
) -> bool:
    """``Stopped``, with nothing recorded, once ``stopping`` says so between two reads. ``known``
    and ``digests``: what earlier checks read of the log files and of the digests. Each account
    and region is listed, read and verified alone, its findings kept for the end: the check holds
    one account and region's window at a time (a few KB a log file when held whole: docs/scaling.md),
    not an organization's."""
    settings = config.settings.integrity
    now = datetime.now(UTC)
    since = now - timedelta(hours=settings.verify_window_hours)
    forget_outside_window(parts.store, since)  # before the lookups: room under the caps
    folder = config.base_dir / settings.public_keys if settings.public_keys else None
    keys = key_source(folder, parts.clients.cloudtrail, (since, now))  # CloudTrail's: once a region
    s3, threads = parts.clients.s3(), settings.read_concurrency
    # The log files the sources read, wherever they lie, whatever time their names give
    read = WindowReads(
        parts.store,
        s3,
        since,
        keys,
        stopping,
        digests=digests,
        threads=threads,
        started_at=now.timestamp(),
        read_elsewhere=settings.accounts_read_elsewhere,
    )
    urls = integrity_locations(config, parts, read.buckets())
    locations = {url: s3_parts(s3, url, since, stopping, digests=digests, threads=threads) for url in urls}
    with known.one_check(), digests.one_check():
        checked = verify_by_group(locations, keys, since, stopping, read=read, known=known, threads=threads)
    report, digest_files = checked.report, checked.digest_files
    report.add(read.unplaced_problems())
    _export(parts, log, digest_files, read)
    findings = integrity_findings(report, policy.severity("log_integrity"), now_iso())
    new = parts.recorder.record(parts.store, findings, source="integrity")
    read.keep_verdicts()
    log.info(
        "integrity_check_done",
        locations=urls,
        digest_files=digest_files,  # in the window, by location: 0, and nothing was verified there
        digests=report.digests,
        digests_read=digests.counts.read,
        digests_known=digests.counts.known,  # unchanged since an earlier check read them: its copy taken
        log_files=report.logs_checked,
        **read.counts(),
        log_files_read=known.counts.read,
        log_files_known=known.counts.known,
        problems=len(report.problems),
        new_findings=len(new),
        unsigned_digests=len(report.unsigned),
    )
    return True


def _export(parts: Parts, log: Any, digest_files: dict[str, int], read: WindowReads) -> None:
    """The check's gauges, each series replaced whole (a bucket read from no longer in the window is
    no longer a location: its series goes), and the files no source read, named."""
    metrics = parts.metrics
    metrics.replace_gauge(metrics.integrity_digest_files, {(url,): n for url, n in digest_files.items()})
    metrics.replace_gauge(metrics.integrity_read_files_unvouched, dict(read.unvouched.items()))
    metrics.replace_gauge(metrics.integrity_log_files_unread, {g: len(u) for g, u in read.unread.items()})
    for (account, region), unread in read.unread.items():
        # What on-call replays (tagwarden replay s3://...): the first of them, in time order.
        log.warning("log_files_unread", account=account, region=region, files=len(unread), first=unread[:20])
