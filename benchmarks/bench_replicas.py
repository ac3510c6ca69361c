"""Replicas on one queue: the rate of 1 replica against 2, on the same PostgreSQL and moto.

    PYTHONPATH=. python benchmarks/bench_replicas.py [--files 40] [--records 5000] [--sqlite]

Starts moto in server mode and a PostgreSQL (tests/postgres.py: Debian's postgresql package, run
as the postgres user, loopback only), writes ``--files`` gzipped CloudTrail logs of ``--records``
records each (3% tag writes) to S3, then for 1 and for 2 real ``tagwarden run`` daemons on a fresh
database: starts them, sends one S3 notification per log to the queue (as ``replay --enqueue``
does), and times until the queue is empty and every file is committed. ``--sqlite`` adds one
replica on SQLite as the baseline of the default deployment. Prints records per second of each.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import random
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
from moto.server import ThreadedMotoServer

from tagwarden.adapters.sources.enqueue import enqueue_objects
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.integrity.layout import log_file_key
from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS
from tests.e2e.support import DaemonProcess, seed_principals, wait_until
from tests.postgres import create_database, running_postgres

DEV = Caller(ACCOUNT, "dev-beta", session="dave")
START = datetime(2024, 6, 1, tzinfo=UTC)  # the first log file's delivery time


def log_file(index: int, records: int, rng: random.Random) -> bytes:
    items: list[dict[str, Any]] = []
    for i in range(records):
        when = f"2024-06-01T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}Z"
        if rng.random() < 0.03:
            tags = s3_tagging(f"b-{index}-{i % 50}", {"team": rng.choice(["alpha", "beta"])})
            items.append(
                record(
                    DEV, "s3.amazonaws.com", "PutBucketTagging", tags, time=when, event_id=f"t-{index}-{i}"
                )
            )
        else:
            params = {"bucketName": "alpha-data", "key": f"k{i}"}
            items.append(
                record(DEV, "s3.amazonaws.com", "GetObject", params, time=when, event_id=f"n-{index}-{i}")
            )
    return gzip.compress(json.dumps({"Records": items}).encode())


def queue_depth(queue: str) -> int:
    attrs = boto3.client("sqs").get_queue_attributes(
        QueueUrl=queue,
        AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    )["Attributes"]
    return int(attrs["ApproximateNumberOfMessages"]) + int(attrs["ApproximateNumberOfMessagesNotVisible"])


def run(replicas: int, store_url: str, *, queue: str, bucket: str, keys: list[str], workdir: Path) -> float:
    """Seconds from the first message sent to the queue drained, with ``replicas`` daemons."""
    sources = [{"type": "sqs", "name": "trail", "queue_url": queue, "wait_seconds": 1, "max_messages": 1}]
    daemons = []
    try:
        for number in range(replicas):
            home = Path(tempfile.mkdtemp(prefix=f"r{replicas}-{number}-", dir=workdir))
            daemons.append(DaemonProcess(home, POLICY, sources, {"store": {"url": store_url}}).start())
        started = time.monotonic()
        enqueue_objects(boto3.client("sqs"), queue, bucket, keys, region="us-east-1")
        time.sleep(1)
        wait_until(lambda: queue_depth(queue) == 0, 900, "the queue to drain", interval=0.2)
        elapsed = time.monotonic() - started
        for daemon in daemons:
            code, _ = daemon.stop()
            if code != 0:
                raise RuntimeError(daemon.log_text()[-2000:])
        return elapsed
    finally:
        for daemon in daemons:
            daemon.close()


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--files",
        type=int,
        default=40,
        help="gzipped log files written to S3, one notification each (default %(default)s)",
    )
    parser.add_argument(
        "--records", type=int, default=5000, help="records in each file (default %(default)s)"
    )
    parser.add_argument("--sqlite", action="store_true", help="also one replica on SQLite")
    args = parser.parse_args()
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    os.environ.update(
        AWS_ENDPOINT_URL=f"http://{host}:{port}",
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
    )
    seed_principals(ROLES, USERS)
    s3, sqs = boto3.client("s3"), boto3.client("sqs")
    s3.create_bucket(Bucket="bench-logs")
    queue = sqs.create_queue(QueueName="bench", Attributes={"VisibilityTimeout": "60"})["QueueUrl"]
    rng = random.Random(7)
    keys = []
    for index in range(args.files):
        key = log_file_key(ACCOUNT, "us-east-1", START + timedelta(minutes=index), "x")
        s3.put_object(Bucket="bench-logs", Key=key, Body=log_file(index, args.records, rng))
        keys.append(key)
    total = args.files * args.records
    print(f"{args.files} files x {args.records} records = {total} records; {os.cpu_count()} CPUs", flush=True)
    results: dict[str, float] = {}
    with running_postgres() as server, tempfile.TemporaryDirectory() as tmp:
        workdir = Path(os.environ.get("BENCH_WORKDIR", tmp))
        where: dict[str, Any] = {"queue": queue, "bucket": "bench-logs", "keys": keys, "workdir": workdir}
        if args.sqlite:
            results["1 replica, SQLite"] = run(1, f"sqlite:///{workdir / 'state.db'}", **where)
        for replicas in (1, 2):
            label = f"{replicas} replica{'s' if replicas > 1 else ''}, PostgreSQL"
            results[label] = run(replicas, create_database(server), **where)
    moto.stop()
    for label, seconds in results.items():
        print(f"{label:28s} {seconds:7.1f} s  {total / seconds:9,.0f} records/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
