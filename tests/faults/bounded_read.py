"""Run in a subprocess by test_bounded_input: read one hostile input through the processor and
print the outcome and the peak resident memory, so that the test measures this process alone.

    python -m tests.faults.bounded_read gzip-bomb|big-record
"""

from __future__ import annotations

import gzip
import io
import json
import resource
import sys
from pathlib import Path
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records

MIB = 1024 * 1024


def gzip_bomb(compressed_bytes: int = 4 * MIB) -> bytes:
    """Concatenated gzip members of white space: ~4 MB that inflate ~1,000 times (~4 GB)."""
    member = gzip.compress(b" " * MIB, compresslevel=9)
    count = compressed_bytes // len(member)
    return member * count


class RepeatingStream(io.RawIOBase):
    """A 200 MB single-record log file, produced as it is read (nothing held in memory)."""

    def __init__(self, value_bytes: int) -> None:
        head = b'{"Records": [{"eventVersion": "1.08", "eventSource": "s3.amazonaws.com", '
        self._parts = [head, b'"eventName": "PutBucketTagging", "requestParameters": {"v": "']
        self._remaining = value_bytes
        self._tail = b'"}}]}'

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = len(buffer)
        if self._parts:
            data = self._parts.pop(0)
        elif self._remaining:
            data = b"a" * min(size, self._remaining)
            self._remaining -= len(data)
        else:
            data, self._tail = self._tail, b""
        data = data[:size]
        buffer[: len(data)] = data
        return len(data)


def _peak_rss_kib() -> int:
    """This process's peak resident memory. VmHWM belongs to the address space exec made, where
    getrusage's ru_maxrss keeps the parent's peak from before the fork (so a big pytest process
    would be counted)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(case: str) -> None:
    store = open_store("sqlite:///:memory:")
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document({"version": 1, "abac_keys": ["team"]})),
        store=store,
        principals=PrincipalTagCache(None),
        metrics=Metrics(),
        log=get_logger(),
    )
    if case == "gzip-bomb":
        body = gzip_bomb()
        stream: Any = io.BytesIO(body)
        size = len(body)
    else:
        size = 200 * MIB
        stream = io.BufferedReader(RepeatingStream(size))
    result = processor.process(iter_records(stream), source="probe", unit=case)
    peak_kib = _peak_rss_kib()
    fatal = result.fatal
    print(
        json.dumps(
            {
                "input_bytes": size,
                "reason": fatal.reason if fatal else None,
                "detail": fatal.detail if fatal else None,
                "records": result.records,
                "peak_rss_mib": round(peak_kib / 1024, 1),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1])
