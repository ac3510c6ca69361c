"""Tag changes and findings for the store's contract suites."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tagwarden.adapters.store import Store
from tagwarden.core.model import Actor, Finding, SessionGrant, TagChange, finding_id
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


# A version 4 store's bookkeeping: a mark written on its day, a session and a waiting use (which
# version 4 did not date).
V4_ROWS: list[tuple[str, tuple[Any, ...]]] = [
    (
        "INSERT INTO processed_events VALUES (?, ?, ?, ?, NULL)",
        ("e1", "2024-01-01T00:00:00Z", "s", "2024-01-02T00:00:00Z"),
    ),
    (
        "INSERT INTO sessions VALUES ('ASIA1', 1.0, ?)",
        (json.dumps(SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "x"}).to_dict()),),
    ),
    ("INSERT INTO session_uses VALUES ('ASIA2', 'e1')", ()),
]


def check_v4_rows_after_upgrade(store: Store) -> None:
    """A cut-off of a day ago forgets, of ``V4_ROWS`` migrated by ``store``, the mark, which
    carries its date; not the session or the use, dated to the upgrade."""
    day_ago = (datetime.now(tz=UTC) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    assert store.forget_written_before(day_ago) == {
        "processed_events": 1,
        "sessions": 0,
        "session_uses": 0,
        "judged_grants": 0,
        "judged_controls": 0,
        "compute_state": 0,
        "log_origins": 0,
    }
    assert store.get_session("ASIA1") is not None
