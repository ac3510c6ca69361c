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

from botocore.exceptions import BotoCoreError, ClientError

from tagwarden.adapters.sources.parallel import local_records, prepared_in_order
from tagwarden.adapters.sources.s3_objects import (
    Window,
    list_log_keys,
    parse_s3_url,
    read_object,
    time_order_key,
)
from tagwarden.adapters.sources.source import PollResult, SourceBase, SourceContext
from tagwarden.core.ports.units import PreparedUnit
from tagwarden.core.records import ReadProblem
from tagwarden.core.records.triage import Skipped
from tagwarden.core.settings.settings import FilesSourceSettings

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client

LOG_SUFFIXES = (".json", ".json.gz", ".jsonl", ".gz", ".ndjson")

Progress = Callable[[int, int, PollResult], None]


@dataclass(frozen=True, slots=True)
class LogObject:
    """One file to read: ``id`` changes when a local file changes, so edits are read again."""

    id: str
    name: str  # what the time order is taken from
    path: Path | None = None
    bucket: str | None = None
    key: str | None = None


# A trail's folder tree also holds digest files (the log files' hashes) and Insights events:
# neither is a log of API calls.
NOT_LOG_FOLDERS = ("CloudTrail-Digest", "CloudTrail-Insight")


def is_log_file(path: Path) -> bool:
    """Whether a file in a trail's folder tree is a log file of API calls."""
    return path.name.endswith(LOG_SUFFIXES) and not any(part in NOT_LOG_FOLDERS for part in path.parts)


def _local_objects(root: Path) -> Iterator[LogObject]:
    files = [root] if root.is_file() else (p for p in root.rglob("*") if p.is_file())
    for path in files:
        if not is_log_file(path):
            continue
        stat = path.stat()
        resolved = path.resolve()
        yield LogObject(id=f"{resolved}@{stat.st_size}:{stat.st_mtime_ns}", name=path.name, path=resolved)


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
        workers: int = 1,
    ) -> None:
        """``workers`` > 1: local files are read and normalized by that many worker processes
        (see parallel.py); judging and committing stay here, in CloudTrail's time order."""
        super().__init__(name, settings, context)
        self._base = base_dir
        self._s3_factory = s3
        self._s3: S3Client | None = None
        self._window = window or Window()
        self._skip_processed = skip_processed
        self._failed: set[str] = set()  # unreadable as they stand: not retried until they change
        self._workers = workers

    def _client(self) -> S3Client:
        if self._s3 is None:
            if self._s3_factory is None:
                raise RuntimeError("an s3:// path needs AWS access, which this source was not given")
            self._s3 = self._s3_factory()
        return self._s3

    def _resolve(self, entry: str) -> Path:
        path = Path(entry).expanduser()
        return path if path.is_absolute() else self._base / path

    def discover(self) -> list[LogObject]:
        found: list[LogObject] = []
        for entry in self.settings.paths:
            if entry.startswith("s3://"):
                bucket, prefix = parse_s3_url(entry)
                for key in list_log_keys(self._client(), bucket, prefix, self._window):
                    found.append(LogObject(id=f"s3://{bucket}/{key}", name=key, bucket=bucket, key=key))
                continue
            path = self._resolve(entry)
            if not path.exists():
                raise FileNotFoundError(f"{entry}: no such file or directory")
            found.extend(_local_objects(path))
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

    def _prepare(self, obj: LogObject) -> PreparedUnit:
        return self._context.processor.prepare(self._records(obj))

    def poll(self, stop: threading.Event, progress: Progress | None = None) -> PollResult:
        total = PollResult()
        try:
            objects = self.discover()
        except (OSError, ClientError, BotoCoreError, ValueError) as exc:
            self._report(total, "list_failed", str(exc), "source_list_failed", error=str(exc))
            return total
        store = self._context.processor.store
        todo = [o for o in objects if o.id not in self._failed]
        if self._skip_processed:
            todo = [o for o in todo if not store.object_processed(self.name, o.id)]
        processor = self._context.processor
        prepared = prepared_in_order(processor, todo, self._workers, lambda o: o.path, self._prepare)
        for done, (obj, ready) in enumerate(prepared, start=1):
            if stop.is_set():
                prepared.close()
                break
            unit = processor.commit(ready, source=self.name, unit=obj.id, mark_object=True)
            total.units += 1
            total.count(unit)
            if unit.fatal is not None:
                total.failed_units += 1
                self._failed.add(obj.id)
                self._report(total, unit.fatal.reason, f"{obj.id}: {unit.fatal.detail}")
            if progress is not None:
                progress(done, len(todo), total)
        return total
