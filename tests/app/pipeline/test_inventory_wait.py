"""Unknown is not empty, for the principal inventory too: where the daemon takes one and none has
succeeded yet, a lockout candidate's unit waits for it instead of going unjudged for good."""

from __future__ import annotations

import io
import json

import pytest

from tagwarden.adapters.store import Store
from tagwarden.app.pipeline import Processor
from tagwarden.core.ports.units import UnitDeferred, UnitResult
from tagwarden.core.records import iter_records
from tests.builders.abac_cases import CaseLog, take_inventory
from tests.builders.abac_processor import abac_processor

LOG = CaseLog().build()


def case_records(*case_ids: str) -> list[dict[str, object]]:
    wanted = {LOG.event_ids[case_id] for case_id in case_ids}
    return [r for r in LOG.records if r.get("eventID") in wanted]


def process(processor: Processor, records: list[dict[str, object]]) -> UnitResult:
    body = json.dumps({"Records": records}).encode()
    return processor.process(iter_records(io.BytesIO(body)), source="test", unit="u")


def kinds(store: Store) -> set[str]:
    return {f.kind for f in store.list_findings()}


def test_a_lockout_candidate_waits_for_the_first_inventory_then_is_judged() -> None:
    store, judging = abac_processor(inventory=False)
    with pytest.raises(UnitDeferred) as deferred:
        process(judging, case_records("lockout-value-abusive"))
    assert deferred.value.reason == "principal_inventory_unavailable"
    assert store.list_findings() == []  # nothing of the unit committed
    assert "principal_inventory" in judging.principals.faults.current()  # /readyz names it

    take_inventory(store)  # the principals scan succeeds (here or on another replica)
    process(judging, case_records("lockout-value-abusive"))
    assert "lockout" in kinds(store)
    assert judging.principals.faults.current() == {}


def test_a_unit_without_a_lockout_candidate_does_not_wait() -> None:
    store, judging = abac_processor(inventory=False)
    result = process(judging, case_records("self-grant-abusive"))
    assert result.ok and "self_grant" in kinds(store)


def test_where_no_inventory_is_taken_a_lockout_stays_unknowable_as_before() -> None:
    store, judging = abac_processor(inventory=False)
    judging.inventory.awaited = False  # a replay, or principal_inventory_interval_seconds 0
    result = process(judging, case_records("lockout-value-abusive"))
    assert result.ok and "lockout" not in kinds(store)
