"""Finding 5: findings were counted and logged after the commit, and when that step failed (out of
memory) they existed but were never logged or counted. Reporting now goes through the outbox too."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks.dispatcher import Dispatcher
from tagwarden.adapters.store import open_store
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.app.recording import REPORT_GRACE_SECONDS, REPORT_SINK, ReportSink
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tagwarden.core.settings.sinks import DeliverySettings
from tests.builders.abac_cases import POLICY, principal_tags
from tests.faults.builders import self_retag


class FailingLog:
    """A log that runs out of memory on the first finding it is asked to write, then recovers."""

    def __init__(self) -> None:
        self.findings: list[tuple[str, str]] = []
        self.broken = True

    def warning(self, event: str, **fields: Any) -> None:
        if event == "finding":
            if self.broken:
                self.broken = False
                raise MemoryError("out of memory while logging")
            self.findings.append((fields["source"], fields["id"]))

    def info(self, event: str, **fields: Any) -> None:
        self.warning(event, **fields)

    def error(self, event: str, **fields: Any) -> None:
        pass

    def bind(self, **fields: Any) -> FailingLog:
        return self


def test_a_finding_whose_report_failed_after_the_commit_is_reported_from_the_outbox(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    metrics, log = Metrics(), FailingLog()
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(principal_tags().get),
        metrics=metrics,
        log=log,
    )
    body = json.dumps({"Records": [self_retag("retag-1")]}).encode()
    with pytest.raises(MemoryError):
        processor.process(iter_records(io.BytesIO(body)), source="test", unit="u1")
    committed = store.list_findings()
    assert committed and log.findings == []  # committed, never logged: the fault as probed
    assert store.pending_deliveries().get(REPORT_SINK) == len(committed)

    later = time.time() + REPORT_GRACE_SECONDS + 1
    sinks = {REPORT_SINK: ReportSink(processor.recorder)}
    dispatcher = Dispatcher(store, sinks, DeliverySettings(), metrics=metrics, log=log, clock=lambda: later)
    assert dispatcher.run_once().delivered == len(committed)
    assert sorted(log.findings) == sorted(("outbox", f.id) for f in committed)
    assert sum(
        metrics.registry.get_sample_value(
            "tagwarden_findings_total", {"kind": f.kind, "severity": f.severity}
        )
        or 0
        for f in {(f.kind, f.severity): f for f in committed}.values()
    ) == len(committed)
    assert store.pending_deliveries().get(REPORT_SINK, 0) == 0


def test_a_finding_reported_at_once_is_not_reported_again(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    metrics, log = Metrics(), FailingLog()
    log.broken = False
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(principal_tags().get),
        metrics=metrics,
        log=log,
    )
    body = json.dumps({"Records": [self_retag("retag-2")]}).encode()
    result = processor.process(iter_records(io.BytesIO(body)), source="test", unit="u2")
    assert result.new_findings and len(log.findings) == len(result.new_findings)
    later = time.time() + REPORT_GRACE_SECONDS + 1
    dispatcher = Dispatcher(
        store,
        {REPORT_SINK: ReportSink(processor.recorder)},
        DeliverySettings(),
        metrics=metrics,
        log=log,
        clock=lambda: later,
    )
    assert dispatcher.run_once().delivered == 0
    assert len(log.findings) == len(result.new_findings)
