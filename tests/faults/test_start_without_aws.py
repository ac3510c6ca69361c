"""A daemon started while AWS does not answer serves HTTP at once, and asks again later what it could
not read at start: its own identity, the delivery path, the principal inventory."""

from __future__ import annotations

import json
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml
from botocore.exceptions import EndpointConnectionError

from tagwarden.adapters.aws import AwsClients
from tagwarden.app.config import load_config
from tagwarden.app.daemon import Daemon
from tagwarden.app.logs import get_logger
from tagwarden.app.scans import Scans
from tagwarden.app.wiring import build_parts
from tagwarden.core.controls import classify
from tests.builders.cli_config import write_daemon_config
from tests.core.controls import records as r
from tests.e2e.support import wait_until

MOTO_ACCOUNT = "123456789012"


def _config(tmp_path: Path, **aws: object) -> Path:
    (tmp_path / "logs").mkdir()
    sources = [{"type": "files", "name": "logs", "paths": [str(tmp_path / "logs")]}]
    # The default retries, what a deployment has, in place of write_daemon_config's one attempt.
    return write_daemon_config(tmp_path, aws={"region": "us-east-1", **aws}, sources=sources)


def test_reads_at_start_are_one_attempt_with_short_waits() -> None:
    config = AwsClients("us-east-1", max_attempts=5).for_start().sts().meta.config
    # botocore's max_attempts counts retries: 0 is the one attempt.
    assert config.retries == {"mode": "standard", "total_max_attempts": 1}
    assert (config.connect_timeout, config.read_timeout) == (5, 10)


def test_the_daemon_serves_http_while_aws_holds_its_reads(silent_endpoint: str, tmp_path: Path) -> None:
    # Before, the daemon asked STS and DescribeTrails with six attempts of 40 s each before its HTTP
    # server started: eight minutes without /healthz, past any startup probe.
    daemon = Daemon(load_config(_config(tmp_path, principal_inventory_interval_seconds=0)), get_logger())
    starting = threading.Thread(target=daemon.start, daemon=True)
    starting.start()
    try:
        while daemon.http is None:
            starting.join(0.05)
        host, port = daemon.http.address
        with urllib.request.urlopen(f"http://{host}:{port}/healthz", timeout=5) as answer:
            assert answer.status == 200
            assert json.load(answer) == {"status": "ok", "starting": True}
        assert starting.is_alive()  # STS is still holding the first read
        starting.join(60)
        assert not starting.is_alive()
        assert not daemon.start_reads.done  # asked again by a job of its own
        assert daemon._scheduler.get_job("start-reads") is not None
    finally:
        daemon.shutdown()


