"""The LookupEvents source, for accounts without a trail.

LookupEvents returns management events of the last 90 days, newest first, at most 2 requests
per second per account and region. The source reads the window since its checkpoint in slices,
oldest slice first, judges each slice in event-time order and commits the checkpoint with it,
so a restart resumes where the last committed slice ended.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING, Any

from botocore.exceptions import ClientError

from tagwarden.adapters.aws.error_codes import AWS_ERRORS, error_code
from tagwarden.adapters.sources.ratelimit import RateLimiter, shared_limiter
from tagwarden.adapters.sources.source import PollResult, SourceBase, SourceContext
from tagwarden.core.records import ReadProblem, iter_records_from_value
from tagwarden.core.settings.settings import LookupEventsSourceSettings

if TYPE_CHECKING:
    from mypy_boto3_cloudtrail import CloudTrailClient

RETENTION = timedelta(days=90)
THROTTLED = frozenset(
    {"ThrottlingException", "Throttling", "TooManyRequestsException", "RequestLimitExceeded"}
)
PAGE_SIZE = 50  # the API's maximum
# A throttled page is asked again after these waits (beyond botocore's own retries) before the
# slice is given up: the pages of a slice already read are not read again for one refusal.
THROTTLE_BACKOFF_SECONDS = (1.0, 2.0, 4.0, 8.0, 16.0)


class Throttled(RuntimeError):
    pass


def _utc(seconds: float) -> datetime:
    return datetime.fromtimestamp(seconds, tz=UTC)


def _served_at(response: dict[str, Any]) -> float | None:
    """The time of the response's Date header (CloudTrail's clock), None where it has none."""
    date = response.get("ResponseMetadata", {}).get("HTTPHeaders", {}).get("date")
    if not isinstance(date, str):
        return None
    try:
        served = parsedate_to_datetime(date)
    except (TypeError, ValueError, IndexError):
        return None
    return (served if served.tzinfo else served.replace(tzinfo=UTC)).timestamp()  # HTTP dates are GMT


# The limit is per account and region. Every source calls with the process's own credentials, so of
# one account: keyed by this, they share a limiter without the account being asked of STS as they
# are built (before the daemon serves HTTP).
OWN_CREDENTIALS = "own-credentials"


class LookupEventsSource(SourceBase[LookupEventsSourceSettings]):
    def __init__(
        self,
        name: str,
        settings: LookupEventsSourceSettings,
        context: SourceContext,
        *,
        cloudtrail: CloudTrailClient,
        region: str,
        limiter: RateLimiter | None = None,
        backoff: Sequence[float] = THROTTLE_BACKOFF_SECONDS,
    ) -> None:
        super().__init__(name, settings, context)
        self._ct = cloudtrail
        self._backoff = tuple(backoff)
        self._limiter = limiter or shared_limiter(
            "cloudtrail:LookupEvents", OWN_CREDENTIALS, region, settings.requests_per_second
        )

    def check(self) -> None:
        self._limiter.acquire()
        self._ct.lookup_events(MaxResults=1)

    def windows(self, now: datetime) -> list[tuple[datetime, datetime]]:
        """The slices to read, oldest first: from the checkpoint (less the overlap, for events
        CloudTrail makes visible late) or the lookback, up to ``now``."""
        stored_time = self._context.processor.store.read_cursor(self.name)
        if stored_time is not None:
            start = _utc(stored_time) - timedelta(minutes=self.settings.overlap_minutes)
        else:
            start = now - timedelta(days=self.settings.lookback_days)
        start = max(start, now - RETENTION)
        step = timedelta(hours=self.settings.window_hours)
        slices = []
        while start < now:
            end = min(start + step, now)
            slices.append((start, end))
            start = end
        return slices

    def _page(self, request: dict[str, Any], stop: threading.Event) -> dict[str, Any]:
        """One page; a throttled request is asked again after each backoff wait, then raises
        Throttled (at once when ``stop`` is set)."""
        waits = iter(self._backoff)
        while True:
            self._limiter.acquire()
            try:
                return dict(self._ct.lookup_events(**request))
            except ClientError as exc:
                if error_code(exc) not in THROTTLED:
                    raise
                wait = next(waits, None)
                if wait is None or stop.wait(wait):
                    raise Throttled(str(exc)) from None

    def _pages(
        self, start: datetime, end: datetime, stop: threading.Event
    ) -> Iterator[tuple[list[Any], float | None]]:
        """Each page's events, and when CloudTrail's clock says it answered."""
        token: str | None = None
        while True:
            request: dict[str, Any] = {
                "LookupAttributes": [{"AttributeKey": "ReadOnly", "AttributeValue": "false"}],
                "StartTime": start,
                "EndTime": end,
                "MaxResults": PAGE_SIZE,
            }
            if token:
                request["NextToken"] = token
            response = self._page(request, stop)
            yield list(response.get("Events", [])), _served_at(response)
            token = response.get("NextToken")
            if not token:
                return

    def _records(self, events: list[Any]) -> Iterator[dict[str, Any] | ReadProblem]:
        for event in reversed(events):  # the API gives newest first
            yield from iter_records_from_value(event, 1)

    def poll(self, stop: threading.Event) -> PollResult:
        total = PollResult()
        now = _utc(self._context.wall_clock())
        for start, end in self.windows(now):
            if stop.is_set():
                break
            events: list[Any] = []
            # The checkpoint is no later than CloudTrail's clock at the first (newest) page, so
            # a daemon whose clock runs ahead does not skip what has yet to happen there.
            read_until = end.timestamp()
            try:
                for number, (page, served) in enumerate(self._pages(start, end, stop)):
                    events.extend(page)
                    if number == 0 and served is not None:
                        read_until = min(read_until, served)
            except Throttled as exc:
                # Throttled past every backoff: not advanced, the slice is read again on the next poll.
                self._report(
                    total,
                    "throttled",
                    f"throttled: {exc}",
                    "lookup_events_throttled",
                    window_start=start.isoformat(),
                )
                break
            except AWS_ERRORS as exc:
                self._report(
                    total,
                    "lookup_failed",
                    str(exc),
                    "lookup_events_failed",
                    error=str(exc),
                    window_start=start.isoformat(),
                )
                break
            unit = self._context.processor.process(
                self._records(events),
                source=self.name,
                unit=f"lookup:{start:%Y-%m-%dT%H:%M:%SZ}",
                read_until=read_until,
            )
            total.units += 1
            total.count(unit)
            if unit.ok:
                self._progressed()
        return total
