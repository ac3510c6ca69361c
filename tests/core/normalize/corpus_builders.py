"""Builders of the documented corpus (tests/fixtures/cloudtrail/documented/records.json)."""

from __future__ import annotations

from typing import Any

ACCOUNT = "111122223333"
_PARTITIONS = {"cn-": "aws-cn", "us-gov-": "aws-us-gov"}


def partition(region: str) -> str:
    return next((name for prefix, name in _PARTITIONS.items() if region.startswith(prefix)), "aws")


def goto(uid: str, operation: str) -> str:
    """AWS's stable link to an operation's API reference page."""
    return f"https://docs.aws.amazon.com/goto/WebAPI/{uid}/{operation}"


def tags(**pairs: str) -> list[dict[str, str]]:
    return [{"key": key.replace("_", "-"), "value": value} for key, value in pairs.items()]


def upper(**pairs: str) -> list[dict[str, str]]:
    return [{"Key": key.replace("_", "-"), "Value": value} for key, value in pairs.items()]


def values(**pairs: str) -> dict[str, str]:
    return {key.replace("_", "-"): value for key, value in pairs.items()}


def record(
    source: str,
    name: str,
    params: Any,
    response: Any = None,
    region: str = "us-east-1",
    account: str = ACCOUNT,
) -> dict[str, Any]:
    part = partition(region)
    return {
        "eventVersion": "1.09",
        "userIdentity": {
            "type": "AssumedRole",
            "principalId": "AROAEXAMPLEID:ops",
            "arn": f"arn:{part}:sts::{account}:assumed-role/Ops/ops",
            "accountId": account,
            "accessKeyId": "ASIAEXAMPLEKEY",
            "sessionContext": {
                "sessionIssuer": {
                    "type": "Role",
                    "principalId": "AROAEXAMPLEID",
                    "arn": f"arn:{part}:iam::{account}:role/Ops",
                    "accountId": account,
                    "userName": "Ops",
                }
            },
        },
        "eventTime": "2024-06-01T12:00:00Z",
        "eventSource": f"{source}.amazonaws.com",
        "eventName": name,
        "awsRegion": region,
        "sourceIPAddress": "192.0.2.10",
        "userAgent": "aws-cli/2.15.0",
        "requestParameters": params,
        "responseElements": response,
        "eventType": "AwsApiCall",
        "recipientAccountId": account,
    }


def change(
    target: str, set_: dict[str, str] | None = None, removed: tuple[str, ...] = (), kind: str = "resource"
) -> dict[str, Any]:
    return {"target": target, "target_kind": kind, "set": set_ or {}, "removed": list(removed)}


def unresolved(
    names: str, set_: dict[str, str] | None = None, removed: tuple[str, ...] = ()
) -> dict[str, Any]:
    """A target the record does not determine: ``names`` is what its unresolved name must hold."""
    return {
        "target_contains": names,
        "target_kind": "unresolved",
        "set": set_ or {},
        "removed": list(removed),
    }


def entry(source: str, made: dict[str, Any], *changes: dict[str, Any], note: str = "") -> dict[str, Any]:
    found = {"source": source, "record": made, "changes": list(changes)}
    if note:
        found["note"] = note
    return found
