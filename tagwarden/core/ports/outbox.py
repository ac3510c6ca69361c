"""Outbox port: one delivery per (finding, sink), queued with the finding, pushed by whoever claims it.

Several processes may share one outbox. A claim leases a delivery to one holder for some seconds;
while the lease runs nobody else claims it, and when the holder dies the lease runs out and the
delivery is claimed again. So at most the delivery a dead holder had in flight is sent twice.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from tagwarden.core.model import Finding


@dataclass(frozen=True, slots=True)
class Delivery:
    """A finding waiting to be pushed to one sink."""

    finding_id: str
    sink: str
    attempts: int
    # The version of the finding the sink took before: the sink withdraws it, or replaces it with
    # the finding as it is now. None: the sink has none of it.
    sent: Finding | None = None
    revision: int = 0  # moved by each queuing again (``requeue_deliveries``)
    # Claimed before by a holder that did not finish (it died, or outlived its lease): its send
    # may have reached the sink, so a finding withdrawn since is withdrawn from it all the same.
    maybe_sent: bool = False


class OutboxWrites(Protocol):
    """Inside one unit."""

    def enqueue_delivery(self, finding_id: str, sink: str, not_before: float = 0.0) -> None:
        """Queues the delivery of ``finding_id`` to ``sink``, due from ``not_before`` (epoch
        seconds); queuing it again is harmless."""
        ...

    def requeue_deliveries(self, finding_id: str, before: Finding, exempt: Collection[str] = ()) -> None:
        """The finding changed (judged again, superseded, resolved): each of its deliveries, but
        those to ``exempt`` sinks, is due again at once, with a new revision, so that one being
        sent now is not done by that send. What each sink took stays with it (``Delivery.sent``;
        ``before``, the version before the change, where a release before schema 6 kept none)."""
        ...


class Outbox(Protocol):
    """Outside a unit; each call commits on its own."""

    def claim_deliveries(self, now: float, limit: int, holder: str, lease_seconds: float) -> list[Delivery]:
        """Up to ``limit`` pending deliveries due at ``now`` and not leased to another live holder,
        oldest due first, now leased to ``holder`` until ``now + lease_seconds``."""
        ...

    def delivery_done(
        self, finding_id: str, sink: str, *, took: Finding | None = None, revision: int | None = None
    ) -> None:
        """The sink took it: never claimed again. ``took``: the version the sink now shows, kept
        for the next change. With the ``revision`` claimed, where the finding was queued again
        since, the delivery stays pending (the sink took an older version)."""
        ...

    def delivery_dropped(self, finding_id: str, sink: str, revision: int) -> None:
        """Nothing was sent, nor needs to be (withdrawn before its sink took it): gone, as if never
        queued, so that a later change queues it as new; unless queued again since the claim."""
        ...

    def deliveries_done(self, sink: str, finding_ids: Sequence[str]) -> None:
        """Many deliveries to one sink taken at once (one transaction)."""
        ...

    def delivery_failed(self, finding_id: str, sink: str, error: str, next_attempt: float) -> None:
        """Counts a failed attempt, releases the lease and makes it due again at ``next_attempt``."""
        ...

    def release_deliveries(self, deliveries: Sequence[Delivery], holder: str) -> None:
        """Gives back claims ``holder`` did not act on (their sink is down): claimable at once,
        nothing counted."""
        ...

    def taken_deliveries(self, sink: str, after: str, limit: int) -> list[Delivery]:
        """Deliveries to ``sink`` of findings open or acknowledged, that it took and that are not
        due again (the findings a notifier may show): ``sent`` is what it was
        sent last (None where a release before schema 6 kept nothing: the finding as it is, which
        nothing has changed since). Up to ``limit`` of them, by finding id, after ``after``."""
        ...

    def deliveries_to(self, sink: str, finding_ids: Sequence[str]) -> dict[str, Delivery]:
        """The deliveries of ``finding_ids`` to ``sink``, due or not, by finding id."""
        ...

    def delivery_again(self, finding_id: str, sink: str, shown: Finding | None = None) -> None:
        """Due again at once, with a new revision (a send in flight does not count for it): the
        sink may show something other than what it was last sent, which its next send mends.
        ``shown``: what the sink shows now, where that is no longer what it was last sent (kept
        as ``sent``, so that the next send ends or updates it)."""
        ...

    def pending_deliveries(self) -> dict[str, int]:
        """Pending deliveries per sink."""
        ...

    def delivery_status(self, finding_id: str) -> dict[str, str]:
        """Per sink: ``delivered`` or why it is still pending."""
        ...
