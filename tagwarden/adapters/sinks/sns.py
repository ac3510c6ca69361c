"""Amazon SNS: the finding as a JSON message, with severity and kind as message attributes."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import NO_ANSWER
from tagwarden.adapters.sinks.sink import DeliveryError, revision_key, update_kind
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
        self._publish(finding, finding.to_dict(), finding.id, None)

    def revise(self, sent: Finding, current: Finding, shown: bool) -> None:
        """The finding as it is now, with ``previous`` (the version sent) and ``update``
        (``revised`` or ``withdrawn``), also as a message attribute to filter subscriptions on."""
        message = {**current.to_dict(), "previous": sent.to_dict(), "update": update_kind(shown)}
        self._publish(current, message, revision_key(current, shown), update_kind(shown))

    def _publish(self, finding: Finding, message: dict[str, Any], key: str, update: str | None) -> None:
        what = f"{update} " if update else ""
        request: dict[str, Any] = {
            "TopicArn": self.settings.topic_arn,
            "Subject": subject(f"tagwarden {what}{finding.severity}: {finding.kind} on {finding.tag_key}"),
            "Message": json.dumps(message),
            "MessageAttributes": {
                "severity": {"DataType": "String", "StringValue": finding.severity},
                "kind": {"DataType": "String", "StringValue": finding.kind},
                "finding_id": {"DataType": "String", "StringValue": finding.id},
            },
        }
        if update is not None:
            request["MessageAttributes"]["update"] = {"DataType": "String", "StringValue": update}
        if self.settings.topic_arn.endswith(".fifo"):
            # FIFO topics drop a repeat with the same deduplication id within five minutes.
            request["MessageDeduplicationId"] = key[:128]
            request["MessageGroupId"] = "tagwarden"
        try:
            self._sns.publish(**request)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            raise DeliveryError(f"SNS publish failed: {exc}", permanent=code in _REFUSED) from None
        except NO_ANSWER as exc:
            raise DeliveryError(f"SNS publish failed: {exc}") from None


# What SNS answers for a message it will never take (a bad attribute, a message too long).
_REFUSED = frozenset({"InvalidParameter", "InvalidParameterValue"})


def subject(text: str) -> str:
    """An SNS Subject: printable ASCII, no line breaks or control characters, under 100 characters
    (the Publish API); a tag key from a record may hold any of them."""
    return "".join(c if " " <= c <= "~" else "?" for c in text)[:99]
