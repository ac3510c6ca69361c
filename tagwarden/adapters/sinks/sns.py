"""Amazon SNS: the finding as a JSON message, with severity and kind as message attributes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError

from tagwarden.adapters.sinks.sink import DeliveryError
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import SnsSinkSettings

if TYPE_CHECKING:
    from mypy_boto3_sns import SNSClient


class SnsSink:
    def __init__(self, name: str, settings: SnsSinkSettings, sns: SNSClient) -> None:
        self.name = name
        self.settings = settings
        self._sns = sns

    def send(self, finding: Finding) -> None:
        request: dict[str, Any] = {
            "TopicArn": self.settings.topic_arn,
            "Subject": f"tagwarden {finding.severity}: {finding.kind} on {finding.tag_key}"[:100],
            "Message": json.dumps(finding.to_dict()),
            "MessageAttributes": {
                "severity": {"DataType": "String", "StringValue": finding.severity},
                "kind": {"DataType": "String", "StringValue": finding.kind},
                "finding_id": {"DataType": "String", "StringValue": finding.id},
            },
        }
        if self.settings.topic_arn.endswith(".fifo"):
            # FIFO topics drop a repeat with the same deduplication id within five minutes.
            request["MessageDeduplicationId"] = finding.id[:128]
            request["MessageGroupId"] = "tagwarden"
        try:
            self._sns.publish(**request)
        except (ClientError, BotoCoreError) as exc:
            raise DeliveryError(f"SNS publish failed: {exc}") from None
