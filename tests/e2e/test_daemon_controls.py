"""The real daemon on moto: what carries CloudTrail to it, made before it started, is read from AWS
at start, so that blinding it is critical, not unknown. The forwarding rule, its target and the
queue's KMS key exist before the daemon runs; no record in the log makes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.core.controls import records as r
from tests.e2e.support import DaemonProcess, Deployment, sqs_source, wait_until

pytestmark = pytest.mark.e2e

ACCOUNT, REGION = "123456789012", "us-east-1"


def _in_moto(service: str, name: str, request: dict[str, Any], minute: int) -> dict[str, Any]:
    made = r.record(f"{service}.amazonaws.com", name, request, minute=minute)
    made.update(awsRegion=REGION, recipientAccountId=ACCOUNT)
    return made


def test_blinding_what_was_made_before_the_daemon_started_is_critical(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("controls")
    sqs, events, kms = boto3.client("sqs"), boto3.client("events"), boto3.client("kms")
    queue_arn = sqs.get_queue_attributes(QueueUrl=deployment.queue_url, AttributeNames=["QueueArn"])[
        "Attributes"
    ]["QueueArn"]
    key = kms.create_key()["KeyMetadata"]
    sqs.set_queue_attributes(QueueUrl=deployment.queue_url, Attributes={"KmsMasterKeyId": key["KeyId"]})
    events.put_rule(Name="ct-forward", EventPattern='{"detail-type": ["AWS API Call via CloudTrail"]}')
    events.put_targets(Rule="ct-forward", Targets=[{"Id": "q", "Arn": queue_arn}])
    daemon = DaemonProcess(tmp_path, {"version": 1}, sqs_source(deployment))
    daemon.start()
    try:
        deployment.put_log(
            ACCOUNT,
            [
                _in_moto("events", "DisableRule", {"name": "ct-forward"}, minute=1),
                _in_moto("kms", "DisableKey", {"keyId": key["Arn"]}, minute=2),
                _in_moto("events", "DisableRule", {"name": "some-other-rule"}, minute=3),
            ],
        )
        wait_until(lambda: deployment.depth() == 0, 60, "the log's message to leave the queue")
        findings = wait_until(
            lambda: (f := daemon.findings_in_db()) and len(f) >= 3 and f, 30, "three control_tamper findings"
        )
    finally:
        daemon.close()
    by_target = {f["target"]: f["severity"] for f in findings if f["kind"] == "control_tamper"}
    assert by_target == {
        f"arn:aws:events:{REGION}:{ACCOUNT}:rule/ct-forward": "critical",
        key["Arn"]: "critical",
        f"arn:aws:events:{REGION}:{ACCOUNT}:rule/some-other-rule": "info",  # nothing says it forwards
    }
