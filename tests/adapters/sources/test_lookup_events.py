"""The LookupEvents source with botocore's Stubber: pagination, order, checkpoints, throttling, rate."""

from __future__ import annotations

import itertools
import json
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.stub import ANY, Stubber

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.sources.lookup_events import LookupEventsSource
from tagwarden.adapters.sources.ratelimit import RateLimiter
from tagwarden.adapters.sources.source import SourceContext
from tagwarden.adapters.store import Store, open_store
from tagwarden.app.config import LookupEventsSourceSettings
from tagwarden.app.demo.records import Caller, record, tag_list
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer

NOW = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)
ALICE = Caller("123456789012", "dev-alpha", session="alice")
POLICY = {"version": 1, "abac_keys": ["team"], "rules": [{"id": "r", "keys": ["team"], "writers": []}]}


class FakeTime:
    """A clock the rate limiter sleeps on, recording when each request went out."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def lookup_item(minute: int, event_id: str) -> dict[str, Any]:
    body = record(
        ALICE,
        "iam.amazonaws.com",
        "TagRole",
        {"roleName": f"r{minute}", "tags": tag_list({"team": "x"})},
        time=(NOW - timedelta(minutes=minute)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        event_id=event_id,
    )
    return {
        "EventId": event_id,
        "EventName": "TagRole",
        "ReadOnly": "false",
        "EventTime": NOW - timedelta(minutes=minute),
        "EventSource": "iam.amazonaws.com",
        "CloudTrailEvent": json.dumps(body),
    }


def make(
    store: Store, fake: FakeTime, backoff: tuple[float, ...] = (0.0,), **settings: Any
) -> tuple[LookupEventsSource, Stubber, Metrics]:
    client = boto3.client(
        "cloudtrail", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x"
    )
    stubber = Stubber(client)
    metrics = Metrics()
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(None),
        metrics=metrics,
        log=get_logger(),
    )
    context = SourceContext(processor, metrics, get_logger(), wall_clock=NOW.timestamp)
    spec = LookupEventsSourceSettings(type="lookup_events", lookback_days=1, window_hours=24, **settings)
    limiter = RateLimiter(2.0, clock=fake.clock, sleep=fake.sleep)
    source = LookupEventsSource(
        "trailless",
        spec,
        context,
        cloudtrail=client,
        region="us-east-1",
        limiter=limiter,
        backoff=backoff,
    )
    return source, stubber, metrics


def expect(
    stubber: Stubber,
    start: datetime,
    end: datetime,
    events: list[dict[str, Any]],
    token_in: str | None = None,
    token_out: str | None = None,
) -> None:
    params: dict[str, Any] = {
        "LookupAttributes": [{"AttributeKey": "ReadOnly", "AttributeValue": "false"}],
        "StartTime": start,
        "EndTime": end,
        "MaxResults": 50,
    }
    if token_in:
        params["NextToken"] = token_in
    response: dict[str, Any] = {"Events": events}
    if token_out:
        response["NextToken"] = token_out
    stubber.add_response("lookup_events", response, params)


@pytest.fixture
def store() -> Store:
    return open_store("sqlite:///:memory:")


def test_pages_are_read_oldest_first_and_the_checkpoint_commits(store: Store) -> None:
    fake = FakeTime()
    source, stubber, metrics = make(store, fake, overlap_minutes=0)
    start = NOW - timedelta(days=1)
    # Newest first, as the API answers, over two pages.
    expect(stubber, start, NOW, [lookup_item(1, "e-newest"), lookup_item(5, "e-middle")], token_out="page2")
    expect(stubber, start, NOW, [lookup_item(9, "e-oldest")], token_in="page2")
    with stubber:
        result = source.poll(threading.Event())
        stubber.assert_no_pending_responses()
    assert result.units == 1 and result.records == 3 and not result.errors
    findings = store.list_findings()
    assert {f.event_id for f in findings} == {"e-newest", "e-middle", "e-oldest"}
    assert store.read_cursor("trailless") == NOW.timestamp()
    # At most two requests per second: the second waited for its token.
    assert fake.sleeps and all(0 < s <= 0.5 for s in fake.sleeps)
    assert metrics.registry.get_sample_value("tagwarden_records_read_total", {"source": "trailless"}) == 3


def test_a_restart_resumes_from_the_checkpoint_less_the_overlap(store: Store) -> None:
    with store.unit() as tx:
        tx.set_read_cursor("trailless", (NOW - timedelta(hours=2)).timestamp())
    source, stubber, _ = make(store, FakeTime(), overlap_minutes=15)
    expect(stubber, NOW - timedelta(hours=2, minutes=15), NOW, [lookup_item(3, "e-after-restart")])
    with stubber:
        source.poll(threading.Event())
        stubber.assert_no_pending_responses()
    assert {f.event_id for f in store.list_findings()} == {"e-after-restart"}


def throttle(stubber: Stubber, start: datetime, token: str) -> None:
    stubber.add_client_error(
        "lookup_events",
        service_error_code="ThrottlingException",
        http_status_code=400,
        expected_params={
            "LookupAttributes": ANY,
            "StartTime": start,
            "EndTime": NOW,
            "MaxResults": 50,
            "NextToken": token,
        },
    )


def test_a_throttled_page_is_asked_again_without_reading_the_slice_from_its_start(store: Store) -> None:
    source, stubber, metrics = make(store, FakeTime(), backoff=(0.0, 0.0), overlap_minutes=0)
    start = NOW - timedelta(days=1)
    expect(stubber, start, NOW, [lookup_item(2, "e-1")], token_out="p2")
    throttle(stubber, start, "p2")
    throttle(stubber, start, "p2")
    expect(stubber, start, NOW, [lookup_item(9, "e-2")], token_in="p2")
    with stubber:
        result = source.poll(threading.Event())
        stubber.assert_no_pending_responses()  # the first page was asked once
    assert not result.errors and result.units == 1
    assert {f.event_id for f in store.list_findings()} == {"e-1", "e-2"}
    errors = metrics.registry.get_sample_value(
        "tagwarden_source_errors_total", {"source": "trailless", "reason": "throttled"}
    )
    assert not errors


@pytest.mark.parametrize(
    ("date", "cursor"),
    [
        ("Sat, 01 Jun 2024 11:40:00 GMT", NOW - timedelta(minutes=20)),  # the daemon's clock runs ahead
        ("Sat, 01 Jun 2024 12:30:00 GMT", NOW),  # behind: the slice still ends at its own end
        ("not a date", NOW),
    ],
)
def test_the_checkpoint_is_no_later_than_cloudtrail_s_clock(
    store: Store, date: str, cursor: datetime
) -> None:
    source, stubber, _ = make(store, FakeTime(), overlap_minutes=0)
    start = NOW - timedelta(days=1)
    response = {"Events": [lookup_item(30, "e-1")], "ResponseMetadata": {"HTTPHeaders": {"date": date}}}
    stubber.add_response(
        "lookup_events",
        response,
        {"LookupAttributes": ANY, "StartTime": start, "EndTime": NOW, "MaxResults": 50},
    )
    with stubber:
        assert not source.poll(threading.Event()).errors
    assert store.read_cursor("trailless") == cursor.timestamp()


def test_throttling_leaves_the_checkpoint_and_the_next_poll_reads_the_window_again(store: Store) -> None:
    fake = FakeTime()
    source, stubber, metrics = make(store, fake, backoff=(0.0,), overlap_minutes=0)
    start = NOW - timedelta(days=1)
    expect(stubber, start, NOW, [lookup_item(2, "e-1")], token_out="p2")
    throttle(stubber, start, "p2")
    throttle(stubber, start, "p2")  # refused past every backoff
    with stubber:
        result = source.poll(threading.Event())
    assert result.errors and result.units == 0
    assert store.read_cursor("trailless") is None
    assert store.list_findings() == []  # nothing half-read was committed
    assert (
        metrics.registry.get_sample_value(
            "tagwarden_source_errors_total", {"source": "trailless", "reason": "throttled"}
        )
        == 1
    )
    expect(stubber, start, NOW, [lookup_item(2, "e-1")])
    with stubber:
        assert not source.poll(threading.Event()).errors
    assert {f.event_id for f in store.list_findings()} == {"e-1"}
    assert store.read_cursor("trailless") is not None


def test_long_gaps_are_read_in_slices_each_with_its_checkpoint(store: Store) -> None:
    source, _, _ = make(store, FakeTime(), overlap_minutes=0)
    source.settings = LookupEventsSourceSettings(
        type="lookup_events", lookback_days=2, window_hours=24, overlap_minutes=0
    )
    windows = source.windows(NOW)
    assert windows == [(NOW - timedelta(days=2), NOW - timedelta(days=1)), (NOW - timedelta(days=1), NOW)]


def test_the_rate_limiter_never_exceeds_its_rate() -> None:
    fake = FakeTime()
    limiter = RateLimiter(2.0, clock=fake.clock, sleep=fake.sleep)
    times = []
    for _ in range(21):
        limiter.acquire()
        times.append(fake.now)
    assert times[-1] - times[0] >= 10.0  # 20 intervals at 2 per second
    assert all(b - a >= 0.5 - 1e-9 for a, b in itertools.pairwise(times))


def test_a_long_first_poll_shows_the_source_alive_after_each_committed_slice(store: Store) -> None:
    # A first poll reads lookback_days in window_hours slices: 90 days of a busy account take
    # hours at 2 requests per second. TagwardenIngestStalled pages when the last success is 10
    # minutes old: each committed slice must count, not only the end of the whole poll.
    source, stubber, metrics = make(store, FakeTime(), overlap_minutes=0)
    source.settings = source.settings.model_copy(update={"window_hours": 8})
    bounds = [NOW - timedelta(hours=24), NOW - timedelta(hours=16), NOW - timedelta(hours=8), NOW]
    for start, end in itertools.pairwise(bounds):
        expect(stubber, start, end, [])
    seen: list[float | None] = []
    process = source._context.processor.process

    def recording(*args: Any, **kwargs: Any) -> Any:
        seen.append(
            metrics.registry.get_sample_value(
                "tagwarden_source_last_success_timestamp_seconds", {"source": "trailless"}
            )
        )
        return process(*args, **kwargs)

    source._context.processor.process = recording  # type: ignore[method-assign]
    with stubber:
        result = source.poll(threading.Event())
        stubber.assert_no_pending_responses()
    assert result.units == 3
    assert seen[0] is None  # nothing committed yet
    assert seen[1] is not None and seen[2] is not None and seen[2] >= seen[1]
