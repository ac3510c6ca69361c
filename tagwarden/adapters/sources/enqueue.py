"""Backfills over the fleet: CloudTrail log objects sent to the queue as S3 notifications, so every
replica reading the queue takes a share, exactly as it takes the objects CloudTrail delivers."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote_plus

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient

SQS_BATCH = 10  # SendMessageBatch takes at most ten entries
ATTEMPTS = 3


class EnqueueError(RuntimeError):
    """Some messages could not be sent; the message says which and why."""


def s3_notification(bucket: str, key: str, region: str, at: datetime | None = None) -> dict[str, Any]:
    """An ``ObjectCreated:Put`` event as S3 sends it to SQS (one record, the key URL-encoded):
    https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html"""
    when = (at or datetime.now(tz=UTC)).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    return {
        "Records": [
            {
                "eventVersion": "2.1",
                "eventSource": "aws:s3",
                "awsRegion": region,
                "eventTime": when,
                "eventName": "ObjectCreated:Put",
                "userIdentity": {"principalId": "tagwarden-replay"},
                "s3": {
                    "s3SchemaVersion": "1.0",
                    "configurationId": "tagwarden-replay",
                    "bucket": {"name": bucket, "arn": f"arn:aws:s3:::{bucket}"},
                    "object": {"key": quote_plus(key, safe="/")},
                },
            }
        ]
    }


def _batches(keys: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(keys), SQS_BATCH):
        yield keys[start : start + SQS_BATCH]


def enqueue_objects(
    sqs: SQSClient,
    queue_url: str,
    bucket: str,
    keys: Sequence[str],
    *,
    region: str,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Sends one message per key, ten per request, retrying the entries SQS refused; returns how
    many were sent. Raises ``EnqueueError`` naming the keys still refused after the retries."""
    sent = 0
    for batch in _batches(keys):
        pending = {str(i): key for i, key in enumerate(batch)}
        failures: list[str] = []
        for _ in range(ATTEMPTS):
            response = sqs.send_message_batch(
                QueueUrl=queue_url,
                Entries=[
                    {"Id": entry, "MessageBody": json.dumps(s3_notification(bucket, key, region))}
                    for entry, key in pending.items()
                ],
            )
            failed = {
                item["Id"]: item.get("Message", item.get("Code", "?")) for item in response.get("Failed", [])
            }
            sent += len(pending) - len(failed)
            failures = [f"{pending[entry]}: {reason}" for entry, reason in failed.items()]
            pending = {entry: pending[entry] for entry in failed}
            if not pending:
                break
        if pending:
            raise EnqueueError(
                f"{len(pending)} object(s) not sent after {ATTEMPTS} tries: {'; '.join(failures)}"
            )
        if progress is not None:
            progress(sent, len(keys))
    return sent
