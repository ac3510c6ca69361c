"""The socket side: a threading HTTP server handing requests to a Router."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tagwarden.adapters.http.routing import Request, Response, Router


def _handler_class(router: Router, log: Any) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "tagwarden"
        protocol_version = "HTTP/1.1"

        def _serve(self, send_body: bool) -> None:
            request = Request.from_target(self.command, self.path, dict(self.headers.items()))
            try:
                response = router.dispatch(request)
            except Exception as exc:  # a bug in a handler must not take the server down
                log.error("http_handler_failed", path=request.path, error=repr(exc))
                response = Response(500, b"internal error\n")
            self.send_response(response.status)
            self.send_header("Content-Type", response.content_type)
            self.send_header("Content-Length", str(len(response.body)))
            for name, value in response.headers.items():
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


class HttpServer:
    def __init__(self, host: str, port: int, router: Router, log: Any) -> None:
        self._server = ThreadingHTTPServer((host, port), _handler_class(router, log))
        self._server.daemon_threads = True
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
