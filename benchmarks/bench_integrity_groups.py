"""The integrity check's first run over many accounts and regions: holding the whole window at
once (as before ``cfde88e``) against one account and region at a time, time and peak memory.

    python benchmarks/bench_integrity_groups.py                        # 20 accounts and regions
    python benchmarks/bench_integrity_groups.py --groups 40 --hours 24 --rounds 2

Builds --groups signed trees (an account and region each: --hours hourly digests of
--logs-per-hour log files) in moto, in a process of its own, then alternates the two ways over
--rounds, each a daemon's first check on a new store. Memory is the peak traced by tracemalloc
during the check (Python's allocations; it slows the run alike for both ways).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_integrity import first_check
from moto_process import moto_server_process

from tagwarden.adapters import integrity_groups
from tagwarden.app.logs import configure_logging
from tests.builders import signed_trail
from tests.builders.signed_trail import BUCKET, build_tree

REGIONS = ["us-east-1", "us-east-2", "us-west-2", "eu-west-1"]


def _organization(groups: int, hours: int, logs_per_hour: int, keys: Path) -> int:
    """Signed trees of ``groups`` accounts and regions in BUCKET; the log files written."""
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=hours + 4)
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    logs = 0
    for n in range(groups):
        signed_trail.ACCOUNT = f"{100000000000 + n // len(REGIONS):012d}"
        signed_trail.REGION = REGIONS[n % len(REGIONS)]
        tree = build_tree(hours=hours, logs_per_hour=logs_per_hour, start=start)
        for key, content in tree.files.items():
            metadata = {"signature": tree.signatures[key]} if key in tree.signatures else {}
            s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)
        logs += len(tree.logs)
    tree.write_keys(keys)
    return logs


def _whole_window() -> Any:
    """window_groups as one group, and no file in it a stray: the check as it was before it went
    group by group."""
    grouped, split = integrity_groups.window_groups, integrity_groups._split

    def one_group(*args: Any, **kwargs: Any) -> dict[Any, list[str]]:
        return {None: [folder for group in grouped(*args, **kwargs).values() for folder in group]}

    def whole(way: str) -> None:
        held_whole = way == "whole window"
        integrity_groups.window_groups = one_group if held_whole else grouped  # type: ignore[attr-defined]
        integrity_groups._split = (lambda tree, group: {}) if held_whole else split  # type: ignore[attr-defined]

    return whole


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--groups",
        type=int,
        default=20,
        help="accounts and regions, a signed tree each (default %(default)s)",
    )
    parser.add_argument(
        "--hours", type=int, default=24, help="signed hours in each (default %(default)s, at most 43)"
    )
    parser.add_argument(
        "--logs-per-hour", type=int, default=12, help="log files a digest lists (default %(default)s)"
    )
    parser.add_argument(
        "--rounds", type=int, default=2, help="rounds of the two ways, alternated (default %(default)s)"
    )
    args = parser.parse_args()
    configure_logging("error")
    held = _whole_window()
    runs: dict[str, list[tuple[float, float]]] = {"whole window": [], "by account and region": []}
    with moto_server_process(), tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        logs = _organization(args.groups, args.hours, args.logs_per_hour, work / "keys")
        print(f"{args.groups} accounts and regions, {logs} log files, in moto (a process of its own)")
        for round_ in range(args.rounds):
            for way in ("whole window", "by account and region"):
                held(way)
                tracemalloc.start()
                seconds, done = first_check(work / f"r{round_}-{way.replace(' ', '-')}", work / "keys", 8)
                peak = tracemalloc.get_traced_memory()[1] / 2**20
                tracemalloc.stop()
                runs[way].append((seconds, peak))
                print(
                    f"{way:>22}: {seconds:6.2f} s, peak traced {peak:6.1f} MiB ({done['log_files_read']} log"
                    f" files read, {done['problems']} problems)"
                )
    for way, measured in runs.items():
        print(
            f"median, {way:>22}: {statistics.median(s for s, _ in measured):6.2f} s, "
            f"{statistics.median(p for _, p in measured):6.1f} MiB"
        )


if __name__ == "__main__":
    main()
