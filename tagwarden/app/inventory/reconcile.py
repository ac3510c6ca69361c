"""Snapshots into the tag state, and the changes no event explains (``unattributed_change``).

A snapshot stands for the moment its reading began. Where it contradicts what the events led
tagwarden to expect, the difference is kept as *pending*: CloudTrail delivers late, so the
event that explains it may still come. Once ``grace`` seconds have passed since the reading
ended, each pending difference is checked again against everything received by then: the state
just before the reading began (late events included) and the events logged while it went on.
What still has no explanation becomes a finding.

A target's tags are written only where they differ from the known state (or the known state is
incomplete): the history stays the record of changes, not a copy of every inventory.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from tagwarden.adapters.store import Store
from tagwarden.app.recording import Recorder
from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.inventory.pending import PendingDifference
from tagwarden.core.model import Finding, KnownTags, Origin, new_finding
from tagwarden.core.model.finding import INVENTORY_EVENT_SOURCE
from tagwarden.core.ports.store import HistoryEntry
from tagwarden.core.timeutil import format_time, parse_time

BATCH = 500
HISTORY_LIMIT = 1000


class Observed(NamedTuple):
    """One target's complete tag set as an inventory read it."""

    target: str
    kind: str  # "principal" or "resource"
    account: str
    region: str
    tags: Mapping[str, str]


