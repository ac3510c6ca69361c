"""Units prepared in worker processes, handed back in the order they were given.

Decompressing, filtering and normalizing are pure and take most of the time; judging and
committing stay in the calling process, one unit after the other in the given order, so that
the results are the same whatever the number of workers. With no workers, or where fork is not
available, everything runs in the calling process, as it always did.

A unit that fails to prepare in a worker comes back with its exception, to be handled in its
turn exactly as in one process (UnitDeferred: retried; anything else: a failed unit, counted
towards quarantine). A unit whose worker died (it, or another unit in the same pool, killed it)
is prepared once more in a process of its own; if that dies too, the unit killed it, and is a
failed unit (WorkerDied); the ones behind it go on. Small units (a trail's small files) go to a
worker several in one trip, each trip costing this process about as much as reading one; where
their worker dies, each is prepared again in a process of its own, as above.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from threading import Condition, Event, Lock
from typing import Generic, TypeVar

from tagwarden.adapters.sources.workers import (
    PreparePool,
    WorkItem,
    can_fork,
    local_records,
    unpack,
)
from tagwarden.core.ports.units import PreparedUnit, UnitDeferred

__all__ = [
    "PreparePool",
    "PreparedInOrder",
    "WorkerDied",
    "can_fork",
    "in_flight",
    "local_records",
    "prepared_in_order",
    "small_size",
]

IN_FLIGHT_PER_WORKER = 2  # prepared units waiting per worker: bounds memory, keeps workers busy
# However few the workers, this many units are fetched or prepared at once: a unit's object is
# fetched here, a round trip to S3, before its worker reads it, and one worker with two units in
# flight waited on the round trips (docs/performance.md, stop 46).
IN_FLIGHT_AT_LEAST = 4
# Small jobs handed to a worker in one trip: at most this many, of this many bytes in all.
TOGETHER_JOBS = 64
TOGETHER_BYTES = 256 * 1024
SMALL_BYTES = 64 * 1024  # a small job's bytes, gzipped: some 500 records of a trail
# The jobs of one trip are fetched this many at a time: fetched one after the other, ten small S3
# objects waited out ten round trips, and with 20 ms each the trips were slower than jobs alone.
TOGETHER_FETCHES = 8
ABANDON_CHECK_SECONDS = 0.2

Job = TypeVar("Job")
Ready = PreparedUnit | Exception


def small_size(size: int | None) -> int | None:
    """``size``, where it is known and small enough for a job to go to a worker with its
    neighbours; else None."""
    return size if size is not None and size <= SMALL_BYTES else None


class WorkerDied(RuntimeError):
    """The worker process preparing the unit died, then the process preparing it alone: the unit
    fails as a bug in it would."""


@dataclass(slots=True)
class _Pending(Generic[Job]):
    """A job handed over, or several small ones handed over together (one trip to a worker)."""

    jobs: list[Job]
    items: list[WorkItem] = field(default_factory=list)  # empty: prepared here, in their turn
    future: Future[object] | None = None
    error: Exception | None = None  # fetching or handing over failed
    handed: Future[None] | None = None  # done once the fields above are set


def _stopping() -> UnitDeferred:
    return UnitDeferred("stopping", "the daemon is stopping; the unit is read again after the restart")


def _wait(future: Future[object], abandon: Event | None) -> Ready | list[Ready]:
    """The future's outcome (a list for jobs handed over together); raises BrokenProcessPool if
    its worker died."""
    while True:
        try:
            outcome = future.result(timeout=ABANDON_CHECK_SECONDS if abandon is not None else None)
        except TimeoutError:
            if abandon is not None and abandon.is_set():
                future.cancel()
                return _stopping()
            continue
        except CancelledError:  # the pool was closed: the daemon is stopping, not the unit failing
            return _stopping()
        except BrokenProcessPool:
            raise
        except Exception as exc:  # the result could not be carried back
            return exc
        if isinstance(outcome, list):
            return [unpack(one) for one in outcome]
        return unpack(outcome)  # type: ignore[arg-type]


def _outcomes(pool: PreparePool, entry: _Pending[Job], abandon: Event | None) -> list[Ready]:
    """One outcome per job of ``entry``. Where the worker died (or jobs handed over together
    could not be carried back), each is prepared again in a process of its own, so that only a
    job that kills its worker again fails, as WorkerDied."""
    assert entry.future is not None
    try:
        got = _wait(entry.future, abandon)
        if isinstance(got, list):
            return got
        if len(entry.jobs) == 1 or isinstance(got, UnitDeferred):
            return [got] * len(entry.jobs)
    except BrokenProcessPool:
        pool.drop_broken()
    return [_alone(pool, item, abandon) for item in entry.items]


def _alone(pool: PreparePool, item: WorkItem, abandon: Event | None) -> Ready:
    try:
        with pool.alone() as submit:
            got = _wait(submit(item), abandon)  # type: ignore[arg-type]
            assert not isinstance(got, list)
            return got
    except BrokenProcessPool as exc:
        return WorkerDied(f"the worker process preparing the unit died, and again alone ({exc})")
    except Exception as exc:
        return exc


def _hand_over(
    pool: PreparePool, work: Callable[[Job], WorkItem | None], entry: _Pending[Job], fetch: ThreadPoolExecutor
) -> None:
    """In a fetching thread: what the worker will read (S3 bytes are fetched here, several at a
    time, while the caller commits), handed to the pool; jobs handed over together go to one
    worker in one trip, their items fetched at once by ``fetch``'s threads."""
    try:
        items = [work(entry.jobs[0])] if len(entry.jobs) == 1 else list(fetch.map(work, entry.jobs))
        if all(item is not None for item in items):
            entry.items = [item for item in items if item is not None]
            if len(entry.items) == 1:
                entry.future = pool.submit(entry.items[0])  # type: ignore[assignment]
            else:
                entry.future = pool.submit_together(entry.items)  # type: ignore[assignment]
    except Exception as exc:
        entry.error = exc


