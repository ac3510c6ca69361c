"""A finding that changes after a sink took it: each notifier replaces or withdraws what it showed,
and the dispatcher hands it the version the sink took (fake transports, SNS on moto)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Dispatcher, SinkRoute
from tagwarden.adapters.sinks.alertmanager import AlertmanagerSink
from tagwarden.adapters.sinks.sns import SnsSink
from tagwarden.adapters.sinks.webhook import WebhookSink
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import (
    AlertmanagerSinkSettings,
    DeliverySettings,
    SnsSinkSettings,
    WebhookSinkSettings,
)
from tests.adapters.sinks.test_sinks import FakeHttp, received_envelope, subscribed_queue
from tests.builders.findings import make_finding

SENT = make_finding(id="tw-1", severity="critical", rule="team-guard")


def alertmanager(http: FakeHttp) -> AlertmanagerSink:
    return AlertmanagerSink("am", AlertmanagerSinkSettings(type="alertmanager", url="http://am"), http)


def posted_alerts(http: FakeHttp) -> list[dict[str, object]]:
    ((_, body, _),) = http.posts
    assert isinstance(body, list)
    return body


def ended(alert: dict[str, object]) -> bool:
    return datetime.fromisoformat(str(alert["endsAt"])) <= datetime.fromisoformat(str(alert["startsAt"]))


def test_alertmanager_ends_the_alert_of_a_superseded_finding() -> None:
    http = FakeHttp()
    alertmanager(http).revise(SENT, replace(SENT, status="superseded"), shown=False)
    (alert,) = posted_alerts(http)
    assert ended(alert)
    assert alert["labels"]["finding_id"] == "tw-1" and alert["labels"]["severity"] == "critical"  # type: ignore[index]
    assert "withdrawn (judged again, it no longer holds)" in alert["annotations"]["description"]  # type: ignore[index]


def test_alertmanager_replaces_an_alert_whose_labels_changed_and_updates_one_whose_did_not() -> None:
    """Alertmanager knows an alert by its labels: a finding judged again to another severity is a
    new alert, so the old one is ended with it; one whose labels stay is updated in place."""
    lowered = replace(SENT, severity="warning", explanation="the session's team holds the value")
    http = FakeHttp()
    alertmanager(http).revise(SENT, lowered, shown=True)
    fresh, old = posted_alerts(http)
    assert not ended(fresh) and fresh["labels"]["finding_severity"] == "warning"  # type: ignore[index]
    assert ended(old) and old["labels"]["finding_severity"] == "critical"  # type: ignore[index]

    reworded = FakeHttp()
    alertmanager(reworded).revise(SENT, replace(SENT, explanation="judged with the session"), shown=True)
    (only,) = posted_alerts(reworded)
    assert not ended(only) and only["annotations"]["description"] == "judged with the session"  # type: ignore[index]


def test_webhook_says_what_changed_with_both_versions_and_a_key_of_its_own() -> None:
    http = FakeHttp()
    sink = WebhookSink("hook", WebhookSinkSettings(type="webhook", url="https://h"), http)
    sink.revise(SENT, replace(SENT, status="resolved"), shown=False)
    sink.revise(SENT, replace(SENT, severity="warning"), shown=True)
    (_, withdrawn, first_headers), (_, revised, second_headers) = http.posts
    assert isinstance(withdrawn, dict) and isinstance(revised, dict)
    assert withdrawn["text"].startswith("tagwarden: withdrawn (resolved): self_grant (critical)")
    assert (withdrawn["update"], withdrawn["finding"]["status"], withdrawn["previous"]["status"]) == (
        "withdrawn",
        "resolved",
        "open",
    )
    assert revised["text"].startswith("tagwarden: revised: self_grant (warning)")
    assert revised["text"].endswith("was critical under team-guard")
    # Neither is the first message's key, nor each other's: a receiver drops neither as a repeat.
    keys = {first_headers["Idempotency-Key"], second_headers["Idempotency-Key"], SENT.id}
    assert len(keys) == 3


def test_sns_publishes_the_revision_with_an_update_attribute(aws: str) -> None:
    sns, topic, queue = subscribed_queue()
    SnsSink("sns", SnsSinkSettings(type="sns", topic_arn=topic), sns).revise(
        SENT, replace(SENT, status="superseded"), shown=False
    )
    envelope = received_envelope(queue)
    body = json.loads(envelope["Message"])
    assert (body["status"], body["previous"]["status"], body["update"]) == ("superseded", "open", "withdrawn")
    assert envelope["MessageAttributes"]["update"]["Value"] == "withdrawn"
    assert envelope["Subject"].startswith("tagwarden withdrawn critical")


class Recording:
    """A notifier that records what the dispatcher asked of it."""

    name = "hook"

    def __init__(self) -> None:
        self.calls: list[tuple[str, ...]] = []

    def send(self, finding: Finding) -> None:
        self.calls.append(("send", finding.status, finding.severity))

    def revise(self, sent: Finding, current: Finding, shown: bool) -> None:
        self.calls.append(("revise", sent.severity, current.status, current.severity, str(shown)))


@pytest.mark.parametrize(
    ("now", "sent_before", "expected"),
    [
        # Never sent, and no longer live or below the sink's floor: nothing is sent or withdrawn.
        ({"status": "superseded"}, False, []),
        ({"severity": "info"}, False, []),
        ({}, False, [("send", "open", "critical")]),
        # Sent before: the sink replaces it, or withdraws it when no longer live or routed to it.
        ({"severity": "warning"}, True, [("revise", "critical", "open", "warning", "True")]),
        ({"severity": "info"}, True, [("revise", "critical", "open", "info", "False")]),
        ({"status": "resolved"}, True, [("revise", "critical", "resolved", "critical", "False")]),
    ],
)
def test_the_dispatcher_hands_a_notifier_what_its_sink_took(
    now: dict[str, str], sent_before: bool, expected: list[tuple[str, ...]]
) -> None:
    store = open_store("sqlite:///:memory:")
    with store.unit() as tx:
        tx.add_findings([SENT])
        tx.enqueue_delivery(SENT.id, "hook")
    if sent_before:
        store.claim_deliveries(0.0, 10, "x", 1.0)
        store.delivery_done(SENT.id, "hook")
    with store.unit() as tx:
        tx.revise_finding(replace(SENT, **{k: v for k, v in now.items() if k != "status"}))
        if sent_before:
            tx.requeue_deliveries(SENT.id, SENT)
    if "status" in now:
        store.set_status(SENT.id, now["status"])  # type: ignore[arg-type]
    sink = Recording()
    dispatcher = Dispatcher(
        store,
        {"hook": sink},
        DeliverySettings(),
        metrics=Metrics(),
        log=get_logger(),
        route=SinkRoute({"hook": "warning"}),
    )
    assert dispatcher.run_once().delivered == len(expected)
    assert sink.calls == expected
    assert store.pending_deliveries() == {}


def test_a_send_cut_short_is_withdrawn_once_its_finding_is() -> None:
    """A replica claimed the delivery and died mid-send: the sink may have the finding. Once the
    finding is superseded, the next claim withdraws it rather than dropping it unsent."""
    store = open_store("sqlite:///:memory:")
    with store.unit() as tx:
        tx.add_findings([SENT])
        tx.enqueue_delivery(SENT.id, "hook")
    store.claim_deliveries(0.0, 10, "dead-replica", 60.0)  # never done, failed nor handed back
    with store.unit() as tx:
        tx.supersede(SENT.id)
    sink = Recording()
    dispatcher = Dispatcher(
        store, {"hook": sink}, DeliverySettings(), metrics=Metrics(), log=get_logger(), clock=lambda: 61.0
    )
    assert dispatcher.run_once().delivered == 1
    assert sink.calls == [("revise", "critical", "superseded", "critical", "False")]
