"""Findings as rows of the findings table: its columns, a row read back, and many findings added."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from tagwarden.core.model import Finding

FINDING_COLUMNS = tuple(Finding.__dataclass_fields__)

_INSERT = f"INSERT INTO findings ({', '.join(FINDING_COLUMNS)}, updated_at) VALUES "
_MARKS = "(" + ", ".join("?" * (len(FINDING_COLUMNS) + 1)) + ")"
_CHUNK = 200  # rows per INSERT: 21 parameters each, far below either engine's limit


def row_to_finding(row: Sequence[Any]) -> Finding:
    return Finding.from_dict(dict(zip(FINDING_COLUMNS, row, strict=True)))


def finding_inserts(findings: Sequence[Finding], now: str) -> Iterator[tuple[str, list[Any]]]:
    """Statements, with their parameters, that add ``findings`` unless a finding with the id exists,
    each returning the ids it inserted: the database's answer to which were new, exact when another
    unit inserts one of them at the same moment. ``now``: their update time, and their creation
    time where they have none."""
    for start in range(0, len(findings), _CHUNK):
        chunk = findings[start : start + _CHUNK]
        params: list[Any] = []
        for finding in chunk:
            values = finding.to_dict()
            values["created_at"] = values["created_at"] or now
            params += [values[column] for column in FINDING_COLUMNS]
            params.append(now)  # updated_at
        marks = ", ".join(_MARKS for _ in chunk)
        yield f"{_INSERT}{marks} ON CONFLICT DO NOTHING RETURNING id", params
