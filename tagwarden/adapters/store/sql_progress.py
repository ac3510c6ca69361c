"""The progress port's reads and writes outside a unit, on SQL (``tagwarden/core/ports/progress.py``):
which objects a source has read, the sources' cursors, pending differences and failed units."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from tagwarden.adapters.store.forget import BATCH_ROWS
from tagwarden.adapters.store.rows_in import rows_in
from tagwarden.adapters.store.unit_progress import CURSOR_UPSERT
from tagwarden.core.inventory.pending import PendingDifference
from tagwarden.core.ports.progress import FailedUnit
from tagwarden.core.timeutil import now_iso

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Row, Sql

_MARKED_AMONG = "SELECT key FROM processed_objects WHERE source = ? AND key"
_CURSOR_FORWARD = f"{CURSOR_UPSERT} WHERE excluded.read_until > source_cursors.read_until"  # never back
_FAILED_COLUMNS = (
    "source, unit, reason, detail, failures, quarantined, first_failed_at, last_failed_at, payload"
)


def _failed_unit(row: Row) -> FailedUnit:
    return FailedUnit(
        str(row[0]),
        str(row[1]),
        str(row[2]),
        str(row[3]),
        int(row[4]),
        bool(row[5]),
        str(row[6]),
        str(row[7]),
        None if row[8] is None else str(row[8]),
    )


class SqlProgress:
    """Mixed into ``SqlStore``, which gives ``_reading`` and ``_writing``."""

    _reading: Callable[[], AbstractContextManager[Sql]]
    _writing: Callable[[], AbstractContextManager[Sql]]

    def objects_processed(self, source: str, keys: Collection[str]) -> set[str]:
        with self._reading() as sql:
            rows = rows_in(sql, _MARKED_AMONG, sorted(set(keys)), (source,))
        return {str(row[0]) for row in rows}

    def forget_objects_processed(
        self, source: str, under: str, processed_before: str, batch: int = BATCH_ROWS
    ) -> int:
        statement = (
            "DELETE FROM processed_objects WHERE (source, key) IN (SELECT source, key FROM processed_objects"
            " WHERE source = ? AND processed_at < ? AND substr(key, 1, ?) = ? LIMIT ?)"
        )
        total = 0
        while True:
            with self._writing() as sql:
                deleted = sql.run(statement, (source, processed_before, len(under), under, batch))
            total += deleted
            if deleted < batch:
                return total

    def log_origins(self) -> dict[tuple[str, str], float]:
        with self._reading() as sql:
            rows = sql.rows("SELECT account, region, newest FROM log_origins")
        return {(str(r[0]), str(r[1])): float(r[2]) for r in rows}

    def read_cursor(self, source: str) -> float | None:
        with self._reading() as sql:
            row = sql.row("SELECT read_until FROM source_cursors WHERE source = ?", (source,))
        return float(row[0]) if row else None

    def advance_read_cursor(self, source: str, read_until: float) -> None:
        with self._writing() as sql:
            sql.run(_CURSOR_FORWARD, (source, read_until, now_iso()))

    def pending(self, scope: str) -> list[PendingDifference]:
        with self._reading() as sql:
            row = sql.row("SELECT entries_json FROM pending_differences WHERE scope = ?", (scope,))
        return [PendingDifference.from_dict(entry) for entry in json.loads(row[0])] if row else []

    def note_unit_failure(
        self, source: str, unit: str, reason: str, detail: str, *, payload: str | None, quarantine_after: int
    ) -> FailedUnit:
        now = now_iso()
        with self._writing() as sql:
            sql.run(
                "INSERT INTO failed_units (source, unit, reason, detail, payload, failures, quarantined,"
                " first_failed_at, last_failed_at) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?)"
                " ON CONFLICT (source, unit) DO UPDATE SET reason = excluded.reason,"
                " detail = excluded.detail, payload = COALESCE(excluded.payload, failed_units.payload),"
                " failures = failed_units.failures + 1,"
                " quarantined = CASE WHEN failed_units.failures + 1 >= ? THEN 1 ELSE 0 END,"
                " last_failed_at = excluded.last_failed_at",
                (
                    source,
                    unit,
                    reason,
                    detail[:2000],
                    payload,
                    int(quarantine_after <= 1),
                    now,
                    now,
                    quarantine_after,
                ),
            )
            row = sql.row(
                f"SELECT {_FAILED_COLUMNS} FROM failed_units WHERE source = ? AND unit = ?", (source, unit)
            )
        assert row is not None  # written just above, in the same transaction
        return _failed_unit(row)

    def is_quarantined(self, source: str, unit: str) -> bool:
        with self._reading() as sql:
            row = sql.row(
                "SELECT 1 FROM failed_units WHERE source = ? AND unit = ? AND quarantined = 1", (source, unit)
            )
        return row is not None

    def failed_units(self, quarantined_only: bool = True) -> list[FailedUnit]:
        where = " WHERE quarantined = 1" if quarantined_only else ""
        with self._reading() as sql:
            rows = sql.rows(
                f"SELECT {_FAILED_COLUMNS} FROM failed_units{where} ORDER BY last_failed_at, source, unit"
            )
        return [_failed_unit(r) for r in rows]
