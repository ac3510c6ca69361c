"""The processor: one unit of input (a log file, a message, a page of events) in, committed
findings out. Every source and the replay command go through it, so they judge alike."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import Store, StoreUnit
from tagwarden.app.pipeline.principal_tags import PrincipalTagCache, effective_tags
from tagwarden.app.pipeline.rejudge import old_tags_of_later, rejudge_affected
from tagwarden.app.pipeline.reporting import report_findings
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.judge import JudgeContext, judge
from tagwarden.core.model import Actor, Finding, KnownTags, TagChange
from tagwarden.core.normalize import Normalized, Normalizer
from tagwarden.core.ports.units import UnitResult
from tagwarden.core.records import ReadProblem
from tagwarden.core.records.validation import record_problem, tag_record_problem
from tagwarden.core.timeutil import now_iso, parse_time

Record = dict[str, Any]


@dataclass(frozen=True, slots=True)
class _TagRecord:
    ts: float
    event_id: str
    record: Record
    normalized: Normalized


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
        route: Callable[[Finding], Iterable[str]] | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.route = route  # the sinks each new finding is queued for, in the same transaction
        self.normalizer = normalizer
        self.policy = policy
        self.store = store
        self.principals = principals
        self.metrics = metrics
        self.log = log
        self._clock = clock

    def process(
        self,
        items: Iterable[Record | ReadProblem],
        *,
        source: str,
        unit: str,
        mark_object: bool = False,
        read_until: float | None = None,
    ) -> UnitResult:
        """Read, judge and commit one unit. ``mark_object`` records ``unit`` as processed for
        ``source``; ``read_until`` is saved as ``source``'s read cursor in the same transaction."""
        result = UnitResult()
        tagged = self._read(items, result)
        fetched = self.principals.refresh(self._principals_needed(tagged))
        with self.store.unit() as tx:
            tx.lock_targets(self._targets(tagged) | {snapshot.arn for snapshot in fetched})
            for snapshot in fetched:
                tx.record_snapshot(snapshot.arn, "principal", snapshot.tags, snapshot.at, "iam")
            for item in tagged:
                self._judge_record(tx, item, result, source)
            if mark_object and result.ok:
                tx.mark_object(source, unit)
            if read_until is not None:
                tx.set_read_cursor(source, read_until)
        self._report(result, source, unit)
        return result

    def _read(self, items: Iterable[Record | ReadProblem], result: UnitResult) -> list[_TagRecord]:
        tagged: list[_TagRecord] = []
        newest = ""
        normalize = self.normalizer.normalize
        for item in items:
            if isinstance(item, ReadProblem):
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
            normalized = normalize(item)
            if normalized.spec is None:
                continue
            event_id = str(item.get("eventID") or "")
            if normalized.unreadable is not None:
                result.unreadable.append((str(item["eventSource"]), event_id, normalized.unreadable))
                continue
            problem = tag_record_problem(item)
            ts = parse_time(when)
            if problem is None and ts is None:
                problem = f"eventTime {when!r} is not a timestamp"
            if problem is not None or ts is None:
                result.rejected.append(("bad_record", f"{problem} (eventID {event_id!r})"))
                continue
            if normalized.changes or normalized.session is not None:
                ids = {c.event_id for c in normalized.changes}
                tagged.append(_TagRecord(ts, ids.pop() if len(ids) == 1 else event_id, item, normalized))
        result.newest_event = parse_time(newest) if newest else None
        # CloudTrail delivers out of order: judge in event-time order within the unit; across
        # units, the store's as-of reads give each change the value before it.
        tagged.sort(key=lambda t: (t.ts, t.event_id))
        return tagged

    @staticmethod
    def _targets(tagged: list[_TagRecord]) -> set[str]:
        return {c.target for item in tagged for c in item.normalized.changes if c.target_kind != "session"}

    @staticmethod
    def _principals_needed(tagged: list[_TagRecord]) -> set[str]:
        arns: set[str] = set()
        for item in tagged:
            for change in item.normalized.changes:
                arns.add(change.actor.arn)
                if change.target_kind == "principal":
                    arns.add(change.target)
                if change.session is not None:
                    arns.add(change.session.role_arn)
        return arns

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

    def _judge_record(self, tx: StoreUnit, item: _TagRecord, result: UnitResult, source: str) -> None:
        normalized = item.normalized
        if normalized.session is not None:
            tx.put_session(normalized.session, item.ts)
        if not normalized.changes:
            return
        if tx.is_processed(item.event_id):
            result.duplicates += 1
            return
        created = now_iso()
        actor_tags = self._actor_tags(tx, normalized.changes[0].actor)
        held: dict[str, frozenset[str] | None] = {}

        def principal_values(key: str) -> frozenset[str] | None:
            if key not in held:
                held[key] = tx.principal_values(key)
            return held[key]

        # Every tag change's record is kept: a late event may make it to be judged again.
        tx.save_event(item.event_id, item.record)
        for change in normalized.changes:
            context = JudgeContext(actor_tags, self._old_tags(tx, change, item.ts), principal_values, created)
            self._add(tx, judge(change, context, self.policy), result)
            if change.target_kind != "session":
                self._record_and_rejudge(tx, change, item.ts, result, context)
            result.tag_changes[(change.event_source, _outcome_label(change))] += 1
        tx.mark_processed(item.event_id, normalized.changes[0].event_time, source)

    def _add(self, tx: StoreUnit, findings: Iterable[Finding], result: UnitResult) -> None:
        for finding in findings:
            if tx.add_finding(finding):
                result.new_findings.append(finding)
                for sink in self.route(finding) if self.route else ():
                    tx.enqueue_delivery(finding.id, sink)

    def _record_and_rejudge(
        self, tx: StoreUnit, change: TagChange, ts: float, result: UnitResult, context: JudgeContext
    ) -> None:
        seen_before = old_tags_of_later(tx, change, ts) if change.succeeded else {}
        tx.record_change(change, ts)
        if not seen_before:
            return

        def judge_again(later: TagChange, old: KnownTags) -> list[Finding]:
            actor_tags = self._actor_tags(tx, later.actor)
            return judge(later, replace(context, actor_tags=actor_tags, old=old), self.policy)

        outcome = rejudge_affected(tx, change, seen_before, self._changes_of, judge_again)
        for finding in outcome.added:
            for sink in self.route(finding) if self.route else ():
                tx.enqueue_delivery(finding.id, sink)
        result.new_findings += outcome.added
        result.superseded += outcome.superseded

    def _changes_of(self, record: dict[str, Any]) -> list[TagChange]:
        return list(self.normalizer.normalize(record).changes)

    def _report(self, result: UnitResult, source: str, unit: str) -> None:
        """Metrics and logs, after the commit: what they count is durable."""
        m = self.metrics
        m.records_read.labels(source).inc(result.records)
        for reason, detail in result.rejected:
            m.records_rejected.labels(source, reason).inc()
            self.log.warning("record_rejected", source=source, unit=unit, reason=reason, detail=detail)
        if result.fatal is not None:
            m.records_rejected.labels(source, result.fatal.reason).inc()
            self.log.warning(
                "document_unreadable",
                source=source,
                unit=unit,
                reason=result.fatal.reason,
                detail=result.fatal.detail,
            )
        for (event_source, outcome), count in result.tag_changes.items():
            m.tag_changes.labels(event_source, outcome).inc(count)
        for event_source, event_id, reason in result.unreadable:
            m.unreadable_tag_events.labels(event_source).inc()
            self.log.warning(
                "unreadable_tag_event",
                source=source,
                unit=unit,
                event_source=event_source,
                event_id=event_id,
                reason=reason,
            )
        report_findings(result.new_findings, m, self.log, source=source)
        for finding_id in result.superseded:
            self.log.info("finding_superseded", source=source, unit=unit, finding_id=finding_id)
        if result.newest_event is not None:
            m.observe_newest_event(source, result.newest_event)
