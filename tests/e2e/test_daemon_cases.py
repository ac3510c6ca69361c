"""The real daemon against moto over HTTP: a CloudTrail log put in S3 and announced on SQS becomes
findings in SQLite, metric increments and log lines, and the message is gone from the queue."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.builders.abac_cases import ACCOUNT, CASES, POLICY, ROLES, USERS, Case, CaseLog, findings_by_event
from tests.e2e.support import DaemonProcess, Deployment, seed_principals, sqs_source, wait_until

pytestmark = pytest.mark.e2e

FIELDS = (
    "id",
    "kind",
    "severity",
    "rule",
    "event_id",
    "event_name",
    "event_time",
    "account",
    "region",
    "actor",
    "target",
    "tag_key",
    "old_value",
    "new_value",
    "explanation",
)


@dataclass
class Run:
    log: CaseLog
    daemon: DaemonProcess
    deployment: Deployment
    findings: list[dict[str, object]]


@pytest.fixture(scope="module")
def run(moto_endpoint: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("AWS_ENDPOINT_URL", moto_endpoint)
        patch.setenv("AWS_ACCESS_KEY_ID", "testing")
        patch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
        patch.setenv("AWS_DEFAULT_REGION", "us-east-1")
        import urllib.request

        urllib.request.urlopen(
            urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")
        ).close()
        seed_principals(ROLES, USERS)
        deployment = Deployment.create("cases")
        log = CaseLog().build()
        deployment.put_log(ACCOUNT, log.records)
        daemon = DaemonProcess(
            tmp_path_factory.mktemp("daemon"),
            POLICY,
            sqs_source(deployment),
        )
        daemon.start()
        expected = sum(len(case.expected) for case in CASES)
        try:
            findings = wait_until(
                lambda: (f := daemon.findings_in_db()) and len(f) >= expected and f,
                60,
                f"{expected} findings in SQLite",
            )
            wait_until(lambda: deployment.depth() == 0, 30, "the message to leave the queue")
            yield Run(log, daemon, deployment, findings)
        finally:
            daemon.close()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_each_case_gives_exactly_its_findings(case: Case, run: Run) -> None:
    found = findings_by_event(run.findings)
    assert found.get(run.log.event_ids[case.id], frozenset()) == case.expected


def test_findings_carry_every_field_and_are_served_by_the_api(run: Run) -> None:
    status, body = run.daemon.get("/api/findings?severity=critical&kind=self_grant")
    assert status == 200
    import json

    (served,) = json.loads(body)
    for name in FIELDS:
        assert served[name] not in (None, ""), name
    assert served["actor"] == f"arn:aws:iam::{ACCOUNT}:role/dev-alpha"
    assert (served["old_value"], served["new_value"]) == ("beta", "alpha")
    status, detail = run.daemon.get(f"/api/findings/{served['id']}")
    assert status == 200
    detail_json = json.loads(detail)
    assert detail_json["record"]["eventID"] == served["event_id"]
    assert [h["value"] for h in detail_json["target_history"]][:2] == ["alpha", "beta"]


def test_metrics_count_what_was_recorded(run: Run) -> None:
    daemon = run.daemon
    assert daemon.metric("tagwarden_findings_total", kind="self_grant", severity="critical") == 1
    assert daemon.metric("tagwarden_findings_total", kind="unauthorized_writer", severity="critical") >= 5
    assert daemon.metric("tagwarden_records_read_total", source="trail") == len(run.log.records)
    assert (
        daemon.metric("tagwarden_tag_changes_total", event_source="s3.amazonaws.com", outcome="success") > 0
    )
    assert daemon.metric("tagwarden_sqs_messages_total", source="trail", result="processed") == 1
    assert daemon.metric("tagwarden_source_last_success_timestamp_seconds", source="trail") > 0
    assert daemon.metric("tagwarden_newest_event_timestamp_seconds", source="trail") > 0
    assert daemon.metric("tagwarden_open_findings", severity="critical", kind="self_grant") == 1
    # What it asked of AWS to get there: the queue's long polls, and the log file it fetched.
    assert daemon.metric("tagwarden_aws_requests_total", service="sqs", operation="ReceiveMessage") >= 1
    assert daemon.metric("tagwarden_aws_requests_total", service="s3", operation="GetObject") >= 1


def test_one_log_line_per_finding_with_every_field(run: Run) -> None:
    lines = [e for e in run.daemon.log_events() if e.get("event") == "finding"]
    assert len(lines) == len(run.findings)
    for line in lines:
        for name in FIELDS:
            assert name in line, name
    assert {line["id"] for line in lines} == {f["id"] for f in run.findings}


def test_the_message_is_gone_and_nothing_went_to_the_dead_letter_queue(run: Run) -> None:
    assert run.deployment.depth() == 0
    assert run.deployment.depth(dead_letters=True) == 0
    status, body = run.daemon.get("/readyz")
    assert status == 200, body
