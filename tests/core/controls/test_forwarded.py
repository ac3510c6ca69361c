"""What a forwarding rule's pattern takes of what tagwarden reads, and PutRule judged by it."""

from __future__ import annotations

import json
from typing import Any

import pytest

from tagwarden.core.controls import DeliveryPath
from tagwarden.core.controls.event_pattern import matches
from tagwarden.core.controls.forwarded import (
    S3_EVENTS,
    forwarded,
    forwards_any,
    no_longer_forwarded,
    pattern_text,
)
from tests.core.controls import records as r
from tests.core.controls.test_classify import delivery, judged

CLOUDTRAIL = "AWS API Call via CloudTrail"


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ({"detail-type": [CLOUDTRAIL]}, True),
        ({"source": ["aws.ec2"]}, True),  # no detail-type: EC2's CloudTrail records come too
        ({"detail-type": [CLOUDTRAIL], "detail": {"errorCode": [{"exists": False}]}}, True),
        ({"detail-type": [CLOUDTRAIL], "account": ["111122223333"]}, None),  # depends on the account
        ({"source": ["aws.cloudwatch"], "detail-type": [CLOUDTRAIL]}, None),  # a source not derived here
        ({"source": ["aws.s3"], "detail-type": ["Object Created"]}, True),
        ({"detail-type": [{"anything-but": CLOUDTRAIL}]}, True),  # S3's Object Created still passes
        ({"detail-type": [{"anything-but": [CLOUDTRAIL, "Object Created"]}]}, False),
        ({"detail-type": [CLOUDTRAIL], "detail": {"eventSource": ["none.amazonaws.com"]}}, False),
        ({"detail-type": [CLOUDTRAIL], "detail": {"eventName": ["GetObject", "Decrypt"]}}, False),
        ({"detail-type": [CLOUDTRAIL], "detail": {"errorCode": [{"exists": True}]}}, False),
        ({"source": ["aws.health"], "detail-type": ["AWS Health Event"]}, False),
    ],
)
def test_what_a_pattern_forwards(pattern: dict[str, Any], expected: bool | None) -> None:
    assert forwards_any(pattern) is expected
    assert forwards_any(pattern_text(pattern)) is expected  # as PutRule's record gives it: JSON text


def test_a_pattern_narrowed_to_one_service_loses_the_others() -> None:
    before = {"detail-type": [CLOUDTRAIL]}
    after = {"detail-type": [CLOUDTRAIL], "detail": {"eventSource": ["ec2.amazonaws.com"]}}
    lost = no_longer_forwarded(before, after)
    assert "iam.amazonaws.com" in lost and "sts.amazonaws.com" in lost and S3_EVENTS not in lost
    assert "ec2.amazonaws.com" not in lost
    assert forwarded(pattern_text(after))[S3_EVENTS] is False
    assert no_longer_forwarded(after, before) == []


def test_a_pattern_that_cannot_be_read_is_unknown() -> None:
    assert forwards_any("{not json") is None
    assert forwards_any("[]") is None
    deep = "[" * 100_000 + "]" * 100_000
    assert forwards_any(deep) is None


def _narrowed(pattern: dict[str, Any]) -> dict[str, Any]:
    return r.put_rule(pattern=pattern)


@pytest.mark.parametrize(
    ("pattern", "phrase"),
    [
        (
            {"detail-type": [{"anything-but": [CLOUDTRAIL, "Object Created"]}]},
            "takes no tag write nor control call",
        ),
        (
            {"detail-type": [CLOUDTRAIL], "detail": {"eventSource": ["none.amazonaws.com"]}},
            "takes no tag write nor control call",
        ),
    ],
)
def test_put_rule_narrowing_a_forwarding_rule_is_critical(pattern: dict[str, Any], phrase: str) -> None:
    finding = judged(_narrowed(pattern))
    assert finding is not None and finding.severity == "critical" and phrase in finding.explanation


def test_put_rule_leaving_out_one_service_a_rule_forwarded_is_critical() -> None:
    path = delivery()
    path.learn(r.put_rule(pattern={"detail-type": [CLOUDTRAIL]}, actor=r.ADMIN))  # every service
    without_iam = {
        "detail-type": [CLOUDTRAIL],
        "detail": {"eventSource": [{"anything-but": "iam.amazonaws.com"}]},
    }
    finding = judged(_narrowed(without_iam), path)
    assert finding is not None and finding.severity == "critical"
    assert "no longer forwards the tag writes or control calls of iam.amazonaws.com." in finding.explanation


