"""One unit (transaction) of a SQL store: the same statements on every engine."""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tagwarden.adapters.store.changes_json import changes_from_text, changes_text
from tagwarden.adapters.store.compute_rows import write_entries
from tagwarden.adapters.store.outbox_rows import requeue_statement
from tagwarden.adapters.store.rows_in import rows_in
from tagwarden.adapters.store.unit_cache import UnitCache
from tagwarden.adapters.store.unit_findings import UnitFindings
from tagwarden.adapters.store.unit_progress import UnitProgress
from tagwarden.adapters.store.unit_sessions import UnitSessions
from tagwarden.core.arn import canonical_principal, is_iam_principal
from tagwarden.core.model import Finding, KnownTags, TagChange
from tagwarden.core.model.tagfold import COMPLETE_MARKER, HistoryRow, fold_rows
from tagwarden.core.ports.compute_state import Entry
from tagwarden.core.ports.tag_state import LaterChange
from tagwarden.core.timeutil import format_time, now_iso

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql


def state_key(target: str) -> str:
    """Targets are keyed without an IAM user's or role's path: TagRole records carry only the name."""
    return canonical_principal(target)


_Row = tuple[str, str | None, bool]  # key, value, removed


@dataclass(frozen=True, slots=True)
class _Origin:
    ts: float
    event_id: str
    actor: str
    event_name: str
    kind: str  # "event" or "snapshot"


_HISTORY_COLUMNS = "ts, event_id, key, value, removed, origin"
_PROCESSED_AMONG = "SELECT event_id FROM processed_events WHERE event_id"
_HISTORY_INSERT = (
    "INSERT INTO tag_history (target, target_kind, key, key_folded, ts, event_time, event_id, value,"
    " removed, actor, event_name, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING"
)


def _history_row(row: Sequence[Any]) -> HistoryRow:
    return HistoryRow(float(row[0]), str(row[1]), str(row[2]), row[3], bool(row[4]), str(row[5]))


def _lock_name(key: str) -> str:  # key: a state key
    return "target:" + key


