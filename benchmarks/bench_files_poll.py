"""What one poll of the daemon's files source costs on an S3 path with days of history behind it.

    python benchmarks/bench_files_poll.py                       # 14 days, 4 regions, a file every 5 min
    python benchmarks/bench_files_poll.py --days 7 --regions 2

Puts a trail's log files (one small record each: the cost measured is the listing and the store's
lookups, not reading) for ``--days`` days into a bucket on a moto server in a process of its own,
then, for ``late_file_hours: null`` (every file listed at every poll: the baseline) and
``late_file_hours: 24``, each with a fresh store and the daemon's own wiring: a first poll that
reads the history, then ``--rounds`` polls that each find an hour of new files. Prints, for the
polls after the first, the median wall time, ListObjectsV2 requests and keys listed, and the marks
the store holds at the end. Both settings run against the same bucket in the same run.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from moto_process import moto_server_process
from trail_mix import POLICY_YAML

from tagwarden.core.integrity.layout import log_file_key

ACCOUNT = "111122223333"
BUCKET = "bench-trail"


def _log(at: datetime, region: str, n: int) -> bytes:
    record = {
        "eventVersion": "1.08",
        "eventSource": "s3.amazonaws.com",
        "eventName": "GetObject",
        "eventTime": f"{at:%Y-%m-%dT%H:%M:%SZ}",
        "awsRegion": region,
        "recipientAccountId": ACCOUNT,
        "eventID": f"{region}-{at:%Y%m%d%H%M}-{n}",
        "userIdentity": {"type": "AssumedRole", "arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/app/i-1"},
        "requestParameters": {"bucketName": "data", "key": "k"},
    }
    return gzip.compress(json.dumps({"Records": [record]}).encode())


def _put_hour(s3: Any, hour: datetime, regions: list[str]) -> int:
    count = 0
    for region in regions:
        for minute in range(0, 60, 5):
            at = hour + timedelta(minutes=minute)
            key = log_file_key(ACCOUNT, region, at, f"{count:06}")
            s3.put_object(Bucket=BUCKET, Key=key, Body=_log(at, region, count))
            count += 1
    return count


def _source(work: Path, late: str) -> tuple[Any, Any]:
    from tagwarden.app.cli.common import logger_for  # noqa: PLC0415 - after the endpoint is set
    from tagwarden.app.config import load_config  # noqa: PLC0415
    from tagwarden.app.wiring import build_parts, build_sources  # noqa: PLC0415

    (work / "policy.yaml").write_text(POLICY_YAML)
    (work / "tagwarden.yaml").write_text(
        f'policy: policy.yaml\nstore: {{url: "sqlite:///state.db"}}\nsinks: []\nworkers: 0\n'
        f"sources: [{{type: files, paths: ['s3://{BUCKET}/AWSLogs/'], late_file_hours: {late}}}]\n"
    )
    config = load_config(work / "tagwarden.yaml")
    parts = build_parts(config, logger_for(config, quiet=True))
    (source,) = build_sources(config, parts, logger_for(config, quiet=True))
    return parts, source


class _Listings:
    def __init__(self, client: Any) -> None:
        self.requests = 0
        self.keys = 0
        client.meta.events.register("after-call.s3.ListObjectsV2", self._note)

    def _note(self, parsed: dict[str, Any], **_: Any) -> None:
        self.requests += 1
        self.keys += len(parsed.get("Contents", []))


def _run(args: argparse.Namespace, work: Path, late: str, first_new: datetime, regions: list[str]) -> None:
    import boto3  # noqa: PLC0415

    parts, source = _source(work, late)
    client = source._client()  # the source's own client, so that its listings are counted
    listings = _Listings(client)
    started = time.monotonic()
    first = source.poll(threading.Event())
    first_seconds = time.monotonic() - started
    seconds, requests, keys = [], [], []
    s3 = boto3.client("s3")
    for round_ in range(args.rounds):
        _put_hour(s3, first_new + timedelta(hours=round_), regions)
        listings.requests = listings.keys = 0
        started = time.monotonic()
        result = source.poll(threading.Event())
        seconds.append(time.monotonic() - started)
        requests.append(listings.requests)
        keys.append(listings.keys)
        if result.units != 12 * len(regions):
            raise SystemExit(
                f"late_file_hours {late}: a poll read {result.units} files, not {12 * len(regions)}"
            )
    with parts.store._reading() as sql:  # a count the port does not offer: the benchmark's own
        held = sql.row("SELECT COUNT(*) FROM processed_objects")[0]
    parts.store.close()
    print(
        f"late_file_hours {late:>4}: first poll {first.units:,} files in {first_seconds:.1f} s; each later"
        f" poll (an hour of new files): median {statistics.median(seconds):.2f} s,"
        f" {statistics.median(requests):.0f} ListObjectsV2 requests, {statistics.median(keys):,.0f} keys"
        f" listed; {held:,} marks held",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--days",
        type=int,
        default=14,
        help="days of history in the bucket before the first poll (default %(default)s)",
    )
    parser.add_argument(
        "--regions",
        type=int,
        default=4,
        help="region folders, a file every 5 minutes in each (1 to 6, default %(default)s)",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=5,
        help="polls after the first, each finding an hour of new files (default %(default)s)",
    )
    args = parser.parse_args()
    regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-southeast-2", "eu-central-1", "sa-east-1"][
        : args.regions
    ]
    with moto_server_process(), tempfile.TemporaryDirectory() as tmp:
        import boto3  # noqa: PLC0415

        s3 = boto3.client("s3")
        s3.create_bucket(Bucket=BUCKET)
        # The history ends early enough for both settings' later polls to find hours of their own
        # before now (a windowed poll lists files named up to an hour ahead, no further).
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        end = now - timedelta(hours=2 * args.rounds)
        start = end - timedelta(days=args.days)
        put = sum(_put_hour(s3, start + timedelta(hours=h), regions) for h in range(args.days * 24))
        print(f"{put:,} log files: {args.days} days, {len(regions)} regions, one every 5 minutes", flush=True)
        # Each setting's later polls find hours of their own, after the history and apart.
        for index, late in enumerate(["null", "24"]):
            work = Path(tmp) / f"late-{late}"
            work.mkdir()
            _run(args, work, late, end + timedelta(hours=index * args.rounds), regions)


if __name__ == "__main__":
    main()
