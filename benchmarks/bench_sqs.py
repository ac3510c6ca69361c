"""The daemon's SQS path on moto: end-to-end rate and the delay from a log file's arrival to its
findings being committed.

    python benchmarks/bench_sqs.py                         # 200 files of 5,000 records, workers 0, 1 and 2
    python benchmarks/bench_sqs.py --files 20 --records-per-file 5000 --workers 0 2
    python benchmarks/bench_sqs.py --files 60 --records-per-file 6240 --tag-share 0.06   # a retag burst
    python benchmarks/bench_sqs.py --files 400 --records-per-file 1000 --round-trip-ms 20  # AWS's latency
    python benchmarks/bench_sqs.py --files 4000 --records-per-file 50 --backlog   # small files, queued

A moto server on loopback (a process of its own) holds a log bucket whose new objects are announced
on an SQS queue, as an organization trail's bucket is. A feeder process uploads the trail-like files
of benchmarks/trail_mix.py one after the other, --interval apart (each upload is a file's arrival:
S3 announces it on the queue; with --backlog, all are announced once all are uploaded); the
daemon's SQS source, wired as ``tagwarden run`` wires it, drains the queue in this process. Each
unit's commit time is taken as its message is deleted (once what it carried is committed). Prints
records per second from the first arrival to the last commit, and the median, p99 and largest
arrival-to-commit delay over the files, once per worker count given (``workers`` setting: the
processes that decode, filter and normalize beside the daemon's, 0 for none; each count gets its
own queue, bucket and store, on the same files, in the same run).
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, unquote_plus

import boto3

sys.path.insert(0, str(Path(__file__).resolve().parent))
from moto_process import moto_server_process
from trail_mix import POLICY_YAML, write_trail

from tagwarden.app.config import load_config
from tagwarden.app.logs import configure_logging, get_logger
from tagwarden.app.wiring import build_parts, build_sources


def _deployment(name: str, announced: bool) -> tuple[str, str]:
    sqs, s3 = boto3.client("sqs"), boto3.client("s3")
    queue = sqs.create_queue(QueueName=name, Attributes={"VisibilityTimeout": "300"})["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    bucket = f"{name}-logs"
    s3.create_bucket(Bucket=bucket)
    if not announced:
        return bucket, queue
    s3.put_bucket_notification_configuration(
        Bucket=bucket,
        NotificationConfiguration={
            "QueueConfigurations": [{"QueueArn": arn, "Events": ["s3:ObjectCreated:*"]}]
        },
    )
    for message in sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", []):
        sqs.delete_message(QueueUrl=queue, ReceiptHandle=message["ReceiptHandle"])  # s3:TestEvent
    return bucket, queue


def _feed(
    paths: list[Path], root: Path, bucket: str, *, queue: str | None, interval: float, arrivals: Any
) -> None:
    """In a process of its own: uploads the files, putting (key, arrival time) on ``arrivals``.
    With ``queue`` (a backlog), the bucket announces nothing: once every file is uploaded, their
    notifications are sent ten to a call, and a file arrives when its notification is sent."""
    s3, announced = boto3.client("s3"), []
    for index, path in enumerate(paths):
        if interval and index:
            time.sleep(interval)
        key = str(path.relative_to(root))
        s3.put_object(Bucket=bucket, Key=key, Body=path.read_bytes())
        if queue is None:
            arrivals.put((key, time.monotonic()))  # CLOCK_MONOTONIC: one clock for every process
        else:
            announced.append((key, path.stat().st_size))
    sqs = boto3.client("sqs")
    for first in range(0, len(announced), 10):
        entries = [
            {"Id": str(i), "MessageBody": _created(bucket, *item)}
            for i, item in enumerate(announced[first : first + 10])
        ]
        sqs.send_message_batch(QueueUrl=queue or "", Entries=entries)
        for key, _ in announced[first : first + 10]:
            arrivals.put((key, time.monotonic()))
    arrivals.put(None)


def _created(bucket: str, key: str, size: int) -> str:
    """S3's notification of a new object, as S3 sends it: the key URL-encoded, the size told."""
    notice = {"bucket": {"name": bucket}, "object": {"key": quote_plus(key), "size": size}}
    return json.dumps(
        {"Records": [{"eventSource": "aws:s3", "eventName": "ObjectCreated:Put", "s3": notice}]}
    )


