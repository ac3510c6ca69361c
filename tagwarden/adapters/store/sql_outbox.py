"""The outbox port on SQL (``tagwarden/core/ports/outbox.py``): deliveries claimed with a lease,
marked done, failed, dropped or handed back; what each sink took is kept for the next change."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from tagwarden.adapters.store.outbox_rows import DUE_AGAIN, finding_text, sent_of
from tagwarden.adapters.store.rows_in import rows_in
from tagwarden.core.model import Finding
from tagwarden.core.ports.outbox import Delivery
from tagwarden.core.timeutil import now_iso

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Row, Sql

_COLUMNS = "SELECT finding_id, sink, attempts, sent_json, revision, lease_holder FROM deliveries"
_DONE = (
    "UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = ?,"
    " last_error = NULL, lease_holder = NULL, lease_until = 0 WHERE finding_id = ? AND sink = ?"
)


def _delivery(row: Row) -> Delivery:
    finding_id, sink, attempts, sent_json, revision, holder = row
    # A holder still named: a claim neither done, failed nor handed back, whose send may have gone.
    return Delivery(
        str(finding_id), str(sink), int(attempts), sent_of(sent_json), int(revision), holder is not None
    )


class SqlOutbox:
    """Mixed into ``SqlStore``, which gives ``_reading`` and ``_writing``."""

    _reading: Callable[[], AbstractContextManager[Sql]]
    _writing: Callable[[], AbstractContextManager[Sql]]

    def claim_deliveries(self, now: float, limit: int, holder: str, lease_seconds: float) -> list[Delivery]:
        with self._writing() as sql:
            due = sql.rows(
                _COLUMNS + " WHERE status = 'pending' AND next_attempt <= ? AND lease_until <= ?"
                " ORDER BY next_attempt, finding_id, sink LIMIT ?" + self._claim_lock,
                (now, now, limit),
            )
            sql.run_many(
                "UPDATE deliveries SET lease_holder = ?, lease_until = ? WHERE finding_id = ? AND sink = ?",
                [(holder, now + lease_seconds, r[0], r[1]) for r in due],
            )
        return [_delivery(row) for row in due]

    _claim_lock = ""  # PostgreSQL: rows other transactions are claiming are skipped, not waited for

    def delivery_done(
        self, finding_id: str, sink: str, *, took: Finding | None = None, revision: int | None = None
    ) -> None:
        same = " AND revision = ?" if revision is not None else ""
        with self._writing() as sql:
            sql.run(_DONE + same, (now_iso(), finding_id, sink, *(() if revision is None else (revision,))))
            if (
                took is not None
            ):  # kept whether or not the finding was queued again since: it is what the sink has
                sql.run(
                    "UPDATE deliveries SET sent_json = ?, lease_holder = NULL, lease_until = 0"
                    " WHERE finding_id = ? AND sink = ?",
                    (finding_text(took), finding_id, sink),
                )

    def delivery_dropped(self, finding_id: str, sink: str, revision: int) -> None:
        with self._writing() as sql:
            sql.run(
                "DELETE FROM deliveries WHERE finding_id = ? AND sink = ? AND revision = ?",
                (finding_id, sink, revision),
            )
            sql.run(  # queued again since the claim: claimable at once
                "UPDATE deliveries SET lease_holder = NULL, lease_until = 0"
                " WHERE finding_id = ? AND sink = ?",
                (finding_id, sink),
            )

    def deliveries_done(self, sink: str, finding_ids: Sequence[str]) -> None:
        if not finding_ids:
            return
        with self._writing() as sql:
            sql.run_many(_DONE, [(now_iso(), finding_id, sink) for finding_id in finding_ids])

    def release_deliveries(self, deliveries: Sequence[Delivery], holder: str) -> None:
        if not deliveries:
            return
        with self._writing() as sql:
            sql.run_many(
                "UPDATE deliveries SET lease_holder = NULL, lease_until = 0"
                " WHERE finding_id = ? AND sink = ? AND lease_holder = ?",
                [(d.finding_id, d.sink, holder) for d in deliveries],
            )

    def delivery_failed(self, finding_id: str, sink: str, error: str, next_attempt: float) -> None:
        with self._writing() as sql:
            sql.run(
                "UPDATE deliveries SET attempts = attempts + 1, last_error = ?, next_attempt = ?,"
                " lease_holder = NULL, lease_until = 0 WHERE finding_id = ? AND sink = ?",
                (error[:500], next_attempt, finding_id, sink),
            )

    def taken_deliveries(self, sink: str, after: str, limit: int) -> list[Delivery]:
        with self._reading() as sql:
            rows = sql.rows(
                _COLUMNS + " WHERE sink = ? AND status = 'delivered' AND finding_id > ? AND EXISTS"
                " (SELECT 1 FROM findings WHERE findings.id = deliveries.finding_id"
                " AND findings.status IN ('open', 'acknowledged'))"
                " ORDER BY sink, status, finding_id LIMIT ?",
                (sink, after, limit),
            )
        return [_delivery(row) for row in rows]

    def deliveries_to(self, sink: str, finding_ids: Sequence[str]) -> dict[str, Delivery]:
        with self._reading() as sql:
            rows = rows_in(sql, _COLUMNS + " WHERE sink = ? AND finding_id", finding_ids, (sink,))
        return {str(row[0]): _delivery(row) for row in rows}

    def delivery_again(self, finding_id: str, sink: str, shown: Finding | None = None) -> None:
        with self._writing() as sql:
            if shown is None:
                sql.run(DUE_AGAIN + " WHERE finding_id = ? AND sink = ?", (finding_id, sink))
            else:
                sql.run(
                    DUE_AGAIN + ", sent_json = ? WHERE finding_id = ? AND sink = ?",
                    (finding_text(shown), finding_id, sink),
                )

    def pending_deliveries(self) -> dict[str, int]:
        with self._reading() as sql:
            rows = sql.rows("SELECT sink, COUNT(*) FROM deliveries WHERE status = 'pending' GROUP BY sink")
        return {str(r[0]): int(r[1]) for r in rows}

    def delivery_status(self, finding_id: str) -> dict[str, str]:
        with self._reading() as sql:
            rows = sql.rows(
                "SELECT sink, status, attempts, last_error FROM deliveries WHERE finding_id = ?",
                (finding_id,),
            )
        return {
            str(r[0]): str(r[1]) if r[1] == "delivered" else f"pending after {r[2]} attempt(s): {r[3] or '-'}"
            for r in rows
        }
