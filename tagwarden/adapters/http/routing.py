"""Requests, responses and a router: plain data, no sockets, so handlers test without a server."""

from __future__ import annotations

import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from tagwarden.core.standard_json import standard_json


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str
    query: Mapping[str, list[str]] = field(default_factory=dict)
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_target(cls, method: str, target: str, headers: Mapping[str, str]) -> Request:
        parts = urlsplit(target)
        return cls(
            method, parts.path or "/", parse_qs(parts.query), {k.lower(): v for k, v in headers.items()}
        )

    def values(self, name: str) -> list[str]:
        """Every value of a query parameter, comma-separated lists split."""
        found: list[str] = []
        for raw in self.query.get(name, []):
            found.extend(v.strip() for v in raw.split(",") if v.strip())
        return found


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    body: bytes = b""
    content_type: str = "text/plain; charset=utf-8"
    headers: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def json(cls, data: Any, status: int = 200) -> Response:
        """Standard JSON only: NaN and infinities (which a record may hold) are sent as strings.
        Not to be kept by a browser or a proxy: findings name principals and their tags."""
        body = standard_json(data).encode() + b"\n"
        return cls(status, body, "application/json", {"Cache-Control": "no-store"})

    @classmethod
    def text(cls, text: str, status: int = 200) -> Response:
        return cls(status, text.encode())


Handler = Callable[[Request], Response]


class Router:
    """Exact paths first, then the longest matching prefix (for ``/api/findings/<id>``)."""

    def __init__(self, token: str | None = None, protected_prefixes: tuple[str, ...] = ()) -> None:
        self._exact: dict[str, Handler] = {}
        self._prefixes: list[tuple[str, Handler]] = []
        self._token = token
        self._protected = protected_prefixes

    def add(self, path: str, handler: Handler) -> None:
        self._exact[path] = handler

    def add_prefix(self, prefix: str, handler: Handler) -> None:
        self._prefixes.append((prefix, handler))
        self._prefixes.sort(key=lambda item: -len(item[0]))

    def _authorized(self, request: Request) -> bool:
        if self._token is None or not request.path.startswith(self._protected):
            return True
        given = request.headers.get("authorization", "")
        scheme, _, credential = given.partition(" ")
        # Bytes, not str: compare_digest refuses non-ASCII text, and a header is attacker's input.
        offered = credential.strip().encode("utf-8", "surrogateescape")
        return scheme.lower() == "bearer" and hmac.compare_digest(offered, self._token.encode())

    def dispatch(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return Response(405, b"only GET is served\n", headers={"Allow": "GET, HEAD"})
        if not self._authorized(request):
            return Response(401, b"a bearer token is required\n", headers={"WWW-Authenticate": "Bearer"})
        handler = self._exact.get(request.path)
        if handler is None:
            for prefix, candidate in self._prefixes:
                if request.path.startswith(prefix):
                    handler = candidate
                    break
        if handler is None:
            return Response(404, b"not found\n")
        return handler(request)
