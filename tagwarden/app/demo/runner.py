"""Runs the demo: a local AWS in-process (moto), an account seeded with ABAC, a CloudTrail log
delivered through S3 and SQS, and the real daemon reading it."""

from __future__ import annotations

import gzip
import json
import logging
import os
import socket
import sys
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

import yaml

from tagwarden.adapters.aws import AwsClients
from tagwarden.app.config import load_config
from tagwarden.app.daemon import Daemon
from tagwarden.app.demo.scenario import BUCKETS, POLICY, ROLES, USERS, Scenario
from tagwarden.app.logs import configure_logging, get_logger
from tagwarden.core.integrity.layout import log_file_key

REGION = "us-east-1"
LOG_BUCKET = "demo-cloudtrail-logs"
QUEUE = "tagwarden-cloudtrail"


@dataclass(frozen=True, slots=True)
class Seeded:
    account: str
    instance_id: str
    queue_url: str


def start_local_aws() -> tuple[Any, str]:
    """moto in server mode on a free loopback port; AWS clients of this process point at it."""
    from moto.server import ThreadedMotoServer  # noqa: PLC0415 - moto is the demo extra, not a dependency

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    os.environ.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID="demo",
        AWS_SECRET_ACCESS_KEY="demo",
        AWS_DEFAULT_REGION=REGION,
    )
    os.environ.pop("AWS_PROFILE", None)
    return server, endpoint


