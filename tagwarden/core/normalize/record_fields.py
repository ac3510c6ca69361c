"""The fields every tag change of one record shares."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from tagwarden.core.arn import partition_for
from tagwarden.core.model import Actor
from tagwarden.core.model.change import SUCCESS
from tagwarden.core.normalize.identity import actor_from_record, record_account
from tagwarden.core.timeutil import canonical_time


@dataclass(frozen=True, slots=True)
class RecordContext:
    event_id: str
    event_time: str
    event_source: str
    event_name: str
    account: str
    region: str
    partition: str
    actor: Actor
    outcome: str

    @property
    def service(self) -> str:
        return self.event_source.split(".", 1)[0]


def derived_event_id(record: dict[str, Any]) -> str:
    """A stable id for a record that lacks eventID, so that replays still deduplicate."""
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, default=str).encode()).hexdigest()
    return f"derived-{digest[:32]}"


def record_context(record: dict[str, Any]) -> RecordContext:
    account = record_account(record)
    region = record.get("awsRegion")
    region = region if isinstance(region, str) else ""
    actor = actor_from_record(record, account)
    event_id = record.get("eventID")
    error = record.get("errorCode")
    return RecordContext(
        event_id=event_id if isinstance(event_id, str) and event_id else derived_event_id(record),
        event_time=canonical_time(record.get("eventTime")),
        event_source=str(record.get("eventSource", "")),
        event_name=str(record.get("eventName", "")),
        account=account,
        region=region,
        partition=partition_for(region, actor.arn),
        actor=actor,
        outcome=str(error) if error else SUCCESS,
    )
