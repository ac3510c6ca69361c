"""A windowed listing of an organization's trail: its folders listed one at a time against several
at once (``list_log_objects``, what ``replay --since`` and the files source's windowed polls use).

    python benchmarks/bench_listing.py                      # 40 accounts, 4 regions, 3 days
    python benchmarks/bench_listing.py --accounts 100 --round-trip-ms 30

Puts one log file in each day folder of ``--accounts`` accounts and ``--regions`` regions on a
moto server in a process of its own, then lists a window of ``--days`` days with 1 and with 8
listings under way, alternated for ``--rounds`` rounds, each request made to wait
``--round-trip-ms`` before it is sent (moto answers on loopback in about a millisecond, S3 in tens).
Prints the median seconds of each and the requests one listing makes; both find the same keys.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from latency import RoundTrip
from moto_process import moto_server_process

from tagwarden.core.integrity.layout import log_file_key

BUCKET = "bench-org-trail"
REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "eu-central-1", "sa-east-1"]


def _fill(s3: Any, accounts: int, regions: list[str], days: list[datetime]) -> int:
    for account in range(accounts):
        for region in regions:
            for day in days:
                at = day + timedelta(hours=12)
                key = log_file_key(f"{account:012}", region, at, "x", organization="o-bench")
                s3.put_object(Bucket=BUCKET, Key=key, Body=b"{}")
    return accounts * len(regions) * len(days)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--accounts", type=int, default=40, help="accounts in the organization trail (default %(default)s)"
    )
    parser.add_argument(
        "--regions", type=int, default=4, help="region folders in each account (1 to 6, default %(default)s)"
    )
    parser.add_argument(
        "--days", type=int, default=3, help="days listed, a log file in each day folder (default %(default)s)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds of 1 and 8 listings at once, alternated; medians are printed (default %(default)s)",
    )
    parser.add_argument(
        "--round-trip-ms",
        type=float,
        default=20,
        help="milliseconds each ListObjectsV2 request waits before it is sent (default %(default)s)",
    )
    args = parser.parse_args()
    with moto_server_process():
        import boto3  # noqa: PLC0415 - after the endpoint is set

        from tagwarden.adapters.sources.s3_objects import Window, list_log_objects  # noqa: PLC0415

        s3 = boto3.client("s3")
        s3.create_bucket(Bucket=BUCKET)
        today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
        days = [today - timedelta(days=n) for n in range(args.days)]
        put = _fill(s3, args.accounts, REGIONS[: args.regions], days)
        round_trip = RoundTrip(args.round_trip_ms / 1000)
        round_trip.add_to(s3, "before-send.s3.ListObjectsV2")
        window = Window(days[-1], today + timedelta(hours=23))
        seconds: dict[int, list[float]] = {1: [], 8: []}
        found: dict[int, list[tuple[str, int | None]]] = {}
        for _ in range(args.rounds):
            for threads, times in seconds.items():
                round_trip.requests = 0
                started = time.monotonic()
                found[threads] = list_log_objects(s3, BUCKET, "AWSLogs/", window, threads)
                times.append(time.monotonic() - started)
        if found[1] != found[8] or len(found[1]) != put:
            raise SystemExit(f"the listings differ: {len(found[1])} and {len(found[8])} keys of {put}")
        print(
            f"{put:,} log files: {args.accounts} accounts, {args.regions} regions, {args.days} days;"
            f" {round_trip.requests:,} ListObjectsV2 requests a listing, each {args.round_trip_ms:g} ms more",
            flush=True,
        )
        for threads, times in seconds.items():
            each = ", ".join(f"{t:.2f}" for t in times)
            print(f"{threads} at once: median {statistics.median(times):.2f} s ({each})")


if __name__ == "__main__":
    main()
