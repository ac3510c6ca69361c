"""Which sinks a finding goes to: every sink whose minimum severity it reaches."""

from __future__ import annotations

from collections.abc import Mapping

from tagwarden.core.model import Finding
from tagwarden.core.model.finding import at_least


class SinkRoute:
    def __init__(self, min_severity: Mapping[str, str] | None = None) -> None:
        self._min = dict(min_severity or {})

    def __call__(self, finding: Finding) -> list[str]:
        return [sink for sink, floor in self._min.items() if at_least(finding.severity, floor)]

    @property
    def sinks(self) -> list[str]:
        return list(self._min)