class SqlUnit(UnitFindings, UnitSessions, UnitProgress):
    """One transaction: the engine commits it when the block that opened it ends.

    Rows are kept and written by ``flush``, before the commit, one statement per table: those
    nothing in the unit reads back (processed events, raw records, deliveries) and those it may
    read (tag history, sessions), which are written first whenever the unit is about to read
    their table. The current tags of a target and sessions are read once (``UnitCache``) until a
    unit changes them, and a target's tag_current rows are rewritten once, before anything reads
    tag_current or the unit commits. Findings: see ``UnitFindings``.
    """

    def __init__(self, sql: Sql, cache: UnitCache | None = None) -> None:
        cache = cache if cache is not None else UnitCache()
        now = now_iso()
        UnitFindings.__init__(self, sql, now)
        UnitSessions.__init__(self, sql, cache.sessions, now)
        UnitProgress.__init__(self, sql, now)
        self._processed: dict[str, tuple[str, str, str, str, str | None]] = {}
        self._events: dict[str, str] = {}
        self._deliveries: dict[tuple[str, str], float] = {}  # -> not before (epoch seconds)
        self._requeued: dict[str, tuple[Finding, tuple[str, ...]]] = {}  # by finding id: before, exempt
        self._compute: dict[Entry, str | None] = {}  # compute state entries: text, None removed
        self._history_kept: list[tuple[Any, ...]] = []  # tag_history rows, in the order written
        self._current = cache.current
        self._history_rows = cache.rows
        self._stale: dict[str, str] = {}  # targets whose tag_current rows are behind: kind
        self._locked: set[str] = set()  # lock names held until the transaction ends
        self._was_processed: dict[str, bool] = {}  # by event id, as committed before the unit (read_ahead)
        self._inventoried: bool | None = None  # whether principals were inventoried, once known

    def flush(self) -> None:
        """Write what the unit kept back; the store calls it before committing."""
        self._write_staged()  # before the deliveries that name them
        self._refresh_stale()
        self._write_history()
        self._write_sessions()
        sql = self._sql
        if self._processed:
            sql.run_many(
                "INSERT INTO processed_events (event_id, event_time, source, processed_at, changes_json)"
                " VALUES (?,?,?,?,?) ON CONFLICT DO NOTHING",
                list(self._processed.values()),
            )
        if self._events:
            sql.run_many(
                "INSERT INTO events (event_id, record_json) VALUES (?, ?) ON CONFLICT DO NOTHING",
                list(self._events.items()),
            )
        if self._deliveries:
            sql.run_many(
                "INSERT INTO deliveries (finding_id, sink, next_attempt) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                [(finding_id, sink, at) for (finding_id, sink), at in self._deliveries.items()],
            )
        for finding_id, (before, exempt) in self._requeued.items():
            sql.run(*requeue_statement(finding_id, before, exempt))
        write_entries(sql, self._compute, self._now)
        self._flush_progress()  # last: see there
        self._processed, self._events, self._deliveries = {}, {}, {}
        self._requeued, self._compute = {}, {}

    # The kept rows of a table the unit reads are written before any read of it, so that every
    # read sees the unit's own writes, and before the commit.
    def _write_history(self) -> None:
        if self._history_kept:
            self._sql.run_many(_HISTORY_INSERT, self._history_kept)
            self._history_kept = []

    def is_processed(self, event_id: str) -> bool:
        if event_id in self._processed:
            return True
        if event_id in self._was_processed:
            return self._was_processed[event_id]
        return self._sql.row("SELECT 1 FROM processed_events WHERE event_id = ?", (event_id,)) is not None

    def read_ahead(
        self,
        event_ids: Collection[str],
        targets: Collection[str],
        access_key_ids: Collection[str],
        created_sessions: Collection[str] = (),
    ) -> None:
        """One statement per kind (per 500 keys) instead of one per question; the caches it fills
        are the ones the questions read."""
        # Membership tests, not set differences: ``set - dict.keys()`` walks the whole dict, and
        # the caches hold up to 50,000 entries.
        asked = sorted({e for e in event_ids if e not in self._processed and e not in self._was_processed})
        found = {row[0] for row in rows_in(self._sql, _PROCESSED_AMONG, asked)}
        self._was_processed.update((event_id, event_id in found) for event_id in asked)
        keys = sorted({key for key in map(state_key, targets) if key not in self._history_rows})
        if keys:
            self._write_history()
        grouped: dict[str, list[HistoryRow]] = {key: [] for key in keys}
        for row in rows_in(
            self._sql, f"SELECT target, {_HISTORY_COLUMNS} FROM tag_history WHERE target", keys
        ):
            grouped[row[0]].append(_history_row(row[1:]))
        self._history_rows.update(grouped)
        self._read_sessions_ahead(access_key_ids, created_sessions)

    def mark_processed(
        self, event_id: str, event_time: str, source: str, changes: Sequence[TagChange] = ()
    ) -> None:
        kept = changes_text(changes) if changes else None
        self._processed.setdefault(event_id, (event_id, event_time, source, self._now, kept))

    def judged_changes(self, event_id: str) -> list[TagChange] | None:
        if event_id in self._processed:
            kept = self._processed[event_id][4]
        else:
            row = self._sql.row("SELECT changes_json FROM processed_events WHERE event_id = ?", (event_id,))
            kept = row[0] if row is not None else None
        if kept is None:
            return None
        return changes_from_text(kept)

    def _rows(self, target: str) -> list[HistoryRow]:
        key = state_key(target)
        rows = self._history_rows.get(key)
        if rows is None:
            self._write_history()
            found = self._sql.rows(f"SELECT {_HISTORY_COLUMNS} FROM tag_history WHERE target = ?", (key,))
            rows = self._history_rows[key] = [_history_row(r) for r in found]
        return rows

    def tags_as_of(self, target: str, ts: float, event_id: str) -> KnownTags:
        rows = self._rows(target)
        before = [row for row in rows if (row.ts, row.event_id) < (ts, event_id)]
        if len(before) == len(rows):  # the usual case: no later change known yet
            return self.current_tags(target)
        return fold_rows(before, is_iam_principal(target))

    def current_tags(self, target: str) -> KnownTags:
        key = state_key(target)
        known = self._current.get(key)
        if known is None:
            known = self._current[key] = fold_rows(self._rows(target), is_iam_principal(target))
        return known

    def later_changes(self, target: str, ts: float, event_id: str) -> list[LaterChange]:
        later = {
            (row.ts, row.event_id)
            for row in self._rows(target)
            if row.origin == "event" and (row.ts, row.event_id) > (ts, event_id)
        }
        return [LaterChange(later_id, later_ts) for later_ts, later_id in sorted(later)]

    def _history(self, target: str, kind: str, rows: list[_Row], origin: _Origin) -> None:
        self._current.pop(target, None)  # target is a state key
        self._remember_history(target, rows, origin)
        # Held already when the unit locked its targets up front (then no statement); taken here
        # otherwise, so that two units never rewrite one target's current tags side by side.
        self._lock([_lock_name(target)])
        when = format_time(origin.ts)
        self._history_kept += [
            (
                target,
                kind,
                key,
                key.casefold(),
                origin.ts,
                when,
                origin.event_id,
                value,
                int(removed),
                origin.actor,
                origin.event_name,
                origin.kind,
            )
            for key, value, removed in rows
        ]
        self._stale[target] = kind  # tag_current is rewritten once per target, before it is read

    def _remember_history(self, target: str, rows: list[_Row], origin: _Origin) -> None:
        """The rows ``_history`` writes, added to the target's history as read (if it was), as the
        insert adds them: a (key, event) already there stays as it was."""
        cached = self._history_rows.get(target)
        if cached is None:
            return
        held = {(row.key, row.event_id) for row in cached}
        for key, value, removed in rows:
            if (key, origin.event_id) not in held:
                held.add((key, origin.event_id))
                cached.append(HistoryRow(origin.ts, origin.event_id, key, value, removed, origin.kind))

    def _refresh_stale(self) -> None:
        """Rewrites the tag_current rows of every target changed since they were last written."""
        if not self._stale:
            return
        rows = [
            (target, kind, key, key.casefold(), value)
            for target, kind in self._stale.items()
            for key, value in self.current_tags(target).values.items()  # target is a state key
        ]
        self._sql.run_many("DELETE FROM tag_current WHERE target = ?", [(target,) for target in self._stale])
        if rows:
            self._sql.run_many(
                "INSERT INTO tag_current (target, target_kind, key, key_folded, value) VALUES (?,?,?,?,?)",
                rows,
            )
        self._stale = {}

    def _removed_keys(self, change: TagChange, ts: float) -> list[str]:
        """The keys ``change`` removed. One removed only if it held a value (``removed_if``) is
        written down as removed when it is known to have held it; with another value or an
        unknown one the history is left as it was: a removal it cannot tell happened is not one."""
        if not change.removed_if:
            return list(change.removed)
        old = self.tags_as_of(change.target, ts, change.event_id)
        return [
            key
            for key in change.removed
            if key not in change.removed_if or old.lookup(key) == (True, change.removed_if[key])
        ]

    def record_change(self, change: TagChange, ts: float) -> None:
        if not change.recordable:
            return
        rows: list[_Row] = []
        if change.replace_all:
            rows.append((COMPLETE_MARKER, None, False))
        rows += [(key, value, False) for key, value in change.set.items()]
        rows += [(key, None, True) for key in self._removed_keys(change, ts)]
        if rows:
            target = state_key(change.target)
            origin = _Origin(ts, change.event_id, change.actor.arn, change.event_name, "event")
            self._history(target, change.target_kind, rows, origin)

    def record_snapshot(
        self, target: str, target_kind: str, tags: Mapping[str, str], ts: float, origin: str
    ) -> None:
        rows: list[_Row] = [(COMPLETE_MARKER, None, False)]
        rows += [(key, value, False) for key, value in tags.items()]
        key = state_key(target)
        self._history(key, target_kind, rows, _Origin(ts, f"{origin}@{ts:.3f}", origin, "", "snapshot"))

    def lock_targets(self, targets: Iterable[str], sessions: Iterable[str] = ()) -> None:
        names = {_lock_name(state_key(target)) for target in targets} | {"session:" + key for key in sessions}
        self._lock(names)

    def _lock(self, names: Iterable[str]) -> None:
        """Takes the locks on ``names`` not held yet: they are held until the transaction ends, so
        one asked for again (a target the unit locked up front, then changes) costs no statement."""
        wanted = set(names) - self._locked
        if wanted:
            self._sql.lock_keys(sorted(wanted))
            self._locked |= wanted

    def mark_principals_known(self, account: str, taken_at: float) -> None:
        self._inventoried = True
        self._sql.run(
            "INSERT INTO principal_inventories (account, taken_at) VALUES (?, ?)"
            " ON CONFLICT (account) DO UPDATE SET taken_at = excluded.taken_at",
            (account, taken_at),
        )

    def principal_values(self, key: str) -> frozenset[str] | None:
        # Only an inventory of every principal makes "no principal holds this value" knowable.
        if self._inventoried is None:
            self._inventoried = self._sql.row("SELECT 1 FROM principal_inventories LIMIT 1") is not None
        if not self._inventoried:
            return None
        self._refresh_stale()
        rows = self._sql.rows(
            "SELECT DISTINCT value FROM tag_current WHERE target_kind = 'principal' AND key_folded = ?",
            (key.casefold(),),
        )
        return frozenset(row[0] for row in rows)

    def save_event(self, event_id: str, record_json: str) -> None:
        self._events.setdefault(event_id, record_json)

    def saved_event(self, event_id: str) -> dict[str, Any] | None:
        if event_id in self._events:
            kept: dict[str, Any] = json.loads(self._events[event_id])
            return kept
        row = self._sql.row("SELECT record_json FROM events WHERE event_id = ?", (event_id,))
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        return record

    def enqueue_delivery(self, finding_id: str, sink: str, not_before: float = 0.0) -> None:
        self._deliveries[(finding_id, sink)] = not_before

    def put_compute_entries(self, entries: Mapping[Entry, str | None]) -> None:
        self._compute.update(entries)

    def requeue_deliveries(self, finding_id: str, before: Finding, exempt: Collection[str] = ()) -> None:
        self._requeued.setdefault(finding_id, (before, tuple(exempt)))  # the version before the unit
