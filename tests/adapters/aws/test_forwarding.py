"""Reading what forwards CloudTrail to a queue: every page of every bus (botocore's Stubber: moto
answers in one page)."""

from __future__ import annotations

import boto3
from botocore.stub import Stubber

from tagwarden.adapters.aws.forwarding import (
    Rule,
    Subscription,
    rules_targeting,
    subscriptions_of,
    subscriptions_to,
)

QUEUE = "arn:aws:sqs:us-east-1:111111111111:ct"
RULE = "arn:aws:events:us-east-1:111111111111:rule/{}"


def test_rules_on_every_bus_and_every_page() -> None:
    events = boto3.client("events", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(events) as stub:
        stub.add_response("list_event_buses", {"EventBuses": [{"Name": "default"}], "NextToken": "b2"}, {})
        stub.add_response("list_event_buses", {"EventBuses": [{"Name": "central"}]}, {"NextToken": "b2"})
        by_target = {"TargetArn": QUEUE, "EventBusName": "default"}
        stub.add_response("list_rule_names_by_target", {"RuleNames": ["a"], "NextToken": "n"}, by_target)
        stub.add_response("list_rule_names_by_target", {"RuleNames": ["b"]}, {**by_target, "NextToken": "n"})
        for name in ("a", "b"):
            stub.add_response(
                "describe_rule",
                {
                    "Arn": RULE.format(name),
                    "EventPattern": '{"detail-type": ["AWS API Call via CloudTrail"]}',
                },
                {"Name": name, "EventBusName": "default"},
            )
            targets = {"Rule": name, "EventBusName": "default"}
            stub.add_response(
                "list_targets_by_rule", {"Targets": [{"Id": "q", "Arn": QUEUE}], "NextToken": "t"}, targets
            )
            stub.add_response(
                "list_targets_by_rule",
                {"Targets": [{"Id": "copy", "Arn": QUEUE + "-2"}]},
                {**targets, "NextToken": "t"},
            )
        stub.add_response(
            "list_rule_names_by_target", {"RuleNames": []}, {"TargetArn": QUEUE, "EventBusName": "central"}
        )
        rules = rules_targeting(events, QUEUE)
        stub.assert_no_pending_responses()
    pattern = '{"detail-type": ["AWS API Call via CloudTrail"]}'
    targets = {"q": QUEUE, "copy": QUEUE + "-2"}
    assert rules == [Rule(RULE.format("a"), pattern, targets), Rule(RULE.format("b"), pattern, targets)]


def test_subscriptions_on_every_page() -> None:
    sns = boto3.client("sns", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    topic = "arn:aws:sns:us-east-1:111111111111:trail"
    first = {"SubscriptionArn": topic + ":1", "Protocol": "sqs", "Endpoint": QUEUE, "TopicArn": topic}
    second = {
        "SubscriptionArn": topic + ":2",
        "Protocol": "email",
        "Endpoint": "a@example.com",
        "TopicArn": topic,
    }
    with Stubber(sns) as stub:
        stub.add_response(
            "list_subscriptions_by_topic", {"Subscriptions": [first], "NextToken": "n"}, {"TopicArn": topic}
        )
        stub.add_response(
            "list_subscriptions_by_topic", {"Subscriptions": [second]}, {"TopicArn": topic, "NextToken": "n"}
        )
        found = subscriptions_of(sns, topic)
    assert found == [
        Subscription(topic, topic + ":1", "sqs", QUEUE),
        Subscription(topic, topic + ":2", "email", "a@example.com"),
    ]


def test_subscriptions_to_the_queue_on_every_page() -> None:
    sns = boto3.client("sns", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    bucket_topic, trail_topic = (
        "arn:aws:sns:us-east-1:111111111111:bucket",
        "arn:aws:sns:us-east-1:111111111111:trail",
    )
    mine = {
        "SubscriptionArn": bucket_topic + ":1",
        "Protocol": "sqs",
        "Endpoint": QUEUE,
        "TopicArn": bucket_topic,
    }
    other = {
        "SubscriptionArn": trail_topic + ":2",
        "Protocol": "sqs",
        "Endpoint": QUEUE + "-2",
        "TopicArn": trail_topic,
    }
    also = {
        "SubscriptionArn": trail_topic + ":3",
        "Protocol": "sqs",
        "Endpoint": QUEUE,
        "TopicArn": trail_topic,
    }
    with Stubber(sns) as stub:
        stub.add_response("list_subscriptions", {"Subscriptions": [mine, other], "NextToken": "n"}, {})
        stub.add_response("list_subscriptions", {"Subscriptions": [also]}, {"NextToken": "n"})
        found = subscriptions_to(sns, QUEUE)
        stub.assert_no_pending_responses()
    assert found == [
        Subscription(bucket_topic, bucket_topic + ":1", "sqs", QUEUE),
        Subscription(trail_topic, trail_topic + ":3", "sqs", QUEUE),
    ]
