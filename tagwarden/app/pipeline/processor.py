"""The processor: one unit of input (a log file, a message, a page of events) in, committed
findings out. Every source and the replay command go through it, so they judge alike."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, StoreUnit
from tagwarden.app.pipeline.compute_identity import COMPUTE_KINDS, ComputeIdentity
from tagwarden.app.pipeline.control_calls import CONTROL_KINDS, ControlCalls
from tagwarden.app.pipeline.interests import CallInterests
from tagwarden.app.pipeline.late_sessions import (
    learn_session,
    note_grants_if_session_unknown,
    note_if_session_unknown,
)
from tagwarden.app.pipeline.principal_tags import Fetched, InventoryWait, PrincipalTagCache, effective_tags
from tagwarden.app.pipeline.rejudge import (
    JudgeAgain,
    Rejudged,
    may_give_findings_again,
    old_tags_of_later,
    rejudge_affected,
    rejudgeable,
)
from tagwarden.app.pipeline.unit_keys import actor_access_keys, changed_targets, granted, principals_needed
from tagwarden.app.pipeline.unit_reading import read_unit
from tagwarden.app.pipeline.unit_report import report_unit
from tagwarden.app.recording import Recorder, Route, StagedFindings
from tagwarden.core.compute import JudgedGrant, StateUndo
from tagwarden.core.controls import ControlCall, DeliveryPath
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.integrity import log_file_read
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import Actor, Finding, KnownTags, TagChange
from tagwarden.core.normalize import Normalizer
from tagwarden.core.ports.units import PreparedUnit, TagRecord, UnitResult
from tagwarden.core.records import ReadProblem
from tagwarden.core.records.triage import Skipped
from tagwarden.core.timeutil import now_iso

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _Asked:
    """What was read for a unit before its transaction (``Processor._ask_before``)."""

    calls: list[tuple[Record, ControlCall]]
    needed: set[str]
    fetched: list[Fetched]
    targets: set[str]  # changed by the unit's records
    used: set[str]  # access keys of sessions its records use
    created: set[str]  # access keys of sessions its records create

    def locked(self) -> set[str]:
        """The targets the unit locks up front: those it changes, and principals fetched."""
        return self.targets | {snapshot.arn for snapshot in self.fetched}


def _outcome_label(change: TagChange) -> str:
    return "success" if change.succeeded else "failed"


class Processor:
    def __init__(
        self,
        *,
        normalizer: Normalizer,
        policy: CompiledPolicy,
        store: Store,
        principals: PrincipalTagCache,
        metrics: Metrics,
        log: Any,
        route: Route | None = None,
        clock: Callable[[], float] = time.time,
        delivery: DeliveryPath | None = None,
        compute: ComputeIdentity | None = None,
        batch_reports: bool = False,
        inventory_awaited: bool = False,
    ) -> None:
        self.recorder = Recorder(metrics, log, route, store, batch_reports=batch_reports)
        self.normalizer = normalizer
        self.policy = policy
        self.store = store
        self.principals = principals
        self.inventory = InventoryWait(principals.faults, inventory_awaited)
        self.compute = compute or ComputeIdentity()
        self._interests = CallInterests(self.normalizer, self.compute)  # asked once per file read
        self.metrics = metrics
        self.log = log
        self._clock = clock
        self.controls = ControlCalls(policy, delivery if delivery is not None else DeliveryPath())
        self.delivery = self.controls.delivery  # what carries CloudTrail here, as learned

    @property
    def record_filter(self) -> CallInterests:
        return self._interests

    def process(
        self,
        items: Iterable[Record | ReadProblem | Skipped],
        *,
        source: str,
        unit: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> UnitResult:
        """Read, judge and commit one unit. ``mark_object`` records ``unit`` as processed for
        ``source``; ``read_until`` is saved as ``source``'s read cursor in the same transaction."""
        return self.commit(
            self.prepare(items), source=source, unit=unit, mark_object=mark_object, read_until=read_until
        )

    def prepare(self, items: Iterable[Record | ReadProblem | Skipped]) -> PreparedUnit:
        return read_unit(items, self.normalizer, self.compute.reader)

    def commit(
        self,
        prepared: PreparedUnit,
        *,
        source: str,
        unit: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> UnitResult:
        alone = [(prepared, unit)]
        return self.commit_together(alone, source=source, mark_object=mark_object, read_until=read_until)[0]

    def commit_together(
        self,
        units: Sequence[tuple[PreparedUnit, str]],
        *,
        source: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> list[UnitResult]:
        """Judge and commit prepared units, in their order, in one transaction. More than one only
        where each ``may_share_transaction``: what is read for a unit before the transaction opens
        (IAM tags of principals) then does not depend on what an earlier unit of it commits."""
        if len(units) > 1 and not all(prepared.may_share_transaction() for prepared, _ in units):
            raise ValueError("units with control calls or compute records are committed alone")
        undo = StateUndo()
        asked: list[_Asked] = []
        try:
            for prepared, _ in units:
                asked.append(self._ask_before(prepared))
            with self.store.unit() as tx:
                # Every unit's locks at once, so in one sorted order: two transactions never wait
                # on each other in a circle (docs/scaling.md).
                tx.lock_targets(
                    set().union(*(before.locked() for before in asked)),
                    set().union(*(before.used | before.created for before in asked)),
                )
                created = now_iso()  # one moment for the findings of one transaction
                for (prepared, unit), before in zip(units, asked, strict=True):
                    self._judge_unit(tx, prepared, before, source=source, created=created, undo=undo)
                    if mark_object and prepared.result.ok:
                        tx.mark_object(source, unit)
                    if prepared.read_from and (prepared.result.ok or prepared.tagged or prepared.controls):
                        # Read whole, or judged in part: what the check must vouch for.
                        tx.note_log_files_read([log_file_read(url) for url in prepared.read_from])
                if read_until is not None:
                    tx.set_read_cursor(source, read_until)
        except BaseException:
            # Nothing of the units was committed: what they taught the memory goes too, so that a
            # unit tried again is judged as this attempt was (the IAM tags it stored, asked again).
            self.principals.forget(snapshot.arn for before in asked for snapshot in before.fetched)
            self.compute.undo(undo)
            raise
        for index, (prepared, unit) in enumerate(units, start=1):
            settle = index == len(units)  # the report deliveries of all the units, in one transaction
            report_unit(
                self.metrics,
                self.log,
                self.recorder,
                prepared.result,
                source=source,
                unit=unit,
                settle=settle,
            )
        return [prepared.result for prepared, _ in units]

    def _ask_before(self, prepared: PreparedUnit) -> _Asked:
        """What a unit needs read before its transaction: its control calls classified, the
        compute state it reads loaded, and the IAM tags of the principals it names fetched."""
        calls = self.controls.classify(prepared.controls)
        reads = [t.compute for t in prepared.tagged if t.compute]
        if reads:
            self.compute.load(self.store, reads)
        roles = self.compute.prepare(reads)
        needed = principals_needed(prepared.tagged) | roles | {call.context.actor.arn for _, call in calls}
        fetched = self.principals.refresh(needed)
        tagged = prepared.tagged
        return _Asked(
            calls, needed, fetched, changed_targets(tagged), actor_access_keys(tagged), granted(tagged)
        )

    def _judge_unit(
        self,
        tx: StoreUnit,
        prepared: PreparedUnit,
        asked: _Asked,
        *,
        source: str,
        created: str,
        undo: StateUndo,
    ) -> None:
        result, tagged = prepared.result, prepared.tagged
        ids = [t.event_id for t in tagged]
        tx.read_ahead(ids, asked.targets | asked.needed, asked.used, asked.created)
        for snapshot in asked.fetched:
            tx.record_snapshot(snapshot.arn, "principal", snapshot.tags, snapshot.at, "iam")
        found = self.recorder.staged(tx)
        for item in tagged:
            self._judge_record(tx, item, result, found, source=source, created=created, undo=undo)
        self.compute.persist(tx, undo)
        tags = partial(self._actor_tags, tx)
        self.controls.judge(tx, asked.calls, found, actor_tags=tags, created_at=created)
        result.new_findings += found.finish()
        tx.note_log_origins(result.newest_by_origin)

    def _actor_tags(self, tx: StoreUnit, actor: Actor) -> dict[str, str] | None:
        known = tx.current_tags(actor.arn)
        principal = dict(known.values) if (known.values or known.complete) else None
        session = tx.get_session(actor.access_key_id) if actor.access_key_id else None
        return effective_tags(principal, session.effective_tags() if session else None)

    def _old_tags(self, tx: StoreUnit, change: TagChange, ts: float) -> KnownTags:
        if change.target_kind == "session":
            # A session starts with its role's tags; session tags override them.
            role = change.session.role_arn if change.session else ""
            return tx.current_tags(role) if role else KnownTags()
        return tx.tags_as_of(change.target, ts, change.event_id)

    def _judge_record(
        self,
        tx: StoreUnit,
        item: TagRecord,
        result: UnitResult,
        found: StagedFindings,
        *,
        source: str,
        created: str,
        undo: StateUndo,
    ) -> None:
        normalized = item.normalized
        if normalized.session is not None:
            self._learn_session(tx, item, result, found, created)
        if not normalized.changes and item.compute is None:
            return
        if tx.is_processed(item.event_id):
            result.duplicates += 1
            return
        any_finding = self._judge_compute(tx, item, found, created=created, undo=undo)
        if not normalized.changes:
            if any_finding:
                tx.save_event(item.event_id, item.record_json)
            tx.mark_processed(item.event_id, item.event_time, source)
            return
        actor_tags = self._actor_tags(tx, normalized.changes[0].actor)
        held: dict[str, frozenset[str] | None] = {}

        def principal_values(key: str) -> frozenset[str] | None:
            if key not in held:
                held[key] = self._principal_values(tx, key)
            return held[key]

        gave_findings = False
        for change in normalized.changes:
            context = JudgeContext(actor_tags, self._old_tags(tx, change, item.ts), principal_values, created)
            findings = judge(change, context, self.policy)
            gave_findings = gave_findings or bool(findings)
            found.add(findings)
            if change.target_kind != "session":
                self._record_and_rejudge(tx, change, item.ts, result, context, found=found)
            result.tag_changes[(change.event_source, _outcome_label(change))] += 1
            if change.target_kind == "unresolved":
                result.unresolved_targets[change.event_source] += 1
        # What a late event may need to judge the changes again is kept with the processed mark:
        # the changes, smaller than the record. The record is kept as evidence for the findings the
        # changes gave, or may give when judged again.
        kept = rejudgeable(normalized.changes)
        if gave_findings or any(may_give_findings_again(change, self.policy) for change in kept):
            tx.save_event(item.event_id, item.record_json)
            note_if_session_unknown(tx, item.event_id, kept)
        tx.mark_processed(item.event_id, normalized.changes[0].event_time, source, kept)

    def _learn_session(
        self, tx: StoreUnit, item: TagRecord, result: UnitResult, found: StagedFindings, created: str
    ) -> None:
        """Keeps the session the record created; judges again the changes made with it before."""
        session, ts = item.normalized.session, item.ts
        if session is None:
            return

        tags = partial(self._actor_tags, tx)
        again = (
            (
                COMPUTE_KINDS,
                partial(
                    self.compute.judge_again, tx, actor_tags=tags, policy=self.policy, created_at=created
                ),
            ),
            (CONTROL_KINDS, partial(self.controls.judge_again, tx, actor_tags=tags, created_at=created)),
        )
        judge_again = self._judge_again(tx, created)
        done = learn_session(tx, session, ts, self._changes_of, judge_again, add=found.add, again=again)
        self._rejudged(tx, done, result)

    def _judge_compute(
        self, tx: StoreUnit, item: TagRecord, found: StagedFindings, *, created: str, undo: StateUndo
    ) -> bool:
        """Judge the roles the record gives compute resources; True if it raised a finding."""
        read = item.compute
        if read is None:
            return False
        actor = read.grants[0].ctx.actor if read.grants else None
        actor_tags = self._actor_tags(tx, actor) if actor is not None else None
        judged: list[JudgedGrant] = []
        findings = self.compute.judge(tx, read, actor_tags, self.policy, created, undo=undo, judged=judged)
        found.add(findings)
        if actor is not None:
            note_grants_if_session_unknown(tx, item.event_id, item.record_json, actor, judged)
        return bool(findings)

    def _record_and_rejudge(
        self,
        tx: StoreUnit,
        change: TagChange,
        ts: float,
        result: UnitResult,
        context: JudgeContext,
        *,
        found: StagedFindings,
    ) -> None:
        seen_before = old_tags_of_later(tx, change, ts) if change.succeeded else {}
        tx.record_change(change, ts)
        if not seen_before:
            return

        judge_again = self._judge_again(tx, context.created_at)
        done = rejudge_affected(tx, change, seen_before, self._changes_of, judge_again, add=found.add)
        self._rejudged(tx, done, result)

    def _rejudged(self, tx: StoreUnit, done: Rejudged, result: UnitResult) -> None:
        result.superseded += done.superseded
        result.reopened += done.reopened
        self.recorder.requeue(tx, done.changed)

    def _principal_values(self, tx: StoreUnit, key: str) -> frozenset[str] | None:
        return self.inventory.known(tx.principal_values(key))

    def _judge_again(self, tx: StoreUnit, created: str) -> JudgeAgain:
        """Judging a change again once an event it was judged without is known (a late change of
        its target, a session learned after its use): the actor's tags as now known."""

        def again(later: TagChange, old: KnownTags) -> list[Finding]:
            values = partial(self._principal_values, tx)
            context = JudgeContext(self._actor_tags(tx, later.actor), old, values, created)
            return judge(later, context, self.policy)

        return again

    def _changes_of(self, record: dict[str, Any]) -> list[TagChange]:
        return list(self.normalizer.normalize(record).changes)