def test_what_got_no_answer_at_start_is_read_when_aws_answers(
    aws: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sqs = boto3.client("sqs")
    queue = sqs.create_queue(QueueName="tagwarden")["QueueUrl"]
    boto3.client("s3").create_bucket(Bucket="trail-bucket")
    boto3.client("cloudtrail").create_trail(Name="org", S3BucketName="trail-bucket")
    path = _config(tmp_path, principal_inventory_interval_seconds=600, max_attempts=1)
    document = yaml.safe_load(path.read_text())
    document["sources"].append({"type": "sqs", "queue_url": queue})
    path.write_text(yaml.safe_dump(document))
    # The daemon runs as a role, as in a pod with IRSA.
    boto3.client("iam").create_role(RoleName="tagwarden", AssumeRolePolicyDocument="{}")
    role = f"arn:aws:iam::{MOTO_ACCOUNT}:role/tagwarden"
    credentials = boto3.client("sts").assume_role(RoleArn=role, RoleSessionName="pod")["Credentials"]
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", credentials["AccessKeyId"])
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", credentials["SecretAccessKey"])
    monkeypatch.setenv("AWS_SESSION_TOKEN", credentials["SessionToken"])

    monkeypatch.setenv("AWS_ENDPOINT_URL", "http://127.0.0.1:9")  # nothing answers at start
    daemon = Daemon(load_config(path), get_logger())
    try:
        delivery = daemon.parts.processor.delivery
        assert not daemon.start_reads.run()
        logged = capsys.readouterr()  # stdout or stderr, as earlier tests left the logging set up
        assert "start_reads_pending" in logged.out + logged.err  # the log says what is asked again
        assert "trail-bucket" not in delivery.trail_buckets
        # The principal inventory is a job all the same: it waits for the account, and lockouts
        # wait for it (before, with no account at start, neither was ever done).
        scans = Scans(daemon.config, daemon.parts, daemon.log)
        assert "principals" in [job.name for job in scans.jobs()]
        assert daemon.parts.processor.inventory.awaited
        assert not scans.principal_inventory()
        deleted = r.iam_role_call("DeleteRole", "tagwarden")
        deleted["recipientAccountId"] = MOTO_ACCOUNT
        assert classify(deleted, delivery) is None  # not known yet as the daemon's own role

        monkeypatch.setenv("AWS_ENDPOINT_URL", aws)
        daemon.parts.identity._asked_at = float("-inf")  # type: ignore[union-attr]  # its 30 s are up
        assert daemon.start_reads.run()
        assert delivery.trail_buckets == {
            "trail-bucket": f"arn:aws:cloudtrail:us-east-1:{MOTO_ACCOUNT}:trail/org"
        }
        assert scans.principal_inventory()
        # The daemon's own role is a watcher role once STS names it.
        assert classify(deleted, delivery) is not None
    finally:
        daemon.shutdown()


def test_run_once_reads_the_delivery_path_and_its_own_role_too(aws: str, tmp_path: Path) -> None:
    boto3.client("s3").create_bucket(Bucket="trail-bucket")
    boto3.client("cloudtrail").create_trail(Name="org", S3BucketName="trail-bucket")
    daemon = Daemon(load_config(_config(tmp_path, principal_inventory_interval_seconds=0)), get_logger())
    try:
        assert daemon.run_once() == 0
        assert "trail-bucket" in daemon.parts.processor.delivery.trail_buckets
        assert daemon.start_reads.done
    finally:
        daemon.shutdown()


def test_only_the_daemon_asks_sts_with_one_short_attempt(no_aws: None, tmp_path: Path) -> None:
    config = load_config(_config(tmp_path, principal_inventory_interval_seconds=0, max_attempts=2))
    daemon = Daemon(config, get_logger())
    try:
        assert daemon.parts.identity is not None
        assert daemon.parts.identity._sts().meta.config.retries["total_max_attempts"] == 1
    finally:
        daemon.shutdown()
    # A command run once (scan) has only the answer it gets: it keeps the configured retries.
    scan = build_parts(config, get_logger())
    assert scan.identity is not None
    assert scan.identity._sts().meta.config.retries["total_max_attempts"] == 3
    scan.store.close()


def _daemon_reading(aws_queue: str, tmp_path: Path) -> Daemon:
    path = _config(tmp_path, principal_inventory_interval_seconds=0)
    document = yaml.safe_load(path.read_text())
    document["sources"].append({"type": "sqs", "name": "queue", "queue_url": aws_queue, "wait_seconds": 0})
    path.write_text(yaml.safe_dump(document))
    return Daemon(load_config(path), get_logger())


def _queue_with_a_subscription(named_as: str = "endpoint") -> tuple[str, str]:
    """A queue's URL, and the ARN of its subscription to a topic no trail names (a bucket's
    notifications). ``named_as`` "aws": the URL says the queue's region; "endpoint": moto's own URL,
    which does not (as a VPC endpoint's), so that only SQS's answer names the queue's ARN."""
    url = boto3.client("sqs").create_queue(QueueName="tagwarden")["QueueUrl"]
    sns = boto3.client("sns")
    topic = sns.create_topic(Name="log-bucket-news")["TopicArn"]
    arn = f"arn:aws:sqs:us-east-1:{MOTO_ACCOUNT}:tagwarden"
    subscription = sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn)["SubscriptionArn"]
    return (
        f"https://sqs.us-east-1.amazonaws.com/{MOTO_ACCOUNT}/tagwarden" if named_as == "aws" else url
    ), subscription


