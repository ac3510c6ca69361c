"""What the replica tests share: a scenario of many small out-of-order log files, what one process
makes of it, a webhook receiver, and reading a PostgreSQL store from outside the daemons."""

from __future__ import annotations

import gzip
import io
import json
import random
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import psycopg

from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.core.model.finding import at_least
from tagwarden.core.records import iter_records
from tests.builders.abac_cases import ACCOUNT
from tests.builders.abac_processor import abac_processor

ADMIN = Caller(ACCOUNT, "TagAdmin", session="erin")
DAVE = Caller(ACCOUNT, "dev-beta", session="dave")  # team beta
ALICE = Caller(ACCOUNT, "dev-alpha", session="alice")  # team alpha
ALERT_FLOOR = "high"


def put_team(caller: Caller, bucket: str, team: str, second: int, event_id: str) -> dict[str, Any]:
    # PutBucketTagging as CloudTrail logs it:
    # https://docs.aws.amazon.com/AmazonS3/latest/userguide/cloudtrail-logging-s3-info.html
    minute, rest = divmod(second, 60)
    return record(
        caller,
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging(bucket, {"team": team}),
        time=f"2024-06-01T{10 + minute // 60:02d}:{minute % 60:02d}:{rest:02d}Z",
        event_id=event_id,
    )


def scenario(buckets: int) -> list[dict[str, Any]]:
    """Per bucket: the admin sets alpha, dave (beta) grabs it, the admin puts it back, alice (alpha)
    resends alpha. In event-time order: dave's grab is the only abuse. Out of order, alice's resend
    or dave's grab may first be judged against the wrong old value, and judged again later."""
    records = []
    for index in range(buckets):
        bucket, base = f"ha-{index}", index * 10
        records += [
            put_team(ADMIN, bucket, "alpha", base + 0, f"ha-{index}-admin-1"),
            put_team(DAVE, bucket, "beta", base + 1, f"ha-{index}-dave"),
            put_team(ADMIN, bucket, "alpha", base + 2, f"ha-{index}-admin-2"),
            put_team(ALICE, bucket, "alpha", base + 3, f"ha-{index}-alice"),
        ]
    return records


def noise(index: int, count: int) -> list[dict[str, Any]]:
    return [
        record(
            ALICE,
            "s3.amazonaws.com",
            "GetObject",
            {"bucketName": "alpha-data", "key": f"k{i}"},
            time="2024-06-01T09:00:00Z",
            event_id=f"noise-{index}-{i}",
        )
        for i in range(count)
    ]


def shuffled_files(records: list[dict[str, Any]], noise_per_file: int, seed: int = 11) -> list[bytes]:
    """One tag change per gzipped log file, with noise, in a shuffled order."""
    order = list(records)
    random.Random(seed).shuffle(order)
    return [
        gzip.compress(json.dumps({"Records": [*noise(i, noise_per_file), item]}).encode())
        for i, item in enumerate(order)
    ]


def single_process_findings(records: list[dict[str, Any]]) -> dict[str, str]:
    """id -> severity of what one process judging every record in event-time order finds."""
    store, processor = abac_processor()
    body = gzip.compress(json.dumps({"Records": records}).encode())
    processor.process(iter_records(io.BytesIO(body)), source="x", unit="all")
    found = {f.id: f.severity for f in store.list_findings()}
    store.close()
    return found


def alert_worthy(findings: dict[str, str]) -> set[str]:
    return {fid for fid, severity in findings.items() if at_least(severity, ALERT_FLOOR)}


def findings_in(url: str) -> list[dict[str, Any]]:
    with psycopg.connect(url) as conn:
        cursor = conn.execute("SELECT id, event_id, target, tag_key, kind, status FROM findings")
        names = [c.name for c in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def processed_events(url: str) -> int:
    """Tag changes committed: one per log file of ``shuffled_files``."""
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT COUNT(*) FROM processed_events").fetchone()
    return int(row[0]) if row else 0


def pending_deliveries(url: str) -> int:
    with psycopg.connect(url) as conn:
        row = conn.execute("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'").fetchone()
    return int(row[0]) if row else 0


class Receiver:
    """A webhook sink's far end on 127.0.0.1: the finding id of every body it is sent, and whether
    it is a first send, a revision or a withdrawal."""

    def __init__(self) -> None:
        self.received: list[tuple[str, str | None]] = []  # finding id, "revised" or "withdrawn"
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                with receiver._lock:
                    receiver.received.append((body["finding"]["id"], body.get("update")))
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    def ids(self) -> list[str]:
        """The finding id of each first send (revisions and withdrawals left out)."""
        with self._lock:
            return [fid for fid, update in self.received if update is None]

    def shown_last(self) -> dict[str, bool]:
        """Per finding: whether the last body about it showed it (False: it was withdrawn)."""
        with self._lock:
            return {fid: update != "withdrawn" for fid, update in self.received}


@contextmanager
def receiving() -> Iterator[Receiver]:
    receiver = Receiver()
    thread = threading.Thread(target=receiver.server.serve_forever, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
