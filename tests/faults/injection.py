"""Faults injected into real botocore clients through their event hooks (botocore's
``before-send`` event: a handler that returns a response short-circuits the HTTP call)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from botocore.awsrequest import AWSResponse


class _Raw:
    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


_ERROR_XML = (
    b"<ErrorResponse><Error><Type>Receiver</Type><Code>{code}</Code>"
    b"<Message>injected fault</Message></Error><RequestId>fault</RequestId></ErrorResponse>"
)


@dataclass
class Fault:
    """While ``active``, every call to one of ``operations`` answers ``status`` with ``code``."""

    operations: frozenset[str]
    status: int = 500
    code: str = "InternalFailure"
    active: bool = True
    injected: int = 0
    calls: list[str] = field(default_factory=list)

    def install(self, client: Any) -> Any:
        client.meta.events.register("before-send", self._before_send)
        return client

    def _before_send(self, request: Any, **kwargs: Any) -> AWSResponse | None:
        operation = kwargs.get("event_name", "").rsplit(".", 1)[-1]
        self.calls.append(operation)
        if not self.active or operation not in self.operations:
            return None
        self.injected += 1
        body = _ERROR_XML.replace(b"{code}", self.code.encode())
        return AWSResponse(request.url, self.status, {"Content-Type": "text/xml"}, _Raw(body))
