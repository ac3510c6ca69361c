"""The real daemon against moto: EventBridge events, malformed input, SIGTERM and SIGKILL."""

from __future__ import annotations

import gzip
import io
import json
import signal
from pathlib import Path
from typing import Any

import pytest

from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.core.records import iter_records
from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS
from tests.builders.abac_processor import abac_processor
from tests.conftest import FIXTURES
from tests.e2e.support import DaemonProcess, Deployment, seed_principals, sqs_source, wait_until

pytestmark = pytest.mark.e2e

ALICE = Caller(ACCOUNT, "dev-alpha", session="alice")


def eventbridge(detail: dict[str, Any]) -> str:
    return json.dumps(
        {
            "version": "0",
            "id": "6a7e8feb-b491-4cf7-a9f1-bf3703467718",
            "detail-type": "AWS API Call via CloudTrail",
            "source": "aws.iam",
            "account": ACCOUNT,
            "time": detail["eventTime"],
            "region": "us-east-1",
            "resources": [],
            "detail": detail,
        }
    )


def self_retag(event_id: str) -> dict[str, Any]:
    return record(
        ALICE,
        "iam.amazonaws.com",
        "TagRole",
        {"roleName": "dev-alpha", "tags": tag_list({"team": "beta"})},
        time="2024-05-01T10:00:00Z",
        event_id=event_id,
    )


