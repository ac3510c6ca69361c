"""remediation.max_per_hour across replicas on one PostgreSQL store: two replicas that plan reverts
at the same moment apply no more than the quota. The writer is a fake that lets the other replica
act between one replica's plan and its write; the findings come from the processor."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tagwarden.adapters.sinks import DeliveryError
from tagwarden.adapters.sinks.revert import RevertSink
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.model import Finding
from tests.adapters.sinks.test_revert import ADMIN, DEVELOPER, Daemon, put

QUOTA_OF_ONE = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [
        {
            "id": "team",
            "keys": ["team"],
            "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}],
            "remediate": "revert",
        }
    ],
    "remediation": {"mode": "enforce", "max_per_hour": 1},
}
GRABS = [
    put(ADMIN, "first-data", {"team": "alpha"}, "2026-01-05T10:00:00Z", "setup-first"),
    put(ADMIN, "second-data", {"team": "gamma"}, "2026-01-05T10:00:01Z", "setup-second"),
    put(DEVELOPER, "first-data", {"team": "beta"}, "2026-01-05T11:00:00Z", "grab-first"),
    put(DEVELOPER, "second-data", {"team": "beta"}, "2026-01-05T11:00:01Z", "grab-second"),
]


class Writer:
    """Every target holds what the grabs wrote; ``meanwhile`` runs once, before the first write."""

    def __init__(self) -> None:
        self.writes: list[tuple[str, str, str | None]] = []
        self.meanwhile: Callable[[], None] | None = None

    def read(self, target: str, account: str) -> dict[str, str]:
        return {"team": "beta"}

    def write(self, target: str, account: str, key: str, value: str | None) -> None:
        if self.meanwhile is not None:
            run, self.meanwhile = self.meanwhile, None
            run()
        self.writes.append((target, key, value))


def reverted(store: Store, event_id: str) -> Finding:
    findings = store.list_findings()
    (finding,) = [f for f in findings if f.event_id == event_id and f.kind == "unauthorized_writer"]
    return finding


def test_two_replicas_reverting_at_once_keep_to_the_hours_quota(fresh_postgres_database: str) -> None:
    compiled = CompiledPolicy(parse_policy_document(QUOTA_OF_ONE))
    first, second = open_store(fresh_postgres_database), open_store(fresh_postgres_database)
    try:
        Daemon(first, compiled).feed(GRABS)
        writer = Writer()
        one, other = (RevertSink(store, writer, compiled, get_logger()) for store in (first, second))  # type: ignore[arg-type]
        refused: list[Any] = []

        def other_replica() -> None:  # it has planned too: both read no revert in the last hour
            with pytest.raises(DeliveryError, match="max_per_hour") as raised:
                other.send(reverted(second, "grab-second"))
            refused.append(raised.value)

        writer.meanwhile = other_replica
        one.send(reverted(first, "grab-first"))
        assert writer.writes == [("arn:aws:s3:::first-data", "team", "alpha")]
        assert refused  # the second waits for the next hour, counted once
        assert first.remediations_applied_since(0) == 1
        assert (first.remediation(reverted(first, "grab-second").id) or {}).get("status") == "skipped"
    finally:
        first.close()
        second.close()
