"""The SQS source: long-polls a queue of log-delivery notifications or EventBridge events.

A message is deleted only after everything it carried is committed. A message that cannot be
read is left alone: SQS makes it visible again after the visibility timeout and, after the
redrive policy's maxReceiveCount, moves it to the dead-letter queue. Either way the loop
carries on with the messages behind it.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from tagwarden.adapters.aws.errors import error_code
from tagwarden.adapters.sources.base import PollResult, SourceContext
from tagwarden.adapters.sources.messages import Ignored, Inline, MessageError, S3Object, parse_body
from tagwarden.adapters.sources.s3_objects import read_object
from tagwarden.core.records import ReadProblem, iter_records_from_value
from tagwarden.core.settings.settings import SqsSourceSettings

if TYPE_CHECKING:
    from mypy_boto3_s3 import S3Client
    from mypy_boto3_sqs import SQSClient
    from mypy_boto3_sqs.type_defs import MessageTypeDef


class SqsSource:
    def __init__(
        self, name: str, settings: SqsSourceSettings, context: SourceContext, *, sqs: SQSClient, s3: S3Client
    ) -> None:
        self.name = name
        self.settings = settings
        self._sqs = sqs
        self._s3 = s3
        self._processor = context.processor
        self._metrics = context.metrics
        self._log = context.log.bind(source=name)
        self._clock = context.clock
        self._dlq_url: str | None = None
        self._dlq_checked = float("-inf")

    def check(self) -> None:
        self._sqs.get_queue_attributes(QueueUrl=self.settings.queue_url, AttributeNames=["QueueArn"])

    def poll(self, stop: threading.Event) -> PollResult:
        total = PollResult()
        deadline = self._clock() + self.settings.drain_seconds
        while not stop.is_set() and self._clock() < deadline:
            request: dict[str, Any] = {
                "QueueUrl": self.settings.queue_url,
                "MaxNumberOfMessages": self.settings.max_messages,
                "WaitTimeSeconds": self.settings.wait_seconds,
                "MessageSystemAttributeNames": ["ApproximateReceiveCount"],
            }
            if self.settings.visibility_timeout is not None:
                request["VisibilityTimeout"] = self.settings.visibility_timeout
            messages = self._sqs.receive_message(**request).get("Messages", [])
            # A drain can last minutes; each answered receive shows the source is alive.
            self._metrics.last_success.labels(self.name).set(time.time())
            if not messages:
                break
            # The batch in hand is finished even if a stop arrives meanwhile.
            for message in messages:
                total.add(self._handle(message))
        self._measure_backlog()
        self._check_dead_letters()
        return total

    def _measure_backlog(self) -> None:
        """What waits in the queue: a backfill sent with ``replay --enqueue`` shows here."""
        try:
            attrs = self._sqs.get_queue_attributes(
                QueueUrl=self.settings.queue_url,
                AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
            ).get("Attributes", {})
            backlog = self._metrics.queue_backlog
            backlog.labels(self.name, "visible").set(int(attrs.get("ApproximateNumberOfMessages", "0")))
            backlog.labels(self.name, "in_flight").set(
                int(attrs.get("ApproximateNumberOfMessagesNotVisible", "0"))
            )
        except (ClientError, BotoCoreError, ValueError) as exc:
            self._log.info("queue_backlog_unavailable", error=error_code(exc, type(exc).__name__))

    def _objects(self, content: list[S3Object | Inline]) -> Iterator[dict[str, Any] | ReadProblem]:
        for item in content:
            if isinstance(item, S3Object):
                yield from read_object(self._s3, item.bucket, item.key)
            else:
                yield from iter_records_from_value(item.value)

    def _handle(self, message: MessageTypeDef) -> PollResult:
        result = PollResult(units=1)
        message_id = message.get("MessageId", "?")
        receive_count = message.get("Attributes", {}).get("ApproximateReceiveCount", "?")
        try:
            content = parse_body(message.get("Body", ""))
        except MessageError as exc:
            return self._leave(result, message_id, "unreadable_message", str(exc), receive_count)
        if isinstance(content, Ignored):
            self._delete(message, result)
            self._metrics.sqs_messages.labels(self.name, "ignored").inc()
            self._log.info("message_ignored", message_id=message_id, reason=content.reason)
            return result
        unit = self._processor.process(self._objects(content), source=self.name, unit=f"sqs:{message_id}")
        result.records += unit.records
        result.findings += len(unit.new_findings)
        if unit.fatal is not None:
            return self._leave(result, message_id, unit.fatal.reason, unit.fatal.detail, receive_count)
        self._delete(message, result)
        self._metrics.sqs_messages.labels(self.name, "processed").inc()
        return result

    def _leave(
        self, result: PollResult, message_id: str, reason: str, detail: str, receive_count: str
    ) -> PollResult:
        result.failed_units += 1
        result.errors.append(f"{message_id}: {detail}")
        self._metrics.source_errors.labels(self.name, reason).inc()
        self._metrics.sqs_messages.labels(self.name, "failed").inc()
        self._log.warning(
            "message_left_for_redrive",
            message_id=message_id,
            reason=reason,
            detail=detail,
            receive_count=receive_count,
        )
        return result

    def _delete(self, message: MessageTypeDef, result: PollResult) -> None:
        try:
            self._sqs.delete_message(QueueUrl=self.settings.queue_url, ReceiptHandle=message["ReceiptHandle"])
        except (ClientError, BotoCoreError) as exc:
            # Committed already: the redelivered message will be recognised and skipped.
            result.errors.append(f"delete failed: {exc}")
            self._metrics.source_errors.labels(self.name, "delete_failed").inc()
            self._log.warning("message_delete_failed", message_id=message.get("MessageId"), error=str(exc))

    def _check_dead_letters(self) -> None:
        """Export the dead-letter queue's depth, where the redrive policy names one."""
        now = self._clock()
        if now - self._dlq_checked < self.settings.dead_letter_check_seconds:
            return
        self._dlq_checked = now
        try:
            if self._dlq_url is None:
                attrs = self._sqs.get_queue_attributes(
                    QueueUrl=self.settings.queue_url, AttributeNames=["RedrivePolicy"]
                ).get("Attributes", {})
                self._dlq_url = _dlq_url(attrs.get("RedrivePolicy"), self._sqs)
                if self._dlq_url is None:
                    return
            depth = self._sqs.get_queue_attributes(
                QueueUrl=self._dlq_url, AttributeNames=["ApproximateNumberOfMessages"]
            ).get("Attributes", {})
            self._metrics.dead_letter_messages.labels(self.name).set(
                int(depth.get("ApproximateNumberOfMessages", "0"))
            )
        except (ClientError, BotoCoreError, ValueError) as exc:
            self._log.info("dead_letter_queue_unavailable", error=error_code(exc, type(exc).__name__))


def _dlq_url(policy: str | None, sqs: SQSClient) -> str | None:
    if not policy:
        return None
    arn = json.loads(policy).get("deadLetterTargetArn", "")
    parts = arn.split(":")
    if len(parts) != 6:
        return None
    return sqs.get_queue_url(QueueName=parts[5], QueueOwnerAWSAccountId=parts[4])["QueueUrl"]
