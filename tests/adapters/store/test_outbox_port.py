"""Outbox port contract (tagwarden/core/ports/outbox.py), and the leases port, on every engine."""

from __future__ import annotations

from tagwarden.adapters.store import Store
from tagwarden.core.ports.store import Delivery
from tests.builders.findings import make_finding


def queue(store: Store, *pairs: tuple[str, str]) -> None:
    with store.unit() as tx:
        for finding_id, sink in pairs:
            tx.enqueue_delivery(finding_id, sink)
            tx.enqueue_delivery(finding_id, sink)


def test_a_claimed_delivery_is_nobody_elses_until_its_lease_ends(store: Store) -> None:
    queue(store, ("f1", "hook"), ("f2", "hook"), ("f1", "page"))
    assert store.pending_deliveries() == {"hook": 2, "page": 1}
    first = store.claim_deliveries(100.0, 2, "replica-a", 60.0)
    assert first == [Delivery("f1", "hook", 0), Delivery("f1", "page", 0)]
    second = store.claim_deliveries(101.0, 10, "replica-b", 60.0)
    assert second == [Delivery("f2", "hook", 0)]
    assert store.claim_deliveries(159.0, 10, "replica-b", 60.0) == []
    # replica-a died with its claims: they go to whoever claims after the lease.
    assert {d.finding_id + d.sink for d in store.claim_deliveries(160.0, 10, "replica-b", 60.0)} == {
        "f1hook",
        "f1page",
    }


def test_done_and_failed_deliveries(store: Store) -> None:
    queue(store, ("f1", "hook"), ("f2", "hook"))
    store.claim_deliveries(100.0, 10, "a", 60.0)
    store.delivery_done("f1", "hook")
    store.delivery_failed("f2", "hook", "HTTP 503 " + "x" * 600, 130.0)
    assert store.pending_deliveries() == {"hook": 1}
    assert store.claim_deliveries(120.0, 10, "b", 60.0) == []  # not due yet, though released
    assert store.claim_deliveries(130.0, 10, "b", 60.0) == [Delivery("f2", "hook", 1)]
    assert store.delivery_status("f1") == {"hook": "delivered"}
    status = store.delivery_status("f2")["hook"]
    assert status.startswith("pending after 1 attempt(s): HTTP 503") and len(status) < 560
    assert store.delivery_status("f3") == {}
    store.delivery_done("f2", "hook")
    assert store.claim_deliveries(1e9, 10, "b", 60.0) == []  # a delivered one never comes back


def test_released_deliveries_are_claimable_at_once_and_not_counted(store: Store) -> None:
    queue(store, ("f1", "hook"), ("f2", "hook"))
    claimed = store.claim_deliveries(100.0, 10, "a", 60.0)
    store.release_deliveries([claimed[0]], "b")  # not b's claim: nothing released
    assert store.claim_deliveries(101.0, 10, "b", 60.0) == []
    store.release_deliveries(claimed, "a")
    assert store.claim_deliveries(101.0, 10, "b", 60.0) == [
        Delivery("f1", "hook", 0),
        Delivery("f2", "hook", 0),
    ]


def test_leases_have_one_holder_at_a_time(store: Store) -> None:
    assert store.lease_holder("scan:inventory", 0.0) is None
    assert store.try_lease("scan:inventory", "a", 100.0, 30.0)
    assert not store.try_lease("scan:inventory", "b", 110.0, 30.0)
    assert store.try_lease("scan:inventory", "a", 120.0, 30.0)  # renewed
    assert store.lease_holder("scan:inventory", 149.0) == "a"
    assert store.try_lease("scan:inventory", "b", 150.0, 30.0)  # a's lease ran out
    assert store.lease_holder("scan:inventory", 151.0) == "b"
    store.release_lease("scan:inventory", "a")  # not a's to release
    assert store.lease_holder("scan:inventory", 151.0) == "b"
    store.release_lease("scan:inventory", "b")
    assert store.lease_holder("scan:inventory", 151.0) is None
    assert store.try_lease("scan:drift", "b", 151.0, 30.0)


def test_a_requeued_delivery_hands_its_sink_what_it_took(store: Store) -> None:
    """A finding changed: each of its deliveries, but the exempt, is due again with a new revision,
    and carries what its sink took, so that the sink replaces or withdraws it."""
    v1, v2 = make_finding(id="f1", severity="critical"), make_finding(id="f1", severity="warning")
    queue(store, ("f1", "hook"), ("f1", "page"), ("f1", "report"))
    store.claim_deliveries(100.0, 10, "a", 60.0)
    store.delivery_done("f1", "hook", took=v1, revision=0)
    store.delivery_done("f1", "report")
    with store.unit() as tx:
        tx.requeue_deliveries("f1", v1, exempt=("report",))
    assert store.pending_deliveries() == {"hook": 1, "page": 1}
    assert store.delivery_status("f1")["report"] == "delivered"
    claimed = {d.sink: d for d in store.claim_deliveries(200.0, 10, "b", 60.0)}
    assert claimed["hook"] == Delivery("f1", "hook", 0, v1, 1)
    # Never taken; but "a" claimed it and never said how its send went: it may have been sent.
    assert claimed["page"] == Delivery("f1", "page", 0, None, 1, maybe_sent=True)
    # Changed again while those are being sent: the sends in flight do not count for the change.
    with store.unit() as tx:
        tx.requeue_deliveries("f1", v2, exempt=("report",))
    store.delivery_done("f1", "hook", took=v2, revision=1)
    store.delivery_dropped("f1", "page", 1)
    again = {d.sink: d for d in store.claim_deliveries(201.0, 10, "b", 60.0)}
    assert again["hook"] == Delivery("f1", "hook", 0, v2, 2)  # what the sink took last
    assert again["page"] == Delivery("f1", "page", 0, None, 2)  # not dropped: claimable at once
    store.delivery_done("f1", "hook", took=v2, revision=2)
    store.delivery_dropped("f1", "page", 2)
    assert store.pending_deliveries() == {}
    assert set(store.delivery_status("f1")) == {"hook", "report"}  # the dropped one is gone


