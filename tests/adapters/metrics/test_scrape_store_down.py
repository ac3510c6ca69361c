"""/metrics answers while the store cannot be read: the store-error alert needs the scrape to work."""

from __future__ import annotations

import threading
import time

from tagwarden.adapters.http import Request, Router
from tagwarden.adapters.http.endpoints import metrics_handler
from tagwarden.adapters.metrics.registry import Metrics


def _store_down() -> list[tuple[str, str, int]]:
    raise ConnectionError("could not connect to server: Connection refused")


def _scrape(metrics: Metrics) -> tuple[int, str]:
    router = Router()
    router.add("/metrics", metrics_handler(metrics.registry))
    response = router.dispatch(Request.from_target("GET", "/metrics", {}))
    return response.status, response.body.decode()


def test_metrics_are_served_when_open_findings_cannot_be_counted() -> None:
    metrics = Metrics()
    metrics.watch_open_findings(_store_down)
    metrics.store_errors.labels("ping").inc()
    status, body = _scrape(metrics)
    # Before: the collector's exception aborted the whole exposition, so Prometheus saw a failed
    # scrape (TagwardenDown) and TagwardenStoreErrors, which reads this very scrape, never fired.
    assert status == 200
    assert 'tagwarden_store_errors_total{operation="ping"} 1.0' in body
    assert 'tagwarden_store_errors_total{operation="open_findings"} 1.0' in body
    assert "tagwarden_build_info" in body
    assert "tagwarden_open_findings{" not in body


def test_open_findings_come_back_with_the_store() -> None:
    metrics = Metrics()
    answers: list[list[tuple[str, str, int]] | None] = [None, [("critical", "self_grant", 2)]]

    def counts() -> list[tuple[str, str, int]]:
        answer = answers.pop(0)
        if answer is None:
            return _store_down()
        return answer

    metrics.watch_open_findings(counts)
    assert _scrape(metrics)[0] == 200
    status, body = _scrape(metrics)
    assert status == 200
    assert 'tagwarden_open_findings{kind="self_grant",severity="critical"} 2.0' in body


def test_a_store_that_hangs_does_not_hold_the_scrape_past_prometheus_timeout() -> None:
    # With PostgreSQL down, the connection pool waits 30 s for a connection on every count after
    # the first; the ServiceMonitor's scrapeTimeout is 10 s, so such a scrape is a failed scrape.
    released = threading.Event()
    calls: list[int] = []

    def hanging() -> list[tuple[str, str, int]]:
        calls.append(1)
        released.wait(30)
        return [("critical", "self_grant", 1)]

    metrics = Metrics()
    metrics.watch_open_findings(hanging)
    try:
        for scrape in (1, 2):
            started = time.monotonic()
            status, body = _scrape(metrics)
            assert time.monotonic() - started < 5, "the scrape waited for the store"
            assert status == 200
            assert f'tagwarden_store_errors_total{{operation="open_findings"}} {float(scrape)}' in body
        assert len(calls) == 1, "a count still running is not started again"
    finally:
        released.set()
    # Once the store answers, the counts are back.
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        if 'tagwarden_open_findings{kind="self_grant",severity="critical"} 1.0' in _scrape(metrics)[1]:
            break
        time.sleep(0.05)
    else:
        raise AssertionError("the open findings did not come back")
