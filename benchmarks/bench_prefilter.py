"""Deciding relevance before decoding, two ways, on the same decompressed log files (CPU time).

    python benchmarks/bench_prefilter.py [DIR]     # default: the 100,000-record trail of bench_ingest

- typed partial decode (what tagwarden does): msgspec decodes each record into a struct of the
  fields the decision needs, then the list of raw records for the ones kept;
- byte prefilter: msgspec splits the raw records, regexes find eventName and eventSource; a record
  with an escape or more than one eventName would have to go the long way to keep the same
  guarantees (not counted here, which favours the prefilter).
Generate the files first with ``benchmarks/bench_ingest.py --records 100000 --files 100``.
"""

from __future__ import annotations

import argparse
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

from isal import isal_zlib
from trail_mix import trail_dir

from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import triage

NAME = re.compile(rb'"eventName"\s*:\s*"([^"\\]*)"')
SOURCE = re.compile(rb'"eventSource"\s*:\s*"([^"\\]*)"')


def _best(run: Callable[[], None], times: int = 5) -> float:
    seconds = []
    for _ in range(times):
        started = time.process_time()
        run()
        seconds.append(time.process_time() - started)
    return min(seconds)


def main() -> None:
    default = trail_dir(100_000, 100)
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "dir", nargs="?", type=Path, default=default, help="folder of gzipped log files (default %(default)s)"
    )
    root = parser.parse_args().dir
    paths = sorted(root.rglob("*.json.gz"))
    if not paths:
        raise SystemExit(f"no log files under {root}; run bench_ingest.py --records 100000 --files 100 first")
    texts = [isal_zlib.decompressobj(wbits=31).decompress(p.read_bytes()) for p in paths]
    records = sum(len(triage._RAWS.decode(t).Records) for t in texts)
    normalizer = Normalizer()

    def typed() -> None:
        for text in texts:
            kept, _ = triage._kept_indices(triage._HEADS.decode(text).Records, normalizer)
            if kept:
                triage._RAWS.decode(text)

    def prefilter() -> None:
        for text in texts:
            for raw in triage._RAWS.decode(text).Records:
                data = bytes(raw)
                names = NAME.findall(data)
                source = SOURCE.search(data)
                if b"\\" in data or len(names) != 1 or source is None:
                    continue
                interest = normalizer.interest(source.group(1).decode(), names[0].decode())
                if interest is not None and not interest.always:
                    interest.mentioned_in(data)

    print(f"{records:,} records in {len(paths)} files ({os.cpu_count()} CPUs)")
    print(f"typed partial decode: {records / _best(typed):>10,.0f} records per CPU second")
    print(f"byte prefilter:       {records / _best(prefilter):>10,.0f} records per CPU second")


if __name__ == "__main__":
    main()
