"""Worker processes that read and normalize units (log files, the objects a queue message names)
for one processor, so that judging and committing, in one process, are what is left to do there.

The workers are forked: they start with the processor as it is (nothing to import or pickle) and
only ever call its ``prepare``, which is pure. They ignore SIGTERM and SIGINT (the daemon decides
when they stop: a signal to the whole process group must not break the units in hand) and leave
on their own when the daemon that forked them is gone (SIGKILL, OOM), so none is ever orphaned.
A pool whose worker died is started again on the next submission.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.connection import wait as wait_for_sentinels
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tagwarden.adapters.sources.messages import Inline, S3Object
from tagwarden.adapters.sources.s3_objects import WHOLE_READ_BYTES, fetch_object
from tagwarden.core.ports.units import PreparedUnit, UnitDeferred, UnitProcessor
from tagwarden.core.records import ReadProblem, iter_records, iter_records_from_value
from tagwarden.core.records.triage import RecordFilter, Skipped, read_log

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

PARENT_CHECK_SECONDS = 1.0  # how soon a worker notices that the daemon is gone
STOP_WAIT_SECONDS = 3.0  # on close, how long workers get to finish the unit in hand

Item = dict[str, Any] | ReadProblem | Skipped
T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True, slots=True)
class Fetched:
    """A unit's bytes, fetched by the calling process (S3 stays there), for a worker to read:
    each part is an object's (name, bytes), a problem met fetching it, or records carried inline."""

    parts: tuple[tuple[str, bytes] | ReadProblem | Inline, ...]


WorkItem = Path | Fetched  # a local file, read by the worker itself, or bytes fetched here


def fetch_content(s3: S3Client, content: list[S3Object | Inline]) -> Fetched | None:
    """What a worker reads for a message: the objects it names, fetched here, and the records it
    carries. None (to be read in the calling process, in its turn) where an object is too large
    to hold, or larger than its notification said: small objects go to a worker several at a
    time on the strength of those sizes, and a message that understates one must not make the
    bytes held for a trip larger than they were for a message alone."""
    parts: list[tuple[str, bytes] | ReadProblem | Inline] = []
    for item in content:
        if isinstance(item, Inline):
            parts.append(item)
            continue
        most = item.size if item.size is not None else WHOLE_READ_BYTES
        body = fetch_object(s3, item.bucket, item.key, most)
        if body is None:
            return None
        parts.append((f"s3://{item.bucket}/{item.key}", body) if isinstance(body, bytes) else body)
    return Fetched(tuple(parts))


@dataclass(frozen=True, slots=True)
class _Deferral:
    """UnitDeferred, carried back from a worker (its constructor does not survive pickling)."""

    reason: str
    detail: str


def local_records(path: Path, keep: RecordFilter) -> Iterator[Item]:
    try:
        with path.open("rb") as stream:
            if path.stat().st_size <= WHOLE_READ_BYTES:
                yield from read_log(stream.read(), keep)
            else:
                yield from iter_records(stream)
    except OSError as exc:
        yield ReadProblem("file_read_failed", f"{path}: {exc.strerror or exc}", True)


def fetched_records(fetched: Fetched, keep: RecordFilter) -> Iterator[Item]:
    """What ``read_object`` and inline messages give, from bytes fetched elsewhere."""
    for part in fetched.parts:
        if isinstance(part, ReadProblem):
            yield part
        elif isinstance(part, Inline):
            yield from iter_records_from_value(part.value)
        else:
            name, data = part
            try:
                yield from read_log(data, keep)
            except OSError as exc:
                yield ReadProblem("s3_read_failed", f"{name}: {exc}", True, True)


def records_of(item: WorkItem, keep: RecordFilter) -> Iterator[Item]:
    return local_records(item, keep) if isinstance(item, Path) else fetched_records(item, keep)


_processor: UnitProcessor | None = None  # the forked worker's copy


def _exit_with_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(0)


def _start_worker(processor: UnitProcessor, parent: int) -> None:
    global _processor  # noqa: PLW0603 - one per worker process
    _processor = processor
    # What the daemon built is shared with it until written: keep the collector from walking
    # (and so copying) it.
    gc.freeze()
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_with_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _sendable(exc: Exception) -> Exception:
    """``exc`` if it survives the trip back to the daemon, else a RuntimeError that tells it."""
    try:
        pickle.loads(pickle.dumps(exc))
        return exc
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")


def prepare_in_worker(item: WorkItem) -> PreparedUnit | _Deferral | Exception:
    assert _processor is not None, "worker started without a processor"
    try:
        return _processor.prepare(records_of(item, _processor.record_filter))
    except UnitDeferred as exc:
        return _Deferral(exc.reason, exc.detail)
    except Exception as exc:  # handed back, to be handled in the unit's turn as in one process
        return _sendable(exc)


