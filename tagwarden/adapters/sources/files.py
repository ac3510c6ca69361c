"""The files source: local files and directories, and s3://bucket/prefix, in CloudTrail's time order.

The daemon polls it and skips what it has already committed; ``tagwarden replay`` runs it once
over everything it names.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.aws.error_codes import AWS_ERRORS
from tagwarden.adapters.sources.failures import UnitFailures
from tagwarden.adapters.sources.files_reach import Listed, S3Reach
from tagwarden.adapters.sources.log_names import is_log_key
from tagwarden.adapters.sources.parallel import PreparePool, local_records, prepared_in_order, small_size
from tagwarden.adapters.sources.s3_objects import (
    Window,
    fetch_object,
    list_log_objects,
    log_file_time,
    parse_s3_url,
    read_object,
    time_order_key,
)
from tagwarden.adapters.sources.source import (
    BATCH_RECORDS,
    Gathered,
    PollResult,
    SourceBase,
    SourceContext,
    failure_detail,
    until_stopped,
)
from tagwarden.adapters.sources.workers import Fetched, WorkItem
from tagwarden.core.ports.units import PreparedUnit, UnitDeferred, UnitResult
from tagwarden.core.records import ReadProblem
from tagwarden.core.records.triage import Skipped
from tagwarden.core.settings.settings import FilesSourceSettings

# Listing the files: a local folder unreadable, an S3 listing failed, a bad name or URL.
_LIST_ERRORS: tuple[type[Exception], ...] = (OSError, *AWS_ERRORS, ValueError)

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

Progress = Callable[[int, int, PollResult], None]


@dataclass(frozen=True, slots=True)
class LogObject:
    """One file to read: ``id`` changes when a local file changes, so edits are read again."""

    id: str
    name: str  # what the time order is taken from
    path: Path | None = None
    bucket: str | None = None
    key: str | None = None
    size: int | None = None  # bytes, as listed
    entry: str = ""  # the source's path it was listed under


@dataclass(frozen=True, slots=True)
class _Turn:
    """A file in its turn to be committed: its place among the poll's files, and what reading it
    gave (or the exception reading it raised)."""

    done: int
    obj: LogObject
    ready: PreparedUnit | Exception


def _small_file(obj: LogObject) -> int | None:
    """The size of a file small enough to go to a worker with its neighbours (a few hundred
    records), else None (its size unknown, or larger)."""
    return small_size(obj.size)


def is_log_file(path: Path) -> bool:
    """Whether a file in a trail's folder tree is a log file of API calls."""
    return is_log_key(path.as_posix())


def local_path(entry: str, base: Path) -> Path:
    """A files source's local path: ``~`` expanded, relative to ``base`` (the config's folder)."""
    path = Path(entry).expanduser()
    return path if path.is_absolute() else base / path


def _local_objects(root: Path) -> Iterator[LogObject]:
    files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
    for path in files:
        if not is_log_file(path):
            continue
        stat = path.stat()
        resolved = path.resolve()
        name, size = path.name, stat.st_size
        yield LogObject(id=f"{resolved}@{size}:{stat.st_mtime_ns}", name=name, path=resolved, size=size)