def _together_until(jobs: Sequence[Job], first: int, small: Callable[[Job], int | None] | None) -> int:
    """The end of the run of jobs from ``first`` that go to a worker in one trip: ``first`` and
    the small jobs after it, within TOGETHER_JOBS and TOGETHER_BYTES (``first`` alone if not small)."""
    end = first + 1
    size = small(jobs[first]) if small is not None else None
    while size is not None and end < len(jobs) and end - first < TOGETHER_JOBS:
        more = small(jobs[end])  # type: ignore[misc]
        if more is None or size + more > TOGETHER_BYTES:
            break
        end, size = end + 1, size + more
    return end


def in_flight(workers: int) -> int:
    """Units fetched or being prepared at once for ``workers`` worker processes."""
    return max(workers * IN_FLIGHT_PER_WORKER, IN_FLIGHT_AT_LEAST)


class _Feed(Generic[Job]):
    """Hands jobs to the fetching threads and the workers, ahead of the caller: at most
    ``in_flight`` entries being fetched or prepared at once (what bounds the bytes held for them),
    each fetched in a thread of its own, and ``ahead`` more entries prepared and waiting for the
    caller. It goes on from the pool's threads as each entry is prepared, so the workers keep busy
    while the caller is away committing what it took. Jobs may be added while it runs, from any
    thread."""

    def __init__(
        self,
        pool: PreparePool,
        work: Callable[[Job], WorkItem | None],
        small: Callable[[Job], int | None] | None,
        ahead: int,
    ) -> None:
        self._pending: deque[_Pending[Job]] = deque()
        self._pool, self._work, self._small = pool, work, small
        # Added and not yet handed to the fetching threads; a replay adds every file of a bucket
        # at once, so they are taken from the left in constant time, not by slicing a list.
        self._jobs: deque[Job] = deque()
        self._working_limit = in_flight(pool.workers)
        self._waiting_limit = self._working_limit + ahead
        self._working = 0  # entries handed over and not yet prepared
        self._closed = False
        self._changed = Condition()
        self._fetchers = ThreadPoolExecutor(self._working_limit, thread_name_prefix="fetch")
        self._fetch_together = ThreadPoolExecutor(TOGETHER_FETCHES, thread_name_prefix="fetch-together")

    def add(self, jobs: list[Job]) -> None:
        with self._changed:
            self._jobs.extend(jobs)
        self.fill()

    def fill(self) -> None:
        with self._changed:
            while (
                not self._closed
                and self._jobs
                and self._working < self._working_limit
                and len(self._pending) < self._waiting_limit
            ):
                end = _together_until(self._jobs, 0, self._small)
                entry = _Pending([self._jobs.popleft() for _ in range(end)])
                self._working += 1
                self._pending.append(entry)
                entry.handed = self._fetchers.submit(self._hand_over, entry)
            self._changed.notify_all()

    def _hand_over(self, entry: _Pending[Job]) -> None:
        _hand_over(self._pool, self._work, entry, self._fetch_together)
        if entry.future is None:
            self._prepared()
        else:
            entry.future.add_done_callback(lambda _: self._prepared())

    def _prepared(self) -> None:
        with self._changed:
            self._working -= 1
        self.fill()

    def next_entry(self) -> _Pending[Job] | None:
        """The next entry in the jobs' order (None once every job added was taken), its handing
        over done."""
        with self._changed:
            # An entry's preparation can end just before the callback that hands over the next.
            while not self._pending and self._jobs and not self._closed:
                self._changed.wait()
            entry = self._pending.popleft() if self._pending else None
        self.fill()
        if entry is not None:
            assert entry.handed is not None
            entry.handed.result()
        return entry

    def close(self) -> None:
        with self._changed:
            self._closed = True
        self._fetchers.shutdown(wait=True, cancel_futures=True)
        self._fetch_together.shutdown(wait=True, cancel_futures=True)
        for entry in self._pending:
            if entry.future is not None:
                entry.future.cancel()


