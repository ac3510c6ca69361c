"""Every documented case in tests/core/iam/cases/ evaluates to its expected decision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tagwarden.core.iam import Case, load_cases, run_case

CASES_DIR = Path(__file__).parent / "cases"
CASE_FILES = sorted(CASES_DIR.glob("*.json"))
ALL_CASES: list[Case] = [case for path in CASE_FILES for case in load_cases(path)]


def test_the_sample_file_is_the_shared_one() -> None:
    shared = Path(__file__).resolve().parents[4] / "shared" / "iam-cases" / "sample.json"
    if not shared.exists():
        pytest.skip("the shared samples are not mounted here")
    assert json.loads((CASES_DIR / "sample.json").read_text()) == json.loads(shared.read_text())


def test_there_are_at_least_100_documented_cases_besides_the_samples() -> None:
    own = [case for case in ALL_CASES if not case.id.startswith("TW-")]
    assert len(own) >= 100


def test_case_ids_are_unique() -> None:
    ids = [case.id for case in ALL_CASES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("case", ALL_CASES, ids=[case.id for case in ALL_CASES])
def test_case_cites_a_source(case: Case) -> None:
    assert case.error is None
    assert case.source.startswith(("https://docs.aws.amazon.com/", "awsdocs/", "cloud-copilot/"))
    assert case.confidence in ("high", "medium", "low")


@pytest.mark.parametrize("case", ALL_CASES, ids=[case.id for case in ALL_CASES])
def test_case_has_its_expected_decision(case: Case) -> None:
    result = run_case(case)
    assert result.decision == case.expected, result.explanation
