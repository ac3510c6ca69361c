"""What the events taught of compute resources is kept in the store: a daemon restarted, or
another replica on the same store, judges a group on a launch template made before (or
elsewhere) and knows the role a function ran as. On SQLite across a restart, on PostgreSQL across
two replicas, and what a unit that is not committed taught is not kept."""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sinks import Dispatcher, SinkRoute
from tagwarden.adapters.sinks.webhook import WebhookSink
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import Processor
from tagwarden.core.records import iter_records
from tagwarden.core.settings.sinks import DeliverySettings, WebhookSinkSettings
from tests.adapters.sinks.test_sinks import FakeHttp
from tests.builders.compute_records import create_function, update_function_configuration
from tests.builders.launch_template_records import (
    create_auto_scaling_group,
    create_launch_template,
    template_spec,
)
from tests.core.compute.cases import ADMIN, ALICE
from tests.core.compute.scenario import make_processor

T = "2024-06-05T09:{:02d}:00Z"
TEMPLATE = "lt-0aaaabbbbccccdddd"
BETA_TEMPLATE = create_launch_template(
    ADMIN, TEMPLATE, "web", "beta-profile", time=T.format(0), event_id="lt"
)


def run(proc: Processor, records: list[dict[str, Any]], unit: str) -> None:
    body = json.dumps({"Records": records}).encode()
    proc.process(iter_records(io.BytesIO(body)), source="test", unit=unit)


def flagged(store: Store, event_id: str) -> list[tuple[str | None, str | None]]:
    return [
        (f.old_value, f.new_value)
        for f in store.list_findings()
        if f.event_id == event_id and f.kind == "compute_identity"
    ]


@pytest.fixture(params=["restart", "replicas"])
def two(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two processes' stores: the same SQLite file opened again after the first closed (a
    restart), or two connections to one PostgreSQL database (two replicas)."""
    if request.param == "restart":
        url = f"sqlite:///{tmp_path / 'state.db'}"
        first = open_store(url)
        yield first, first  # the second processor's memory is empty: as after a restart
        first.close()
        return
    url = request.getfixturevalue("fresh_postgres_database")
    first, second = open_store(url), open_store(url)
    yield first, second
    first.close()
    second.close()


def test_a_group_on_a_template_another_process_learned_is_judged(two: tuple[Store, Store]) -> None:
    first, second = two
    run(make_processor(first), [BETA_TEMPLATE], "1")
    by_id = create_auto_scaling_group(
        ALICE, "asg-1", template_spec(TEMPLATE), time=T.format(1), event_id="g1"
    )
    by_name = create_auto_scaling_group(
        ALICE, "asg-2", template_spec(name="web", version="$Latest"), time=T.format(2), event_id="g2"
    )
    run(make_processor(second), [by_id, by_name], "2")
    # alice (team alpha) gave the groups the beta template's role.
    assert flagged(second, "g1") == [(None, "beta")]
    assert flagged(second, "g2") == [(None, "beta")]


def test_the_role_a_function_ran_as_is_known_to_another_process(two: tuple[Store, Store]) -> None:
    first, second = two
    run(
        make_processor(first),
        [create_function(ADMIN, "report", "app-alpha", time=T.format(0), event_id="fn")],
        "1",
    )
    moved = update_function_configuration(ALICE, "report", "app-beta", time=T.format(1), event_id="move")
    run(make_processor(second), [moved], "2")
    assert flagged(second, "move") == [("alpha", "beta")]  # the role before is known: alpha


def test_what_a_unit_not_committed_taught_is_not_kept(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'state.db'}")
    proc = make_processor(store)

    class Refused(RuntimeError):
        pass

    def fail(*_args: Any, **_kwargs: Any) -> None:
        raise Refused

    proc.controls.judge = fail  # type: ignore[method-assign]  # the unit fails after its compute judging
    create = create_function(ADMIN, "report", "app-beta", time=T.format(0), event_id="fn")
    with pytest.raises(Refused):
        run(
            proc,
            [
                create,
                update_function_configuration(
                    ADMIN, "report", "app-beta", time=T.format(1), event_id="again"
                ),
            ],
            "1",
        )
    key = ("resources", "arn:aws:lambda:us-east-1:123456789012:function:report")
    assert store.compute_entries([key]) == {}
    run(make_processor(store), [create], "1")  # committed this time: kept
    assert json.loads(store.compute_entries([key])[key]) == "arn:aws:iam::123456789012:role/app-beta"
    store.close()


def test_a_replica_with_one_connection_judges_and_delivers_without_waiting_on_itself(
    fresh_postgres_database: str,
) -> None:
    """``store.pool_size: 1``: nothing a unit does needs a second connection (the compute state
    is read before the unit, the server's clock outside it), so nothing waits for the pool."""
    store = open_store(fresh_postgres_database, pool_size=1)
    try:
        proc = make_processor(store)
        proc.recorder.route = SinkRoute({"hook": "warning"})
        group = create_auto_scaling_group(
            ALICE, "asg-1", template_spec(TEMPLATE), time=T.format(1), event_id="g1"
        )
        run(proc, [BETA_TEMPLATE], "1")
        run(proc, [group], "2")
        http = FakeHttp(200)
        sink = WebhookSink("hook", WebhookSinkSettings(type="webhook", url="https://h"), http)
        dispatcher = Dispatcher(
            store, {"hook": sink}, DeliverySettings(), metrics=Metrics(), log=get_logger()
        )
        assert dispatcher.run_once().delivered == 1 and len(http.posts) == 1
        assert store.try_lease("scan:inventory", "a", store.clock(), 60.0)
    finally:
        store.close()
