"""The scheduled integrity check's first run (nothing kept from an earlier one), by how many S3
objects it reads at once.

    python benchmarks/bench_integrity.py                                 # 42 hours x 12 log files
    python benchmarks/bench_integrity.py --round-trip-ms 20 --concurrency 1 8 16
    python benchmarks/bench_integrity.py --hours 10 --logs-per-hour 4 --rounds 1   # a quick look
    python benchmarks/bench_integrity.py --accounts 100 --round-trip-ms 20   # an organization's listing

A moto server in a process of its own holds a signed CloudTrail tree (--hours hourly digests, each
listing --logs-per-hour log files). Each run is the first check of a daemon built on a new store,
as after a first deployment: every digest and log file of the window is read. The runs alternate
over the --concurrency values (``integrity.read_concurrency``), --rounds times, in the same run,
so the machine's drift falls on each alike. Prints each run's time, what it read, and each value's
median over the one-at-a-time median. With --round-trip-ms every S3 call waits that long before it
is sent, as a round trip to AWS would (moto on loopback answers in a few milliseconds). With
--accounts, the listing of an organization's window (a folder per account, region and day) is
timed alone first, the same way.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from latency import RoundTrip
from moto_process import moto_server_process

from tagwarden.adapters.aws.clients import AwsClients
from tagwarden.adapters.integrity import Tree, add_s3
from tagwarden.app.config import load_config
from tagwarden.app.logs import configure_logging, get_logger
from tagwarden.app.scans import Scans
from tagwarden.app.wiring import build_parts
from tagwarden.core.integrity.layout import log_file_key
from tests.builders.event_log import EventLog
from tests.builders.signed_trail import BUCKET, build_tree

CONFIG = """
policy: {{version: 1}}
store: {{url: "sqlite:///state.db"}}
aws: {{region: us-east-1, principal_inventory_interval_seconds: 0}}
sources:
  - {{type: files, name: trail-logs, paths: ["s3://{bucket}/AWSLogs/"]}}
integrity: {{verify_interval_seconds: 3600, public_keys: {keys}, read_concurrency: {concurrency}}}
"""


def _with_round_trip(seconds: float) -> None:
    """Every S3 client the daemon makes waits ``seconds`` before each call is sent."""
    made, round_trip = AwsClients.s3, RoundTrip(seconds)

    def s3(self: AwsClients, region: str | None = None) -> Any:
        return round_trip.add_to(made(self, region))

    AwsClients.s3 = s3  # type: ignore[method-assign]


def first_check(work: Path, keys: Path, concurrency: int) -> tuple[float, dict[str, Any]]:
    work.mkdir()
    config_path = work / "tagwarden.yaml"
    config_path.write_text(CONFIG.format(bucket=BUCKET, keys=keys, concurrency=concurrency))
    config = load_config(config_path, env={})
    parts = build_parts(config, get_logger())
    try:
        log = EventLog()
        scans = Scans(config, parts, log)
        (job,) = [job for job in scans.jobs() if job.name == "integrity"]
        started = time.perf_counter()
        if not scans.run(job):
            raise SystemExit(f"the check failed: {log.lines[-3:]}")
        seconds = time.perf_counter() - started
    finally:
        parts.store.close()
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    return seconds, done


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--hours", type=int, default=42, help="signed hours in the window (default %(default)s, at most 43)"
    )
    parser.add_argument(
        "--logs-per-hour", type=int, default=12, help="log files a digest lists (default %(default)s)"
    )
    parser.add_argument(
        "--concurrency",
        type=int,
        nargs="+",
        default=[1, 8],
        help="integrity.read_concurrency values, alternated (default %(default)s)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="rounds over the --concurrency values; medians are printed (default %(default)s)",
    )
    parser.add_argument(
        "--round-trip-ms",
        type=float,
        default=0.0,
        help="milliseconds each S3 call waits before it is sent, as a round trip to AWS would "
        "(default %(default)s)",
    )
    parser.add_argument(
        "--accounts",
        type=int,
        default=0,
        help="also time the listing alone of an organization's window: this many accounts, two "
        "regions, a log file a day in each (another bucket; no digests)",
    )
    args = parser.parse_args()
    configure_logging("error")
    with moto_server_process(), tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        # The builder names log files up to three hours past their digest's end: all in the past.
        hour = datetime.now(UTC).replace(minute=0, second=31, microsecond=0)
        start = hour - timedelta(hours=args.hours + 4)
        tree = build_tree(hours=args.hours, logs_per_hour=args.logs_per_hour, start=start)
        tree.write_keys(work / "keys")
        s3 = boto3.client("s3")
        s3.create_bucket(Bucket=BUCKET)
        for key, content in tree.files.items():
            metadata = {"signature": tree.signatures[key]} if key in tree.signatures else {}
            s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)
        if args.round_trip_ms:
            _with_round_trip(args.round_trip_ms / 1000)
        print(
            f"{len(tree.digests)} digests and {len(tree.logs)} log files in moto's S3 (a process of its own);"
            f" {args.round_trip_ms:g} ms added to each S3 call"
        )
        if args.accounts:
            _time_listing(args, _organization(args.accounts))
        times: dict[int, list[float]] = {concurrency: [] for concurrency in args.concurrency}
        for round_ in range(args.rounds):
            for concurrency in args.concurrency:
                seconds, done = first_check(work / f"r{round_}-c{concurrency}", work / "keys", concurrency)
                times[concurrency].append(seconds)
                print(
                    f"read_concurrency {concurrency:>2}: {seconds:6.2f} s  ({done['digests_read']} digests"
                    f" and {done['log_files_read']} log files read, {done['problems']} problems)"
                )
    _medians("median", times)


def _medians(what: str, times: dict[int, list[float]]) -> None:
    first = next(iter(times))
    baseline = statistics.median(times[first])
    for concurrency, runs in times.items():
        median = statistics.median(runs)
        print(
            f"{what}, read_concurrency {concurrency:>2}: {median:6.2f} s, "
            f"{baseline / median:4.1f}x the speed of read_concurrency {first}"
        )


ORG_BUCKET = "org-bench"


def _organization(accounts: int) -> str:
    """An organization trail's folders in ORG_BUCKET, a log file per account, region and day of
    the last three days; its s3:// location."""
    s3 = boto3.client("s3")
    s3.create_bucket(Bucket=ORG_BUCKET)
    today = datetime.now(UTC)
    for account in range(accounts):
        for region in ("us-east-1", "eu-west-1"):
            for days in range(3):
                moment = today - timedelta(days=days)
                key = log_file_key(f"{account:012d}", region, moment, "x", organization="o-bench")
                s3.put_object(Bucket=ORG_BUCKET, Key=key, Body=b"")
    return f"s3://{ORG_BUCKET}/AWSLogs/"


def _time_listing(args: argparse.Namespace, url: str) -> None:
    since = datetime.now(UTC) - timedelta(hours=48)
    times: dict[int, list[float]] = {concurrency: [] for concurrency in args.concurrency}
    for _ in range(args.rounds):
        for concurrency in args.concurrency:
            tree, s3 = Tree(), AwsClients("us-east-1").s3()
            started = time.perf_counter()
            add_s3(tree, s3, url, since, threads=concurrency)
            times[concurrency].append(time.perf_counter() - started)
            seconds = times[concurrency][-1]
            print(
                f"listing, read_concurrency {concurrency:>2}: {seconds:6.2f} s ({len(tree.logs)} log files)"
            )
    _medians(f"listing {args.accounts} accounts' window", times)


if __name__ == "__main__":
    main()