@pytest.mark.parametrize("named_as", ["aws", "endpoint"])
def test_a_long_listing_of_the_queues_subscriptions_goes_on_beside_the_daemons_work(
    aws: str,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    named_as: str,
) -> None:
    # SNS lists a queue's subscriptions only by paging through every subscription of the account
    # (100 a page, 30 pages a second at most): minutes where there are a million. Before, the daemon
    # started polling only once that listing was done; now it waits a while, then goes on.
    monkeypatch.setattr("tagwarden.app.daemon.service.SUBSCRIPTIONS_WAIT_SECONDS", 0.5, raising=False)
    queue, subscription = _queue_with_a_subscription(named_as)
    daemon = _daemon_reading(queue, tmp_path)
    asked, released = threading.Event(), threading.Event()

    def held(**_: Any) -> None:
        asked.set()
        released.wait(60)

    daemon.parts.clients._session.events.register("before-call.sns.ListSubscriptions", held)
    starting = threading.Thread(target=daemon.start, daemon=True)
    starting.start()
    try:
        assert asked.wait(30)
        starting.join(30)
        assert not starting.is_alive()  # started, the listing still held
        assert daemon._scheduler.get_job("poll:queue") is not None
        logged = capsys.readouterr()
        assert "queue_subscriptions_pending" in logged.out + logged.err  # says what is not known yet
        delivery = daemon.parts.processor.delivery
        assert subscription not in delivery.subscriptions
        released.set()
        wait_until(lambda: subscription in delivery.subscriptions, 20, "the queue's subscription")
        assert daemon.start_reads.subscriptions_read
        # The queue keeps the ARN SQS gave it at start (its URL may not say the region).
        assert list(delivery.source_queues) == [f"arn:aws:sqs:us-east-1:{MOTO_ACCOUNT}:tagwarden"]
    finally:
        released.set()
        daemon.shutdown()


def test_a_short_listing_is_known_before_the_first_poll(aws: str, tmp_path: Path) -> None:
    queue, subscription = _queue_with_a_subscription()
    daemon = _daemon_reading(queue, tmp_path)

    def slow(**_: Any) -> None:
        time.sleep(1.0)  # a few pages of a real account

    daemon.parts.clients._session.events.register("before-call.sns.ListSubscriptions", slow)
    try:
        daemon.start()
        assert subscription in daemon.parts.processor.delivery.subscriptions
    finally:
        daemon.shutdown()


def test_a_listing_that_got_no_answer_is_asked_again(
    aws: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("tagwarden.app.daemon.start_reads.RETRY_SECONDS", 0.2)
    queue, subscription = _queue_with_a_subscription()
    daemon = _daemon_reading(queue, tmp_path)
    calls: list[str] = []

    def first_unanswered(**_: Any) -> None:
        calls.append("ListSubscriptions")
        if len(calls) == 1:
            raise EndpointConnectionError(endpoint_url=aws)

    daemon.parts.clients._session.events.register("before-call.sns.ListSubscriptions", first_unanswered)
    try:
        daemon.start()
        delivery = daemon.parts.processor.delivery
        wait_until(lambda: subscription in delivery.subscriptions, 20, "the queue's subscription")
        assert len(calls) == 2
    finally:
        daemon.shutdown()


def test_run_once_reads_the_queues_subscriptions_before_its_poll(aws: str, tmp_path: Path) -> None:
    queue, subscription = _queue_with_a_subscription()
    daemon = _daemon_reading(queue, tmp_path)
    try:
        assert daemon.run_once() == 0
        assert subscription in daemon.parts.processor.delivery.subscriptions
    finally:
        daemon.shutdown()
