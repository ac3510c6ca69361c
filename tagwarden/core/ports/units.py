"""One unit of input (a log file, a queue message, a page of events) judged and committed: the port
every source hands its records to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from tagwarden.core.model import Finding
from tagwarden.core.ports.store import Store
from tagwarden.core.records import ReadProblem

Record = dict[str, Any]


@dataclass(slots=True)
class UnitResult:
    records: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (reason, detail)
    fatal: ReadProblem | None = None  # the document as a whole could not be read
    tag_changes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (event_source, outcome)
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)  # (event_source, event_id, reason)
    new_findings: list[Finding] = field(default_factory=list)
    duplicates: int = 0
    superseded: list[str] = field(default_factory=list)  # ids of findings a late event superseded
    newest_event: float | None = None

    @property
    def ok(self) -> bool:
        return self.fatal is None


class UnitProcessor(Protocol):
    @property
    def store(self) -> Store:
        """Where units are committed; sources read their cursors and processed units from it."""
        ...

    def process(
        self,
        items: Iterable[Record | ReadProblem],
        *,
        source: str,
        unit: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> UnitResult:
        """Read, judge and commit one unit in one transaction. ``mark_object`` records ``unit`` as
        processed for ``source``; ``read_until`` (epoch seconds) is saved as ``source``'s read cursor
        in the same transaction."""
        ...
