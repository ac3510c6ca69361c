"""The scheduled log integrity check: the digest files of the S3 locations tagwarden reads, verified as
``tagwarden verify-logs`` does, each problem a ``log_integrity`` finding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.integrity import (
    GroupKey,
    Tree,
    add_s3,
    forget_outside_window,
    keys_from_cloudtrail,
    keys_from_folder,
    verify_tree,
    window_groups,
)
from tagwarden.adapters.known_digests import KnownDigests
from tagwarden.adapters.known_log_hashes import KnownLogHashes
from tagwarden.app.config import FilesSourceSettings, LoadedConfig
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.integrity import Report, integrity_findings
from tagwarden.core.stopping import Stopping, never
from tagwarden.core.timeutil import now_iso

if TYPE_CHECKING:
    from tagwarden.app.wiring import Parts


def integrity_locations(config: LoadedConfig, parts: Parts) -> list[str]:
    """The s3:// locations of the files sources, and the buckets the known trails write to."""
    urls: list[str] = []
    for spec in config.settings.sources:
        if isinstance(spec, FilesSourceSettings):
            urls.extend(path for path in spec.paths if path.startswith("s3://"))
    covered = {url[len("s3://") :].split("/", 1)[0] for url in urls}
    urls.extend(
        f"s3://{bucket}/"
        for bucket in sorted(parts.processor.delivery.trail_buckets)
        if bucket not in covered
    )
    return urls


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
    urls = integrity_locations(config, parts)
    forget_outside_window(parts.store, since)  # before the lookups: room under the caps
    if settings.public_keys:
        keys = keys_from_folder(config.base_dir / settings.public_keys)
    else:  # fetched once per region, for the keys in use over the window
        keys = keys_from_cloudtrail(parts.clients.cloudtrail, (since, now))
    s3, threads = parts.clients.s3(), settings.read_concurrency
    groups: dict[GroupKey, list[tuple[str, list[str]]]] = {}  # by account and region, over the locations
    for url in urls:
        for group, folders in window_groups(s3, url, since, threads).items():
            groups.setdefault(group, []).append((url, folders))
    report = Report()
    with known.one_check(), digests.one_check():
        for located in groups.values():
            tree = Tree()
            for url, folders in located:
                add_s3(tree, s3, url, since, stopping, known=digests, threads=threads, folders=folders)
            report.add(verify_tree(tree, keys, since, stopping, known=known, threads=threads))
    findings = integrity_findings(report, policy.severity("log_integrity"), now_iso())
    new = parts.recorder.record(parts.store, findings, source="integrity")
    log.info(
        "integrity_check_done",
        locations=urls,
        digests=report.digests,
        digests_read=digests.counts.read,
        digests_known=digests.counts.known,  # unchanged since an earlier check read them: its copy taken
        log_files=report.logs_checked,
        log_files_read=known.counts.read,
        log_files_known=known.counts.known,
        problems=len(report.problems),
        new_findings=len(new),
        unsigned_digests=len(report.unsigned),
    )
    return True
