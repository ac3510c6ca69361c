"""The recorder: findings stored and queued in the caller's transaction, reported once after it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.recording import REPORT_SINK, SETTLE_SECONDS, Recorder
from tagwarden.core.model import Finding
from tests.builders.event_log import EventLog
from tests.builders.findings import make_finding


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
    metrics, log = Metrics(), EventLog()
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


def test_a_finding_given_twice_in_one_judgement_is_new_once(store: Store) -> None:
    recorder = Recorder(Metrics(), EventLog(), route=lambda f: ["pager"])
    first, again = make_finding(id="tw-5"), make_finding(id="tw-5")
    other = make_finding(id="tw-6")
    with store.unit() as tx:
        assert recorder.add(tx, [first, again, other]) == [first, other]
    assert store.pending_deliveries() == {"pager": 2}


def test_a_units_staged_findings_are_new_once_with_their_deliveries_queued_at_its_end(
    store: Store,
) -> None:
    recorder = Recorder(Metrics(), EventLog(), route=lambda f: ["pager"])
    old, first, again, other = (make_finding(id=i) for i in ("tw-7", "tw-8", "tw-8", "tw-9"))
    with store.unit() as tx:
        recorder.add(tx, [old])
    with store.unit() as tx:
        staged = recorder.staged(tx)
        staged.add([old, first])  # one judgement
        staged.add([])
        staged.add([again, other])  # another, giving a finding the first gave
        assert store.pending_deliveries() == {"pager": 1}  # nothing queued before the end
        assert staged.finish() == [first, other]
        assert staged.finish() == []  # finished once
    assert store.pending_deliveries() == {"pager": 3}
    assert {f.id for f in store.list_findings()} == {"tw-7", "tw-8", "tw-9"}


def test_nothing_is_reported_when_the_transaction_fails(store: Store) -> None:
    metrics, log = Metrics(), EventLog()
    recorder = Recorder(metrics, log)
    new: list[Finding] = []
    with pytest.raises(RuntimeError), store.unit() as tx:
        new = recorder.add(tx, [make_finding(id="tw-3")])
        raise RuntimeError("the unit fails before its commit")
    assert new and store.get_finding("tw-3") is None
    assert log.lines == [] and counted(metrics, "self_grant", "critical") == 0


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def _commit(recorder: Recorder, store: Store, finding: Finding) -> None:
    with store.unit() as tx:
        recorder.add(tx, [finding])


def test_a_replay_s_reports_are_settled_after_a_while_or_when_asked(store: Store) -> None:
    clock = Clock()
    recorder = Recorder(Metrics(), EventLog(), store=store, clock=clock, batch_reports=True)
    first, second = make_finding(id="tw-10"), make_finding(id="tw-11")
    _commit(recorder, store, first)
    recorder.report([first], source="test")
    assert store.pending_deliveries() == {REPORT_SINK: 1}  # reported, not yet marked: one write saved
    clock.now += SETTLE_SECONDS - 1
    _commit(recorder, store, second)
    recorder.report([second], source="test")
    assert store.pending_deliveries() == {REPORT_SINK: 2}
    clock.now += 1
    recorder.report([], source="test")  # a unit without findings checks the clock too
    assert store.pending_deliveries() == {}
    third = make_finding(id="tw-12")
    _commit(recorder, store, third)
    recorder.report([third], source="test")
    recorder.settle()  # replay at its end
    assert store.pending_deliveries() == {}


def test_the_daemon_s_reports_are_settled_at_once(store: Store) -> None:
    recorder = Recorder(Metrics(), EventLog(), store=store, clock=Clock())
    finding = make_finding(id="tw-13")
    _commit(recorder, store, finding)
    recorder.report([finding], source="test")
    assert store.pending_deliveries() == {}


def test_a_batch_is_settled_when_it_is_full(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("tagwarden.app.recording.SETTLE_FINDINGS", 2)
    recorder = Recorder(Metrics(), EventLog(), store=store, clock=Clock(), batch_reports=True)
    findings = [make_finding(id=f"tw-2{i}") for i in range(3)]
    for finding in findings:
        _commit(recorder, store, finding)
    recorder.report(findings[:1], source="test")
    assert store.pending_deliveries() == {REPORT_SINK: 3}
    recorder.report(findings[1:], source="test")
    assert store.pending_deliveries() == {}


def test_settling_that_fails_keeps_the_ids_for_the_next_try(store: Store) -> None:
    class Failing:
        def __init__(self) -> None:
            self.fail = True
            self.marked: list[str] = []

        def deliveries_done(self, sink: str, ids: list[str]) -> None:
            if self.fail:
                raise RuntimeError("database is locked")
            self.marked += ids

    failing = Failing()
    recorder = Recorder(  # type: ignore[arg-type]
        Metrics(), EventLog(), store=failing, clock=Clock(), batch_reports=True
    )
    recorder.report([make_finding(id="tw-30")], source="test")
    with pytest.raises(RuntimeError):
        recorder.settle()
    failing.fail = False
    recorder.settle()
    assert failing.marked == ["tw-30"]
