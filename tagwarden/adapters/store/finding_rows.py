"""Findings as rows of the findings table: its columns, a row read back, and many findings added."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tagwarden.core.model import Finding

FINDING_COLUMNS = tuple(Finding.__dataclass_fields__)

# Adds a finding unless one with its id exists, returning its id if it added it: the database's
# answer to which were new, exact when another unit inserts the same finding at the same moment.
FINDING_INSERT = (
    f"INSERT INTO findings ({', '.join(FINDING_COLUMNS)}, updated_at)"
    f" VALUES ({', '.join('?' * (len(FINDING_COLUMNS) + 1))}) ON CONFLICT DO NOTHING RETURNING id"
)


def row_to_finding(row: Sequence[Any]) -> Finding:
    return Finding.from_dict(dict(zip(FINDING_COLUMNS, row, strict=True)))


def finding_params(findings: Sequence[Finding], now: str) -> list[list[Any]]:
    """``FINDING_INSERT``'s parameters for each of ``findings``. ``now``: their update time, and
    their creation time where they have none."""
    rows: list[list[Any]] = []
    for finding in findings:
        values = finding.to_dict()
        values["created_at"] = values["created_at"] or now
        rows.append([*(values[column] for column in FINDING_COLUMNS), now])  # now: updated_at
    return rows