def seed(clients: AwsClients) -> Seeded:
    iam, s3, sqs = clients.iam(), clients.s3(), clients.sqs()
    trust = json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": ["sts:AssumeRole", "sts:TagSession"]}
            ],
        }
    )
    for name, tags in ROLES.items():
        iam.create_role(
            RoleName=name,
            AssumeRolePolicyDocument=trust,
            Tags=[{"Key": k, "Value": v} for k, v in tags.items()],
        )
    for name, tags in USERS.items():
        iam.create_user(UserName=name, Tags=[{"Key": k, "Value": v} for k, v in tags.items()])
    for bucket, tags in BUCKETS.items():
        s3.create_bucket(Bucket=bucket)
        s3.put_bucket_tagging(
            Bucket=bucket, Tagging={"TagSet": [{"Key": k, "Value": v} for k, v in tags.items()]}
        )
    ec2 = clients.ec2()
    image = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    instance = ec2.run_instances(ImageId=image, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
    dead = sqs.create_queue(QueueName=f"{QUEUE}-dlq")["QueueUrl"]
    dead_arn = sqs.get_queue_attributes(QueueUrl=dead, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    queue = sqs.create_queue(
        QueueName=QUEUE,
        Attributes={
            "RedrivePolicy": json.dumps({"deadLetterTargetArn": dead_arn, "maxReceiveCount": "3"}),
            "VisibilityTimeout": "60",
        },
    )["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]
    s3.create_bucket(Bucket=LOG_BUCKET)
    s3.put_bucket_notification_configuration(
        Bucket=LOG_BUCKET,
        NotificationConfiguration={
            "QueueConfigurations": [{"QueueArn": queue_arn, "Events": ["s3:ObjectCreated:*"]}]
        },
    )
    account = clients.sts().get_caller_identity()["Account"]
    return Seeded(account, instance, queue)


def log_key(account: str, moment: datetime, region: str = REGION) -> str:
    """Where a trail writes a log file: AWSLogs/<account>/CloudTrail/<region>/YYYY/MM/DD/<name>."""
    return log_file_key(account, region, moment, uuid.uuid4().hex[:16])


def deliver(
    clients: AwsClients, account: str, records: list[dict[str, Any]], bucket: str = LOG_BUCKET
) -> str:
    """Write a log file as CloudTrail does; the bucket's notification announces it on SQS."""
    key = log_key(account, datetime.now(tz=UTC))
    body = gzip.compress(json.dumps({"Records": records}).encode())
    clients.s3().put_object(Bucket=bucket, Key=key, Body=body)
    return key


def free_port(preferred: int) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", preferred))
            return preferred
        except OSError:
            probe.bind(("127.0.0.1", 0))
            return int(probe.getsockname()[1])


def write_config(workdir: Path, queue_url: str, port: int) -> Path:
    (workdir / "policy.yaml").write_text(yaml.safe_dump(POLICY, sort_keys=False))
    config = {
        "policy": "policy.yaml",
        "store": {"url": "sqlite:///state/tagwarden.db"},
        "http": {"listen": f"127.0.0.1:{port}"},
        "aws": {"region": REGION, "principal_tags_ttl_seconds": 300},
        "sources": [
            {
                "type": "sqs",
                "name": "cloudtrail",
                "queue_url": queue_url,
                "wait_seconds": 1,
                "interval_seconds": 1,
            }
        ],
        "logging": {"level": "info", "format": "auto"},
    }
    path = workdir / "tagwarden.yaml"
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def _wait_for_findings(daemon: Daemon, expected: int, timeout: float) -> int:
    deadline = time.monotonic() + timeout
    count = 0
    while time.monotonic() < deadline and not daemon.stop.is_set():
        count = len(daemon.parts.store.list_findings())
        if count >= expected:
            break
        time.sleep(0.5)
    return count


def run_demo(
    port: int = 9464, duration: float = 0, workdir: Path | None = None, out: TextIO | None = None
) -> int:
    """Run until Ctrl-C (or for ``duration`` seconds). 0 when every expected kind of finding appeared."""
    stream = out or sys.stdout
    directory = workdir or Path(tempfile.mkdtemp(prefix="tagwarden-demo-"))
    directory.mkdir(parents=True, exist_ok=True)
    server, endpoint = start_local_aws()
    try:
        clients = AwsClients(REGION)
        seeded = seed(clients)
        config_path = write_config(directory, seeded.queue_url, free_port(port))
        config = load_config(config_path)
        configure_logging("warning" if duration else "info", config.settings.logging.format)
        daemon = Daemon(config, get_logger())
        daemon.start()
        if threading.current_thread() is threading.main_thread():
            daemon.install_signals()
        scenario = Scenario(seeded.account).build(seeded.instance_id)
        key = deliver(clients, seeded.account, scenario.records)
        found = _wait_for_findings(daemon, len(scenario.expected), timeout=60)
        kinds = {f.kind for f in daemon.parts.store.list_findings()}
        missing = [what for kind, what in scenario.expected if kind not in kinds]
        assert daemon.http is not None
        host, bound = daemon.http.address
        listen = f"{host}:{bound}"
        stream.write(
            f"\ntagwarden demo: a local AWS at {endpoint}, seeded with roles, users, buckets and an "
            "instance.\n"
            f"A CloudTrail log of {len(scenario.records)} records went to s3://{LOG_BUCKET}/{key},\n"
            f"S3 announced it on SQS, and the daemon turned it into {found} findings.\n\n"
            f"  on-call view   http://{listen}/findings\n"
            f"  metrics        http://{listen}/metrics\n"
            f"  findings API   http://{listen}/api/findings\n"
            f"  health         http://{listen}/healthz   http://{listen}/readyz\n"
            f"  list findings  tagwarden findings list --config {config_path}\n"
            f"  one finding    tagwarden findings show <id> --config {config_path}\n"
            f"  config/policy  {config_path}  {directory / 'policy.yaml'}\n\n"
        )
        if missing:
            stream.write("not reported (yet): " + "; ".join(missing) + "\n")
        stream.write(f"Stopping after {duration:g}s.\n" if duration else "Ctrl-C stops the demo.\n")
        stream.flush()
        deadline = time.monotonic() + duration if duration else None
        while not daemon.stop.wait(timeout=0.5):
            if deadline is not None and time.monotonic() >= deadline:
                break
        daemon.shutdown()
        return 1 if missing else 0
    finally:
        server.stop()