def _folded(tags: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    return {key.casefold(): (key, value) for key, value in tags.items()}


def same_tags(known: KnownTags, observed: Mapping[str, str], fold: bool) -> bool:
    """Whether the known state is complete and equal to the observation."""
    if not known.complete:
        return False
    if not fold:
        return dict(known.values) == dict(observed)
    mine = {k: v for k, (_, v) in _folded(known.values).items()}
    theirs = {k: v for k, (_, v) in _folded(observed).items()}
    return mine == theirs


def contradicted(known: KnownTags, observed: Mapping[str, str], fold: bool) -> dict[str, str | None]:
    """The keys whose value tagwarden knew and the observation contradicts, with what was observed
    (None: the key is absent). Keys tagwarden never knew contradict nothing."""
    found: dict[str, str | None] = {}
    seen = _folded(observed) if fold else {k: (k, v) for k, v in observed.items()}
    known_values = _folded(known.values) if fold else {k: (k, v) for k, v in known.values.items()}
    for folded, (key, value) in known_values.items():
        now = seen.get(folded)
        if now is None:
            found[key] = None
        elif now[1] != value:
            found[key] = now[1]
    absent = {k.casefold() if fold else k: k for k in known.absent}
    for folded, (key, value) in seen.items():
        if folded not in known_values and (folded in absent or known.complete):
            found[key] = value
    return found


def write_snapshots(store: Store, observed: Iterable[Observed], at: float) -> int:
    """Record the snapshots that change what is known; returns how many were written."""
    written = 0
    for batch in _batches(list(observed)):
        changed = [
            o for o in batch if not same_tags(store.current_tags(o.target), o.tags, o.kind == "principal")
        ]
        if changed:
            with store.unit() as tx:
                tx.lock_targets(item.target for item in changed)
                for item in changed:
                    tx.record_snapshot(item.target, item.kind, item.tags, at, "inventory")
            written += len(changed)
    return written


def _batches(items: Sequence[Observed]) -> Iterable[Sequence[Observed]]:
    for start in range(0, len(items), BATCH):
        yield items[start : start + BATCH]


class Reconciler:
    """Writes snapshots and turns unexplained differences into findings. ``scope`` names whose
    pending differences these are (one per job), so that two jobs never overwrite each other's."""

    def __init__(
        self,
        store: Store,
        policy: CompiledPolicy,
        scope: str,
        grace_seconds: float,
        recorder: Recorder,
        *,
        source: str | None = None,
    ) -> None:
        self.store = store
        self.policy = policy
        self.scope = scope
        self.grace = grace_seconds
        self.recorder = recorder
        self.source = source or f"scan:{scope}"  # what the log lines of its findings say

    def _load(self) -> list[PendingDifference]:
        return self.store.pending(self.scope)

    def _add(self, pending: list[PendingDifference]) -> None:
        # Added to what is pending as committed now, not saved over what was read at the start:
        # another replica may record under the same scope meanwhile.
        with self.store.unit() as tx:
            tx.add_pending(self.scope, pending)

    def record(self, observed: Iterable[Observed], started: float, finished: float) -> int:
        """Write the snapshots that change the state; remember the governed keys they contradict."""
        pending: list[PendingDifference] = []
        written = 0
        for batch in _batches(list(observed)):
            changed: list[Observed] = []
            for item in batch:
                fold = item.kind == "principal"
                known = self.store.current_tags(item.target)
                if same_tags(known, item.tags, fold):
                    continue
                changed.append(item)
                keys = {
                    k: v
                    for k, v in contradicted(known, item.tags, fold).items()
                    if self.policy.is_governed(k)
                }
                if keys:
                    pending.append(
                        PendingDifference(
                            item.target, item.kind, item.account, item.region, started, finished, keys
                        )
                    )
            if changed:
                with self.store.unit() as tx:
                    tx.lock_targets(item.target for item in changed)
                    for item in changed:
                        tx.record_snapshot(item.target, item.kind, item.tags, started, "inventory")
                written += len(changed)
        self._add(pending)
        return written

    def confirm(self, now: float) -> list[Finding]:
        """Findings for the pending differences whose grace is over and that no event explains;
        committed and reported here. Returns the new ones."""
        pending = self._load()
        due = [p for p in pending if p.finished + self.grace <= now]
        if not due:
            return []
        findings: list[Finding] = []
        # Read before the unit: inside it, each would take a second connection of the store's
        # pool while the unit holds one (a pool of one would wait for itself).
        histories = {entry.target: self.store.tag_history(entry.target, limit=HISTORY_LIMIT) for entry in due}
        with self.store.unit() as tx:
            for entry in due:
                before = tx.tags_as_of(entry.target, entry.started, "")
                history = histories[entry.target]
                for key, value in sorted(entry.keys.items()):
                    finding = self._judge(entry, key, value, before, history)
                    if finding is not None:
                        findings += self.recorder.add(tx, [finding])
            tx.drop_pending(self.scope, due)
        self.recorder.report(findings, source=self.source)
        return findings

    def _judge(
        self,
        entry: PendingDifference,
        key: str,
        value: str | None,
        before: KnownTags,
        history: list[HistoryEntry],
    ) -> Finding | None:
        fold = entry.kind == "principal"
        old = before.get_ci(key) if fold else before.values.get(key)
        if old is None:
            known = before.complete or any(_same_key(a, key, fold) for a in before.absent)
            if not known:
                return None  # tagwarden no longer knows what to expect (a late event hid the value)
        if old == value:
            return None  # a late event, logged before the reading began, explains it
        if _explained_during(entry, key, value, history, fold):
            return None
        last = _last_change(entry, key, history, fold)
        if last is not None and _hidden_by_the_snapshot(last, key, value, history, fold):
            return None
        return _finding(self.policy, entry, key, old, value, last=last, grace=self.grace)


def _same_key(a: str, b: str, fold: bool) -> bool:
    return a.casefold() == b.casefold() if fold else a == b


# CloudTrail's eventTime holds whole seconds, and AWS's clock is not the daemon's: an event logged
# this close to a reading may have come on either side of it.
_SAME_MOMENT_SECONDS = 1.0


def _event_leaving(
    key: str, value: str | None, history: list[HistoryEntry], fold: bool, *, start: float, end: float
) -> bool:
    """An event logged from ``start`` to ``end`` (give or take a second) that leaves the key as
    observed: removed, or holding ``value``."""
    for row in history:
        if row.origin != "event" or not _same_key(row.key, key, fold):
            continue
        when = parse_time(row.event_time)
        if when is None or not start - _SAME_MOMENT_SECONDS <= when <= end + _SAME_MOMENT_SECONDS:
            continue
        if row.removed if value is None else row.value == value:
            return True
    return False


def _explained_during(
    entry: PendingDifference, key: str, value: str | None, history: list[HistoryEntry], fold: bool
) -> bool:
    """An event logged while the reading went on that leaves the key as observed."""
    return _event_leaving(key, value, history, fold, start=entry.started, end=entry.finished)


def _hidden_by_the_snapshot(
    last: HistoryEntry, key: str, value: str | None, history: list[HistoryEntry], fold: bool
) -> bool:
    """The expected value came from an earlier reading, and an event that leaves the key as now
    observed is logged within a second of that reading's start: the reading may not have seen
    it, and it explains what this one sees."""
    began = parse_time(last.event_time) if last.origin != "event" else None
    return began is not None and _event_leaving(key, value, history, fold, start=began, end=began)


def _last_change(
    entry: PendingDifference, key: str, history: list[HistoryEntry], fold: bool
) -> HistoryEntry | None:
    for row in history:  # newest first
        when = parse_time(row.event_time)
        if _same_key(row.key, key, fold) and when is not None and when < entry.started:
            return row
    return None


def _finding(
    policy: CompiledPolicy,
    entry: PendingDifference,
    key: str,
    old: str | None,
    new: str | None,
    *,
    last: HistoryEntry | None,
    grace: float,
) -> Finding:
    when = format_time(entry.started)
    event_id = f"inventory:{when}"
    shown_old = "absent" if old is None else repr(old)
    shown_new = "absent" if new is None else repr(new)
    basis = ""
    if last is not None:
        by = f"{last.event_name} by {last.actor}" if last.origin == "event" else "an earlier inventory"
        basis = f" (last recorded change: {by} at {last.event_time})"
    explanation = (
        f"The inventory taken at {when} found tag {key!r} of {entry.target} {shown_new}, where the events "
        f"tagwarden received leave it {shown_old}{basis}. No CloudTrail event received since, "
        f"{int(grace)} s after the reading ended, explains the change: it was made while events were "
        "missed (an account or region outside the trail, a gap in delivery) or outside CloudTrail."
    )
    origin = Origin(
        event_id, "InventorySnapshot", INVENTORY_EVENT_SOURCE, when, entry.account, entry.region, "unknown"
    )
    return new_finding(
        "unattributed_change",
        origin,
        target=entry.target,
        target_kind=entry.kind,
        tag_key=key,
        old_value=old,
        new_value=new,
        explanation=explanation,
        severity=policy.severity("unattributed_change"),
    )


def pending_differences(store: Store, scope: str) -> list[dict[str, Any]]:
    """What a scope still waits on, for logs and tests."""
    return [p.to_dict() for p in store.pending(scope)]
