"""Property-based fuzz of the readers, the normalizer and the judge: no input makes them raise or
hang, and everything refused is refused with a known reason (issue 16). The default run tries a
few hundred inputs; the long run (TAGWARDEN_FUZZ_EXAMPLES, see docs/reliability.md) over
100,000 records and documents."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

from hypothesis import given

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalized, Normalizer
from tagwarden.core.records import ReadProblem, iter_records, iter_records_from_value
from tagwarden.core.records.record_checks import record_problem
from tests.builders.abac_cases import POLICY
from tests.faults.fuzz import FUZZ, LONG, REJECTED, SEEN, documents, note_progress, records, write_report

READ_REASONS = {
    "invalid_json",
    "not_text",
    "bad_gzip",
    "truncated_gzip",
    "empty",
    "not_cloudtrail",
    "too_deep",
    "number_too_long",
    "record_too_large",
    "object_too_large",
    "compression_ratio",
}
JUDGE_REASONS = {"bad_record", "too_deep", "too_many_tags", "key_too_long", "value_too_long", "not_unicode"}

NORMALIZER = Normalizer()
PROCESSOR = Processor(
    normalizer=NORMALIZER,
    policy=CompiledPolicy(parse_policy_document(POLICY)),
    store=open_store("sqlite:///:memory:"),
    principals=PrincipalTagCache(None),
    metrics=Metrics(),
    log=get_logger().bind(fuzz=True),
)


@FUZZ
@given(records())
def test_the_normalizer_reads_or_names_every_record(record: dict[str, Any]) -> None:
    for item in iter_records_from_value(record, 1):
        if isinstance(item, ReadProblem):
            REJECTED[f"read:{item.reason}"] += 1
            continue
        if record_problem(item) is not None:
            REJECTED["normalize:bad_record"] += 1
            continue
        normalized = NORMALIZER.normalize(item)
        assert isinstance(normalized, Normalized)
        if normalized.unreadable is not None:
            REJECTED["normalize:unreadable_tag_event"] += 1


@FUZZ
@given(documents())
def test_readers_and_judge_never_raise_and_name_what_they_refuse(document: bytes) -> None:
    for item in iter_records(io.BytesIO(document)):
        if isinstance(item, ReadProblem):
            assert item.reason in READ_REASONS, item
            REJECTED[f"read:{item.reason}"] += 1
        else:
            assert isinstance(item, dict)
    result = PROCESSOR.process(iter_records(io.BytesIO(document)), source="fuzz", unit="doc")
    for reason, _detail in result.rejected:
        assert reason in JUDGE_REASONS | READ_REASONS, reason
        REJECTED[f"judge:{reason}"] += 1
    if result.fatal is not None:
        assert result.fatal.reason in READ_REASONS
        REJECTED[f"judge:{result.fatal.reason}"] += 1
    REJECTED["judge:unreadable_tag_event"] += len(result.unreadable)
    note_progress()


def test_report(tmp_path: Path) -> None:
    """Runs after the fuzz tests above (pytest keeps a module's order); the long run writes the
    counts where TAGWARDEN_FUZZ_REPORT says."""
    report = write_report(Path(os.environ.get("TAGWARDEN_FUZZ_REPORT", tmp_path / "fuzz.json")))
    if SEEN:
        assert sum(REJECTED.values()) > 0  # hostile input was generated and refused, by reason
    if LONG:
        assert SEEN["records"] + SEEN["documents"] >= 100_000, json.dumps(report)
