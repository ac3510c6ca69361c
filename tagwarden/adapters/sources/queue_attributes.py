"""What the SQS source reads about its queue: the backlog, the visibility timeout, and the
dead-letter queue's depth."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from tagwarden.adapters.aws.error_codes import AWS_ERRORS, error_code
from tagwarden.adapters.sources.source import SourceContext
from tagwarden.core.settings.settings import SqsSourceSettings

if TYPE_CHECKING:
    from mypy_boto3_sqs import SQSClient

# A queue attribute read: the call failed, or its value is not a number.
_ATTRIBUTE_ERRORS: tuple[type[Exception], ...] = (*AWS_ERRORS, ValueError)
DEFAULT_VISIBILITY_SECONDS = 30  # SQS's default, assumed when the queue's cannot be read


class QueueAttributes:
    """Read for the source named ``name``, into its metrics; a failed read is logged, not raised."""

    def __init__(
        self, name: str, settings: SqsSourceSettings, sqs: SQSClient, context: SourceContext
    ) -> None:
        self._name = name
        self._settings = settings
        self._sqs = sqs
        self._metrics = context.metrics
        self._log = context.log.bind(source=name)
        self._clock = context.clock
        self._visibility: int | None = settings.visibility_timeout
        self._dlq_url: str | None = None
        self._dlq_checked = float("-inf")

    def measure_backlog(self) -> None:
        """What waits in the queue: a backfill sent with ``replay --enqueue`` shows here."""
        try:
            attrs = self._sqs.get_queue_attributes(
                QueueUrl=self._settings.queue_url,
                AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
            ).get("Attributes", {})
            backlog = self._metrics.queue_backlog
            backlog.labels(self._name, "visible").set(int(attrs.get("ApproximateNumberOfMessages", "0")))
            backlog.labels(self._name, "in_flight").set(
                int(attrs.get("ApproximateNumberOfMessagesNotVisible", "0"))
            )
        except _ATTRIBUTE_ERRORS as exc:
            self._log.info("queue_backlog_unavailable", error=error_code(exc, type(exc).__name__))

    def visibility_timeout(self) -> int:
        """The timeout the received messages got: the configured one, else the queue's."""
        if self._visibility is None:
            try:
                attrs = self._sqs.get_queue_attributes(
                    QueueUrl=self._settings.queue_url, AttributeNames=["VisibilityTimeout"]
                ).get("Attributes", {})
                self._visibility = int(attrs.get("VisibilityTimeout", DEFAULT_VISIBILITY_SECONDS))
            except _ATTRIBUTE_ERRORS as exc:
                self._log.info("visibility_timeout_unavailable", error=error_code(exc, type(exc).__name__))
                return DEFAULT_VISIBILITY_SECONDS
        return self._visibility

    def check_dead_letters(self) -> None:
        """Export the dead-letter queue's depth, where the redrive policy names one."""
        now = self._clock()
        if now - self._dlq_checked < self._settings.dead_letter_check_seconds:
            return
        self._dlq_checked = now
        try:
            if self._dlq_url is None:
                attrs = self._sqs.get_queue_attributes(
                    QueueUrl=self._settings.queue_url, AttributeNames=["RedrivePolicy"]
                ).get("Attributes", {})
                self._dlq_url = _dlq_url(attrs.get("RedrivePolicy"), self._sqs)
                if self._dlq_url is None:
                    return
            depth = self._sqs.get_queue_attributes(
                QueueUrl=self._dlq_url, AttributeNames=["ApproximateNumberOfMessages"]
            ).get("Attributes", {})
            self._metrics.dead_letter_messages.labels(self._name).set(
                int(depth.get("ApproximateNumberOfMessages", "0"))
            )
        except _ATTRIBUTE_ERRORS as exc:
            self._log.info("dead_letter_queue_unavailable", error=error_code(exc, type(exc).__name__))


def _dlq_url(policy: str | None, sqs: SQSClient) -> str | None:
    if not policy:
        return None
    arn = json.loads(policy).get("deadLetterTargetArn", "")
    parts = arn.split(":")
    if len(parts) != 6:
        return None
    return sqs.get_queue_url(QueueName=parts[5], QueueOwnerAWSAccountId=parts[4])["QueueUrl"]
