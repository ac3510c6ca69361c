"""Behaviour is unchanged by refactoring: the demo and the test scenarios give the recorded findings."""

from __future__ import annotations

import json

from tests.golden.snapshot import GOLDEN, snapshot


def test_findings_equal_the_recorded_ones() -> None:
    recorded = json.loads(GOLDEN.read_text(encoding="utf-8"))
    fresh = json.loads(json.dumps(snapshot()))
    assert set(fresh) == set(recorded)
    for scenario, findings in recorded.items():
        assert fresh[scenario] == findings, scenario
    assert all(recorded.values())