class PreparedInOrder(Generic[Job]):
    """Jobs added at any time, from any thread, prepared ahead of the caller as ``prepared_in_order``
    describes, and taken back one at a time in the order they were added. What a source uses
    whose jobs arrive in batches (SQS receives): the next batch is prepared while the caller
    commits the last of the one before."""

    def __init__(
        self,
        pool: PreparePool | None,
        work: Callable[[Job], WorkItem | None],
        prepare_here: Callable[[Job], Ready],
        abandon: Event | None = None,
        *,
        small: Callable[[Job], int | None] | None = None,
        ahead: int = 0,
    ) -> None:
        self._pool, self._prepare_here, self._abandon = pool, prepare_here, abandon
        # Even a unit alone goes to a worker where there are workers: one that kills the process
        # reading it (a crash in an extension, the kernel's OOM killer) must not kill the daemon.
        self._feed = _Feed(pool, work, small, ahead) if pool is not None and pool.parallel else None
        self._lock = Lock()
        self._here: deque[Job] = deque()  # without workers: prepared here, when taken
        self._taken: deque[tuple[Job, Ready | None]] = deque()  # of an entry; None: prepare here

    def add(self, jobs: list[Job]) -> None:
        if self._feed is not None:
            self._feed.add(jobs)
        else:
            with self._lock:
                self._here += jobs

    def take(self) -> tuple[Job, Ready]:
        """The next job added, with its prepared unit (or the exception preparing it raised).
        LookupError if every job added was taken."""
        if not self._taken:
            self._taken += self._next_entry()
        job, ready = self._taken.popleft()
        return job, ready if ready is not None else self._prepare_here(job)

    def _next_entry(self) -> list[tuple[Job, Ready | None]]:
        if self._feed is None:
            with self._lock:
                if not self._here:
                    raise LookupError("every job added was taken")
                return [(self._here.popleft(), None)]
        entry = self._feed.next_entry()
        if entry is None:
            raise LookupError("every job added was taken")
        if entry.error is not None and len(entry.jobs) == 1:
            return [(entry.jobs[0], entry.error)]
        if entry.future is None:  # to be read here (or handing them over together failed)
            return [(job, None) for job in entry.jobs]
        assert self._pool is not None
        return list(zip(entry.jobs, _outcomes(self._pool, entry, self._abandon), strict=True))

    def close(self) -> None:
        if self._feed is not None:
            self._feed.close()

    def __enter__(self) -> PreparedInOrder[Job]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def prepared_in_order(
    pool: PreparePool | None,
    jobs: list[Job],
    work: Callable[[Job], WorkItem | None],
    prepare_here: Callable[[Job], Ready],
    abandon: Event | None = None,
    *,
    small: Callable[[Job], int | None] | None = None,
    ahead: int = 0,
) -> Generator[tuple[Job, Ready], None, None]:
    """Each job with its prepared unit (or the exception preparing it raised), in the order of
    ``jobs``. ``work`` gives what a worker reads for a job (a local file, bytes fetched here), or
    None for a job ``prepare_here`` prepares in this process when its turn comes; it is called in
    as many threads as there are units in flight. Up to ``in_flight(workers)`` units are fetched
    and prepared ahead of the caller, and ``ahead`` more prepared units may wait for it (a caller
    that gathers units for one transaction holds that many before it commits them, and the
    workers go on meanwhile). Once ``abandon`` is set, the unit waited for comes back as
    UnitDeferred. ``small`` gives the size in bytes of a job a worker may take with its
    neighbours in one trip (None: alone): consecutive such jobs go together, up to TOGETHER_BYTES,
    since each trip costs this process about as much as reading a small file."""
    with PreparedInOrder(pool, work, prepare_here, abandon, small=small, ahead=ahead) as stream:
        stream.add(jobs)
        for _ in jobs:
            yield stream.take()
