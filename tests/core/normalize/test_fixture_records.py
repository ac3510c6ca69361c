"""Every record in tests/fixtures/cloudtrail/expected.json gives exactly the changes written there."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tagwarden.core.normalize import Normalizer

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail"
EXPECTED: dict[str, Any] = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))
FIELDS = ("target", "target_kind", "actor", "set", "removed", "replace_all", "at_creation", "outcome")
NORMALIZER = Normalizer()


def _compared(change: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    picked = {name: change[name] for name in fields if name in change}
    if isinstance(picked.get("actor"), dict):
        picked["actor"] = picked["actor"]["arn"]
    return picked


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_record_gives_the_expected_changes(name: str) -> None:
    expected = EXPECTED[name]
    record = json.loads((FIXTURES / name).read_text(encoding="utf-8"))

    result = NORMALIZER.normalize(record)

    fields = (*FIELDS, "keys_hidden")
    want = [_compared(change, fields) for change in expected["changes"]]
    got = [_compared(change.to_dict(), tuple(want[0]) if want else fields) for change in result.changes]
    assert got == want, expected.get("why")
    assert result.unreadable == expected["unreadable"], expected.get("why")


def test_the_fixture_file_covers_samples_and_synthetic_records() -> None:
    assert any(name.startswith("samples/") for name in EXPECTED)
    assert sum(name.startswith("synthetic/") for name in EXPECTED) >= 30