def test_a_sink_that_took_a_finding_before_schema_6_is_taken_to_hold_the_version_before(store: Store) -> None:
    before = make_finding(id="f1")
    queue(store, ("f1", "hook"), ("f2", "hook"))
    store.claim_deliveries(100.0, 10, "a", 60.0)
    store.delivery_done("f1", "hook")  # as a release before schema 6 marked it: nothing kept
    with store.unit() as tx:
        tx.requeue_deliveries("f1", before)
        tx.requeue_deliveries("f2", make_finding(id="f2"))  # still pending: its sink took nothing
    claimed = {d.finding_id: d for d in store.claim_deliveries(200.0, 10, "b", 60.0)}
    assert claimed["f1"].sent == before and claimed["f2"].sent is None


def test_resolving_a_finding_requeues_it_for_the_sinks_that_took_it(store: Store) -> None:
    open_one = make_finding(id="tw-1")
    with store.unit() as tx:
        tx.add_findings([open_one])
    queue(store, ("tw-1", "hook"), ("tw-1", "report"))
    store.claim_deliveries(100.0, 10, "a", 60.0)
    store.delivery_done("tw-1", "hook", took=open_one, revision=0)
    store.delivery_done("tw-1", "report")
    acknowledged = store.set_status("tw-1", "acknowledged")  # no requeue asked: the outbox is as it was
    assert acknowledged is not None and store.pending_deliveries() == {}
    resolved = store.set_status("tw-1", "resolved", requeue_except=("report",))
    assert resolved is not None and resolved.status == "resolved"
    (again,) = store.claim_deliveries(200.0, 10, "a", 60.0)
    assert (again.sink, again.sent, again.revision) == ("hook", open_one, 1)
    store.delivery_done("tw-1", "hook")
    store.set_status("tw-1", "resolved", requeue_except=())  # no change of status: nothing queued
    assert store.pending_deliveries() == {}


def test_taken_deliveries_are_what_each_sink_was_sent_last_by_finding_id(store: Store) -> None:
    """What an Alertmanager sink's resend reads: taken and not due again, a page at a time."""
    versions = {name: make_finding(id=name) for name in ("f1", "f2", "f3", "f4")}
    with store.unit() as tx:
        tx.add_findings([*versions.values(), make_finding(id="f0", status="resolved")])
    queue(store, *[(name, "page") for name in ("f0", *versions)], ("f1", "hook"))
    store.claim_deliveries(100.0, 10, "a", 60.0)
    for name in ("f1", "f2", "f3"):
        store.delivery_done(name, "page", took=versions[name], revision=0)
    store.delivery_done("f0", "page", took=make_finding(id="f0"), revision=0)  # resolved since
    store.delivery_done("f1", "hook", took=versions["f1"], revision=0)
    store.delivery_done("f4", "page")  # taken by a release before schema 6, which kept nothing
    with store.unit() as tx:
        tx.requeue_deliveries("f2", versions["f2"])  # due again: the dispatcher's, not the resend's
    first = store.taken_deliveries("page", "", 1)
    assert first == [Delivery("f1", "page", 1, versions["f1"], 0)]
    assert store.taken_deliveries("page", "f1", 10) == [
        Delivery("f3", "page", 1, versions["f3"], 0),
        Delivery("f4", "page", 1, None, 0),
    ]
    assert store.taken_deliveries("page", "f4", 10) == []
    assert store.taken_deliveries("nobody", "", 10) == []
    # Read again after sending: due or not, with the revision each has now.
    now = store.deliveries_to("page", ["f1", "f2", "f5"])
    assert set(now) == {"f1", "f2"}
    assert (now["f2"].revision, now["f2"].sent) == (1, versions["f2"])


def test_a_delivery_due_again_has_a_new_revision_and_keeps_what_its_sink_took(store: Store) -> None:
    taken = make_finding(id="f1")
    queue(store, ("f1", "page"), ("f1", "hook"))
    store.claim_deliveries(100.0, 10, "a", 60.0)
    store.delivery_done("f1", "page", took=taken, revision=0)
    store.delivery_done("f1", "hook", took=taken, revision=0)
    store.delivery_again("f1", "page")
    assert store.pending_deliveries() == {"page": 1}  # the other sink's delivery is left alone
    (again,) = store.claim_deliveries(101.0, 10, "b", 60.0)
    assert again == Delivery("f1", "page", 0, taken, 1)
    store.delivery_again("f1", "page")  # while "b" sends: its send does not count for this one
    store.delivery_done("f1", "page", took=taken, revision=1)
    assert store.pending_deliveries() == {"page": 1}


def test_a_delivery_due_again_may_say_what_its_sink_shows_now(store: Store) -> None:
    taken, shown = make_finding(id="f1"), make_finding(id="f1", severity="high")
    queue(store, ("f1", "page"))
    store.claim_deliveries(100.0, 10, "a", 60.0)
    store.delivery_done("f1", "page", took=taken, revision=0)
    store.delivery_again("f1", "page", shown)
    (again,) = store.claim_deliveries(101.0, 10, "b", 60.0)
    assert again == Delivery("f1", "page", 0, shown, 1)
