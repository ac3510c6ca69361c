"""One unit of input (a log file, a queue message, a page of events) judged and committed: the port
every source hands its records to."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from tagwarden.core.compute import ComputeRead
from tagwarden.core.model import Finding
from tagwarden.core.model.pickling import compact_pickling
from tagwarden.core.normalize.result import Normalized
from tagwarden.core.ports.store import Store
from tagwarden.core.records import ReadProblem
from tagwarden.core.records.triage import RecordFilter, Skipped

Record = dict[str, Any]


class UnitDeferred(Exception):
    """The unit could not be judged because of a fault outside it (a service that failed, a body
    cut short, a store that cannot write). Nothing of it is committed; the source keeps it and
    tries again later, without counting the attempt against the unit itself."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass(slots=True)
class UnitResult:
    records: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)  # (reason, detail)
    fatal: ReadProblem | None = None  # the document as a whole could not be read
    tag_changes: Counter[tuple[str, str]] = field(default_factory=Counter)  # (event_source, outcome)
    unresolved_targets: Counter[str] = field(default_factory=Counter)  # by event_source
    unreadable: list[tuple[str, str, str]] = field(default_factory=list)  # (event_source, event_id, reason)
    new_findings: list[Finding] = field(default_factory=list)
    duplicates: int = 0
    superseded: list[str] = field(default_factory=list)  # ids of findings a late event superseded
    reopened: list[str] = field(default_factory=list)  # ids of superseded ones a late event opened again
    newest_event: float | None = None
    # (account, region) -> Unix time of its newest event in the unit: the log delivery gap metric
    newest_by_origin: dict[tuple[str, str], float] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.fatal is None


@compact_pickling
@dataclass(frozen=True, slots=True)
class TagRecord:
    """A record that gives tag changes, a session or a role to a compute resource, read and
    normalized, waiting to be judged."""

    ts: float
    event_id: str
    record_json: str  # the record as the store keeps it (record_text)
    event_time: str  # canonical
    normalized: Normalized
    compute: ComputeRead | None = None  # the roles the record gives compute resources


@dataclass(slots=True)
class PreparedUnit:
    """A unit read and normalized, not yet judged: what a worker process hands back. ``tagged``
    is in event-time order; ``result`` holds what reading counted (records, rejections)."""

    result: UnitResult
    tagged: list[TagRecord]
    # Calls that may weaken the controls, with their event time: classified at commit, in one
    # process, because classifying them also teaches the delivery path.
    controls: list[tuple[float, Record]] = field(default_factory=list)
    # The S3 log files it was read from (s3://bucket/key), set by its source: the integrity check
    # verifies each one the store says was read, wherever it lies (LogFilesRead).
    read_from: tuple[str, ...] = ()

    def may_share_transaction(self) -> bool:
        """Whether the unit may be committed in one transaction with others: a unit that reads
        nothing its predecessors may commit before its transaction opens (no control calls, no
        roles given to compute, whose state is loaded first) and that was read whole."""
        return self.result.fatal is None and not self.controls and not any(t.compute for t in self.tagged)


class UnitProcessor(Protocol):
    @property
    def store(self) -> Store:
        """Where units are committed; sources read their cursors and processed units from it."""
        ...

    @property
    def record_filter(self) -> RecordFilter:
        """Tells which records may matter, so that readers skip the others before decoding them."""
        ...

    def prepare(self, items: Iterable[Record | ReadProblem | Skipped]) -> PreparedUnit:
        """Read and normalize one unit: pure work, which worker processes can do."""
        ...

    def commit(
        self,
        prepared: PreparedUnit,
        *,
        source: str,
        unit: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> UnitResult:
        """Judge and commit a prepared unit in one transaction (see ``process``)."""
        ...

    def commit_together(
        self,
        units: Sequence[tuple[PreparedUnit, str]],
        *,
        source: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> list[UnitResult]:
        """``commit`` for several units (each with its name) in one transaction: fewer commits
        for many small files. More than one only where each ``may_share_transaction``."""
        ...

    def process(
        self,
        items: Iterable[Record | ReadProblem | Skipped],
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