def _add_round_trip(source: Any, seconds: float) -> None:
    """Every SQS and S3 call of the source waits ``seconds`` before it is sent: moto answers on
    loopback in about a millisecond, AWS in tens (the thread waits, as it would on the network)."""

    def wait(**_: Any) -> None:
        time.sleep(seconds)

    for client in (source._sqs, source._s3):
        client.meta.events.register("before-send", wait)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _run(args: argparse.Namespace, work: Path, root: Path, paths: list[Path], workers: int) -> None:
    bucket, queue = _deployment(f"trail-w{workers}", announced=not args.backlog)
    (work / "policy.yaml").write_text(POLICY_YAML)
    (work / "tagwarden.yaml").write_text(
        f'policy: policy.yaml\nstore: {{url: "sqlite:///state.db"}}\nsinks: []\nworkers: {workers}\n'
        f"sources: [{{type: sqs, queue_url: '{queue}', wait_seconds: 1, drain_seconds: 3600}}]\n"
    )
    log = get_logger()
    config = load_config(work / "tagwarden.yaml")
    parts = build_parts(config, log)
    (source,) = build_sources(config, parts, log)
    committed: dict[str, float] = {}  # object key -> commit time
    delete = source._delete_together  # type: ignore[attr-defined]

    def timed(messages: list[dict[str, Any]], *rest: Any) -> Any:
        at = time.monotonic()  # committed: a message is deleted once what it carried is
        for message in messages:
            for notice in json.loads(message.get("Body", "{}")).get("Records", []):
                committed[unquote_plus(notice["s3"]["object"]["key"])] = at
        return delete(messages, *rest)

    source._delete_together = timed  # type: ignore[attr-defined]
    if args.round_trip_ms:
        _add_round_trip(source, args.round_trip_ms / 1000)
    spawn = multiprocessing.get_context("spawn")
    arrivals = spawn.Queue()
    backlog = queue if args.backlog else None
    feeder = spawn.Process(
        target=_feed,
        args=(paths, root, bucket),
        kwargs={"queue": backlog, "interval": args.interval, "arrivals": arrivals},
    )
    started, cpu = time.monotonic(), time.process_time()
    feeder.start()
    records = 0
    try:
        while len(committed) < len(paths) and time.monotonic() - started < args.timeout:
            records += source.poll(threading.Event()).records
        cpu = time.process_time() - cpu
    finally:
        arrived = dict(iter(arrivals.get, None))
        feeder.join()
        source.close()
        findings = len(parts.store.list_findings())
        parts.store.close()
    done = [key for key in arrived if key in committed]
    delays = [committed[key] - arrived[key] for key in done]
    seconds = max(committed.values()) - min(arrived.values())
    print(
        f"workers {workers}: {len(done)}/{len(paths)} files, {records:,} records through SQS and S3 on"
        f" moto in {seconds:.1f} s; end-to-end rate {records / seconds:,.0f} records/s; arrival to"
        f" commit: median {statistics.median(delays):.2f} s, p99 {_percentile(delays, 0.99):.2f} s,"
        f" max {max(delays):.2f} s; {findings:,} findings; the daemon's process (its workers and moto"
        f" apart) used {cpu:.2f} s of CPU",
        flush=True,
    )


def _run_all(args: argparse.Namespace, work: Path) -> None:
    root = work / "trail"
    paths = sorted(write_trail(root, args.files * args.records_per_file, args.files, args.tag_share, seed=11))
    configure_logging("error")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    print(
        f"{args.files} files of {args.records_per_file:,} records, {args.tag_share:.0%} tag writes,"
        f" {os.cpu_count()} CPUs",
        flush=True,
    )
    for workers in args.workers:
        run = work / f"workers-{workers}"
        run.mkdir()
        _run(args, run, root, paths, workers)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--files",
        type=int,
        default=200,
        help="log files uploaded, one S3 notification each (default %(default)s)",
    )
    parser.add_argument(
        "--records-per-file", type=int, default=5000, help="records in each file (default %(default)s)"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=3600,
        help="seconds to wait for the queue to drain before giving up (default %(default)s)",
    )
    parser.add_argument(
        "--tag-share",
        type=float,
        default=0.03,
        help="share of records that write tags (0.03, as in a trail; 0.06 with 60 files of 6,240 "
        "records is a retag campaign: about as many findings as the crash probe's 21,600)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        nargs="+",
        default=[0, 1, 2],
        help="worker counts to run, one after the other (0: all in the daemon's process; default: 0 1 2)",
    )
    parser.add_argument(
        "--interval",
        type=float,
        default=0.0,
        help="seconds between two uploads; 0 uploads as fast as moto takes them (a backlog, so the "
        "delays measure the queue's drain); a pace under the daemon's rate measures its latency",
    )
    parser.add_argument(
        "--backlog",
        action="store_true",
        help="upload every file first, then announce them all on the queue at once: the rate and the "
        "delays are the daemon's drain of a backlog, where moto's uploads (some 50 small files a "
        "second) would otherwise pace the files' arrival",
    )
    parser.add_argument(
        "--round-trip-ms",
        type=float,
        default=0.0,
        help="milliseconds every SQS and S3 call of the daemon waits before it is sent, as a round "
        "trip to AWS would (moto on loopback answers in about one)",
    )
    args = parser.parse_args()
    with moto_server_process(), tempfile.TemporaryDirectory() as work:
        _run_all(args, Path(work))


if __name__ == "__main__":
    main()
