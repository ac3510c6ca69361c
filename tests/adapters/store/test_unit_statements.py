"""A unit writes each table it keeps rows for with one statement, however many rows, on every engine;
and what it kept is written before it reads the table again, so every answer stays the same."""

from __future__ import annotations

from collections import Counter
from typing import Any

from tagwarden.adapters.store import Store
from tagwarden.adapters.store.sql import SqlStore
from tagwarden.adapters.store.sql_unit import SqlUnit
from tagwarden.core.model import SessionGrant
from tests.adapters.store.builders import change, finding
from tests.adapters.store.counting import CountingSql

TARGETS = [f"arn:aws:s3:::bucket-{i}" for i in range(40)]


def _grant(number: int) -> SessionGrant:
    return SessionGrant(f"ASIA{number}", "arn:aws:iam::1:role/r", None, {"team": f"t{number}"})


def _counted_unit(store: Store, work: Any) -> Counter[str]:
    """Runs ``work`` on a unit over a counting Sql (the store's own transaction), committed."""
    assert isinstance(store, SqlStore)
    with store._writing() as sql:  # the transaction unit() opens, here with a counter around it
        counting = CountingSql(sql)
        unit = SqlUnit(counting)
        work(unit)
        unit.flush()
    return counting.statements


def test_a_unit_writes_history_current_tags_and_sessions_with_one_statement_each(store: Store) -> None:
    def work(unit: SqlUnit) -> None:
        unit.read_ahead([], TARGETS, [_grant(i).access_key_id for i in range(40)])
        for number, target in enumerate(TARGETS):
            unit.record_change(change(f"e{number}", target=target, set={"team": "a", "env": "b"}), 100.0)
            unit.put_session(_grant(number), 100.0)

    statements = _counted_unit(store, work)
    assert statements["INSERT INTO tag_history (target,"] == 1
    assert statements["DELETE FROM tag_current WHERE"] == 1
    assert statements["INSERT INTO tag_current (target,"] == 1
    assert statements["INSERT INTO sessions (access_key_id,"] == 1
    # and all of it was written
    assert all(store.current_tags(target).values == {"team": "a", "env": "b"} for target in TARGETS)
    with store.unit() as tx:
        assert [tx.get_session(f"ASIA{i}") for i in range(40)] == [_grant(i) for i in range(40)]
        assert [len(tx.later_changes(target, 50.0, "e")) for target in TARGETS] == [1] * 40


def test_a_unit_asks_once_for_each_lock_it_holds(store: Store) -> None:
    """Locks are held until the transaction ends: the targets a unit locked up front and then
    changes, or locks again, are not asked for again (on PostgreSQL, a round trip each)."""
    assert isinstance(store, SqlStore)
    with store._writing() as sql:
        counting = CountingSql(sql)
        unit = SqlUnit(counting)
        unit.lock_targets(TARGETS[:20], ["ASIA1"])
        for number, target in enumerate(TARGETS[:20]):
            unit.record_change(change(f"e{number}", target=target, set={"team": "a"}), 100.0)
        unit.lock_targets(TARGETS[10:30])
        unit.record_change(change("e99", target=TARGETS[39], set={"team": "a"}), 100.0)
        unit.flush()
    names = ["target:" + target for target in TARGETS]
    assert counting.locks == [sorted([*names[:20], "session:ASIA1"]), sorted(names[20:30]), [names[39]]]


def test_a_session_put_where_none_was_known_is_known_without_a_read(store: Store) -> None:
    """A session a unit learns (one read ahead and absent) is the one its upsert inserts: the uses
    of it that follow in the unit ask no statement, and the upsert is still written."""
    with store.unit() as tx:
        tx.put_session(_grant(2), 100.0)

    def work(unit: SqlUnit) -> None:
        unit.read_ahead([], [], [], ["ASIA1", "ASIA2"])
        unit.put_session(_grant(1), 100.0)
        unit.put_session(SessionGrant("ASIA2", "arn:aws:iam::1:role/r", None, {"team": "old"}), 10.0)
        assert unit.get_session("ASIA1") == _grant(1)
        assert unit.get_session("ASIA2") == _grant(2)  # the older grant put does not replace it

    statements = _counted_unit(store, work)
    assert statements["SELECT grant_json FROM sessions"] == 1  # for ASIA2 alone
    assert statements["INSERT INTO sessions (access_key_id,"] == 1
    with store.unit() as tx:
        assert [tx.get_session("ASIA1"), tx.get_session("ASIA2")] == [_grant(1), _grant(2)]


