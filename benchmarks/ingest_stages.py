"""The stages of a replay that come before judging, timed alone on the same files.

A single-worker replay reads every file (inflate, decide which records matter, decode those),
normalizes what it kept, then judges and commits it. The first two stages need no store and are
what a worker process does; timing them alone, in this process, with the processor replay builds,
says how fast a replay could go if judging and committing cost nothing: a ceiling on a single
worker's rate, and, against the replay's own CPU time, what the committing process's share is.
"""

from __future__ import annotations

import gc
import time
from dataclasses import dataclass
from pathlib import Path

from tagwarden.adapters.sources.workers import local_records
from tagwarden.app.cli.common import logger_for
from tagwarden.app.config import load_config
from tagwarden.app.wiring import build_parts


@dataclass(frozen=True)
class Stage:
    name: str
    cpu_seconds: float
    kept: int  # records that came out of the reader to be normalized (not the Skipped counts)


def time_stages(config_path: Path, paths: list[Path]) -> list[Stage]:
    """CPU seconds of reading alone, then of reading and normalizing (``Processor.prepare``)."""
    config = load_config(config_path)
    parts = build_parts(config, logger_for(config, quiet=True), aws=False, replay=True)
    gc.freeze()  # as replay does once started: the collector does not walk start-up's objects
    try:
        processor = parts.processor
        keep = processor.record_filter
        started, kept = time.process_time(), 0
        for path in paths:
            kept += sum(1 for item in local_records(path, keep) if isinstance(item, dict))
        read = Stage("reading alone", time.process_time() - started, kept)
        started, tagged = time.process_time(), 0
        for path in paths:
            tagged += len(processor.prepare(local_records(path, keep)).tagged)
        prepared = Stage("reading and normalizing", time.process_time() - started, tagged)
    finally:
        parts.store.close()
    return [read, prepared]
