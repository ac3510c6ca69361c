"""One writer per embedded store, and deliveries that a receiver can deduplicate (issue 16,
finding 10, as far as this issue goes: claiming deliveries across replicas is issue 11)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import boto3
import pytest
import yaml

from tagwarden.adapters.sinks.sns import SnsSink
from tagwarden.adapters.store import StoreError
from tagwarden.adapters.store.lock import lock_store
from tagwarden.app.cli.main import main
from tagwarden.app.config import load_config
from tagwarden.app.daemon import Daemon
from tagwarden.app.logs import get_logger
from tagwarden.core.settings.sinks import SnsSinkSettings
from tests.builders.cli_config import write_daemon_config
from tests.builders.findings import make_finding


def test_a_second_daemon_on_the_same_store_is_refused_at_start(
    no_aws: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = load_config(write_daemon_config(tmp_path))
    first = Daemon(config, get_logger())
    with pytest.raises(StoreError, match=r"in use by another tagwarden daemon \(pid"):
        Daemon(config, get_logger())
    assert main(["run", "--once", "--config", str(tmp_path / "tagwarden.yaml")]) == 1
    assert "in use by another tagwarden daemon" in capsys.readouterr().err
    # Reading the store is not writing it: the CLI still lists findings beside a running daemon.
    assert main(["findings", "list", "--config", str(tmp_path / "tagwarden.yaml")]) == 0
    first.shutdown()
    lock_store(config.store_url()).release()  # free again once the first daemon stopped


def test_sns_fifo_topics_deduplicate_by_finding_id(aws: str) -> None:
    sns, sqs = boto3.client("sns"), boto3.client("sqs")
    topic = sns.create_topic(Name="alerts.fifo", Attributes={"FifoTopic": "true"})["TopicArn"]
    queue = sqs.create_queue(QueueName="alerts.fifo", Attributes={"FifoQueue": "true"})["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn, Attributes={"RawMessageDelivery": "false"})
    sink = SnsSink("sns", SnsSinkSettings(type="sns", topic_arn=topic), sns)
    finding = make_finding(id="tw-dup")
    sink.send(finding)
    sink.send(finding)  # sent again, as after a crash between the send and its mark
    messages = sqs.receive_message(QueueUrl=queue, MaxNumberOfMessages=10).get("Messages", [])
    assert len(messages) == 1
    assert json.loads(json.loads(messages[0]["Body"])["Message"])["id"] == "tw-dup"


# The worker says it runs (its fork hooks have run by then) before the daemon says it is locked:
# a daemon killed within the instant of a fork is not what the test is about.
HOLD_AND_FORK = """
import os, sys, time
from tagwarden.adapters.store.lock import lock_store
lock = lock_store(sys.argv[1])
ready, running = os.pipe()
if os.fork() == 0:  # a worker: outlives its daemon by a while
    os.write(running, b"1")
    time.sleep(8)
    os._exit(0)
os.read(ready, 1)
print("locked", flush=True)
time.sleep(60)
"""


def test_a_worker_left_behind_by_a_killed_daemon_does_not_hold_its_lock(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'state.db'}"
    daemon = subprocess.Popen(
        [sys.executable, "-c", HOLD_AND_FORK, url], stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        assert daemon.stdout is not None and daemon.stdout.readline().strip() == "locked"
        with pytest.raises(StoreError, match="in use by another tagwarden daemon"):
            lock_store(url)
        daemon.send_signal(signal.SIGKILL)
        daemon.wait(10)
        lock_store(url).release()  # the forked child still sleeps; the lock went with the daemon
    finally:
        os.killpg(daemon.pid, signal.SIGKILL)


def test_a_source_that_never_polls_successfully_still_has_a_last_success_from_the_start(
    no_aws: None, tmp_path: Path
) -> None:
    # TagwardenIngestStalled compares time() with this series: absent, a source broken from the
    # first deploy (no access to its bucket) would never page.
    document = yaml.safe_load(write_daemon_config(tmp_path).read_text())
    document["sources"] = [{"type": "files", "name": "backfill", "paths": [str(tmp_path / "missing")]}]
    (tmp_path / "tagwarden.yaml").write_text(yaml.safe_dump(document))
    before = time.time()
    daemon = Daemon(load_config(tmp_path / "tagwarden.yaml"), get_logger())
    try:
        registry = daemon.parts.metrics.registry
        value = registry.get_sample_value(
            "tagwarden_source_last_success_timestamp_seconds", {"source": "backfill"}
        )
        assert value is not None and before <= value <= time.time()
    finally:
        daemon.shutdown()


def test_a_daemon_whose_store_cannot_open_leaves_no_lock(tmp_path: Path) -> None:
    (tmp_path / "state.db").write_text("x" * 200)  # not a database
    config = load_config(write_daemon_config(tmp_path))
    with pytest.raises(StoreError, match="not a database") as failed:
        Daemon(config, get_logger())
    assert failed.value.__traceback__ is not None  # held: the half-made daemon is not collected yet
    lock_store(config.store_url()).release()  # free: the daemon that did not start released it


def test_a_lock_closed_without_release_does_not_touch_what_reuses_its_number_in_a_child(
    tmp_path: Path,
) -> None:
    lock = lock_store(f"sqlite:///{tmp_path / 'state.db'}")
    assert lock.handle is not None
    number = lock.handle.fileno()
    lock.handle.close()  # as the collector closes a lock dropped without release()
    with (tmp_path / "reused").open("w") as reused:
        if reused.fileno() != number:
            pytest.skip("the freed descriptor number was not reused")
        child = os.fork()
        if child == 0:  # the at-fork hook has run: its write must still reach the file
            os.write(reused.fileno(), b"from the child")
            os._exit(0)
        os.waitpid(child, 0)
    assert (tmp_path / "reused").read_text() == "from the child"
