"""The sessions side of one SQL unit (transaction): STS sessions by access key id, and the events
made with a session not known yet (``session_uses``, judged again once it is), each kept and
written in one statement."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import msgspec

from tagwarden.adapters.store.rows_in import rows_in
from tagwarden.core.compute.model import JudgedGrant
from tagwarden.core.controls.call import ControlCall
from tagwarden.core.model import SessionGrant

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql

_SESSIONS_AMONG = "SELECT access_key_id, grant_json FROM sessions WHERE access_key_id"
_USED_AMONG = "SELECT DISTINCT access_key_id FROM session_uses WHERE access_key_id"
_SESSION_UPSERT = (
    "INSERT INTO sessions (access_key_id, ts, grant_json, written_at) VALUES (?,?,?,?)"
    " ON CONFLICT (access_key_id) DO UPDATE SET ts = excluded.ts, grant_json = excluded.grant_json,"
    " written_at = excluded.written_at WHERE excluded.ts >= sessions.ts"
)


_ENCODE = msgspec.json.Encoder()
_GRANTS_READ = msgspec.json.Decoder(list[JudgedGrant])
_CONTROL_READ = msgspec.json.Decoder(ControlCall)


def _grant_text(session: SessionGrant) -> str:
    """The grant as JSON, by msgspec (a tenth of json.dumps's time); a text holding a lone UTF-16
    surrogate, which UTF-8 cannot carry, is written as json.dumps escapes it (both read back)."""
    try:
        return _ENCODE.encode(session).decode()
    except UnicodeEncodeError:
        return json.dumps(session.to_dict())


class UnitSessions:
    """Sessions are read once (the unit cache) until a unit changes them, and a session put where
    none was known is known from then on; the unit's upserts are written before any read of the
    table and before the commit. Which sessions have uses waiting is read ahead for the sessions
    a unit creates, so that learning a session with none costs no statement of its own."""

    def __init__(self, sql: Sql, sessions: dict[str, SessionGrant | None], now: str) -> None:
        self._sql = sql
        self._now = now  # the unit's time (as UnitFindings has it): what forget_after_days counts from
        self._sessions = sessions
        self._sessions_kept: list[tuple[str, float, str, str]] = []  # upserts, in the order made
        self._uses_waiting: dict[str, bool] = {}  # by access key id, as read ahead
        self._uses_kept: list[tuple[str, str, str]] = []  # noted uses, written with the sessions

    def _write_sessions(self) -> None:
        if self._sessions_kept:
            # In the order made: the upsert keeps the newest grant, as one statement each would.
            self._sql.run_many(_SESSION_UPSERT, self._sessions_kept)
            self._sessions_kept = []
        if self._uses_kept:
            self._sql.run_many(
                "INSERT INTO session_uses (access_key_id, event_id, noted_at) VALUES (?, ?, ?)"
                " ON CONFLICT DO NOTHING",
                self._uses_kept,
            )
            self._uses_kept = []

    def _read_sessions_ahead(self, access_key_ids: Collection[str], created: Collection[str]) -> None:
        wanted = sorted({key for key in {*access_key_ids, *created} if key not in self._sessions})
        if wanted:
            self._write_sessions()
        grants = {str(row[0]): str(row[1]) for row in rows_in(self._sql, _SESSIONS_AMONG, wanted)}
        for key in wanted:
            self._sessions[key] = SessionGrant.from_dict(json.loads(grants[key])) if key in grants else None
        asked = sorted({key for key in created if key not in self._uses_waiting})
        used = {str(row[0]) for row in rows_in(self._sql, _USED_AMONG, asked)}
        self._uses_waiting.update((key, key in used) for key in asked)

    def put_session(self, session: SessionGrant, ts: float) -> None:
        key = session.access_key_id
        if not key:
            return
        if key in self._sessions and self._sessions[key] is None:
            self._sessions[key] = session  # known to be absent: the upsert inserts this grant
        else:
            self._sessions.pop(key, None)  # the newer of two grants: the table's answer, once written
        grant = _grant_text(session)
        self._sessions_kept.append((key, ts, grant, self._now))

    def get_session(self, access_key_id: str) -> SessionGrant | None:
        if access_key_id in self._sessions:
            return self._sessions[access_key_id]
        if any(kept[0] == access_key_id for kept in self._sessions_kept):
            self._write_sessions()
        row = self._sql.row("SELECT grant_json FROM sessions WHERE access_key_id = ?", (access_key_id,))
        grant = self._sessions[access_key_id] = SessionGrant.from_dict(json.loads(row[0])) if row else None
        return grant

    def note_session_use(self, access_key_id: str, event_id: str) -> None:
        self._uses_waiting[access_key_id] = True
        self._uses_kept.append((access_key_id, event_id, self._now))

    def keep_judged_grants(self, event_id: str, grants: Sequence[JudgedGrant]) -> None:
        self._sql.run(
            "INSERT INTO judged_grants (event_id, grants_json, written_at) VALUES (?, ?, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET grants_json = excluded.grants_json",
            (event_id, _ENCODE.encode(list(grants)).decode(), self._now),
        )

    def judged_grants(self, event_id: str) -> list[JudgedGrant] | None:
        row = self._sql.row("SELECT grants_json FROM judged_grants WHERE event_id = ?", (event_id,))
        return _GRANTS_READ.decode(str(row[0])) if row else None

    def keep_judged_control(self, event_id: str, call: ControlCall) -> None:
        self._sql.run(
            "INSERT INTO judged_controls (event_id, call_json, written_at) VALUES (?, ?, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET call_json = excluded.call_json",
            (event_id, _ENCODE.encode(call).decode(), self._now),
        )

    def judged_control(self, event_id: str) -> ControlCall | None:
        row = self._sql.row("SELECT call_json FROM judged_controls WHERE event_id = ?", (event_id,))
        return _CONTROL_READ.decode(str(row[0])) if row else None

    def take_session_uses(self, access_key_id: str) -> list[str]:
        if self._uses_waiting.get(access_key_id) is False:
            return []  # read ahead: none waits, and none was noted since
        self._write_sessions()  # the uses noted in this unit, too
        rows = self._sql.rows("SELECT event_id FROM session_uses WHERE access_key_id = ?", (access_key_id,))
        if rows:
            self._sql.run("DELETE FROM session_uses WHERE access_key_id = ?", (access_key_id,))
        self._uses_waiting[access_key_id] = False
        return sorted(str(row[0]) for row in rows)
