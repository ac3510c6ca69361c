"""EventBridge RemovePermission on the bus a rule sending to the queue sits on: an organization's
central bus that no longer lets member accounts put their CloudTrail events on it."""

from __future__ import annotations

from tagwarden.core.controls import DeliveryPath, classify, is_control_call
from tests.core.controls import records as r
from tests.core.controls.judging import judged_on as judged

CENTRAL = f"arn:aws:events:{r.REGION}:{r.ACCOUNT}:event-bus/central"
DEFAULT = f"arn:aws:events:{r.REGION}:{r.ACCOUNT}:event-bus/default"
CENTRAL_RULE = f"arn:aws:events:{r.REGION}:{r.ACCOUNT}:rule/central/from-members"
PATTERN = {"detail-type": ["AWS API Call via CloudTrail"]}


def central_bus() -> DeliveryPath:
    """A rule on the custom bus ``central`` sending to the queue, as AWS's read at start gives it."""
    path = DeliveryPath()
    path.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    path.add_rule(CENTRAL_RULE, PATTERN, {"q": r.QUEUE_ARN})
    return path


def test_a_statement_removed_from_the_central_bus_is_critical() -> None:
    finding = judged(r.remove_bus_permission("central"), central_bus())
    assert finding is not None and finding.severity == "critical"
    assert finding.target == CENTRAL and finding.target_kind == "event_bus"
    assert CENTRAL_RULE in finding.explanation and "statement member-accounts" in finding.explanation
    assert "may no longer put their events on the bus" in finding.explanation


def test_every_statement_removed_says_so() -> None:
    finding = judged(r.remove_bus_permission(CENTRAL, statement=None, remove_all=True), central_bus())
    assert finding is not None and "every statement of its permissions" in finding.explanation


def test_the_default_bus_when_its_rule_sends_to_the_queue() -> None:
    path = DeliveryPath()
    path.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    path.learn(r.put_rule())
    path.learn(r.put_targets())
    finding = judged(r.remove_bus_permission(), path)  # no EventBusName: the default bus
    assert finding is not None and finding.severity == "critical" and finding.target == DEFAULT
    assert judged(r.remove_bus_permission("central"), path) is None


def test_a_bus_whose_rules_send_elsewhere_is_not_flagged() -> None:
    path = DeliveryPath()
    path.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    # A rule whose pattern takes CloudTrail events but that sends to another account's bus.
    path.add_rule(CENTRAL_RULE, PATTERN, {"org": "arn:aws:events:us-east-1:444455556666:event-bus/org"})
    assert judged(r.remove_bus_permission("central"), path) is None
    assert judged(r.remove_bus_permission("other"), central_bus()) is None


def test_listed_writer_is_info_and_a_failed_attempt_a_warning() -> None:
    by_admin = judged(r.remove_bus_permission("central", actor=r.ADMIN), central_bus())
    assert by_admin is not None and by_admin.severity == "info"
    failed = judged(r.remove_bus_permission("central", error="AccessDenied"), central_bus())
    assert failed is not None and failed.severity == "warning"


def test_sqs_remove_permission_is_still_the_queues() -> None:
    assert is_control_call("events.amazonaws.com", "RemovePermission")
    call = classify(r.queue_call("RemovePermission"), central_bus())
    assert call is not None and call.target_kind == "queue"