def prepare_together_in_worker(items: list[WorkItem]) -> list[PreparedUnit | _Deferral | Exception]:
    """``prepare_in_worker`` for several small units, in one trip to the worker and back."""
    return [prepare_in_worker(item) for item in items]


def unpack(outcome: PreparedUnit | _Deferral | Exception) -> PreparedUnit | Exception:
    if isinstance(outcome, _Deferral):
        return UnitDeferred(outcome.reason, outcome.detail)
    return outcome


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class PreparePool:
    """``workers`` processes preparing units for ``processor``, started on first use (and again
    after a worker died), stopped by ``close``. Shared by the sources of one daemon."""

    def __init__(self, processor: UnitProcessor, workers: int) -> None:
        self.workers = workers
        self._processor = processor
        self._lock = threading.Lock()
        self._executor: ProcessPoolExecutor | None = None
        self._closed = False

    @property
    def parallel(self) -> bool:
        """False where everything is done in the calling process (no workers, or no fork)."""
        return self.workers > 0 and can_fork()

    def _start(self, workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            workers,
            mp_context=multiprocessing.get_context("fork"),
            initializer=_start_worker,
            initargs=(self._processor, os.getpid()),
        )

    def _refuse_if_closed(self) -> None:
        if self._closed:
            raise UnitDeferred("stopping", "the daemon is stopping; the unit is read again after the restart")

    def submit(self, item: WorkItem) -> Future[PreparedUnit | _Deferral | Exception]:
        """Prepare ``item`` in a worker; raises UnitDeferred once the pool is closed."""
        return self._submit(prepare_in_worker, item)

    def submit_together(self, items: list[WorkItem]) -> Future[list[PreparedUnit | _Deferral | Exception]]:
        """``submit`` for several small items, prepared by one worker in one trip."""
        return self._submit(prepare_together_in_worker, items)

    def _submit(self, prepare: Callable[[T], R], arg: T) -> Future[R]:
        with self._lock:
            self._refuse_if_closed()
            self._drop_if_broken()
            if self._executor is None:
                self._executor = self._start(self.workers)
            try:
                return self._executor.submit(prepare, arg)
            except BrokenProcessPool:  # a worker died: the others went with it; start afresh
                self._drop_if_broken()
                self._executor = self._start(self.workers)
                return self._executor.submit(prepare, arg)

    def drop_broken(self) -> None:
        """Once a unit's worker died: the pool's other workers are stopped now, not at the next
        submit (there may be none this poll)."""
        with self._lock:
            self._drop_if_broken()

    @contextmanager
    def alone(self) -> Iterator[Callable[[WorkItem], Future[PreparedUnit | _Deferral | Exception]]]:
        """A process of its own, for one unit whose worker died: a unit retried in the shared pool
        could die there with another unit that kills its worker, and be blamed for it. Stopped
        when the block ends."""
        with self._lock:
            self._refuse_if_closed()
            executor = self._start(1)

        def submit(item: WorkItem) -> Future[PreparedUnit | _Deferral | Exception]:
            # It forks under the pool's lock, as submit does: a child forked by another thread
            # meanwhile would inherit the end of this one's pipe that tells its death, hold it
            # open, and the death would go unseen for as long as that child lives.
            with self._lock:
                return executor.submit(prepare_in_worker, item)

        try:
            yield submit
        finally:
            _stop(executor)

    def _drop_if_broken(self) -> None:
        """A broken pool's other workers are asked to stop with SIGTERM, which they ignore: left,
        each would finish its unit and wait for ever to hand back a result no one reads (and the
        pool's thread, which the interpreter waits for at exit, with it). They are killed."""
        executor = self._executor
        if executor is None or not getattr(executor, "_broken", False):
            return
        self._executor = None
        for process in list((getattr(executor, "_processes", None) or {}).values()):
            process.kill()
        executor.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        """Stop the workers: queued units are dropped, the ones in hand get STOP_WAIT_SECONDS."""
        with self._lock:
            self._closed = True
            executor, self._executor = self._executor, None
        if executor is not None:
            _stop(executor)


def _stop(executor: ProcessPoolExecutor) -> None:
    running = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False, cancel_futures=True)
    deadline = time.monotonic() + STOP_WAIT_SECONDS
    while running and time.monotonic() < deadline:
        wait_for_sentinels([p.sentinel for p in running], timeout=deadline - time.monotonic())
        running = [p for p in running if p.exitcode is None]
    for process in running:
        process.kill()  # SIGTERM is ignored by the workers
