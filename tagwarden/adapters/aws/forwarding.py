"""What forwards CloudTrail to a queue, as AWS describes it now: the EventBridge rules that target the
queue (on every event bus of its region), the SNS subscriptions of the queue (to any topic of its
account and region, and to a trail's topic), and the KMS key the queue encrypts its messages with.
Read at start, so that a rule or subscription made before tagwarden watched (or before it restarted)
is known when a later call disables or redirects it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mypy_boto3_events import EventBridgeClient
    from mypy_boto3_kms import KMSClient
    from mypy_boto3_sns import SNSClient
    from mypy_boto3_sqs import SQSClient


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


def _every(call: Callable[..., Any], items: str, **args: Any) -> Iterator[Any]:
    """The ``items`` of every page of a call paged by NextToken."""
    while True:
        page = call(**args)
        yield from page.get(items, [])
        token = page.get("NextToken")
        if not token:
            return
        args["NextToken"] = token


def _buses(events: EventBridgeClient) -> list[str]:
    names = [bus["Name"] for bus in _every(events.list_event_buses, "EventBuses") if bus.get("Name")]
    return names or ["default"]


def _targets(events: EventBridgeClient, rule: str, bus: str) -> dict[str, str]:
    return {
        t["Id"]: t["Arn"] for t in _every(events.list_targets_by_rule, "Targets", Rule=rule, EventBusName=bus)
    }


def rules_targeting(events: EventBridgeClient, queue_arn: str) -> list[Rule]:
    """Every rule of the queue's region (any event bus) with a target that sends to ``queue_arn``."""
    rules = []
    for bus in _buses(events):
        names = list(
            _every(events.list_rule_names_by_target, "RuleNames", TargetArn=queue_arn, EventBusName=bus)
        )
        for name in names:
            described = events.describe_rule(Name=name, EventBusName=bus)
            rules.append(Rule(described["Arn"], described.get("EventPattern"), _targets(events, name, bus)))
    return rules


def _subscription(sub: dict[str, Any], topic: str = "") -> Subscription:
    return Subscription(
        sub.get("TopicArn", topic),
        sub.get("SubscriptionArn", ""),
        sub.get("Protocol", ""),
        sub.get("Endpoint", ""),
    )


def subscriptions_of(sns: SNSClient, topic: str) -> list[Subscription]:
    """The subscriptions of one SNS topic."""
    subs = _every(sns.list_subscriptions_by_topic, "Subscriptions", TopicArn=topic)
    return [_subscription(sub, topic) for sub in subs]


def subscriptions_to(sns: SNSClient, endpoint: str) -> list[Subscription]:
    """The subscriptions to any topic whose endpoint is ``endpoint`` (a queue's ARN), among those
    ListSubscriptions gives in the client's account and region (SNS has no lookup by endpoint)."""
    subs = (_subscription(sub) for sub in _every(sns.list_subscriptions, "Subscriptions"))
    return [sub for sub in subs if sub.endpoint == endpoint]


def queue_identity(sqs: SQSClient, kms: KMSClient, queue_url: str) -> tuple[str, str | None]:
    """The queue's ARN as SQS gives it (a URL of a VPC endpoint or another endpoint does not say its
    region), and the id of the customer managed KMS key it encrypts its messages with: None for none,
    SSE-SQS, or an AWS managed key (alias/aws/sqs: nobody can disable it). An alias is resolved
    (DescribeKey), as DisableKey and its kin name the key itself."""
    attributes = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn", "KmsMasterKeyId"])
    arn = attributes.get("Attributes", {}).get("QueueArn", "")
    key = attributes.get("Attributes", {}).get("KmsMasterKeyId", "")
    if not key or key.startswith("alias/aws/"):
        return arn, None
    if key.startswith("alias/") or ":alias/" in key:
        metadata = kms.describe_key(KeyId=key)["KeyMetadata"]
        return arn, None if metadata.get("KeyManager") == "AWS" else str(metadata["KeyId"])
    return arn, key.rsplit(":key/", 1)[-1]
