"""The documented corpus: every record names exactly the targets, keys and values written for it.

tests/fixtures/cloudtrail/documented/records.json holds CloudTrail records written from AWS
documentation (each cites its page in ``source``; see tests/core/normalize/build_corpus.py), with the
changes each must give. A target the record determines must be named by its exact ARN; one it does
not must be reported as unresolved, never as a made-up ARN.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tagwarden.core.normalize import Normalizer
from tests.core.normalize.corpus_checks import api_link, change_matches, unknown_operations

CORPUS = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail" / "documented" / "records.json"
ENTRIES: list[dict[str, Any]] = json.loads(CORPUS.read_text(encoding="utf-8"))
NORMALIZER = Normalizer()


def _grade(entry: dict[str, Any]) -> Counter[str]:
    """Per expected target: exact (ARN right), unresolved (reported so, as expected), wrong."""
    result = NORMALIZER.normalize(entry["record"])
    grades: Counter[str] = Counter()
    for expected in entry["changes"]:
        found = any(change_matches(change, expected) for change in result.changes)
        grades["wrong" if not found else ("exact" if "target" in expected else "unresolved")] += 1
    grades["extra"] += max(0, len(result.changes) - len(entry["changes"]))
    return grades


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["id"] for e in ENTRIES])
def test_the_record_gives_exactly_the_documented_changes(entry: dict[str, Any]) -> None:
    result = NORMALIZER.normalize(entry["record"])

    assert result.unreadable is None, result.unreadable
    got = [
        {"target": c.target, "target_kind": c.target_kind, "set": c.set, "removed": list(c.removed)}
        for c in result.changes
    ]
    assert len(result.changes) == len(entry["changes"]), got
    for expected in entry["changes"]:
        assert any(change_matches(change, expected) for change in result.changes), (
            expected,
            got,
            entry["source"],
        )


def test_the_corpus_is_large_enough_and_cites_aws_documentation() -> None:
    sources = {entry["record"]["eventSource"] for entry in ENTRIES}

    assert len(ENTRIES) >= 150
    assert len(sources) >= 60
    assert all(entry["source"].startswith("https://docs.aws.amazon.com/") for entry in ENTRIES)
    assert len({entry["record"]["awsRegion"].split("-")[0] for entry in ENTRIES}) >= 4  # cn, us-gov, ...


def test_no_target_is_named_wrong_and_every_determined_one_exactly() -> None:
    totals: Counter[str] = Counter()
    for entry in ENTRIES:
        totals += _grade(entry)
    expected_exact = sum("target" in c for e in ENTRIES for c in e["changes"])

    assert totals["wrong"] == 0 and totals["extra"] == 0, totals
    assert totals["exact"] == expected_exact


def test_every_api_reference_link_names_an_operation_botocore_knows() -> None:
    sources = [e["source"] for e in ENTRIES]
    assert not unknown_operations(sources)
    assert sum(api_link(source) is not None for source in sources) >= 150
