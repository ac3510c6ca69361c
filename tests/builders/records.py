"""Small builders of CloudTrail records for the normalizer tests."""

from __future__ import annotations

from typing import Any


def record(
    source: str,
    name: str,
    params: Any,
    response: Any = None,
    error: str | None = None,
) -> dict[str, Any]:
    made: dict[str, Any] = {
        "eventVersion": "1.09",
        "eventID": f"test-{source}-{name}",
        "eventTime": "2024-05-01T12:00:00Z",
        "eventSource": source,
        "eventName": name,
        "awsRegion": "eu-west-1",
        "recipientAccountId": "111122223333",
        "userIdentity": {
            "type": "IAMUser",
            "arn": "arn:aws:iam::111122223333:user/alice",
            "accountId": "111122223333",
        },
        "requestParameters": params,
        "responseElements": response,
    }
    if error:
        made["errorCode"] = error
    return made
