"""/metrics answers while the store cannot be read: the store-error alert needs the scrape to work."""

from __future__ import annotations

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