@pytest.mark.parametrize(
    "pattern",
    [
        {"source": ["aws.s3", "aws.ec2"], "detail-type": [CLOUDTRAIL]},  # as learned: no change
        {"detail-type": [CLOUDTRAIL]},  # widened
        {"source": ["aws.s3", "aws.ec2"], "detail-type": [CLOUDTRAIL], "account": ["111122223333"]},
    ],
)
def test_put_rule_keeping_or_widening_what_it_forwards_is_not_flagged(pattern: dict[str, Any]) -> None:
    assert judged(_narrowed(pattern)) is None


def test_the_learned_pattern_is_the_baseline_of_the_next_change() -> None:
    path = delivery()
    only_ec2 = {"detail-type": [CLOUDTRAIL], "detail": {"eventSource": ["ec2.amazonaws.com"]}}
    path.learn(r.put_rule(pattern=only_ec2, actor=r.ADMIN))
    assert json.loads(path.rule_patterns[r.rule_arn()]) == only_ec2
    assert judged(r.put_rule(pattern=only_ec2), path) is None
    assert isinstance(path, DeliveryPath)


def test_a_rule_sending_to_the_queue_keeps_its_pattern_even_without_a_detail_type() -> None:
    path = DeliveryPath()
    path.add_source_queue(r.QUEUE_URL, "sqs-cloudtrail")
    path.add_rule(r.rule_arn(), json.dumps({"source": ["aws.ec2", "aws.iam"]}), {"q": r.QUEUE_ARN})
    assert r.rule_arn() in path.forwarding_rules and r.rule_arn() in path.rule_patterns
    finding = judged(r.put_rule(pattern={"source": ["aws.ec2"]}), path)
    assert finding is not None and "iam.amazonaws.com" in finding.explanation


@pytest.mark.timeout(60)
def test_a_backtracking_wildcard_in_anyones_put_rule_is_matched_at_once() -> None:
    # As a regular expression (".*a" thirty times, then "b") this would backtrack for longer than
    # a lifetime against an event name of a's; the glob walk takes len(pattern) * len(name) steps.
    hostile = {"detail-type": [CLOUDTRAIL], "detail": {"eventName": [{"wildcard": "*a" * 30 + "b"}]}}
    assert forwards_any(hostile) is False
    name = {"f": [{"wildcard": "*a" * 30 + "b"}]}
    assert matches(name, {"f": "a" * 60}) is False
    assert matches(name, {"f": "a" * 60 + "b"}) is True
    assert matches({"f": [{"wildcard": "a\\*b"}]}, {"f": "a*b"}) is True  # an escaped star is a star
    assert matches({"f": [{"wildcard": "a\\*b"}]}, {"f": "axb"}) is False


def test_a_pattern_longer_than_eventbridge_takes_is_unknown() -> None:
    values = [f"Op{n}" for n in range(2000)]
    assert forwards_any({"detail-type": [CLOUDTRAIL], "detail": {"eventName": values}}) is None
    assert forwards_any({"detail-type": [CLOUDTRAIL], "detail": {"eventName": values[:10]}}) is False


def test_control_calls_are_part_of_what_a_rule_forwards() -> None:
    only_stop_logging = {"detail-type": [CLOUDTRAIL], "detail": {"eventName": ["StopLogging", "DeleteTrail"]}}
    assert forwards_any(only_stop_logging) is True  # tamper alerts only: still something tagwarden reads
    path = delivery()
    path.learn(r.put_rule(pattern={"detail-type": [CLOUDTRAIL]}, actor=r.ADMIN))
    blind_to_trails = {
        "detail-type": [CLOUDTRAIL],
        "detail": {"eventSource": [{"anything-but": "cloudtrail.amazonaws.com"}]},
    }
    finding = judged(_narrowed(blind_to_trails), path)
    assert finding is not None and finding.severity == "critical"
    assert "control calls of cloudtrail.amazonaws.com." in finding.explanation
