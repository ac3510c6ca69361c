"""CloudTrail records built the way CloudTrail writes them, for the demo and the tests."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Caller:
    """Who calls: an IAM user, or a role session (``session`` set)."""

    account: str
    name: str
    session: str | None = None
    access_key_id: str | None = None
    invoked_by: str | None = None

    @property
    def principal_arn(self) -> str:
        kind = "role" if self.session else "user"
        return f"arn:aws:iam::{self.account}:{kind}/{self.name}"

    def identity(self) -> dict[str, Any]:
        key = (
            self.access_key_id
            or ("ASIA" if self.session else "AKIA")
            + uuid.uuid5(uuid.NAMESPACE_URL, self.principal_arn + str(self.session)).hex[:16].upper()
        )
        if self.session:
            identity: dict[str, Any] = {
                "type": "AssumedRole",
                "principalId": f"AROA{self.name.upper()[:12]}:{self.session}",
                "arn": f"arn:aws:sts::{self.account}:assumed-role/{self.name}/{self.session}",
                "accountId": self.account,
                "accessKeyId": key,
                "sessionContext": {
                    "sessionIssuer": {
                        "type": "Role",
                        "principalId": f"AROA{self.name.upper()[:12]}",
                        "arn": self.principal_arn,
                        "accountId": self.account,
                        "userName": self.name,
                    },
                    "attributes": {"creationDate": "2024-01-01T00:00:00Z", "mfaAuthenticated": "false"},
                },
            }
        else:
            identity = {
                "type": "IAMUser",
                "principalId": f"AIDA{self.name.upper()[:12]}",
                "arn": self.principal_arn,
                "accountId": self.account,
                "accessKeyId": key,
                "userName": self.name,
            }
        if self.invoked_by:
            identity["invokedBy"] = self.invoked_by
        return identity


def record(
    caller: Caller,
    event_source: str,
    event_name: str,
    request: dict[str, Any] | None,
    *,
    time: str,
    region: str = "us-east-1",
    response: dict[str, Any] | None = None,
    error_code: str | None = None,
    event_id: str | None = None,
) -> dict[str, Any]:
    body: dict[str, Any] = {
        "eventVersion": "1.09",
        "userIdentity": caller.identity(),
        "eventTime": time,
        "eventSource": event_source,
        "eventName": event_name,
        "awsRegion": region,
        "sourceIPAddress": caller.invoked_by or "198.51.100.7",
        "userAgent": caller.invoked_by or "aws-cli/2.15.0 Python/3.11.6",
        "requestParameters": request,
        "responseElements": response,
        "requestID": str(uuid.uuid4()),
        "eventID": event_id or str(uuid.uuid4()),
        "readOnly": False,
        "eventType": "AwsApiCall",
        "managementEvent": True,
        "recipientAccountId": caller.account,
        "eventCategory": "Management",
    }
    if error_code:
        body["errorCode"] = error_code
        body["errorMessage"] = f"User: {caller.principal_arn} is not authorized to perform: {event_name}"
    return body


def tag_list(tags: dict[str, str]) -> list[dict[str, str]]:
    return [{"key": key, "value": value} for key, value in tags.items()]


def s3_tagging(bucket: str, tags: dict[str, str]) -> dict[str, Any]:
    """PutBucketTagging's requestParameters as CloudTrail logs them: one tag is an object, several a list."""
    items: Any = [{"Key": k, "Value": v} for k, v in tags.items()]
    if len(items) == 1:
        items = items[0]
    return {
        "bucketName": bucket,
        "Host": f"{bucket}.s3.amazonaws.com",
        "tagging": "",
        "Tagging": {"xmlns": "http://s3.amazonaws.com/doc/2006-03-01/", "TagSet": {"Tag": items}},
    }
