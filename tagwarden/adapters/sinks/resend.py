"""Sends Alertmanager the alerts of the findings it shows, again, as Prometheus sends its own.

An alert is sent once, when its finding is delivered, and lasts ``alert_ttl_seconds``. Alertmanager
forgets it when it restarts without its data, and ends it when that time has passed, though the
finding may still be open. So every ``resend_seconds`` the alerts a sink was last sent, where they
are still live and routed to it, are sent again in a few large requests.

The dispatcher may revise or withdraw a finding between the moment its delivery is read here and
the moment its alert is sent again: that send would then bring back what the dispatcher just took
away. After each request the deliveries are read again, and each one that moved (a new revision)
is mended: the alert sent again ends where the sink should no longer show it under those labels,
and the delivery is due again, so that the dispatcher's next send is the last word. Where
Alertmanager does not take the end, the delivery is due again as if the sink had been sent what
was sent again, which the dispatcher's send then ends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Protocol

from tagwarden.adapters.sinks.alertmanager import AlertmanagerSink, alert_labels
from tagwarden.adapters.sinks.sink import LIVE_STATUSES, DeliveryError
from tagwarden.core.model import Finding
from tagwarden.core.ports.outbox import Delivery

PER_REQUEST = 500  # alerts per POST; Alertmanager takes a list


class TakenDeliveries(Protocol):
    def get_finding(self, finding_id: str) -> Finding | None: ...

    def taken_deliveries(self, sink: str, after: str, limit: int) -> list[Delivery]: ...

    def deliveries_to(self, sink: str, finding_ids: Sequence[str]) -> dict[str, Delivery]: ...

    def delivery_again(self, finding_id: str, sink: str, shown: Finding | None = None) -> None: ...


class AlertResend:
    def __init__(
        self,
        store: TakenDeliveries,
        sink: AlertmanagerSink,
        route: Callable[[Finding], Iterable[str]] | None = None,
        per_request: int = PER_REQUEST,
    ) -> None:
        self._store = store
        self._sink = sink
        self._route = route
        self._per_request = per_request

    def _shown(self, finding: Finding) -> bool:
        routed = self._route is None or self._sink.name in self._route(finding)
        return routed and finding.status in LIVE_STATUSES

    def run(self) -> tuple[int, int]:
        """Sends every shown alert again; (alerts sent again, deliveries mended). Raises
        DeliveryError when Alertmanager does not take a request (what was sent before stays)."""
        resent = mended = 0
        after = ""
        while taken := self._store.taken_deliveries(self._sink.name, after, self._per_request):
            after = taken[-1].finding_id
            shown = [d for d in map(self._with_sent, taken) if d.sent is not None and self._shown(d.sent)]
            if shown:
                self._sink.resend([d.sent for d in shown if d.sent is not None])
                resent += len(shown)
                mended += self._mend(shown)
        return resent, mended

    def _with_sent(self, delivery: Delivery) -> Delivery:
        """Taken under a release that kept nothing of what was sent (before store schema 6): the
        finding as it is, which no change has queued again since."""
        if delivery.sent is not None:
            return delivery
        return replace(delivery, sent=self._store.get_finding(delivery.finding_id))

    def _mend(self, resent: list[Delivery]) -> int:
        now = self._store.deliveries_to(self._sink.name, [d.finding_id for d in resent])
        moved: list[tuple[Delivery, Delivery | None]] = []
        for before in resent:
            after = now.get(before.finding_id)
            if after is None or after.revision != before.revision:
                moved.append((before, after))  # sent since it was read: what was sent again may be stale
        ended = [before for before, after in moved if self._ends(before, after)]
        try:
            self._sink.end([d.sent for d in ended if d.sent is not None])
        except DeliveryError:
            # Not ended: the sink shows what was sent again, and its delivery says so from now,
            # so that the dispatcher's next send ends it (a failure here must not leave it live).
            self._again(moved, shown={d.finding_id for d in ended})
            raise
        self._again(moved, shown=set())
        return len(moved)

    def _ends(self, before: Delivery, after: Delivery | None) -> bool:
        """Whether, under the labels sent again, the sink should show nothing now."""
        assert before.sent is not None
        last = after.sent if after is not None else None
        return last is None or not self._shown(last) or alert_labels(last) != alert_labels(before.sent)

    def _again(self, moved: list[tuple[Delivery, Delivery | None]], shown: set[str]) -> None:
        for before, after in moved:
            if after is not None:
                sent = before.sent if before.finding_id in shown else None
                self._store.delivery_again(before.finding_id, self._sink.name, sent)
