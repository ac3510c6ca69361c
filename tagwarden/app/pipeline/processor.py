"""The processor: one unit of input (a log file, a message, a page of events) in, committed
findings out. Every source and the replay command go through it, so they judge alike."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
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
from tagwarden.app.pipeline.principal_tags import InventoryWait, PrincipalTagCache, effective_tags
from tagwarden.app.pipeline.rejudge import (
    JudgeAgain,
    Rejudged,
    may_give_findings_again,
    old_tags_of_later,
    rejudge_affected,
    rejudgeable,
)
from tagwarden.app.pipeline.unit_keys import actor_access_keys, changed_targets, granted, principals_needed
from tagwarden.app.pipeline.unit_report import report_unit
from tagwarden.app.recording import Recorder, Route, StagedFindings
from tagwarden.core.arn import is_log_origin
from tagwarden.core.compute import JudgedGrant, StateUndo
from tagwarden.core.controls import (
    DeliveryPath,
    is_control_record,
)
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import Actor, Finding, KnownTags, TagChange
from tagwarden.core.normalize import Normalized, Normalizer
from tagwarden.core.ports.units import PreparedUnit, TagRecord, UnitDeferred, UnitResult
from tagwarden.core.records import ReadProblem
from tagwarden.core.records.bounds import tag_record_rejection
from tagwarden.core.records.record_checks import record_problem
from tagwarden.core.records.text import record_text
from tagwarden.core.records.triage import Skipped
from tagwarden.core.timeutil import canonical_time, now_iso, parse_time

Record = dict[str, Any]


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
        result = UnitResult()
        controls: list[tuple[float, Record]] = []
        return PreparedUnit(result, self._read(items, result, controls), controls)

    def commit(
        self,
        prepared: PreparedUnit,
        *,
        source: str,
        unit: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> UnitResult:
        result, tagged = prepared.result, prepared.tagged
        calls = self.controls.classify(prepared.controls)
        reads = [t.compute for t in tagged if t.compute]
        if reads:
            self.compute.load(self.store, reads)
        roles = self.compute.prepare(reads)
        needed = principals_needed(tagged) | roles | {call.context.actor.arn for _, call in calls}
        fetched = self.principals.refresh(needed)
        undo = StateUndo()
        try:
            with self.store.unit() as tx:
                targets = changed_targets(tagged)
                locked = targets | {snapshot.arn for snapshot in fetched}
                used, created_sessions = actor_access_keys(tagged), granted(tagged)
                tx.lock_targets(locked, used | created_sessions)
                tx.read_ahead([t.event_id for t in tagged], targets | needed, used, created_sessions)
                for snapshot in fetched:
                    tx.record_snapshot(snapshot.arn, "principal", snapshot.tags, snapshot.at, "iam")
                created = now_iso()  # one moment for the findings of one transaction
                found = self.recorder.staged(tx)
                for item in tagged:
                    self._judge_record(tx, item, result, found, source=source, created=created, undo=undo)
                self.compute.persist(tx, undo)
                tags = partial(self._actor_tags, tx)
                self.controls.judge(tx, calls, found, actor_tags=tags, created_at=created)
                result.new_findings += found.finish()
                if mark_object and result.ok:
                    tx.mark_object(source, unit)
                if read_until is not None:
                    tx.set_read_cursor(source, read_until)
                tx.note_log_origins(result.newest_by_origin)
        except BaseException:
            # Nothing of the unit was committed: what it taught the memory goes too, so that the
            # unit tried again is judged as this attempt was (the IAM tags it stored, asked again).
            self.principals.forget(snapshot.arn for snapshot in fetched)
            self.compute.undo(undo)
            raise
        report_unit(self.metrics, self.log, self.recorder, result, source=source, unit=unit)
        return result

    def _read(
        self,
        items: Iterable[Record | ReadProblem | Skipped],
        result: UnitResult,
        controls: list[tuple[float, Record]],
    ) -> list[TagRecord]:
        tagged: list[TagRecord] = []
        newest = ""
        newest_by_origin: dict[tuple[str, str], str] = {}
        for item in items:
            if isinstance(item, Skipped):  # records the reader found to matter to nothing
                result.records += item.count
                newest = max(newest, item.newest_event_time)
                for origin, latest in item.newest_by_origin.items():
                    newest_by_origin[origin] = max(newest_by_origin.get(origin, ""), latest)
                continue
            if isinstance(item, ReadProblem):
                if item.transient:  # a fault in getting the bytes: nothing of this reading counts
                    raise UnitDeferred(item.reason, item.detail)
                if item.fatal:
                    result.fatal = item
                else:
                    result.rejected.append((item.reason, item.detail))
                continue
            result.records += 1
            problem = record_problem(item)
            if problem is not None:
                result.rejected.append(("bad_record", f"{problem} (eventID {item.get('eventID')!r})"))
                continue
            when = item.get("eventTime")
            if isinstance(when, str) and when > newest:
                newest = when
            origin = (str(item.get("recipientAccountId") or ""), str(item.get("awsRegion") or ""))
            if isinstance(when, str) and when > newest_by_origin.get(origin, ""):
                newest_by_origin[origin] = when
            if is_control_record(item):
                controls.append((parse_time(when) or 0.0, item))
            kept = self._relevant(item, when, result)
            if kept is not None:
                tagged.append(kept)
        result.newest_event = parse_time(newest) if newest else None
        for origin, latest in newest_by_origin.items():
            moment = parse_time(latest)
            if moment is not None and is_log_origin(*origin):
                result.newest_by_origin[origin] = moment
        # CloudTrail delivers out of order: judge in event-time order within the unit; across
        # units, the store's as-of reads give each change the value before it.
        tagged.sort(key=lambda t: (t.ts, t.event_id))
        return tagged

    def _relevant(self, item: Record, when: Any, result: UnitResult) -> TagRecord | None:
        """The record as something to judge (a tag write, a session, a role given to compute), or
        None when it is none of those or cannot be judged (counted in ``result``)."""
        normalized = self.normalizer.normalize(item)
        compute = self.compute.reader.read(item)
        if normalized.spec is None and compute is None:
            return None
        event_id = str(item.get("eventID") or "")
        if normalized.unreadable is not None and compute is None:
            result.unreadable.append((str(item["eventSource"]), event_id, normalized.unreadable))
            return None
        rejected = tag_record_rejection(item, normalized.changes, normalized.session)
        if rejected is not None:
            result.rejected.append(rejected)
            return None
        ts = parse_time(when)
        assert ts is not None  # tag_record_rejection checked it
        if normalized.unreadable is not None:  # the compute part is still judged
            result.unreadable.append((str(item["eventSource"]), event_id, normalized.unreadable))
            normalized = Normalized(spec=normalized.spec)
        session = normalized.session
        if session is not None and not session.effective_tags():
            # A session without tags of its own or inherited changes no later judgement (its
            # callers' tags are their role's): not kept, as the fast reader does not decode it.
            session = None
        if not (normalized.changes or session is not None or compute is not None):
            return None
        ids = {c.event_id for c in normalized.changes}
        if compute is not None:
            ids.add(compute.grants[0].ctx.event_id if compute.grants else event_id)
        # Without its spec: what is judged is the changes and the session (and it pickles small).
        slim = Normalized(changes=normalized.changes, session=session)
        event_time = canonical_time(item.get("eventTime"))
        chosen_id = ids.pop() if len(ids) == 1 else event_id
        return TagRecord(ts, chosen_id, record_text(item), event_time, slim, compute)

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
