"""The findings side of one SQL unit (transaction): added at once, or staged and added together."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tagwarden.adapters.store.finding_rows import (
    FINDING_COLUMNS,
    FINDING_INSERT,
    finding_params,
    row_to_finding,
)
from tagwarden.core.model import Finding

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql


class UnitFindings:
    """Findings are inserted with statements whose RETURNING names the new ones: the database's
    answer at the moment of the insert, exact when two units race on an event. Staged findings
    wait for ``added_findings``, a read of the findings table or the unit's end, so that a unit
    adds the findings of all its judgements with one call (``rows_of_each``: one round trip on
    PostgreSQL) instead of one each."""

    def __init__(self, sql: Sql, now: str) -> None:
        self._sql = sql
        self._now = now
        self._staged: list[Finding] = []
        self._added: set[str] = set()  # of the staged ones written, the new, not yet asked for

    def add_findings(self, findings: Sequence[Finding]) -> set[str]:
        return {
            str(row[0]) for row in self._sql.rows_of_each(FINDING_INSERT, finding_params(findings, self._now))
        }

    def stage_findings(self, findings: Sequence[Finding]) -> None:
        self._staged += findings

    def added_findings(self) -> set[str]:
        self._write_staged()
        added, self._added = self._added, set()
        return added

    def _write_staged(self) -> None:
        """Before a read of the findings table, and before the commit."""
        if self._staged:
            self._added |= self.add_findings(self._staged)
            self._staged = []

    def event_findings(self, event_id: str) -> list[Finding]:
        self._write_staged()
        columns = ", ".join(FINDING_COLUMNS)
        rows = self._sql.rows(f"SELECT {columns} FROM findings WHERE event_id = ? ORDER BY id", (event_id,))
        return [row_to_finding(row) for row in rows]

    def supersede(self, finding_id: str) -> None:
        self._write_staged()  # one staged earlier in the unit is superseded too, not left open
        self._sql.run(
            "UPDATE findings SET status = 'superseded', updated_at = ? WHERE id = ?", (self._now, finding_id)
        )

    def revise_finding(self, finding: Finding) -> None:
        self._write_staged()
        self._sql.run(
            "UPDATE findings SET severity = ?, rule = ?, old_value = ?, new_value = ?, explanation = ?,"
            " status = CASE WHEN status = 'superseded' THEN 'open' ELSE status END, updated_at = ?"
            " WHERE id = ?",
            (
                finding.severity,
                finding.rule,
                finding.old_value,
                finding.new_value,
                finding.explanation,
                self._now,
                finding.id,
            ),
        )
