"""Findings port: the findings tagwarden reported, and the CloudTrail records they came from."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from tagwarden.core.model import Finding
from tagwarden.core.model.finding import FindingStatus


@dataclass(frozen=True, slots=True)
class FindingFilter:
    """Conditions a finding must meet (each sequence: any of its values; empty: any value)."""

    severity: Sequence[str] = ()
    kind: Sequence[str] = ()
    status: Sequence[str] = ()
    account: Sequence[str] = ()
    limit: int | None = None


class FindingWrites(Protocol):
    """Writes inside one unit (transaction)."""

    def add_findings(self, findings: Sequence[Finding]) -> set[str]:
        """Records each of ``findings`` with status open unless a finding with its id exists (ids
        are deterministic, so a replay adds nothing): the ids of those that were new."""
        ...

    def stage_findings(self, findings: Sequence[Finding]) -> None:
        """Keeps ``findings`` to be added as ``add_findings`` does, together with the others staged,
        at the next ``added_findings``, read of the findings (``event_findings``, ``supersede``) or
        the unit's end, whichever comes first."""
        ...

    def added_findings(self) -> set[str]:
        """Adds the findings still staged; the ids of those staged since the last call that were
        new, whenever they were added."""
        ...

    def save_event(self, event_id: str, record_json: str) -> None:
        """Keeps the record of an event that gave findings as JSON text (``record_text``); a
        second record with the same id is ignored."""
        ...

    def saved_event(self, event_id: str) -> dict[str, Any] | None:
        """The record saved for ``event_id``, as this unit sees it. (Releases before the store's
        schema 3 saved every tag change's record, to judge it again from.)"""
        ...

    def event_findings(self, event_id: str) -> list[Finding]:
        """Every finding made from ``event_id``, whatever its status."""
        ...

    def supersede(self, finding_id: str) -> None:
        """Marks a finding ``superseded``: judged again, its change no longer gives it."""
        ...

    def revise_finding(self, finding: Finding) -> None:
        """Judged again, its change still gives ``finding`` (an id already recorded): its severity,
        rule, values and explanation become what judging says now, and a superseded one is open
        again. An acknowledged or resolved one keeps its status."""
        ...


class FindingReads(Protocol):
    """Reads and status changes outside a unit; each sees the last committed units."""

    def iter_findings(self, where: FindingFilter | None = None) -> Iterator[Finding]:
        """Findings meeting ``where``, newest event first (ties by id)."""
        ...

    def list_findings(self, where: FindingFilter | None = None) -> list[Finding]:
        """As ``iter_findings``, as a list."""
        ...

    def get_finding(self, finding_id: str) -> Finding | None: ...

    def set_status(
        self, finding_id: str, status: FindingStatus, *, requeue_except: Collection[str] | None = None
    ) -> Finding | None:
        """Changes a finding's status and returns it updated; None when there is no such finding.
        With ``requeue_except``, a change of status queues the finding again, in the same
        transaction, for the sinks that took it but those (``requeue_deliveries``)."""
        ...

    def open_finding_counts(self) -> list[tuple[str, str, int]]:
        """(severity, kind, count) of the open findings."""
        ...

    def get_event(self, event_id: str) -> dict[str, Any] | None:
        """The record saved for ``event_id``, or None."""
        ...

    def set_remediation(self, finding_id: str, status: str, detail: str, applied_at: float | None) -> None:
        """The latest status of a finding's revert; ``applied_at`` when a revert was applied."""
        ...

    def remediation(self, finding_id: str) -> dict[str, str] | None:
        """``{"status", "detail"}`` of a finding's revert, None when none was queued."""
        ...

    def remediations_applied_since(self, ts: float) -> int:
        """How many reverts were applied at or after ``ts`` (epoch seconds)."""
        ...

    def reserve_remediation(self, finding_id: str, detail: str, now: float, since: float, limit: int) -> bool:
        """Takes one of ``limit`` reverts allowed since ``since`` for the finding's, at ``now``
        (status ``applying``, counted as applied), unless as many others are taken: checked and
        taken in one transaction that replicas take one at a time. False when none is left."""
        ...
