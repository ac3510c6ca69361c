"""An Alertmanager sink's alerts sent again (tagwarden/adapters/sinks/resend.py): which findings,
in how many requests, and what is mended when the dispatcher changed one meanwhile."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tagwarden.adapters.sinks import SinkRoute
from tagwarden.adapters.sinks.alertmanager import AlertmanagerSink
from tagwarden.adapters.sinks.resend import AlertResend
from tagwarden.adapters.sinks.sink import DeliveryError
from tagwarden.adapters.store import Store, open_store
from tagwarden.core.model import Finding
from tagwarden.core.settings.sinks import AlertmanagerSinkSettings
from tests.adapters.sinks.test_sinks import FakeHttp
from tests.builders.findings import make_finding


@pytest.fixture
def store() -> Iterator[Store]:
    opened = open_store("sqlite:///:memory:")
    yield opened
    opened.close()


def shown_to(store: Store, sink: str, *findings: Finding) -> None:
    """Each finding recorded and delivered to ``sink``, which took it as it is."""
    with store.unit() as tx:
        tx.add_findings(list(findings))
        for finding in findings:
            tx.enqueue_delivery(finding.id, sink)
    store.claim_deliveries(0.0, 1000, "dispatcher", 60.0)
    for finding in findings:
        store.delivery_done(finding.id, sink, took=finding, revision=0)


def alertmanager(http: FakeHttp) -> AlertmanagerSink:
    settings = AlertmanagerSinkSettings(type="alertmanager", url="http://am", alert_ttl_seconds=600)
    return AlertmanagerSink("am", settings, http)


def alerts(body: object) -> list[dict[str, object]]:
    assert isinstance(body, list)
    return body


def ids(body: object) -> list[str]:
    return [str(alert["labels"]["finding_id"]) for alert in alerts(body)]  # type: ignore[index]


def ends(body: object) -> list[datetime]:
    return [datetime.fromisoformat(str(alert["endsAt"])) for alert in alerts(body)]


ROUTE = SinkRoute({"am": "high"})


def test_the_alerts_the_sink_shows_are_sent_again_a_page_at_a_time(store: Store) -> None:
    live = [make_finding(id=f"tw-{n}") for n in range(5)]
    acknowledged = make_finding(id="tw-ack", status="acknowledged")
    resolved = make_finding(id="tw-resolved", status="resolved")  # withdrawn: its alert has ended
    below = make_finding(id="tw-low", severity="warning")  # lowered below the sink's floor
    shown_to(store, "am", *live, acknowledged, resolved, below)
    shown_to(store, "hook", make_finding(id="tw-hook"))  # another sink's
    with store.unit() as tx:
        tx.requeue_deliveries("tw-4", live[4])  # due: the dispatcher sends it, not the resend
    http = FakeHttp(200)
    before = datetime.now(tz=UTC)
    assert AlertResend(store, alertmanager(http), ROUTE, per_request=3).run() == (5, 0)
    bodies = [body for _, body, _ in http.posts]
    assert [ids(body) for body in bodies] == [["tw-0", "tw-1", "tw-2"], ["tw-3", "tw-ack"]]
    for end in ends(bodies[0]) + ends(bodies[1]):
        assert end.timestamp() >= before.timestamp() + 600  # each lasts a TTL from now
    assert store.pending_deliveries() == {"am": 1}  # nothing else moved


def test_a_finding_taken_before_schema_6_is_sent_again_as_it_is(store: Store) -> None:
    """A release before schema 6 kept nothing of what it sent: the finding as it is now."""
    kept, resolved = make_finding(id="tw-1"), make_finding(id="tw-2", status="resolved")
    with store.unit() as tx:
        tx.add_findings([kept, resolved])
        tx.enqueue_delivery("tw-1", "am")
        tx.enqueue_delivery("tw-2", "am")
    store.claim_deliveries(0.0, 10, "dispatcher", 60.0)
    store.deliveries_done("am", ["tw-1", "tw-2"])  # as that release marked them: nothing kept
    http = FakeHttp(200)
    assert AlertResend(store, alertmanager(http), ROUTE).run() == (1, 0)
    ((_, body, _),) = http.posts
    assert ids(body) == ["tw-1"]


def test_nothing_shown_sends_nothing(store: Store) -> None:
    shown_to(store, "am", make_finding(id="tw-1", status="superseded"))
    http = FakeHttp(200)
    assert AlertResend(store, alertmanager(http), ROUTE).run() == (0, 0)
    assert http.posts == []


def test_alertmanager_down_is_an_error_and_changes_nothing(store: Store) -> None:
    shown_to(store, "am", make_finding(id="tw-1"))
    with pytest.raises(DeliveryError):
        AlertResend(store, alertmanager(FakeHttp(503)), ROUTE).run()
    assert store.pending_deliveries() == {}


class Meanwhile(FakeHttp):
    """Alertmanager, with the dispatcher acting on the store while the resend's request is sent."""

    def __init__(self, act: Callable[[], None], *statuses: int) -> None:
        super().__init__(*statuses)
        self._act: Callable[[], None] | None = act

    def __call__(self, url: str, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        status = super().__call__(url, body, headers, timeout)
        if self._act is not None:
            act, self._act = self._act, None
            act()
        return status


def dispatcher_sent(store: Store, before: Finding, after: Finding) -> Callable[[], None]:
    """The finding changed and the dispatcher brought the sink to ``after`` (requeue, claim, done)."""

    def act() -> None:
        with store.unit() as tx:
            tx.requeue_deliveries(before.id, before)
        (claimed,) = store.claim_deliveries(1.0, 10, "dispatcher", 60.0)
        store.delivery_done(before.id, "am", took=after, revision=claimed.revision)

    return act


@pytest.mark.parametrize(
    ("after", "ended"),
    [
        (make_finding(id="tw-1", status="resolved"), True),  # withdrawn: the alert sent again ends
        (make_finding(id="tw-1", severity="high"), True),  # other labels: a new alert, the old ends
        (make_finding(id="tw-1", explanation="judged again"), False),  # same alert: sent again
    ],
)
def test_an_alert_the_dispatcher_changed_meanwhile_is_mended(
    store: Store, after: Finding, ended: bool
) -> None:
    before = make_finding(id="tw-1")
    other = make_finding(id="tw-2")
    shown_to(store, "am", before, other)
    http = Meanwhile(dispatcher_sent(store, before, after))
    assert AlertResend(store, alertmanager(http), ROUTE).run() == (2, 1)
    resent, *mends = [body for _, body, _ in http.posts]
    assert ids(resent) == ["tw-1", "tw-2"]
    if ended:
        (mend,) = mends
        assert ids(mend) == ["tw-1"] and alerts(mend)[0]["labels"]["severity"] == "critical"  # type: ignore[index]
        assert ends(mend)[0] <= datetime.now(tz=UTC)
    else:
        assert mends == []
    # Due again either way, carrying what the sink was last sent: the dispatcher's send is the last word.
    (again,) = store.claim_deliveries(2.0, 10, "dispatcher", 60.0)
    assert (again.finding_id, again.sent) == ("tw-1", after)


@pytest.mark.parametrize(
    "after",
    [make_finding(id="tw-1", status="resolved"), make_finding(id="tw-1", severity="high")],
)
def test_an_end_alertmanager_refuses_is_left_to_the_dispatcher(store: Store, after: Finding) -> None:
    """The alert sent again is live under labels the finding no longer shows, and its end was not
    taken: the delivery says the sink shows what was sent again, so the dispatcher's send ends it."""
    before = make_finding(id="tw-1")
    shown_to(store, "am", before)
    http = Meanwhile(dispatcher_sent(store, before, after), 200, 503)
    with pytest.raises(DeliveryError):
        AlertResend(store, alertmanager(http), ROUTE).run()
    assert len(http.posts) == 2  # the resend, then the end Alertmanager refused
    (again,) = store.claim_deliveries(2.0, 10, "dispatcher", 60.0)
    assert (again.finding_id, again.sent, again.revision) == ("tw-1", before, 2)


def test_a_finding_queued_again_meanwhile_is_left_to_the_dispatcher(store: Store) -> None:
    """Due again before the dispatcher sent it: the sink was last sent what was sent again, and the
    dispatcher brings it from there to what the finding is now."""
    before = make_finding(id="tw-1")
    shown_to(store, "am", before)
    resolved = replace(before, status="resolved")

    def requeue() -> None:
        with store.unit() as tx:
            tx.requeue_deliveries(before.id, resolved)

    http = Meanwhile(requeue)
    assert AlertResend(store, alertmanager(http), ROUTE).run() == (1, 1)
    assert len(http.posts) == 1  # nothing to end: the dispatcher withdraws it from what it was sent
    (again,) = store.claim_deliveries(2.0, 10, "dispatcher", 60.0)
    assert (again.sent, again.revision) == (before, 2)
