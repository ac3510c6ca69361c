"""What a committed unit is reported as: its metrics and log lines."""

from __future__ import annotations

from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.app.recording import Recorder
from tagwarden.core.ports.units import UnitResult


def report_unit(
    metrics: Metrics,
    log: Any,
    recorder: Recorder,
    result: UnitResult,
    *,
    source: str,
    unit: str,
    settle: bool = True,
) -> None:
    """Metrics and logs, after the commit: what they count is durable. ``settle``: as for
    ``Recorder.report``."""
    metrics.records_read.labels(source).inc(result.records)
    for reason, detail in result.rejected:
        metrics.records_rejected.labels(source, reason).inc()
        log.warning("record_rejected", source=source, unit=unit, reason=reason, detail=detail)
    if result.fatal is not None:
        metrics.records_rejected.labels(source, result.fatal.reason).inc()
        log.warning(
            "document_unreadable",
            source=source,
            unit=unit,
            reason=result.fatal.reason,
            detail=result.fatal.detail,
        )
    for (event_source, outcome), count in result.tag_changes.items():
        metrics.tag_changes.labels(event_source, outcome).inc(count)
    for event_source, count in result.unresolved_targets.items():
        metrics.unresolved_targets.labels(event_source).inc(count)
    for event_source, event_id, reason in result.unreadable:
        metrics.unreadable_tag_events.labels(event_source).inc()
        log.warning(
            "unreadable_tag_event",
            source=source,
            unit=unit,
            event_source=event_source,
            event_id=event_id,
            reason=reason,
        )
    recorder.report(result.new_findings, source=source, settle=settle)
    for finding_id in result.superseded:
        log.info("finding_superseded", source=source, unit=unit, finding_id=finding_id)
    for finding_id in result.reopened:
        log.info("finding_reopened", source=source, unit=unit, finding_id=finding_id)
    if result.newest_event is not None:
        metrics.observe_newest_event(source, result.newest_event)
    for (account, region), moment in result.newest_by_origin.items():
        metrics.observe_log_origin(account, region, moment)
