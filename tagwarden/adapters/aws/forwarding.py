"""What forwards CloudTrail to a queue, as AWS describes it now: the EventBridge rules that target the
queue (on every event bus of its region) and the SNS subscriptions of the queue to a trail's topic.
Read at start, so that a rule or subscription made before tagwarden watched (or before it restarted)
is known when a later call disables or redirects it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_sns import SNSClient


@dataclass(frozen=True, slots=True)
class Rule:
    arn: str
    pattern: str | None  # the event pattern (JSON text); None for a scheduled rule
    targets: dict[str, str]  # target id -> ARN


@dataclass(frozen=True, slots=True)
class Subscription:
    topic: str
    arn: str
    protocol: str
    endpoint: str


def _buses(events: EventBridgeClient) -> list[str]:
    names: list[str] = []
    token: str | None = None
    while True:
        page = events.list_event_buses(NextToken=token) if token else events.list_event_buses()
        names += [bus["Name"] for bus in page.get("EventBuses", []) if bus.get("Name")]
        token = page.get("NextToken")
        if not token:
            return names or ["default"]


def _rule_names(events: EventBridgeClient, target: str, bus: str) -> list[str]:
    names: list[str] = []
    token: str | None = None
    while True:
        args: dict[str, Any] = {"TargetArn": target, "EventBusName": bus}
        if token:
            args["NextToken"] = token
        page = events.list_rule_names_by_target(**args)
        names += page.get("RuleNames", [])
        token = page.get("NextToken")
        if not token:
            return names


def _targets(events: EventBridgeClient, rule: str, bus: str) -> dict[str, str]:
    targets: dict[str, str] = {}
    token: str | None = None
    while True:
        args: dict[str, Any] = {"Rule": rule, "EventBusName": bus}
        if token:
            args["NextToken"] = token
        page = events.list_targets_by_rule(**args)
        targets.update({t["Id"]: t["Arn"] for t in page.get("Targets", [])})
        token = page.get("NextToken")
        if not token:
            return targets


def rules_targeting(events: EventBridgeClient, queue_arn: str) -> list[Rule]:
    """Every rule of the queue's region (any event bus) with a target that sends to ``queue_arn``."""
    rules = []
    for bus in _buses(events):
        for name in _rule_names(events, queue_arn, bus):
            described = events.describe_rule(Name=name, EventBusName=bus)
            rules.append(Rule(described["Arn"], described.get("EventPattern"), _targets(events, name, bus)))
    return rules


def subscriptions_of(sns: SNSClient, topic: str) -> list[Subscription]:
    """The subscriptions of one SNS topic."""
    found = []
    token: str | None = None
    while True:
        args: dict[str, Any] = {"TopicArn": topic}
        if token:
            args["NextToken"] = token
        page = sns.list_subscriptions_by_topic(**args)
        for sub in page.get("Subscriptions", []):
            found.append(
                Subscription(
                    topic,
                    sub.get("SubscriptionArn", ""),
                    sub.get("Protocol", ""),
                    sub.get("Endpoint", ""),
                )
            )
        token = page.get("NextToken")
        if not token:
            return found
