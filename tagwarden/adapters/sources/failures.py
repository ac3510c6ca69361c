"""Failures of whole units, counted in the store: a unit that keeps failing is quarantined."""

from __future__ import annotations

from typing import Any

from tagwarden.adapters.sources.source import SourceContext


class UnitFailures:
    """Counts the failures of each unit of one source; at ``quarantine_after`` the unit is set
    aside (listed by `tagwarden quarantine list`) and no longer read."""

    def __init__(self, source: str, context: SourceContext, quarantine_after: int, log: Any) -> None:
        self._source = source
        self._context = context
        self._after = quarantine_after
        self._log = log

    def is_quarantined(self, unit: str) -> bool:
        return self._context.processor.store.is_quarantined(self._source, unit)

    def failed(self, unit: str, reason: str, detail: str, payload: str | None = None) -> bool:
        """Count one failure; True when the unit is now quarantined."""
        store = self._context.processor.store
        noted = store.note_unit_failure(
            self._source, unit, reason, detail, payload=payload, quarantine_after=self._after
        )
        if noted.quarantined and noted.failures == max(self._after, 1):
            self._context.metrics.units_quarantined.labels(self._source, reason).inc()
            self._log.error(
                "unit_quarantined", unit=unit, reason=reason, detail=detail, failures=noted.failures
            )
        return noted.quarantined
