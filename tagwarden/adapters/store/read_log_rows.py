"""The S3 log files the sources read, as rows (schema 10): ``log_files_read``, one row per file,
with its bucket, its account and region (its name's) and the moment a unit last committed its
records."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from tagwarden.adapters.store.rows_in import rows_in
from tagwarden.core.ports.known_objects import LogFileRead, LogOrigin

if TYPE_CHECKING:
    from tagwarden.adapters.store.sql import Sql


def schema_v10(*, real: str) -> str:
    """Version 10; ``real``: the engine's floating-point type."""
    return f"""
CREATE TABLE log_files_read (
    url TEXT PRIMARY KEY, bucket TEXT NOT NULL, account TEXT NOT NULL, region TEXT NOT NULL,
    read_at {real} NOT NULL
);
CREATE INDEX log_files_read_origin ON log_files_read (account, region, read_at);
CREATE INDEX log_files_read_at ON log_files_read (read_at);
"""


def schema_v11(*, real: str) -> str:
    """Version 11: a files source forgets its marks by when they were committed; the integrity
    check keeps when it reached a verdict on a file read (``checked_at``), void once it is read again."""
    return f"""
CREATE INDEX processed_objects_at ON processed_objects (source, processed_at);
ALTER TABLE log_files_read ADD COLUMN checked_at {real};
"""


def note_read(sql: Sql, files: Sequence[LogFileRead], at: float) -> None:
    unique = {file.url: file for file in files}
    sql.run_many(
        "INSERT INTO log_files_read (url, bucket, account, region, read_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (url) DO UPDATE SET read_at = excluded.read_at"
        " WHERE excluded.read_at > log_files_read.read_at",
        # One order for every writer: two never wait on each other in a circle.
        [(url, _bucket(url), file.account, file.region, at) for url, file in sorted(unique.items())],
    )


def _bucket(url: str) -> str:
    return url.removeprefix("s3://").split("/", 1)[0]


def buckets_read(sql: Sql, since: float) -> list[str]:
    rows = sql.rows("SELECT DISTINCT bucket FROM log_files_read WHERE read_at >= ? ORDER BY bucket", (since,))
    return [str(row[0]) for row in rows]


def origins_read(sql: Sql, since: float) -> list[LogOrigin]:
    rows = sql.rows(
        "SELECT DISTINCT account, region FROM log_files_read WHERE read_at >= ? ORDER BY account, region",
        (since,),
    )
    return [(str(row[0]), str(row[1])) for row in rows]


def files_read(sql: Sql, origin: LogOrigin, since: float) -> list[str]:
    rows = sql.rows(
        "SELECT url FROM log_files_read WHERE account = ? AND region = ? AND read_at >= ? ORDER BY url",
        (*origin, since),
    )
    return [str(row[0]) for row in rows]


def checked(sql: Sql, urls: Sequence[str]) -> set[str]:
    rows = rows_in(sql, "SELECT url FROM log_files_read WHERE checked_at >= read_at AND url", urls)
    return {str(row[0]) for row in rows}


def note_checked(sql: Sql, urls: Sequence[str], at: float) -> None:
    # A file read again after ``at`` has read_at > checked_at: ``checked`` leaves it out.
    sql.run_many(
        "UPDATE log_files_read SET checked_at = ? WHERE url = ?", [(at, url) for url in sorted(set(urls))]
    )


def forget_read(sql: Sql, read_before: float) -> int:
    return sql.run("DELETE FROM log_files_read WHERE read_at < ?", (read_before,))