def test_what_a_unit_kept_is_written_before_it_reads_that_table(store: Store) -> None:
    """Nothing read ahead: each question reads the table, after the unit's own rows are written."""
    with store.unit() as tx:
        tx.record_change(change("e1", target=TARGETS[0], set={"team": "a"}), 100.0)
        tx.put_session(_grant(1), 100.0)
    with store.unit() as tx:
        tx.record_change(change("e2", target=TARGETS[1], set={"team": "b"}), 200.0)
        tx.record_change(change("e3", target=TARGETS[0], set={"team": "c"}), 50.0)  # earlier
        tx.put_session(_grant(2), 200.0)
        tx.put_session(SessionGrant("ASIA1", "arn:aws:iam::1:role/r", None, {"team": "old"}), 10.0)
        assert tx.current_tags(TARGETS[1]).values == {"team": "b"}
        assert tx.current_tags(TARGETS[0]).values == {"team": "a"}  # the later change still wins
        assert [c.event_id for c in tx.later_changes(TARGETS[0], 60.0, "x")] == ["e1"]
        assert tx.get_session("ASIA2") == _grant(2)
        assert tx.get_session("ASIA1") == _grant(1)  # the older grant does not replace the newer
    assert store.current_tags(TARGETS[0]).values == {"team": "a"}


def test_a_unit_rolled_back_writes_nothing_it_kept(store: Store) -> None:
    try:
        with store.unit() as tx:
            tx.record_change(change("e1", target=TARGETS[0], set={"team": "a"}), 100.0)
            tx.put_session(_grant(1), 100.0)
            raise RuntimeError("the unit fails")
    except RuntimeError:
        pass
    assert store.current_tags(TARGETS[0]).values == {}
    with store.unit() as tx:
        assert tx.get_session("ASIA1") is None
        assert tx.later_changes(TARGETS[0], 0.0, "") == []


def test_the_findings_of_one_judgement_are_added_with_one_statement(store: Store) -> None:
    findings = [finding(f"e{n}") for n in range(30)]
    with store.unit() as tx:
        tx.add_findings(findings[:1])  # stored before

    def work(unit: SqlUnit) -> None:
        # one there already, one given twice: each new one is answered once
        assert unit.add_findings([*findings, findings[5]]) == {f.id for f in findings[1:]}

    assert _counted_unit(store, work)["INSERT INTO findings (id,"] == 1


def test_the_findings_staged_by_a_units_judgements_are_added_with_one_statement(store: Store) -> None:
    with store.unit() as tx:
        assert tx.add_findings([finding("e0")]) == {finding("e0").id}  # stored before this unit
    judgements = [[finding(f"e{n}"), finding(f"e{n}", kind="unauthorized_writer")] for n in range(30)]

    def work(unit: SqlUnit) -> None:
        for found in judgements:
            unit.stage_findings(found)
        added = unit.added_findings()
        assert added == {f.id for found in judgements for f in found} - {finding("e0").id}
        assert unit.added_findings() == set()  # asked for once

    assert _counted_unit(store, work)["INSERT INTO findings (id,"] == 1
    assert len(store.list_findings()) == 60


def test_a_staged_finding_is_there_for_reads_and_superseding_and_kept_at_the_units_end(
    store: Store,
) -> None:
    early, late = finding("e1"), finding("e2")
    with store.unit() as tx:
        tx.stage_findings([early])
        assert [f.id for f in tx.event_findings("e1")] == [early.id]
        tx.supersede(early.id)
        tx.stage_findings([late])  # never asked for: written when the unit ends all the same
    assert store.get_finding(early.id).status == "superseded"  # type: ignore[union-attr]
    assert store.get_finding(late.id) is not None
    again = finding("e4")
    with store.unit() as tx:
        tx.stage_findings([again])
        tx.supersede(again.id)  # without reading it first
    assert store.get_finding(again.id).status == "superseded"  # type: ignore[union-attr]
    with store.unit() as tx:
        tx.stage_findings([finding("e3")])
        assert tx.added_findings() == {finding("e3").id}
        tx.stage_findings([finding("e3")])
        assert tx.added_findings() == set()  # added earlier in the same unit: not new again


def test_findings_staged_in_a_rolled_back_unit_are_not_written(store: Store) -> None:
    try:
        with store.unit() as tx:
            tx.stage_findings([finding("e1")])
            assert tx.added_findings() == {finding("e1").id}
            tx.stage_findings([finding("e2")])
            raise RuntimeError("the unit fails")
    except RuntimeError:
        pass
    assert store.list_findings() == []