def test_eventbridge_envelope_becomes_findings(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("events")
    deployment.send(eventbridge(self_retag("eb-1")))
    daemon = DaemonProcess(tmp_path, POLICY, sqs_source(deployment)).start()
    try:
        findings = wait_until(daemon.findings_in_db, 30, "findings from the EventBridge event")
        assert {(f["kind"], f["event_id"]) for f in findings} == {
            ("unauthorized_writer", "eb-1"),
            ("self_retag", "eb-1"),
        }
        wait_until(lambda: deployment.depth() == 0, 30, "the event to leave the queue")
        assert daemon.metric("tagwarden_findings_total", kind="self_retag", severity="critical") == 1
        assert any(e.get("event") == "finding" and e.get("kind") == "self_retag" for e in daemon.log_events())
        # The store's forget job runs from the start, hourly after: it ran, and said what it forgot.
        wait_until(
            lambda: daemon.metric("tagwarden_job_last_success_timestamp_seconds", scan="forget") > 0,
            30,
            "the forget job's first run",
        )
        assert any(e.get("event") == "store_forgotten" for e in daemon.log_events())
    finally:
        daemon.close()


def test_malformed_input_is_counted_and_logged_and_nothing_valid_is_lost(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("dirty", visibility_timeout=1, max_receive=2)
    malformed = FIXTURES / "malformed"
    # A truncated gzip, an invalid-JSON log and a log with bad records, each announced by S3.
    deployment.put_log(ACCOUNT, [], body=(malformed / "truncated.json.gz").read_bytes())
    deployment.put_log(ACCOUNT, [], body=(malformed / "invalid-json-middle.json").read_bytes())
    deployment.put_log(ACCOUNT, [], body=(malformed / "bad-records.json").read_bytes())
    # Messages that are not CloudTrail at all, or not JSON.
    deployment.send('{"hello": "world"}')
    deployment.send("this is not json")
    # And a valid EventBridge event in the same batch.
    deployment.send(eventbridge(self_retag("valid-1")))
    daemon = DaemonProcess(tmp_path, POLICY, sqs_source(deployment, dead_letter_check_seconds=1)).start()
    try:
        wait_until(
            lambda: {f["event_id"] for f in daemon.findings_in_db()} >= {"valid-1"}, 30, "the valid event"
        )
        # The damaged messages go round until the redrive policy moves them to the dead-letter queue.
        wait_until(
            lambda: deployment.depth(dead_letters=True) == 4, 60, "4 messages in the dead-letter queue"
        )
        wait_until(lambda: deployment.depth() == 0, 30, "an empty queue")
        wait_until(
            lambda: daemon.metric("tagwarden_sqs_dead_letter_messages", source="trail") == 4,
            30,
            "the dead-letter gauge",
        )
        events = daemon.log_events()
        left = [e for e in events if e.get("event") == "message_left_for_redrive"]
        reasons = {e["reason"] for e in left}
        assert {"truncated_gzip", "invalid_json", "unreadable_message"} <= reasons
        assert all(e["detail"] for e in left)
        rejected = [e for e in events if e.get("event") == "record_rejected"]
        assert any("eventName is missing" in e["detail"] for e in rejected)
        assert any(
            e.get("event") == "unreadable_tag_event" and "requestParameters" in e["reason"] for e in events
        )
        assert (
            daemon.metric("tagwarden_source_errors_total", source="trail", reason="unreadable_message") >= 2
        )
        assert daemon.metric("tagwarden_records_rejected_total", source="trail", reason="bad_record") >= 1
        # Records readable before the damage, and the good records beside the bad ones, were judged.
        judged = {f["event_id"] for f in daemon.findings_in_db()}
        assert {
            "a1f0c9d2-0001-4c3e-9b7a-5d2e8f6a1b01",
            "a1f0c9d2-0002-4c3e-9b7a-5d2e8f6a1b02",
            "a1f0c9d2-0004-4c3e-9b7a-5d2e8f6a1b04",
            "valid-1",
        } <= judged
        assert daemon.process is not None and daemon.process.poll() is None  # still running
    finally:
        daemon.close()


def noisy_log(index: int, noise: int) -> list[dict[str, Any]]:
    records = [
        record(
            ALICE,
            "s3.amazonaws.com",
            "GetObject",
            {"bucketName": "alpha-data", "key": f"k{i}"},
            time="2024-05-01T09:00:00Z",
            event_id=f"noise-{index}-{i}",
        )
        for i in range(noise)
    ]
    records.append(
        record(
            ALICE,
            "s3.amazonaws.com",
            "PutBucketTagging",
            s3_tagging(f"b{index}", {"team": "beta"}),
            time=f"2024-05-01T10:{index:02d}:00Z",
            event_id=f"grab-{index}",
        )
    )
    records.append(
        record(
            ALICE,
            "iam.amazonaws.com",
            "TagRole",
            {"roleName": f"r{index}", "tags": tag_list({"team": "alpha"})},
            time=f"2024-05-01T10:{index:02d}:30Z",
            event_id=f"retag-{index}",
        )
    )
    return records


def expected_ids(logs: list[list[dict[str, Any]]]) -> set[str]:
    """The findings the same input gives when judged in-process without interruption."""
    store, processor = abac_processor()
    for index, records in enumerate(logs):
        body = gzip.compress(json.dumps({"Records": records}).encode())
        processor.process(iter_records(io.BytesIO(body)), source="x", unit=str(index))
    return {f.id for f in store.list_findings()}


def test_sigkill_in_the_middle_of_a_batch_loses_and_duplicates_nothing(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("killed", visibility_timeout=2, max_receive=10)
    logs = [noisy_log(index, noise=30000) for index in range(8)]
    for records in logs:
        deployment.put_log(ACCOUNT, records)
    want = expected_ids(logs)
    # Per log: unauthorized_writer on the bucket; unauthorized_writer and principal_retag on the role.
    assert len(want) == 8 * 3
    first = DaemonProcess(tmp_path, POLICY, sqs_source(deployment, max_messages=10)).start()
    try:
        wait_until(first.findings_in_db, 60, "the first committed message", interval=0.02)
        first.stop(signal.SIGKILL)
    finally:
        first.close()
    at_kill = {f["id"] for f in first.findings_in_db()}
    assert 0 < len(at_kill) < len(want), "the kill must land in the middle of the batch"
    second = DaemonProcess(tmp_path, POLICY, sqs_source(deployment)).start()
    try:
        wait_until(lambda: len(second.findings_in_db()) >= len(want), 120, "every finding after the restart")
        wait_until(lambda: deployment.depth() == 0, 60, "every message to leave the queue")
        rows = second.findings_in_db()
        assert sorted(f["id"] for f in rows) == sorted(want)  # nothing lost, nothing twice
        assert len({(f["event_id"], f["target"], f["tag_key"], f["kind"]) for f in rows}) == len(rows)
        assert deployment.depth(dead_letters=True) == 0
    finally:
        second.close()


def test_sigterm_finishes_the_batch_and_exits_0_within_10_seconds(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("stopped", visibility_timeout=30)
    logs = [noisy_log(index, noise=20000) for index in range(4)]
    for records in logs:
        deployment.put_log(ACCOUNT, records)
    daemon = DaemonProcess(tmp_path, POLICY, sqs_source(deployment, max_messages=10, wait_seconds=20)).start()
    try:
        wait_until(daemon.findings_in_db, 60, "the batch to be in hand", interval=0.02)
        code, elapsed = daemon.stop(signal.SIGTERM)
        assert code == 0
        assert elapsed < 10
        assert any(e.get("event") == "daemon_stopped" for e in daemon.log_events())
        # The batch in hand was finished: every message received was committed and deleted.
        assert {f["id"] for f in daemon.findings_in_db()} == expected_ids(logs)
        assert deployment.depth() == 0
    finally:
        daemon.close()


def test_once_drains_every_source_and_exits_0(aws: str, tmp_path: Path) -> None:
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("once")
    deployment.put_log(ACCOUNT, noisy_log(1, noise=10))
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "extra.json").write_text(json.dumps({"Records": noisy_log(2, noise=10)}))
    daemon = DaemonProcess(
        tmp_path, POLICY, [*sqs_source(deployment), {"type": "files", "paths": [str(logs)]}]
    )
    daemon.start(once=True)
    assert daemon.wait(60) == 0
    assert len(daemon.findings_in_db()) == 6
    assert deployment.depth() == 0
