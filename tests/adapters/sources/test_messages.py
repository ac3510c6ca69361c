from __future__ import annotations

import json

import pytest

from tagwarden.adapters.sources.messages import (
    Ignored,
    Inline,
    MessageError,
    S3Object,
    content_bytes,
    parse_body,
)
from tests.conftest import FIXTURES

SQS = FIXTURES / "containers" / "sqs"
KEY = (
    "org trail/env=prod+eu/AWSLogs/111122223333/CloudTrail/us-east-1/2024/01/02/"
    "111122223333_CloudTrail_us-east-1_20240102T0305Z_abcdEFGH1234ijkl.json.gz"
)


@pytest.mark.parametrize(
    "name",
    ["s3-event-notification.json", "sns-s3-event-notification.json", "cloudtrail-sns-notification.json"],
)
def test_notifications_point_at_the_log_object_with_its_key_decoded_correctly(name: str) -> None:
    assert parse_body((SQS / name).read_text()) == [S3Object("org-cloudtrail-logs", KEY)]


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("s3-event-notification.json", 1716),
        ("sns-s3-event-notification.json", 1716),
        ("cloudtrail-sns-notification.json", None),  # CloudTrail's own notification names keys only
        ("eventbridge-event.json", None),  # records carried inline
    ],
)
def test_a_message_tells_the_size_of_what_it_names_where_s3_said_it(name: str, size: int | None) -> None:
    assert content_bytes(parse_body((SQS / name).read_text())) == size


def _object_created(size: object) -> str:
    detail = {"bucket": {"name": "logs"}, "object": {"key": KEY.replace(" ", "-"), "size": size}}
    return json.dumps({"source": "aws.s3", "detail-type": "Object Created", "detail": detail})


@pytest.mark.parametrize(
    ("size", "told"),
    [(2048, 2048), (0, 0), (-1, None), ("2048", None), (True, None), (2.5, None), (None, None)],
)
def test_only_a_whole_number_of_bytes_is_taken_for_a_size(size: object, told: int | None) -> None:
    content = parse_body(_object_created(size))
    assert content == [S3Object("logs", KEY.replace(" ", "-"))]  # the size never decides what is read
    assert content_bytes(content) == told


def test_a_message_naming_several_objects_tells_their_sum_or_nothing() -> None:
    assert content_bytes([S3Object("b", "k1", 10), S3Object("b", "k2", 32)]) == 42
    assert content_bytes([S3Object("b", "k1", 10), S3Object("b", "k2")]) is None
    assert content_bytes([S3Object("b", "k1", 10), Inline({})]) is None
    assert content_bytes([]) is None
    assert content_bytes(Ignored("s3:TestEvent")) is None


def test_eventbridge_event_carries_its_record_inline() -> None:
    content = parse_body((SQS / "eventbridge-event.json").read_text())
    assert isinstance(content, list) and len(content) == 1
    assert isinstance(content[0], Inline)
    assert content[0].value["detail"]["eventName"] == "TagRole"


def test_s3_test_event_is_ignored() -> None:
    assert isinstance(parse_body((SQS / "s3-test-event.json").read_text()), Ignored)


def test_digest_files_are_ignored() -> None:
    body = {
        "Records": [
            {
                "eventSource": "aws:s3",
                "eventName": "ObjectCreated:Put",
                "s3": {
                    "bucket": {"name": "b"},
                    "object": {"key": "AWSLogs/1/CloudTrail-Digest/us-east-1/2024/01/01/x.json.gz"},
                },
            }
        ]
    }
    assert isinstance(parse_body(json.dumps(body)), Ignored)


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("not json", "not JSON"),
        ('{"hello": "world"}', "not a CloudTrail, S3, SNS or EventBridge message"),
        ("[1, 2]", "expected an object"),
        ('{"Type": "Notification", "Message": "plain text"}', "Message is not JSON"),
        (
            '{"detail-type": "EC2 Instance State-change Notification", "detail": {"state": "running"}}',
            "is not a CloudTrail record",
        ),
        ('{"s3Bucket": "b", "s3ObjectKey": "not-a-list"}', "s3ObjectKey"),
        (
            '{"Records": [{"eventSource": "aws:s3", "s3": {"bucket": "b", "object": {"key": "k"}}}]}',
            "lacks the bucket name",
        ),
        (
            '{"Records": [{"eventSource": "aws:s3", "s3": {"bucket": {"name": "b"}, "object": ["k"]}}]}',
            "lacks the bucket name",
        ),
    ],
)
def test_unreadable_messages_say_why(body: str, reason: str) -> None:
    with pytest.raises(MessageError, match=reason):
        parse_body(body)


def _s3_eventbridge(detail_type: str, key: str) -> str:
    """S3's event on EventBridge, as in "EventBridge event message structure" (Amazon S3 guide)."""
    return json.dumps(
        {
            "version": "0",
            "id": "17793124-05d4-b198-2fde-7ededc63b103",
            "detail-type": detail_type,
            "source": "aws.s3",
            "account": "111122223333",
            "time": "2024-01-02T03:05:00Z",
            "region": "us-east-1",
            "resources": ["arn:aws:s3:::org-cloudtrail-logs"],
            "detail": {
                "version": "0",
                "bucket": {"name": "org-cloudtrail-logs"},
                "object": {"key": key, "size": 1024, "etag": "x", "sequencer": "1"},
                "request-id": "R",
                "requester": "cloudtrail.amazonaws.com",
                "reason": "PutObject",
            },
        }
    )


def test_s3_object_created_on_eventbridge_points_at_the_object_with_its_key_as_written() -> None:
    # Unlike S3's notifications, EventBridge carries the key as it is: '+' is a plus sign.
    assert parse_body(_s3_eventbridge("Object Created", KEY)) == [S3Object("org-cloudtrail-logs", KEY)]


@pytest.mark.parametrize(
    ("detail_type", "key"),
    [
        ("Object Deleted", KEY),
        ("Object Created", "AWSLogs/1/CloudTrail-Digest/us-east-1/2024/01/02/x.json.gz"),
        ("Object Created", "AWSLogs/1/CloudTrail/us-east-1/2024/01/02/inventory-manifest.csv"),
        ("Object Created", "AWSLogs/1/CloudTrail/us-east-1/2024/01/02/"),
    ],
)
def test_other_s3_events_on_eventbridge_are_ignored(detail_type: str, key: str) -> None:
    assert isinstance(parse_body(_s3_eventbridge(detail_type, key)), Ignored)
