"""Tag changes and findings for the store's contract suites."""

from __future__ import annotations

from tagwarden.core.model import Actor, Finding, TagChange, finding_id
from tests.builders.findings import make_finding

ACTOR = Actor(arn="arn:aws:iam::1:role/dev", session_arn="arn:aws:sts::1:assumed-role/dev/a")
BUCKET = "arn:aws:s3:::b"


def change(event_id: str, target: str = BUCKET, **fields: object) -> TagChange:
    base: dict[str, object] = {
        "event_id": event_id,
        "event_time": "2024-01-01T00:00:00Z",
        "event_source": "s3.amazonaws.com",
        "event_name": "PutBucketTagging",
        "account": "1",
        "region": "us-east-1",
        "actor": ACTOR,
        "target": target,
        "target_kind": "resource",
    }
    base.update(fields)
    return TagChange(**base)  # type: ignore[arg-type]


def finding(
    event_id: str, kind: str = "self_grant", severity: str = "critical", account: str = "1"
) -> Finding:
    return make_finding(
        id=finding_id(event_id, "t", "team", kind),
        kind=kind,
        severity=severity,
        rule="r",
        event_id=event_id,
        event_name="X",
        event_source="s",
        event_time=f"2024-01-0{len(event_id)}T00:00:00Z",
        account=account,
        actor="a",
        target="t",
        explanation="e",
    )
