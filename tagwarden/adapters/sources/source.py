"""What every source offers the daemon."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Generic, Protocol, TypeVar

from tagwarden.core.faults import FaultBoard
from tagwarden.core.ports.units import UnitDeferred
from tagwarden.core.stopping import Stopped, until_stopping

T = TypeVar("T")

if TYPE_CHECKING:
    from tagwarden.adapters.metrics import Metrics
    from tagwarden.adapters.sources.workers import PreparePool
    from tagwarden.core.ports.units import UnitProcessor, UnitResult

SettingsT = TypeVar("SettingsT")

# Consecutive units are judged and committed together, in their order, up to this many records
# or units a transaction: a commit writes every page it changed, and the pages of a dozen
# indexes keyed by random ids are shared by the units of one transaction. A transaction of a few
# records changes about twice as many pages per record as one of a thousand; replaying a million
# records wrote 5.1 million blocks in transactions of a thousand, 1.6 million in transactions of
# 30,000 (docs/performance.md, stops 35 and 36).
BATCH_RECORDS = 30_000
BATCH_UNITS = 32


class Gathered(Generic[T]):
    """Consecutive units that may share a transaction, gathered until they hold ``limit``
    records or ``units`` units (a unit of ``limit`` records or more is taken alone)."""

    def __init__(self, limit: int, units: int = BATCH_UNITS) -> None:
        self._limit = limit
        self.unit_limit = units  # what a caller holds at most before it commits them
        self._units: list[T] = []
        self._records = 0

    def add(self, unit: T, records: int) -> bool:
        """Gathers ``unit``; True once the gathered units hold a limit: ``take`` them then."""
        self._units.append(unit)
        self._records += records
        return self._records >= self._limit or len(self._units) >= self.unit_limit

    def take(self) -> list[T]:
        """The gathered units, in order, none left behind."""
        units, self._units, self._records = self._units, [], 0
        return units


def failure_detail(exc: BaseException) -> str:
    """What a unit that tagwarden failed on is recorded and logged with."""
    return f"{type(exc).__name__}: {str(exc)[:500]}"


@dataclass(frozen=True, slots=True)
class SourceContext:
    """What every source shares: where records go, what it counts, where it logs."""

    processor: UnitProcessor
    metrics: Metrics
    log: Any
    clock: Callable[[], float] = time.monotonic  # for durations and deadlines
    wall_clock: Callable[[], float] = time.time  # for event times and checkpoints
    faults: FaultBoard = field(default_factory=FaultBoard)  # what is failing now, for /readyz
    # Set when the daemon's shutdown grace period is over: units in hand are dropped between
    # two records rather than finished.
    abandon: threading.Event = field(default_factory=threading.Event)
    # Worker processes that read and normalize units for the files and SQS sources; None: in this one.
    pool: PreparePool | None = None


@dataclass(slots=True)
class PollResult:
    units: int = 0  # messages, files or pages processed
    records: int = 0
    findings: int = 0
    failed_units: int = 0  # left for redrive or to retry
    errors: list[str] = field(default_factory=list)

    def count(self, unit: UnitResult) -> None:
        """What one processed unit (message, file, slice) read and found."""
        self.records += unit.records
        self.findings += len(unit.new_findings)

    def add(self, other: PollResult) -> None:
        self.units += other.units
        self.records += other.records
        self.findings += other.findings
        self.failed_units += other.failed_units
        self.errors.extend(other.errors)


class SourceBase(Generic[SettingsT]):
    """What the sources share: a name, settings, the context, a log bound to the name, and one way
    to report a failure."""

    def __init__(self, name: str, settings: SettingsT, context: SourceContext) -> None:
        self.name = name
        self.settings = settings
        self._context = context
        self._log = context.log.bind(source=name)

    def close(self) -> None:
        """Stop what the source started (the worker processes it shares with the others)."""
        if self._context.pool is not None:
            self._context.pool.close()

    def _progressed(self) -> None:
        """A unit committed by a poll still running: the source is alive. A long poll (a first
        LookupEvents poll over 90 days, a bucket holding months of log files) then keeps
        tagwarden_source_last_success_timestamp_seconds fresh, as the SQS source does with each
        answered receive, and is not taken for a stall (TagwardenIngestStalled)."""
        self._context.metrics.last_success.labels(self.name).set(time.time())

    def _report(self, result: PollResult, reason: str, error: str, event: str = "", /, **fields: Any) -> None:
        """Keep ``error`` in ``result``, count it under ``reason`` and, given an ``event``, log it."""
        result.errors.append(error)
        self._context.metrics.source_errors.labels(self.name, reason).inc()
        if event:
            self._log.warning(event, **fields)


class Source(Protocol):
    name: str

    def poll(self, stop: threading.Event) -> PollResult:
        """Read what is available now (bounded in time), judge and commit it. Work already in
        hand is finished even when ``stop`` is set; nothing new is started after it is."""
        ...

    def check(self) -> None:
        """Raise if the source cannot be reached (for /readyz)."""
        ...

    def close(self) -> None:
        """Stop what the source started; called once polling is over."""
        ...


def until_stopped(items: Iterable[T], abandon: threading.Event) -> Iterator[T]:
    """``items``, abandoned between two of them once ``abandon`` is set: the unit is not
    committed and is read again after the restart, so a long file never holds up a shutdown."""
    try:
        yield from until_stopping(items, abandon.is_set)
    except Stopped:
        raise UnitDeferred(
            "stopping", "the daemon is stopping; the unit is read again after the restart"
        ) from None
