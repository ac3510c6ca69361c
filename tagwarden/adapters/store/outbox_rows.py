"""Deliveries queued again when their finding changes, as rows of the deliveries table (schema 6):
the version of the finding each sink took (``sent_json``), and a ``revision`` that each queuing
again moves, so that a send in flight when the finding changed does not count as sending the change.
"""

from __future__ import annotations

import json
from collections.abc import Collection
from typing import Any

from tagwarden.core.model import Finding

SCHEMA_V6 = """
ALTER TABLE deliveries ADD COLUMN sent_json TEXT;
ALTER TABLE deliveries ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
"""
# An Alertmanager sink's resend reads what the sink took, a page at a time by finding id: without
# this it read every delivered row of every sink, and sorted them, for each page.
SCHEMA_V8 = """
CREATE INDEX deliveries_taken ON deliveries (sink, status, finding_id);
"""

# Due at once, with a new revision: a send in flight for an older revision does not mark it done.
DUE_AGAIN = (
    "UPDATE deliveries SET status = 'pending', attempts = 0, next_attempt = 0, last_error = NULL,"
    " revision = revision + 1"
)
# The row's values before the update: a sink that took the finding under a release that did not
# keep what it took (before schema 6) is taken to hold the version before the change.
_REQUEUE = (
    DUE_AGAIN + ", sent_json = CASE WHEN sent_json IS NULL AND status = 'delivered' THEN ? ELSE sent_json END"
    " WHERE finding_id = ?"
)


def requeue_statement(finding_id: str, before: Finding, exempt: Collection[str]) -> tuple[str, list[Any]]:
    """Every delivery of ``finding_id``, but those to ``exempt`` sinks, due again at once."""
    others = f" AND sink NOT IN ({', '.join('?' * len(exempt))})" if exempt else ""
    return _REQUEUE + others, [finding_text(before), finding_id, *sorted(exempt)]


def finding_text(finding: Finding) -> str:
    return json.dumps(finding.to_dict(), sort_keys=True)


def sent_of(sent_json: str | None) -> Finding | None:
    return Finding.from_dict(json.loads(sent_json)) if sent_json else None
