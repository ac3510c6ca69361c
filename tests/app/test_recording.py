"""The recorder: findings stored and queued in the caller's transaction, reported once after it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.recording import Recorder
from tagwarden.core.model import Finding
from tests.builders.findings import make_finding


class Lines:
    def __init__(self) -> None:
        self.lines: list[tuple[str, str, dict[str, Any]]] = []

    def info(self, event: str, **fields: Any) -> None:
        self.lines.append(("info", event, fields))

    def warning(self, event: str, **fields: Any) -> None:
        self.lines.append(("warning", event, fields))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    yield opened
    opened.close()


def counted(metrics: Metrics, kind: str, severity: str) -> float:
    return (
        metrics.registry.get_sample_value("tagwarden_findings_total", {"kind": kind, "severity": severity})
        or 0.0
    )


def test_new_findings_are_stored_queued_and_reported_once(store: Store) -> None:
    metrics, log = Metrics(), Lines()
    recorder = Recorder(metrics, log, route=lambda f: ["pager"] if f.severity == "critical" else [])
    critical = make_finding(id="tw-1", severity="critical")
    info = make_finding(id="tw-2", kind="unattributed_change", severity="info")
    assert recorder.record(store, [critical, info], source="test") == [critical, info]
    assert recorder.record(store, [critical, info], source="test") == []  # a replay adds nothing
    assert {f.id for f in store.list_findings()} == {"tw-1", "tw-2"}
    assert store.pending_deliveries() == {"pager": 1}
    assert counted(metrics, "self_grant", "critical") == 1
    assert [(level, event, f["id"]) for level, event, f in log.lines] == [
        ("warning", "finding", "tw-1"),
        ("info", "finding", "tw-2"),
    ]


def test_nothing_is_reported_when_the_transaction_fails(store: Store) -> None:
    metrics, log = Metrics(), Lines()
    recorder = Recorder(metrics, log)
    new: list[Finding] = []
    with pytest.raises(RuntimeError), store.unit() as tx:
        new = recorder.add(tx, [make_finding(id="tw-3")])
        raise RuntimeError("the unit fails before its commit")
    assert new and store.get_finding("tw-3") is None
    assert log.lines == [] and counted(metrics, "self_grant", "critical") == 0
