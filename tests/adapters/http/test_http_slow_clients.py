"""The HTTP server against clients that trickle their request, and requests with a body no handler reads."""

from __future__ import annotations

import http.client
import re
import socket
import threading
import time
from collections.abc import Iterator

import pytest

from tagwarden.adapters.http import Response, Router
from tagwarden.adapters.http.server import HttpServer
from tagwarden.app.logs import get_logger


def _router() -> Router:
    router = Router(token="s3cret", protected_prefixes=("/api",))
    router.add("/healthz", lambda _r: Response.text("ok"))
    router.add("/metrics", lambda _r: Response.text("# metrics"))
    router.add("/api/findings", lambda _r: Response.text("secret findings"))
    return router


@pytest.fixture
def server() -> Iterator[HttpServer]:
    s = HttpServer("127.0.0.1", 0, _router(), get_logger(), workers=2, queued=64, client_timeout=1.0)
    s.start()
    yield s
    s.stop()


def test_a_trickling_client_cannot_hold_every_worker(server: HttpServer) -> None:
    # client_timeout bounds the whole request line and headers, not each read: one byte every 0.5 s
    # (under the 1 s timeout) must not keep a worker for ever.
    stop = threading.Event()

    def trickle() -> None:
        with socket.create_connection(server.address) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\n")
            while not stop.is_set():
                try:
                    sock.sendall(b"X")  # an endless header line, a byte at a time
                except OSError:
                    return
                time.sleep(0.5)

    threads = [threading.Thread(target=trickle, daemon=True) for _ in range(2)]  # = workers
    for t in threads:
        t.start()
    time.sleep(0.5)
    try:
        conn = http.client.HTTPConnection(*server.address, timeout=5)
        started = time.monotonic()
        try:
            conn.request("GET", "/metrics")
            status = conn.getresponse().status
        except TimeoutError:
            status = None
        waited = time.monotonic() - started
        assert status == 200, (
            f"/metrics got no answer in {waited:.1f}s: two trickling clients hold both workers"
        )
    finally:
        stop.set()


def test_an_unread_request_body_is_not_parsed_as_a_second_request(server: HttpServer) -> None:
    smuggled = b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
    request = (
        b"POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: "
        + str(len(smuggled)).encode()
        + b"\r\n\r\n"
        + smuggled
    )
    with socket.create_connection(server.address, timeout=3) as sock:
        sock.sendall(request)
        time.sleep(0.5)
        answer = b""
        sock.settimeout(1)
        try:
            while chunk := sock.recv(65536):
                answer += chunk
        except TimeoutError:
            pass
    statuses = re.findall(rb"HTTP/1\.1 \d{3}", answer)
    assert statuses == [b"HTTP/1.1 405"], f"one request sent, answers: {statuses}"


def _get(server: HttpServer, path: str) -> tuple[int | None, dict[str, str]]:
    conn = http.client.HTTPConnection(*server.address, timeout=5)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, dict(response.getheaders())
    except (TimeoutError, ConnectionError):
        return None, {}
    finally:
        conn.close()


def test_idle_connections_beyond_every_worker_and_queue_place_do_not_keep_a_probe_out() -> None:
    # Connections that say nothing take no worker and no place in the queue: they wait in the
    # head reader, so a probe sent at once is answered (REPORT.md's p5: 1,000 idle connections).
    server = HttpServer("127.0.0.1", 0, _router(), get_logger(), workers=2, queued=2, client_timeout=5.0)
    server.start()
    idle = [socket.create_connection(server.address) for _ in range(40)]
    try:
        time.sleep(0.3)
        assert _get(server, "/healthz")[0] == 200
    finally:
        for sock in idle:
            sock.close()
        server.stop()


def test_past_the_bound_the_oldest_silent_connection_goes_for_the_newest() -> None:
    # A flood cannot take every file descriptor: past max_pending the oldest waiting connection
    # is closed, and a client that sends its request at once still gets through.
    server = HttpServer("127.0.0.1", 0, _router(), get_logger(), workers=2, queued=2, client_timeout=5.0)
    server._server._heads._max_pending = 8  # type: ignore[attr-defined]
    server.start()
    idle = [socket.create_connection(server.address) for _ in range(20)]
    try:
        assert _get(server, "/healthz")[0] == 200
        idle[0].settimeout(2)
        assert idle[0].recv(1) == b""  # the oldest was closed
    finally:
        for sock in idle:
            sock.close()
        server.stop()


def test_each_answer_closes_its_connection(server: HttpServer) -> None:
    status, headers = _get(server, "/metrics")
    assert status == 200 and headers["Connection"] == "close"


@pytest.mark.parametrize("ending", [b"\r\n\r\n", b"\n\n"])
def test_a_head_sent_a_byte_at_a_time_is_read_to_its_end(server: HttpServer, ending: bytes) -> None:
    # The head reader searches only the new bytes (and the three before them) for the end.
    with socket.create_connection(server.address, timeout=5) as sock:
        for byte in b"GET /healthz HTTP/1.1" + ending:
            sock.sendall(bytes([byte]))
            time.sleep(0.002)
        assert sock.recv(65536).startswith(b"HTTP/1.1 200")
