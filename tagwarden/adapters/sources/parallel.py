"""Reading and normalizing log files in worker processes, handed back in the order they were given.

Decompressing, filtering and normalizing are pure and take most of the time; judging and
committing stay in the calling process, one unit after the other in the given order, so that
the results are the same whatever the number of workers. Workers are forked, so they start with
the processor's normalizer as it is (nothing to import or pickle); where fork is not available,
or with one worker, everything runs in the calling process.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Generator, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from tagwarden.adapters.sources.s3_objects import WHOLE_READ_BYTES
from tagwarden.core.ports.units import PreparedUnit, UnitProcessor
from tagwarden.core.records import ReadProblem, iter_records
from tagwarden.core.records.triage import RecordFilter, Skipped, read_log

IN_FLIGHT_PER_WORKER = 2  # prepared units waiting per worker: bounds memory, keeps workers busy

Job = TypeVar("Job")
_processor: UnitProcessor | None = None  # the forked workers' copy


def local_records(path: Path, keep: RecordFilter) -> Iterator[dict[str, Any] | ReadProblem | Skipped]:
    try:
        with path.open("rb") as stream:
            if path.stat().st_size <= WHOLE_READ_BYTES:
                yield from read_log(stream.read(), keep)
            else:
                yield from iter_records(stream)
    except OSError as exc:
        yield ReadProblem("file_read_failed", f"{path}: {exc.strerror or exc}", True)


def _prepare_path(path: str) -> PreparedUnit:
    assert _processor is not None, "worker started without a processor"
    return _processor.prepare(local_records(Path(path), _processor.record_filter))


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def prepared_in_order(
    processor: UnitProcessor,
    jobs: list[Job],
    workers: int,
    local_path: Callable[[Job], Path | None],
    prepare_here: Callable[[Job], PreparedUnit | Exception],
) -> Generator[tuple[Job, PreparedUnit | Exception], None, None]:
    """Each job with its prepared unit, in the order of ``jobs``. Jobs with a local path are
    prepared by ``workers`` processes ahead of the caller; the others (S3 objects) by
    ``prepare_here`` in this process, when their turn comes. A job whose preparation failed comes
    with the exception, for the caller to handle in its turn."""
    if workers <= 1 or not can_fork():
        for job in jobs:
            yield job, prepare_here(job)
        return
    global _processor  # noqa: PLW0603 - read by the forked workers
    _processor = processor
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    pending: deque[tuple[Job, Future[PreparedUnit] | None]] = deque()
    remaining = iter(jobs)

    def submit_next() -> None:
        job = next(remaining, None)
        if job is not None:
            path = local_path(job)
            pending.append((job, pool.submit(_prepare_path, str(path)) if path is not None else None))

    try:
        for _ in range(workers * IN_FLIGHT_PER_WORKER):
            submit_next()
        while pending:
            job, future = pending.popleft()
            submit_next()
            if future is None:
                yield job, prepare_here(job)
                continue
            try:
                ready: PreparedUnit | Exception = future.result()
            except Exception as exc:
                ready = exc
            yield job, ready
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        _processor = None
