"""Every detector and rule field, benign and abusive, through the processor with a real SQLite store."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from tagwarden.core.records import iter_records
from tests.builders.abac_cases import (
    CASES,
    Case,
    CaseLog,
    findings_by_event,
)
from tests.builders.abac_processor import abac_processor


@pytest.fixture(scope="module")
def judged(tmp_path_factory: pytest.TempPathFactory) -> tuple[CaseLog, dict[str, frozenset[tuple[str, ...]]]]:
    path: Path = tmp_path_factory.mktemp("cases") / "state.db"
    store, processor = abac_processor(f"sqlite:///{path}")
    log = CaseLog().build()
    body = json.dumps({"Records": log.records}).encode()
    result = processor.process(iter_records(io.BytesIO(body)), source="test", unit="cases")
    assert result.ok and not result.rejected and not result.unreadable
    return log, findings_by_event([f.to_dict() for f in store.list_findings()])


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_case(case: Case, judged: tuple[CaseLog, dict[str, frozenset[tuple[str, ...]]]]) -> None:
    log, found = judged
    got = found.get(log.event_ids[case.id], frozenset())
    assert got == case.expected
    assert bool(got) != case.benign


def test_every_detector_and_rule_field_has_both_cases() -> None:
    covered = {(c.covers, c.benign) for c in CASES}
    for item in (
        "writers.principal",
        "writers.invoked_by",
        "writers.principal_tag",
        "writers.same_as_resource",
        "values.allowed",
        "values.pattern",
        "self_grant",
        "self_retag",
        "principal_retag",
        "session_tag",
        "lockout",
        "denied_attempt",
    ):
        assert (item, True) in covered and (item, False) in covered, item
    assert ("accounts", True) in covered and ("resources", True) in covered
    assert ("accounts+resources", False) in covered
