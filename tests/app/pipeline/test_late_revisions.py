"""What a sink was sent of a finding that judging again changes: the late event queues the finding
again with the version the sink took, and the sink replaces or withdraws it. A finding judged again
before any sink took it is not sent at all. On every store engine, with a fake webhook transport."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Dispatcher, SinkRoute
from tagwarden.adapters.sinks.webhook import WebhookSink
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import Processor
from tagwarden.core.settings.sinks import DeliverySettings, WebhookSinkSettings
from tests.adapters.sinks.test_sinks import FakeHttp
from tests.adapters.store.conftest import engine_url
from tests.app.pipeline.test_late_events import ADMIN, BOB_SESSION, DEV, _assume_with_team, put_team
from tests.app.pipeline.test_processor import processor, run

ROUTE = SinkRoute({"hook": "info"})
NO_LONGER = "judged again, it no longer holds"


@pytest.fixture(params=["sqlite-memory", "postgresql"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = open_store(engine_url(request.param, tmp_path, request))
    yield opened
    opened.close()


class Hook:
    """A webhook sink on a fake transport, and a dispatcher that pushes to it."""

    def __init__(self, store: Store) -> None:
        self.http = FakeHttp(200)
        sink = WebhookSink("hook", WebhookSinkSettings(type="webhook", url="https://h"), self.http)
        self.dispatcher = Dispatcher(
            store, {"hook": sink}, DeliverySettings(), metrics=Metrics(), log=get_logger(), route=ROUTE
        )

    def push(self) -> list[str]:
        """The first line of each message the sink got since the last push."""
        self.http.posts.clear()
        self.dispatcher.run_once()
        return sorted(str(body["text"]) for _, body, _ in self.http.posts)  # type: ignore[index]


def routed(store: Store) -> Processor:
    return processor(store, route=ROUTE)


def test_a_late_event_withdraws_the_findings_it_supersedes_from_the_sink(store: Store) -> None:
    proc, hook = routed(store), Hook(store)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")
    sent = hook.push()
    assert len(sent) == 2 and all(text.startswith("tagwarden: ") for text in sent)
    run(proc, [put_team(ADMIN, "shared", "beta", 2, "admin-beta")], unit="2")  # beta was beta already
    withdrawn = hook.push()
    assert len(withdrawn) == 2
    assert all(text.startswith(f"tagwarden: withdrawn ({NO_LONGER})") for text in withdrawn)
    assert hook.push() == []  # once


def test_a_finding_open_again_is_sent_again_as_holding(store: Store) -> None:
    proc, hook = routed(store), Hook(store)
    run(proc, [put_team(DEV, "shared", "beta", 3, "dev-beta")], unit="1")
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta")], unit="2")
    assert hook.push() == []  # superseded before the sink took either: nothing to show or withdraw
    run(proc, [put_team(ADMIN, "shared", "alpha", 2, "admin-alpha")], unit="3")
    opened = hook.push()
    # Never sent: the sink gets them as new findings, not as revisions.
    assert len(opened) == 2 and not any("withdrawn" in t or "holds again" in t for t in opened)
    run(proc, [put_team(ADMIN, "shared", "beta", 1, "admin-beta-2")], unit="4")  # another beta: nothing new
    assert hook.push() == []


def test_a_late_session_withdraws_the_self_grant_it_clears(store: Store) -> None:
    proc, hook = routed(store), Hook(store)
    run(proc, [put_team(ADMIN, "alpha-data", "alpha", 1, "admin-alpha")], unit="0")
    run(proc, [put_team(BOB_SESSION, "alpha-data", "beta", 6, "grab")], unit="1")
    assert len(hook.push()) == 2  # unauthorized_writer and self_grant, judged with the role's team
    run(proc, [_assume_with_team("gamma", 5, "assume")], unit="2")
    # The AssumeRole record gives findings of its own; of the two sent, the self-grant is withdrawn.
    (withdrawn,) = [text for text in hook.push() if "withdrawn" in text]
    assert withdrawn.startswith(f"tagwarden: withdrawn ({NO_LONGER}): self_grant")
