"""The socket side: an HTTP server with a real listen backlog, a bounded pool of workers and a
timeout on slow clients, handing requests to a Router.

The standard library's ThreadingHTTPServer listens with a backlog of 5 and starts one thread
per connection with no timeout: a burst of scrapes is refused at the TCP level, and a client
that connects and says nothing holds a thread forever. Here connections queue in the kernel
(``BACKLOG``); each one's request line and headers are read by one thread for all of them
(heads.py), which drops a client whose head takes longer than ``client_timeout`` seconds to
arrive, however it trickles it; only a complete head takes a worker: at most ``workers`` are
served at once, at most ``queued`` more wait (beyond that a request is closed at once). Each
connection serves one request (``Connection: close``), so none holds a worker while idle.
"""

from __future__ import annotations

import io
import math
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any

from tagwarden.adapters.http.heads import HeadReader
from tagwarden.adapters.http.routing import Request, Response, Router

BACKLOG = 128
WORKERS = 16
QUEUED = 256
CLIENT_TIMEOUT_SECONDS = 10.0


class _DeadlineReader(io.RawIOBase):
    """A connection's bytes, read against one deadline per request. The socket's timeout bounds
    each read only: a client sending a byte every half second would hold a worker for ever."""

    def __init__(self, connection: socket.socket, head: bytes) -> None:
        self._connection = connection
        self._head = memoryview(head)  # what the head reader read already
        self.deadline = math.inf

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        if self._head:
            taken = min(len(buffer), len(self._head))
            buffer[:taken] = self._head[:taken]
            self._head = self._head[taken:]
            return taken
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request took too long to arrive")
        self._connection.settimeout(left)
        return self._connection.recv_into(buffer)


def _handler_class(router: Router, log: Any, client_timeout: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "tagwarden"
        protocol_version = "HTTP/1.1"
        timeout = client_timeout  # socket timeout on every write of this connection

        def setup(self) -> None:
            head, self.request = self.request  # see _PooledHTTPServer._serve_one
            super().setup()
            self._reader = _DeadlineReader(self.connection, head)
            self.rfile = io.BufferedReader(self._reader)

        def handle(self) -> None:
            self._reader.deadline = time.monotonic() + client_timeout  # for what the head left
            self.handle_one_request()
            self.close_connection = True

        def _serve(self, send_body: bool) -> None:
            self.connection.settimeout(client_timeout)  # for the answer, whatever reading left
            if self.headers.get("Content-Length", "0").strip() != "0" or "Transfer-Encoding" in self.headers:
                # No handler reads a body: left in the connection, it would be read as a request.
                self.close_connection = True
            request = Request.from_target(self.command, self.path, dict(self.headers.items()))
            try:
                response = router.dispatch(request)
            except Exception as exc:  # a bug in a handler must not take the server down
                log.error("http_handler_failed", path=request.path, error=repr(exc))
                response = Response(500, b"internal error\n")
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            # Every answer is the type it says: a browser must not read a record's text as HTML.
            headers = {"X-Content-Type-Options": "nosniff", "Connection": "close", **response.headers}
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if send_body:
                self.wfile.write(response.body)

        def do_GET(self) -> None:
            self._serve(send_body=True)

        def do_HEAD(self) -> None:
            self._serve(send_body=False)

        def do_POST(self) -> None:
            self._serve(send_body=True)

        def log_message(self, format: str, *args: Any) -> None:
            log.debug("http_request", line=format % args)

    return Handler


class _PooledHTTPServer(HTTPServer):
    request_queue_size = BACKLOG
    allow_reuse_address = True

    def __init__(
        self,
        address: tuple[str, int],
        handler: type[BaseHTTPRequestHandler],
        workers: int,
        queued: int,
        client_timeout: float,
    ) -> None:
        # Before binding: a failed bind calls server_close, which shuts them down.
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="http")
        self._slots = threading.BoundedSemaphore(workers + queued)
        self._heads = HeadReader(self._head_read, client_timeout)
        super().__init__(address, handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        self._heads.add(request, client_address)

    def _head_read(self, request: socket.socket, client_address: Any, head: bytes) -> None:
        if not self._slots.acquire(blocking=False):
            self.shutdown_request(request)  # every worker busy and the queue full: refuse at once
            return
        try:
            self._pool.submit(self._serve_one, request, client_address, head)
        except RuntimeError:  # the server is closing: its pool takes nothing more
            self.shutdown_request(request)
            self._slots.release()

    def _serve_one(self, request: Any, client_address: Any, head: bytes) -> None:
        try:
            self.finish_request((head, request), client_address)
        except (TimeoutError, ConnectionError):
            pass  # the client went quiet or away: nothing to answer
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.shutdown_request(request)
            self._slots.release()

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a broken connection is the client's business; do not print tracebacks

    def server_close(self) -> None:
        super().server_close()
        self._heads.close()
        self._pool.shutdown(wait=False, cancel_futures=True)


class HttpListenError(OSError):
    """The port cannot be listened on; the message names the address and why."""


class HttpServer:
    def __init__(
        self,
        host: str,
        port: int,
        router: Router,
        log: Any,
        *,
        workers: int = WORKERS,
        queued: int = QUEUED,
        client_timeout: float = CLIENT_TIMEOUT_SECONDS,
    ) -> None:
        handler = _handler_class(router, log, client_timeout)
        try:
            self._server = _PooledHTTPServer((host, port), handler, workers, queued, client_timeout)
        except OSError as exc:  # taken, not an address of this host, a privileged port
            raise HttpListenError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> tuple[str, int]:
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._server.serve_forever, name="http", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()
