"""One unit (transaction) of a SQL store: the same statements on every engine."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tagwarden.core.arn import canonical_principal, is_iam_principal
from tagwarden.core.inventory.pending import PendingDifference
from tagwarden.core.model import Finding, KnownTags, SessionGrant, TagChange
from tagwarden.core.model.tagfold import COMPLETE_MARKER, HistoryRow, fold_rows
from tagwarden.core.ports.tag_state import LaterChange
from tagwarden.core.timeutil import format_time, now_iso

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql

FINDING_COLUMNS = tuple(Finding.__dataclass_fields__)


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


def _lock_name(key: str) -> str:  # key: a state key
    return "target:" + key


def row_to_finding(row: Sequence[Any]) -> Finding:
    return Finding.from_dict(dict(zip(FINDING_COLUMNS, row, strict=True)))


class SqlUnit:
    """One transaction: the engine commits it when the block that opened it ends."""

    def __init__(self, sql: Sql) -> None:
        self._sql = sql
        self._now = now_iso()

    def is_processed(self, event_id: str) -> bool:
        return self._sql.row("SELECT 1 FROM processed_events WHERE event_id = ?", (event_id,)) is not None

    def mark_processed(self, event_id: str, event_time: str, source: str) -> None:
        self._sql.run(
            "INSERT INTO processed_events (event_id, event_time, source, processed_at) VALUES (?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            (event_id, event_time, source, self._now),
        )

    def _rows(self, target: str, ts: float | None = None, event_id: str = "") -> list[HistoryRow]:
        sql = "SELECT ts, event_id, key, value, removed FROM tag_history WHERE target = ?"
        params: tuple[Any, ...] = (state_key(target),)
        if ts is not None:
            sql += " AND (ts < ? OR (ts = ? AND event_id < ?))"
            params += (ts, ts, event_id)
        return [HistoryRow(r[0], r[1], r[2], r[3], bool(r[4])) for r in self._sql.rows(sql, params)]

    def tags_as_of(self, target: str, ts: float, event_id: str) -> KnownTags:
        return fold_rows(self._rows(target, ts, event_id), is_iam_principal(target))

    def current_tags(self, target: str) -> KnownTags:
        return fold_rows(self._rows(target), is_iam_principal(target))

    def later_changes(self, target: str, ts: float, event_id: str) -> list[LaterChange]:
        rows = self._sql.rows(
            "SELECT DISTINCT event_id, ts FROM tag_history WHERE target = ? AND origin = 'event'"
            " AND (ts > ? OR (ts = ? AND event_id > ?)) ORDER BY ts, event_id",
            (state_key(target), ts, ts, event_id),
        )
        return [LaterChange(str(r[0]), float(r[1])) for r in rows]

    def _history(self, target: str, kind: str, rows: list[_Row], origin: _Origin) -> None:
        # Held already when the unit locked its targets up front (locks are re-entrant); taken
        # here otherwise, so that two units never rewrite one target's current tags side by side.
        self._sql.lock_keys([_lock_name(target)])
        when = format_time(origin.ts)
        self._sql.run_many(
            "INSERT INTO tag_history (target, target_kind, key, key_folded, ts, event_time,"
            " event_id, value, removed, actor, event_name, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT DO NOTHING",
            [
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
            ],
        )
        self._refresh_current(target, kind)

    def _refresh_current(self, target: str, kind: str) -> None:  # target is a state key
        tags = self.current_tags(target)
        self._sql.run("DELETE FROM tag_current WHERE target = ?", (target,))
        self._sql.run_many(
            "INSERT INTO tag_current (target, target_kind, key, key_folded, value) VALUES (?,?,?,?,?)",
            [(target, kind, key, key.casefold(), value) for key, value in tags.values.items()],
        )

    def record_change(self, change: TagChange, ts: float) -> None:
        if not change.succeeded or change.keys_hidden:
            return
        rows: list[_Row] = []
        if change.replace_all:
            rows.append((COMPLETE_MARKER, None, False))
        rows += [(key, value, False) for key, value in change.set.items()]
        rows += [(key, None, True) for key in change.removed]
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

    def lock_targets(self, targets: Iterable[str]) -> None:
        self._sql.lock_keys(sorted({_lock_name(state_key(target)) for target in targets}))

    def mark_principals_known(self, account: str, taken_at: float) -> None:
        self._sql.run(
            "INSERT INTO principal_inventories (account, taken_at) VALUES (?, ?)"
            " ON CONFLICT (account) DO UPDATE SET taken_at = excluded.taken_at",
            (account, taken_at),
        )

    def principal_values(self, key: str) -> frozenset[str] | None:
        # Only an inventory of every principal makes "no principal holds this value" knowable.
        if self._sql.row("SELECT 1 FROM principal_inventories LIMIT 1") is None:
            return None
        rows = self._sql.rows(
            "SELECT DISTINCT value FROM tag_current WHERE target_kind = 'principal' AND key_folded = ?",
            (key.casefold(),),
        )
        return frozenset(row[0] for row in rows)

    def put_session(self, session: SessionGrant, ts: float) -> None:
        if not session.access_key_id:
            return
        self._sql.run(
            "INSERT INTO sessions (access_key_id, ts, grant_json) VALUES (?,?,?) ON CONFLICT (access_key_id)"
            " DO UPDATE SET ts = excluded.ts, grant_json = excluded.grant_json"
            " WHERE excluded.ts >= sessions.ts",
            (session.access_key_id, ts, json.dumps(session.to_dict())),
        )

    def get_session(self, access_key_id: str) -> SessionGrant | None:
        row = self._sql.row("SELECT grant_json FROM sessions WHERE access_key_id = ?", (access_key_id,))
        return SessionGrant.from_dict(json.loads(row[0])) if row else None

    def add_finding(self, finding: Finding) -> bool:
        values = finding.to_dict()
        values["created_at"] = values["created_at"] or self._now
        values["updated_at"] = self._now
        columns = ", ".join(values)
        marks = ", ".join("?" for _ in values)
        added = self._sql.run(
            f"INSERT INTO findings ({columns}) VALUES ({marks}) ON CONFLICT DO NOTHING",
            tuple(values.values()),
        )
        return added == 1

    def save_event(self, event_id: str, record: Mapping[str, Any]) -> None:
        self._sql.run(
            "INSERT INTO events (event_id, record_json) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (event_id, json.dumps(record, separators=(",", ":"))),
        )

    def saved_event(self, event_id: str) -> dict[str, Any] | None:
        row = self._sql.row("SELECT record_json FROM events WHERE event_id = ?", (event_id,))
        if row is None:
            return None
        record: dict[str, Any] = json.loads(row[0])
        return record

    def event_findings(self, event_id: str) -> list[Finding]:
        columns = ", ".join(FINDING_COLUMNS)
        rows = self._sql.rows(f"SELECT {columns} FROM findings WHERE event_id = ? ORDER BY id", (event_id,))
        return [row_to_finding(row) for row in rows]

    def supersede(self, finding_id: str) -> None:
        self._sql.run(
            "UPDATE findings SET status = 'superseded', updated_at = ? WHERE id = ?", (self._now, finding_id)
        )

    def set_read_cursor(self, source: str, read_until: float) -> None:
        self._sql.run(
            "INSERT INTO source_cursors (source, read_until, updated_at) VALUES (?,?,?) ON CONFLICT (source)"
            " DO UPDATE SET read_until = excluded.read_until, updated_at = excluded.updated_at",
            (source, read_until, self._now),
        )

    def save_pending(self, scope: str, pending: Sequence[PendingDifference]) -> None:
        entries = json.dumps([p.to_dict() for p in pending], sort_keys=True)
        self._sql.run(
            "INSERT INTO pending_differences (scope, entries_json, updated_at) VALUES (?,?,?)"
            " ON CONFLICT (scope) DO UPDATE SET entries_json = excluded.entries_json,"
            " updated_at = excluded.updated_at",
            (scope, entries, self._now),
        )

    def mark_object(self, source: str, key: str) -> None:
        self._sql.run(
            "INSERT INTO processed_objects (source, key, processed_at) VALUES (?,?,?) ON CONFLICT DO NOTHING",
            (source, key, self._now),
        )

    def enqueue_delivery(self, finding_id: str, sink: str) -> None:
        self._sql.run(
            "INSERT INTO deliveries (finding_id, sink) VALUES (?, ?) ON CONFLICT DO NOTHING",
            (finding_id, sink),
        )
