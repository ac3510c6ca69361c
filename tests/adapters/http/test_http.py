from __future__ import annotations

import json

from tagwarden.adapters.http import Request, Response, Router
from tagwarden.adapters.http.endpoints import finding_filter, install_api
from tagwarden.adapters.store import open_store
from tagwarden.core.records.text import record_text
from tests.builders.findings import make_finding


def get(router: Router, target: str, headers: dict[str, str] | None = None) -> Response:
    return router.dispatch(Request.from_target("GET", target, headers or {}))


def test_routes_exact_then_prefix_then_404() -> None:
    router = Router()
    router.add("/a", lambda r: Response.text("exact"))
    router.add_prefix("/a/", lambda r: Response.text("prefix " + r.path))
    assert get(router, "/a").body == b"exact"
    assert get(router, "/a/x?y=1").body == b"prefix /a/x"
    assert get(router, "/b").status == 404
    assert router.dispatch(Request("DELETE", "/a")).status == 405


def test_the_token_guards_api_and_findings_but_not_metrics() -> None:
    router = Router(token="s3cret", protected_prefixes=("/api", "/findings"))
    router.add("/metrics", lambda r: Response.text("m"))
    router.add("/api/findings", lambda r: Response.text("f"))
    assert get(router, "/metrics").status == 200
    assert get(router, "/api/findings").status == 401
    assert get(router, "/api/findings", {"Authorization": "Bearer wrong"}).status == 401
    assert get(router, "/api/findings", {"Authorization": "Bearer s3cret"}).status == 200


def test_filters_are_validated() -> None:
    where = finding_filter(
        Request.from_target("GET", "/api/findings?severity=critical,high&kind=lockout", {})
    )
    assert not isinstance(where, str)
    assert list(where.severity) == ["critical", "high"] and list(where.kind) == ["lockout"]
    error = finding_filter(Request.from_target("GET", "/api/findings?severity=urgent", {}))
    assert isinstance(error, str) and "unknown severity 'urgent'" in error
    assert "whole number" in str(finding_filter(Request.from_target("GET", "/api/findings?limit=x", {})))


def test_api_lists_and_shows_findings() -> None:
    store = open_store("sqlite:///:memory:")
    finding = make_finding(
        kind="lockout",
        severity="high",
        rule="builtin:lockout",
        event_name="DeleteBucketTagging",
        target="arn:aws:s3:::b",
        new_value=None,
    )
    with store.unit() as tx:
        tx.add_findings([finding])
        tx.save_event("e1", record_text({"eventID": "e1"}))
    router = Router()
    install_api(router, store)
    listed = json.loads(get(router, "/api/findings?severity=high").body)
    assert [f["id"] for f in listed] == ["tw-1"]
    assert json.loads(get(router, "/api/findings?severity=critical").body) == []
    assert get(router, "/api/findings?kind=nonsense").status == 400
    detail = json.loads(get(router, "/api/findings/tw-1").body)
    assert detail["finding"]["id"] == "tw-1" and detail["record"] == {"eventID": "e1"}
    assert get(router, "/api/findings/tw-404").status == 404


def test_a_filter_the_api_does_not_know_is_refused_not_ignored() -> None:
    # '?sevrity=critical' or '?severities=critical' listed every finding, as if no filter was asked.
    for query in ("sevrity=critical", "severities=critical,high", "since=2024-01-01", "offset=500"):
        error = finding_filter(Request.from_target("GET", f"/api/findings?{query}", {}))
        assert isinstance(error, str), query
        assert f"unknown filter {query.split('=')[0]!r}" in error
        assert "severity, kind, status, account, limit" in error


def test_limit_given_twice_is_refused_not_half_read() -> None:
    # 'limit=5&limit=abc' took the first and dropped the second unread.
    for query in ("limit=5&limit=abc", "limit=5&limit=6"):
        error = finding_filter(Request.from_target("GET", f"/api/findings?{query}", {}))
        assert isinstance(error, str) and "limit" in error, query
