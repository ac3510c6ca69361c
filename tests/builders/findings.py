"""Test data built in one place: a complete Finding with only what a test cares about changed."""

from __future__ import annotations

from typing import Any

from tagwarden.core.model import Finding

FINDING_DEFAULTS: dict[str, Any] = {
    "id": "tw-1",
    "kind": "self_grant",
    "severity": "critical",
    "rule": "builtin:self_grant",
    "event_id": "e1",
    "event_name": "PutBucketTagging",
    "event_source": "s3.amazonaws.com",
    "event_time": "2024-01-01T00:00:00Z",
    "account": "123456789012",
    "region": "us-east-1",
    "actor": "arn:aws:iam::123456789012:role/dev-alpha",
    "actor_session": None,
    "target": "arn:aws:s3:::beta-data",
    "target_kind": "resource",
    "tag_key": "team",
    "old_value": "beta",
    "new_value": "alpha",
    "explanation": "alice moved beta-data into her own team",
}


def make_finding(**fields: Any) -> Finding:
    return Finding(**{**FINDING_DEFAULTS, **fields})
