"""Fixtures of the fault tests."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.builders.aws_env import aws_at


@pytest.fixture
def silent_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """An endpoint that takes connections and never answers (egress held by a proxy or firewall)."""
    server = socket.create_server(("127.0.0.1", 0), backlog=64)
    url = f"http://127.0.0.1:{server.getsockname()[1]}"
    aws_at(monkeypatch, url)
    yield url
    server.close()
