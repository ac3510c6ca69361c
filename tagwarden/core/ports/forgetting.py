"""Forgetting port: the per-event bookkeeping a long-running store drops once it is old enough.

What is forgotten only ever saves work or holds a judgement open for a short while: the mark that
makes an event delivered again a no-op (with the tag changes kept to judge it again after a late
event), the tags of STS sessions (which last 36 hours at most), and the uses of a session waiting
for its AssumeRole* record, with what the roles such calls gave were judged with. An account and
region no event came from since the cut-off is forgotten too. Findings, their records, tag history
and current tags are kept.
"""

from __future__ import annotations

from typing import Protocol


class Forgetting(Protocol):
    def forget_written_before(self, before: str, batch: int = 5_000) -> dict[str, int]:
        """Deletes the bookkeeping written before ``before`` (UTC, ``YYYY-MM-DDTHH:MM:SSZ``), in
        transactions of at most ``batch`` rows; returns the rows deleted, by table."""
        ...
