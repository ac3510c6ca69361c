"""Sinks with a fake transport (no sockets), SNS against moto, and the dispatcher's retries."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import boto3
import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import DeliveryError, Dispatcher, SinkRoute
from tagwarden.adapters.sinks.alertmanager import AlertmanagerSink
from tagwarden.adapters.sinks.dispatcher import backoff
from tagwarden.adapters.sinks.sns import SnsSink
from tagwarden.adapters.sinks.webhook import WebhookSink
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import (
    AlertmanagerSinkSettings,
    DeliverySettings,
    SnsSinkSettings,
    WebhookSinkSettings,
)
from tests.builders.findings import make_finding


def finding(index: int = 1, severity: str = "critical", kind: str = "self_grant") -> Finding:
    return make_finding(id=f"tw-{index}", kind=kind, severity=severity, event_id=f"e{index}")


class FakeHttp:
    """Records what was posted; answers with the statuses it is given, in turn."""

    def __init__(self, *statuses: int) -> None:
        self.statuses = list(statuses) or [200]
        self.posts: list[tuple[str, object, Mapping[str, str]]] = []

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        self.posts.append((url, json.loads(body), dict(headers)))
        status = self.statuses.pop(0) if len(self.statuses) > 1 else self.statuses[0]
        if status == 0:
            raise DeliveryError("cannot reach the sink: connection refused")
        return status


def test_alertmanager_alert_carries_the_labels_and_annotations() -> None:
    http = FakeHttp(200)
    settings = AlertmanagerSinkSettings(type="alertmanager", url="http://am:9093/", external_url="https://tw")
    AlertmanagerSink("am", settings, http).send(finding())
    ((url, body, _),) = http.posts
    assert url == "http://am:9093/api/v2/alerts"
    (alert,) = body  # type: ignore[misc]
    assert alert["labels"] == {
        "alertname": "TagwardenFinding",
        "severity": "critical",
        "finding_severity": "critical",
        "kind": "self_grant",
        "account": "123456789012",
        "rule": "builtin:self_grant",
        "tag_key": "team",
        "finding_id": "tw-1",
    }
    annotations = alert["annotations"]
    assert (annotations["actor"], annotations["target"]) == (finding().actor, finding().target)
    assert (annotations["old_value"], annotations["new_value"], annotations["event_id"]) == (
        "beta",
        "alpha",
        "e1",
    )
    assert annotations["description"] == finding().explanation
    assert alert["generatorURL"] == "https://tw/findings/tw-1"
    assert alert["startsAt"] < alert["endsAt"]


@pytest.mark.parametrize(
    ("severity", "routed"),
    [("critical", "critical"), ("high", "warning"), ("warning", "warning"), ("info", "info")],
)
def test_alertmanager_alert_routes_by_the_alert_rules_severities(severity: str, routed: str) -> None:
    """The routes know critical, warning and info (deploy/prometheus/alerts.yaml): a high finding
    notifies as warning, as the rule's alert for it does, and keeps its own in finding_severity."""
    http = FakeHttp(200)
    settings = AlertmanagerSinkSettings(type="alertmanager", url="http://am:9093/")
    AlertmanagerSink("am", settings, http).send(finding(severity=severity))
    ((_, body, _),) = http.posts
    labels = body[0]["labels"]  # type: ignore[index]
    assert (labels["severity"], labels["finding_severity"]) == (routed, severity)


def test_alertmanager_error_status_is_a_delivery_error() -> None:
    sink = AlertmanagerSink(
        "am", AlertmanagerSinkSettings(type="alertmanager", url="http://am"), FakeHttp(500)
    )
    with pytest.raises(DeliveryError, match="HTTP 500"):
        sink.send(finding())


def test_webhook_body_is_slack_compatible_and_carries_the_finding() -> None:
    http = FakeHttp(204)
    settings = WebhookSinkSettings(type="webhook", url="https://hooks/x", headers={"X-Token": "t"})
    WebhookSink("hook", settings, http).send(finding())
    ((url, body, headers),) = http.posts
    # The finding id rides along as an idempotency key, so a receiver can drop a repeat (issue 16).
    assert url == "https://hooks/x" and headers == {"X-Token": "t", "Idempotency-Key": "tw-1"}
    assert isinstance(body, dict)
    assert body["text"].startswith("tagwarden: self_grant (critical)")
    assert body["attachments"][0]["text"] == finding().explanation
    assert body["finding"]["id"] == "tw-1"


