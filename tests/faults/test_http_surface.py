"""An HTTP server fit for scraping: slow clients are dropped, threads stay bounded, bad input is a
400 and never a 500, and only standard JSON is served (issue 16, finding 11)."""

from __future__ import annotations

import contextlib
import http.client
import json
import socket
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest

from tagwarden.adapters.http import Request, Response, Router
from tagwarden.adapters.http.endpoints import install_api
from tagwarden.adapters.http.server import HttpServer
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger


def _router() -> Router:
    router = Router(token="s3cret", protected_prefixes=("/api",))
    router.add("/healthz", lambda _r: Response.text("ok"))
    router.add("/nan", lambda _r: Response.json({"value": float("nan"), "list": [float("-inf")]}))
    install_api(router, open_store("sqlite:///:memory:"))
    return router


@pytest.fixture
def server() -> Iterator[HttpServer]:
    http_server = HttpServer(
        "127.0.0.1", 0, _router(), get_logger(), workers=4, queued=64, client_timeout=1.0
    )
    http_server.start()
    yield http_server
    http_server.stop()


def _get(server: HttpServer, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection(*server.address, timeout=10)
    try:
        conn.putrequest("GET", path)
        for name, value in (headers or {}).items():
            conn.putheader(name, value.encode("utf-8"))
        conn.endheaders()
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def test_slow_clients_are_dropped_and_threads_stay_bounded(server: HttpServer) -> None:
    before = threading.active_count()
    idle = [socket.create_connection(server.address, timeout=10) for _ in range(60)]
    try:
        idle[0].sendall(b"GET /healthz HTTP/1.1\r\n")  # a slowloris: a request line, then nothing
        time.sleep(0.5)
        assert threading.active_count() <= before + 4  # the pool, not a thread per connection
        started = time.monotonic()
        deadline = started + 15
        closed = 0
        for sock in idle:
            sock.settimeout(max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(TimeoutError):
                closed += sock.recv(1024) == b""
        assert closed == len(idle)  # the server hung up on every silent client
    finally:
        for sock in idle:
            sock.close()
    assert _get(server, "/healthz")[0] == 200


def test_a_burst_of_scrapes_is_served(server: HttpServer) -> None:
    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(lambda _i: _get(server, "/healthz")[0], range(200)))
    assert statuses == [200] * 200


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("/api/findings", {"Authorization": "Bearer s3crét"}),
        ("/api/findings", {"Authorization": "Bearer ключ"}),
        ("/api/findings?limit=9223372036854775808", {"Authorization": "Bearer s3cret"}),
        ("/api/findings?limit=%C2%B2", {"Authorization": "Bearer s3cret"}),
        ("/api/findings?limit=%D9%A1%D9%A2", {"Authorization": "Bearer s3cret"}),
        ("/api/findings?limit=100001", {"Authorization": "Bearer s3cret"}),
    ],
    ids=["latin1-token", "cyrillic-token", "limit-2^63", "limit-superscript", "limit-arabic", "limit-big"],
)
def test_bad_input_is_refused_never_a_500(server: HttpServer, path: str, headers: dict[str, str]) -> None:
    status, _ = _get(server, path, headers)
    assert status in (400, 401)


def test_limits_in_range_are_served(server: HttpServer) -> None:
    assert _get(server, "/api/findings?limit=100000", {"Authorization": "Bearer s3cret"})[0] == 200


def test_json_is_standard_json(server: HttpServer) -> None:
    status, body = _get(server, "/nan")

    def refuse(constant: str) -> None:
        raise ValueError(f"non-standard JSON token {constant}")

    assert status == 200
    assert json.loads(body, parse_constant=refuse) == {"value": "nan", "list": ["-inf"]}


def test_router_compares_tokens_as_bytes() -> None:
    router = _router()
    request = Request.from_target("GET", "/api/findings", {"Authorization": "Bearer \u00e9\u00e9"})
    assert router.dispatch(request).status == 401


def test_every_answer_says_not_to_sniff_and_findings_json_is_not_cached(server: HttpServer) -> None:
    """The findings API answers with every finding's tags and principals: a browser or proxy must
    not keep them, nor read any answer as another type than it says."""

    def headers_of(path: str, auth: bool) -> http.client.HTTPMessage:
        conn = http.client.HTTPConnection(*server.address, timeout=10)
        try:
            conn.request("GET", path, headers={"Authorization": "Bearer s3cret"} if auth else {})
            response = conn.getresponse()
            response.read()
            return response.headers
        finally:
            conn.close()

    api = headers_of("/api/findings", auth=True)
    assert api["X-Content-Type-Options"] == "nosniff" and api["Cache-Control"] == "no-store"
    for path, auth in (("/healthz", False), ("/api/findings", False), ("/nowhere", False)):
        assert headers_of(path, auth)["X-Content-Type-Options"] == "nosniff", path
