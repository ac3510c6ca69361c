"""Judging again the later changes a late event affects.

CloudTrail and SQS deliver out of order, and replicas judge side by side: a change can arrive after
a later change of the same target was judged with the old value it saw then. When the late change
alters what a later change's old value was, that later change is judged again: findings it now gives
are added (and delivered), findings it no longer gives are marked ``superseded``, never deleted, and
findings it gives still say what judging says now (a superseded one that holds again is open again),
so the findings do not depend on the order the events came in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from tagwarden.adapters.store import StoreUnit
from tagwarden.core.arn import canonical_principal
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.judge import JUDGED_KINDS
from tagwarden.core.model import Finding, KnownTags, TagChange
from tagwarden.core.ports.store import LaterChange
from tagwarden.core.timeutil import parse_time

# A late change re-reads at most this many later changes of its target (the newest stay as judged).
MAX_LATER_CHANGES = 200


# (the later change, its old tags now) -> the findings it gives now
JudgeAgain = Callable[[TagChange, KnownTags], list[Finding]]
# findings -> added in the unit (the recorder's, staged until the unit's judging is done)
AddFindings = Callable[[list[Finding]], None]
# a saved record -> its tag changes
ChangesOf = Callable[[dict[str, object]], list[TagChange]]
# an event id -> the findings, by target, of one kind of its calls judged again (the roles it
# gave compute resources, its control call)
CallsAgain = Callable[[str], dict[str, list[Finding]]]


def rejudgeable(changes: Sequence[TagChange]) -> list[TagChange]:
    """The changes of one record that a late event may have judged again: those recorded in the
    tag history (and not a session's), the only ones ``later_changes`` can name."""
    return [change for change in changes if change.recordable and change.target_kind != "session"]


def may_give_findings_again(change: TagChange, policy: CompiledPolicy) -> bool:
    """Whether judging ``change`` again, after a late event alters its old tags, could give a
    finding under ``policy``: only a governed key gives one, and a change that replaces the whole
    set may remove keys it does not name."""
    keys = (*change.set, *change.removed)
    return change.replace_all or any(policy.is_governed(key) for key in keys)


def old_tags_of_later(tx: StoreUnit, change: TagChange, ts: float) -> dict[LaterChange, KnownTags]:
    """Before recording a change: the old tags each later change of its target saw."""
    later = tx.later_changes(change.target, ts, change.event_id)[:MAX_LATER_CHANGES]
    return {entry: tx.tags_as_of(change.target, entry.ts, entry.event_id) for entry in later}


@dataclass(slots=True)
class Rejudged:
    """Each finding judging again changed: as it was (what its sinks may have been sent), and as it
    is now (None: superseded)."""

    changed: list[tuple[Finding, Finding | None]] = field(default_factory=list)

    @property
    def superseded(self) -> list[str]:
        """The ids of the findings judging again marked superseded."""
        return [before.id for before, after in self.changed if after is None]

    @property
    def reopened(self) -> list[str]:
        """The ids of the superseded findings judging again opened again."""
        return [
            before.id for before, after in self.changed if after is not None and before.status == "superseded"
        ]


def rejudge_affected(
    tx: StoreUnit,
    change: TagChange,
    seen_before: dict[LaterChange, KnownTags],
    changes_of: ChangesOf,
    judge_again: JudgeAgain,
    *,
    add: AddFindings,
) -> Rejudged:
    """After recording ``change``: judges again each later change whose old tags it altered;
    ``add`` stores and queues the findings it gives now (the recorder)."""
    done = Rejudged()
    target = canonical_principal(change.target)
    for entry, before in seen_before.items():
        now = tx.tags_as_of(change.target, entry.ts, entry.event_id)
        if now == before:
            continue
        changes = _changes_of_event(tx, entry.event_id, changes_of)
        for later in changes:
            if canonical_principal(later.target) != target or later.target_kind == "session":
                continue
            found = judge_again(later, now)
            _replace_findings(tx, entry.event_id, later.target, JUDGED_KINDS, found, add=add, done=done)
    return done


def rejudge_session_uses(
    tx: StoreUnit,
    access_key_id: str,
    changes_of: ChangesOf,
    judge_again: JudgeAgain,
    *,
    add: AddFindings,
    again: Sequence[tuple[frozenset[str], CallsAgain]] = (),
) -> Rejudged:
    """After a session becomes known: judges again the changes made with it that were judged
    before it was (with their role's tags only), now that the actor's tags are known; and, for
    each (kinds, calls) of ``again``, the findings of those kinds the calls give now."""
    done = Rejudged()
    for event_id in tx.take_session_uses(access_key_id):
        for later in _changes_of_event(tx, event_id, changes_of):
            if later.target_kind == "session" or later.actor.access_key_id != access_key_id:
                continue
            old = tx.tags_as_of(later.target, parse_time(later.event_time) or 0.0, later.event_id)
            found = judge_again(later, old)
            _replace_findings(tx, later.event_id, later.target, JUDGED_KINDS, found, add=add, done=done)
        for kinds, calls_again in again:
            for target, found in calls_again(event_id).items():
                _replace_findings(tx, event_id, target, kinds, found, add=add, done=done)
    return done


def _replace_findings(
    tx: StoreUnit,
    event_id: str,
    target: str,
    kinds: frozenset[str],
    found: list[Finding],
    *,
    add: AddFindings,
    done: Rejudged,
) -> None:
    """What judging the event's call on ``target`` again found takes the place of the findings of
    ``kinds`` judging it gave before."""
    fresh = {finding.id: finding for finding in found}
    add(list(fresh.values()))
    for old in tx.event_findings(event_id):
        if old.target != target or old.kind not in kinds:
            continue  # another target's, or another judgement's (a role given, a control call)
        again = fresh.get(old.id)
        if again is None:
            if old.status != "superseded":
                tx.supersede(old.id)
                done.changed.append((old, None))
        elif old.status == "superseded" or _says(old) != _says(again):
            tx.revise_finding(again)
            done.changed.append((old, again))


def _says(finding: Finding) -> tuple[object, ...]:
    """What judging decides of a finding whose id (event, target, key, kind) is given."""
    return (finding.severity, finding.rule, finding.old_value, finding.new_value, finding.explanation)


def _changes_of_event(tx: StoreUnit, event_id: str, changes_of: ChangesOf) -> list[TagChange]:
    """The changes kept with the event's processed mark; for an event judged by a release that
    kept whole records instead (store schema 2 and before), its record normalized again."""
    kept = tx.judged_changes(event_id)
    if kept is not None:
        return kept
    record = tx.saved_event(event_id)
    return changes_of(record) if record is not None else []
