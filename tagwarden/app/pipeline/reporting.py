"""What happens to new findings once they are committed: counted and logged, one line each."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.core.model import Finding


def report_findings(findings: Iterable[Finding], metrics: Metrics, log: Any, *, source: str) -> None:
    """Call only after the findings are committed: what the metric counts must be durable."""
    for finding in findings:
        metrics.findings.labels(finding.kind, finding.severity).inc()
        emit = log.info if finding.severity == "info" else log.warning
        emit("finding", source=source, **finding.to_dict())