def subscribed_queue() -> tuple[Any, str, str]:
    """An SNS client, a topic on moto and an SQS queue subscribed to it: (sns, topic, queue)."""
    sns, sqs = boto3.client("sns"), boto3.client("sqs")
    topic = sns.create_topic(Name="alerts")["TopicArn"]
    queue = sqs.create_queue(QueueName="alerts")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=queue, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic, Protocol="sqs", Endpoint=arn)
    return sns, topic, queue


def received_envelope(queue: str) -> dict[str, Any]:
    (message,) = boto3.client("sqs").receive_message(QueueUrl=queue).get("Messages", [])
    envelope: dict[str, Any] = json.loads(message["Body"])
    return envelope


def test_sns_publishes_the_finding(aws: str) -> None:
    sns, topic, queue = subscribed_queue()
    SnsSink("sns", SnsSinkSettings(type="sns", topic_arn=topic), sns).send(finding())
    envelope = received_envelope(queue)
    assert json.loads(envelope["Message"])["id"] == "tw-1"
    assert envelope["MessageAttributes"]["severity"]["Value"] == "critical"
    with pytest.raises(DeliveryError):
        SnsSink("sns", SnsSinkSettings(type="sns", topic_arn=topic + "-missing"), sns).send(finding())


def test_route_sends_each_finding_to_the_sinks_it_is_severe_enough_for() -> None:
    route = SinkRoute({"pager": "critical", "chat": "warning"})
    assert route(finding(severity="critical")) == ["pager", "chat"]
    assert route(finding(severity="high")) == ["chat"]
    assert route(finding(severity="info")) == []


def queued(store: Store, count: int, sinks: list[str]) -> None:
    with store.unit() as tx:
        for index in range(count):
            tx.add_findings([finding(index)])
            for sink in sinks:
                tx.enqueue_delivery(f"tw-{index}", sink)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_sink_that_is_down_is_retried_with_backoff_and_blocks_no_other() -> None:
    store = open_store("sqlite:///:memory:")
    queued(store, 3, ["am", "hook"])
    down, up = FakeHttp(0), FakeHttp(200)
    settings = DeliverySettings(max_backoff_seconds=60)
    clock, metrics = Clock(), Metrics()
    sinks = {
        "am": AlertmanagerSink("am", AlertmanagerSinkSettings(type="alertmanager", url="http://am"), down),
        "hook": WebhookSink("hook", WebhookSinkSettings(type="webhook", url="https://h"), up),
    }
    dispatcher = Dispatcher(store, sinks, settings, metrics=metrics, log=get_logger(), clock=clock)
    first = dispatcher.run_once()
    assert (first.delivered, first.failed) == (3, 1)  # one try at the dead sink, then it is skipped
    assert len(down.posts) == 1 and len(up.posts) == 3
    assert store.pending_deliveries() == {"am": 3}
    assert metrics.registry.get_sample_value("tagwarden_sink_pending", {"sink": "am"}) == 3
    assert (
        metrics.registry.get_sample_value(
            "tagwarden_sink_deliveries_total", {"sink": "hook", "result": "delivered"}
        )
        == 3
    )
    # Not retried before the backoff has passed...
    clock.now += 1
    assert dispatcher.run_once().failed == 0 and len(down.posts) == 1
    # ...then, once the sink is back, everything waiting is delivered, once.
    down.statuses = [200]
    clock.now += 3600
    again = dispatcher.run_once()
    clock.now += 3600
    again.delivered += dispatcher.run_once().delivered
    assert again.delivered == 3
    assert store.pending_deliveries() == {}
    assert {body[0]["labels"]["finding_id"] for _, body, _ in down.posts[1:]} == {"tw-0", "tw-1", "tw-2"}  # type: ignore[index]
    assert store.delivery_status("tw-0") == {"am": "delivered", "hook": "delivered"}


def test_pending_deliveries_survive_a_restart(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/state.db"
    store = open_store(url)
    queued(store, 1, ["am"])
    store.close()
    reopened = open_store(url)
    assert [(d.finding_id, d.sink, d.attempts) for d in reopened.claim_deliveries(1, 10, "test", 60)] == [
        ("tw-0", "am", 0)
    ]


def test_backoff_doubles_up_to_its_ceiling() -> None:
    waits = [backoff(attempt, 900, jitter=lambda: 0.5) for attempt in range(10)]
    assert waits[:4] == [5, 10, 20, 40]
    assert max(waits) == 900