class FilesSource(SourceBase[FilesSourceSettings]):
    def __init__(
        self,
        name: str,
        settings: FilesSourceSettings,
        context: SourceContext,
        *,
        base_dir: Path,
        s3: Callable[[], S3Client] | None = None,
        window: Window | None = None,
        skip_processed: bool = True,
        workers: int = 0,
        batch_records: int = BATCH_RECORDS,
    ) -> None:
        """Files are read and normalized by the context's worker processes, or, without them and
        with ``workers`` > 0, by that many started for each poll (see parallel.py); judging and
        committing stay here, in CloudTrail's time order, in transactions of whole files up to
        ``batch_records`` records or BATCH_UNITS files (a larger file alone)."""
        super().__init__(name, settings, context)
        self._base = base_dir
        self._s3_factory = s3
        self._s3: S3Client | None = None
        self._window = window or Window()
        self._skip_processed = skip_processed
        self._failed: set[str] = set()  # quarantined: not read again until they change
        self._failures = UnitFailures(name, context, settings.quarantine_after, self._log)
        self._workers = workers
        self._batch_records = batch_records
        # The daemon's listing of S3 paths narrows to recent days once they were read whole.
        self._reach: S3Reach | None = None
        if skip_processed and settings.late_file_hours is not None:
            store = context.processor.store
            self._reach = S3Reach(name, settings.paths, settings.late_file_hours, store, context.wall_clock)
        self._unresolved: list[LogObject] = []  # failed in this poll, to be tried again

    def _client(self) -> S3Client:
        if self._s3 is None:
            if self._s3_factory is None:
                raise RuntimeError("an s3:// path needs AWS access, which this source was not given")
            self._s3 = self._s3_factory()
        return self._s3

    def _resolve(self, entry: str) -> Path:
        return local_path(entry, self._base)

    def discover(self) -> list[LogObject]:
        found: list[LogObject] = []
        for entry in self.settings.paths:
            if entry.startswith("s3://"):
                bucket, prefix = parse_s3_url(entry)
                window = self._window if self._reach is None else self._reach.window(entry, self._window)
                listed = list_log_objects(
                    self._client(), bucket, prefix, window, self.settings.list_concurrency
                )
                for key, size in listed:
                    found.append(
                        LogObject(f"s3://{bucket}/{key}", key, bucket=bucket, key=key, size=size, entry=entry)
                    )
                continue
            path = self._resolve(entry)
            if not path.exists():
                raise FileNotFoundError(f"{entry}: no such file or directory")
            found.extend(obj for obj in _local_objects(path) if self._window.holds(log_file_time(obj.name)))
        found.sort(key=lambda obj: time_order_key(obj.name))
        return found

    def check(self) -> None:
        for entry in self.settings.paths:
            if entry.startswith("s3://"):
                bucket, _ = parse_s3_url(entry)
                self._client().head_bucket(Bucket=bucket)
            elif not self._resolve(entry).exists():
                raise FileNotFoundError(f"{entry}: no such file or directory")

    def _records(self, obj: LogObject) -> Iterator[dict[str, Any] | ReadProblem | Skipped]:
        keep = self._context.processor.record_filter
        if obj.path is not None:
            yield from local_records(obj.path, keep)
        else:
            assert obj.bucket is not None and obj.key is not None
            yield from read_object(self._client(), obj.bucket, obj.key, keep)

    def _work_item(self, obj: LogObject) -> WorkItem | None:
        """What a worker reads for ``obj``: the local file, or the S3 object's bytes fetched here
        (None for an object too large to hold: it is streamed here, in its turn)."""
        if obj.path is not None:
            return obj.path
        assert obj.bucket is not None and obj.key is not None
        fetched = fetch_object(self._client(), obj.bucket, obj.key)
        if fetched is None:
            return None
        part = fetched if not isinstance(fetched, bytes) else (f"s3://{obj.bucket}/{obj.key}", fetched)
        return Fetched((part,))

    def _prepare(self, obj: LogObject) -> PreparedUnit | Exception:
        """Read and normalize one file here; what fails is handed on, to be handled in file order."""
        try:
            return self._context.processor.prepare(until_stopped(self._records(obj), self._context.abandon))
        except Exception as exc:
            return exc

    def poll(self, stop: threading.Event, progress: Progress | None = None) -> PollResult:
        total = PollResult()
        self._unresolved = []
        try:
            if self._reach is not None:
                self._reach.load()
            objects = self.discover()
        except _LIST_ERRORS as exc:
            self._report(total, "list_failed", str(exc), "source_list_failed", error=str(exc))
            return total
        store = self._context.processor.store
        todo = [o for o in objects if o.id not in self._failed]
        if self._skip_processed:
            done = store.objects_processed(self.name, [o.id for o in todo])
            todo = [o for o in todo if o.id not in done]
        if stop.is_set():
            return total
        pool = self._context.pool
        if pool is None and self._workers > 0:
            pool = PreparePool(self._context.processor, self._workers)  # for this poll only
        try:
            went_through = self._commit_in_order(total, todo, pool, stop, progress)
        finally:
            if pool is not None and pool is not self._context.pool:
                pool.close()
        if went_through and self._reach is not None:
            self._move_reach(objects)
        return total

    def _move_reach(self, objects: list[LogObject]) -> None:
        """Every file listed was read, set aside or failed: the S3 paths' cursors move on, and
        the marks no listing reaches any more are forgotten."""
        assert self._reach is not None
        s3 = [Listed(obj.entry, obj.name) for obj in objects if obj.bucket is not None]
        try:
            self._reach.advance(s3, [Listed(obj.entry, obj.name) for obj in self._unresolved])
            forgotten = self._reach.forget()
        except Exception as exc:  # the poll's units are committed: the next poll lists further back
            self._log.warning("files_reach_not_moved", error=failure_detail(exc))
            return
        if forgotten:
            self._context.metrics.store_forgotten_rows.labels("processed_objects").inc(forgotten)
            self._log.info("files_marks_forgotten", rows=forgotten)

    def _commit_in_order(
        self,
        total: PollResult,
        todo: list[LogObject],
        pool: PreparePool | None,
        stop: threading.Event,
        progress: Progress | None,
    ) -> bool:
        """Whether it went through every file of ``todo`` (no stop, nothing deferred)."""
        if any(obj.bucket is not None for obj in todo):
            self._client()  # made once here: S3 objects are fetched from several threads
        gathered: Gathered[_Turn] = Gathered(self._batch_records)  # files for one transaction
        # The workers go on reading while the files gathered for a transaction are committed.
        prepared = prepared_in_order(
            pool,
            todo,
            self._work_item,
            self._prepare,
            self._context.abandon,
            small=_small_file,
            ahead=gathered.unit_limit,
        )
        done_one = (lambda done: progress(done, len(todo), total)) if progress is not None else None
        cut_short = False
        try:
            for done, (obj, ready) in enumerate(prepared, start=1):
                if done > 1 and stop.is_set():  # after a skipped file: this one is read again later
                    cut_short = True
                    break
                if self._skip_processed and self._failures.is_quarantined(obj.id):
                    self._failed.add(obj.id)
                    continue
                if isinstance(ready, PreparedUnit) and ready.may_share_transaction():
                    if not gathered.add(_Turn(done, obj, ready), ready.result.records):
                        continue
                    go_on = self._commit(total, gathered.take(), done_one)
                else:
                    go_on = self._commit(total, gathered.take(), done_one) and self._commit(
                        total, [_Turn(done, obj, ready)], done_one
                    )
                if not go_on or stop.is_set():  # the files in hand are committed; nothing new is started
                    cut_short = True
                    break
            return self._commit(total, gathered.take(), done_one) and not cut_short
        finally:
            prepared.close()

    def _commit(self, total: PollResult, turns: list[_Turn], done_one: Callable[[int], None] | None) -> bool:
        """Judges and commits ``turns`` in one transaction; False where the poll must stop here."""
        if not turns:
            return True
        try:
            units = []
            for turn in turns:
                if isinstance(turn.ready, Exception):  # reading it failed: only ever a file alone
                    raise turn.ready
                if turn.obj.bucket is not None:
                    turn.ready.read_from = (turn.obj.id,)
                units.append((turn.ready, turn.obj.id))
            # A one-off replay reads each file once: no mark to look up, nor to keep for ever.
            results = self._context.processor.commit_together(
                units, source=self.name, mark_object=self._skip_processed
            )
        except UnitDeferred as exc:
            # Not the files' fault: stop here (files are read in time order) and retry later.
            self._defer(total, turns[0].obj, exc)
            return False
        except Exception as exc:  # a file tagwarden fails on must not block the files behind it
            detail = failure_detail(exc)
            if len(turns) > 1:
                self._log.info("files_tried_alone", files=len(turns), error=detail)
                # Each again, alone and read afresh (judging adds to what reading counted), so
                # that only the file at fault is counted as failed.
                alone = ([_Turn(turn.done, turn.obj, self._prepare(turn.obj))] for turn in turns)
                return all(self._commit(total, turn, done_one) for turn in alone)
            obj = turns[0].obj
            self._log.error("file_failed", unit=obj.id, error=detail, exc_info=True)
            self._count_failure(total, obj, "unit_failed", detail)
            return True
        for turn, unit in zip(turns, results, strict=True):
            self._context.faults.clear(f"source:{self.name}")
            self._add(total, turn.obj, unit)
            if unit.ok:
                self._progressed()
            if done_one is not None:
                done_one(turn.done)
        return True

    def _add(self, total: PollResult, obj: LogObject, unit: UnitResult) -> None:
        total.units += 1
        total.records += unit.records
        total.findings += len(unit.new_findings)
        if unit.fatal is not None:
            total.units -= 1
            self._count_failure(total, obj, unit.fatal.reason, unit.fatal.detail)

    def _count_failure(self, total: PollResult, obj: LogObject, reason: str, detail: str) -> None:
        total.units += 1
        total.failed_units += 1
        total.errors.append(f"{obj.id}: {detail}")
        self._context.metrics.source_errors.labels(self.name, reason).inc()
        if not self._skip_processed or self._failures.failed(obj.id, reason, detail):
            self._failed.add(obj.id)  # a one-off replay reads each file once
        else:
            self._unresolved.append(obj)

    def _defer(self, total: PollResult, obj: LogObject, exc: UnitDeferred) -> None:
        total.units += 1
        total.failed_units += 1
        total.errors.append(f"{obj.id}: {exc}")
        self._context.metrics.units_deferred.labels(self.name, exc.reason).inc()
        self._context.faults.report(f"source:{self.name}", str(exc))
        self._log.warning("file_deferred", unit=obj.id, reason=exc.reason, detail=exc.detail)
