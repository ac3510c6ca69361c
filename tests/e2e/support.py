"""The real daemon as a subprocess, and the AWS side of a deployment, on moto over HTTP."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import boto3
import yaml

from tagwarden.app.demo.runner import log_key


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_until(
    predicate: Callable[[], Any],
    timeout: float,
    what: str,
    interval: float = 0.1,
    why: Callable[[], Any] | None = None,
) -> Any:
    """``predicate()`` once it is true; on timeout an AssertionError with ``why()`` (what to read
    to see why: a daemon's last log lines)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            detail = f": {why()}" if why is not None else ""
            raise AssertionError(f"timed out after {timeout}s waiting for {what}{detail}")
        time.sleep(interval)


@dataclass
class Deployment:
    """A log bucket whose new objects are announced on a queue that has a dead-letter queue."""

    bucket: str
    queue_url: str
    dlq_url: str

    @classmethod
    def create(cls, name: str = "trail", visibility_timeout: int = 30, max_receive: int = 3) -> Deployment:
        sqs, s3 = boto3.client("sqs"), boto3.client("s3")
        dlq = sqs.create_queue(QueueName=f"{name}-dlq")["QueueUrl"]
        dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        queue = sqs.create_queue(
            QueueName=name,
            Attributes={
                "VisibilityTimeout": str(visibility_timeout),
                "RedrivePolicy": json.dumps(
                    {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(max_receive)}
                ),
            },
        )["QueueUrl"]
        arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
        bucket = f"{name}-logs"
        s3.create_bucket(Bucket=bucket)
        s3.put_bucket_notification_configuration(
            Bucket=bucket,
            NotificationConfiguration={
                "QueueConfigurations": [{"QueueArn": arn, "Events": ["s3:ObjectCreated:*"]}]
            },
        )
        deployment = cls(bucket, queue, dlq)
        deployment.drain_all()  # S3's s3:TestEvent, sent when a notification is configured
        return deployment

    def drain_all(self) -> None:
        """Every message on the queue deleted unread: the tests count from zero."""
        sqs = boto3.client("sqs")
        while messages := sqs.receive_message(QueueUrl=self.queue_url, MaxNumberOfMessages=10).get(
            "Messages"
        ):
            for message in messages:
                sqs.delete_message(QueueUrl=self.queue_url, ReceiptHandle=message["ReceiptHandle"])

    def put_log(self, account: str, records: list[dict[str, Any]], body: bytes | None = None) -> str:
        key = log_key(account, datetime.now(tz=UTC))
        data = body if body is not None else gzip.compress(json.dumps({"Records": records}).encode())
        boto3.client("s3").put_object(Bucket=self.bucket, Key=key, Body=data)
        return key

    def put_unannounced(self, bodies: list[bytes], account: str) -> list[str]:
        """Log files uploaded with the bucket's notifications off, one second of key time apart:
        ``announce`` tells the queue of them all at once, where uploads announced one by one
        would reach a running daemon over the seconds the uploads take."""
        s3 = boto3.client("s3")
        s3.put_bucket_notification_configuration(Bucket=self.bucket, NotificationConfiguration={})
        start, keys = datetime.now(tz=UTC), []
        for index, body in enumerate(bodies):
            keys.append(log_key(account, start + timedelta(seconds=index)))
            s3.put_object(Bucket=self.bucket, Key=keys[-1], Body=body)
        return keys

    def announce(self, keys: list[str]) -> None:
        """S3's ObjectCreated notification of each key, sent ten to a call."""
        sqs = boto3.client("sqs")
        for first in range(0, len(keys), 10):
            entries = [
                {"Id": str(index), "MessageBody": json.dumps(object_created(self.bucket, key))}
                for index, key in enumerate(keys[first : first + 10])
            ]
            failed = sqs.send_message_batch(QueueUrl=self.queue_url, Entries=entries).get("Failed")
            assert not failed, failed

    def send(self, body: str) -> None:
        boto3.client("sqs").send_message(QueueUrl=self.queue_url, MessageBody=body)

    def depth(self, dead_letters: bool = False) -> int:
        attrs = boto3.client("sqs").get_queue_attributes(
            QueueUrl=self.dlq_url if dead_letters else self.queue_url,
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        return int(attrs["ApproximateNumberOfMessages"]) + int(attrs["ApproximateNumberOfMessagesNotVisible"])


def object_created(bucket: str, key: str, size: int | None = None) -> dict[str, Any]:
    """S3's notification of a new object: the key URL-encoded, the size where given."""
    found: dict[str, Any] = {"key": quote_plus(key)}
    if size is not None:
        found["size"] = size
    record = {
        "eventVersion": "2.1",
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "s3": {"bucket": {"name": bucket}, "object": found},
    }
    return {"Records": [record]}


def seed_principals(roles: dict[str, dict[str, str]], users: dict[str, dict[str, str]]) -> None:
    iam = boto3.client("iam")
    for name, tags in roles.items():
        iam.create_role(
            RoleName=name,
            AssumeRolePolicyDocument="{}",
            Tags=[{"Key": k, "Value": v} for k, v in tags.items()],
        )
    for name, tags in users.items():
        iam.create_user(UserName=name, Tags=[{"Key": k, "Value": v} for k, v in tags.items()])


class DaemonProcess:
    """``tagwarden run`` in a subprocess, JSON logs captured, HTTP on a free loopback port."""

    def __init__(
        self,
        workdir: Path,
        policy: dict[str, Any],
        sources: list[dict[str, Any]],
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.workdir = workdir
        self.port = free_port()
        self.db = workdir / "state.db"
        config = {
            "policy": policy,
            "store": {"url": f"sqlite:///{self.db}"},
            "http": {"listen": f"127.0.0.1:{self.port}"},
            "aws": {"region": "us-east-1"},
            "sources": sources,
            "logging": {"format": "json", "level": "info"},
            **(extra or {}),
        }
        self.config_path = workdir / "tagwarden.yaml"
        self.config_path.write_text(yaml.safe_dump(config))
        self.log_path = workdir / "daemon.log"
        self.process: subprocess.Popen[bytes] | None = None

    def command(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "tagwarden", *args, "--config", str(self.config_path)]

    def start(self, once: bool = False, wait: bool = True) -> DaemonProcess:
        """``wait``: until /healthz says the daemon has started (not for ``once``)."""
        log = self.log_path.open("ab")
        args = ["run", "--once"] if once else ["run"]
        self.process = subprocess.Popen(
            self.command(*args), stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ)
        )
        log.close()
        if wait and not once:
            wait_until(self._healthy, 30, "the daemon to answer /healthz")
        return self

    def _healthy(self) -> bool:
        assert self.process is not None
        if self.process.poll() is not None:
            raise AssertionError(f"the daemon exited with {self.process.returncode}:\n{self.log_text()}")
        try:
            status, body = self.get("/healthz")
        except (urllib.error.URLError, ConnectionError):
            return False
        return status == 200 and "starting" not in json.loads(body)  # started: reads at start done

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def findings_in_db(self) -> list[dict[str, Any]]:
        if not self.db.exists():
            return []
        with sqlite3.connect(f"file:{self.db}?mode=ro", uri=True, timeout=10) as conn:
            conn.row_factory = sqlite3.Row
            try:
                return [dict(row) for row in conn.execute("SELECT * FROM findings")]
            except sqlite3.OperationalError:
                return []

    def log_text(self) -> str:
        return self.log_path.read_text() if self.log_path.exists() else ""

    def log_events(self) -> list[dict[str, Any]]:
        events = []
        for line in self.log_text().splitlines():
            try:
                events.append(json.loads(line))
            except json.JSONDecodeError:
                continue
        return events

    def metric(self, name: str, **labels: str) -> float:
        """The value of one sample on /metrics (0 when absent)."""
        status, text = self.get("/metrics")
        assert status == 200
        for line in text.splitlines():
            if line.startswith("#") or not line.startswith(name):
                continue
            series, _, value = line.rpartition(" ")
            if series.split("{")[0] != name:
                continue
            if all(f'{k}="{v}"' in series for k, v in labels.items()):
                return float(value)
        return 0.0

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> tuple[int, float]:
        assert self.process is not None
        started = time.monotonic()
        self.process.send_signal(sig)
        code = self.process.wait(timeout=timeout)
        return code, time.monotonic() - started

    def wait(self, timeout: float = 60) -> int:
        assert self.process is not None
        return self.process.wait(timeout=timeout)

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


def sqs_source(deployment: Deployment, **extra: Any) -> list[dict[str, Any]]:
    """The daemon's ``sources``: one SQS source on the deployment's queue, polled every second."""
    return [
        {
            "type": "sqs",
            "name": "trail",
            "queue_url": deployment.queue_url,
            "wait_seconds": 1,
            "interval_seconds": 1,
            **extra,
        }
    ]
