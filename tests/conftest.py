"""Shared fixtures: a moto server on loopback, AWS environment pointing at it, fixture paths."""

from __future__ import annotations

import logging
import os
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.builders.aws_env import aws_at

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A clean moto account; boto3 clients made in the test (and subprocesses given os.environ) use it."""
    request = urllib.request.Request(f"{moto_endpoint}/moto-api/reset", method="POST")
    urllib.request.urlopen(request, timeout=10).close()
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    yield moto_endpoint


@pytest.fixture
def moto_in_process(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """moto's in-process mock (no server): test credentials, no endpoint override, us-east-1."""
    from moto import mock_aws

    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"):
        monkeypatch.setenv(name, "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.delenv("AWS_ENDPOINT_URL", raising=False)
    with mock_aws():
        yield


@pytest.fixture
def no_aws(monkeypatch: pytest.MonkeyPatch) -> None:
    """Point AWS at a closed port so that an accidental call fails fast instead of leaving the machine."""
    aws_at(monkeypatch, "http://127.0.0.1:9", AWS_MAX_ATTEMPTS="1")
    os.environ.pop("AWS_PROFILE", None)


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """One PostgreSQL for the session, started on first use."""
    from tests.postgres import running_postgres

    with running_postgres() as url:
        yield url


@pytest.fixture
def fresh_postgres_database(postgres_server: str) -> str:
    from tests.postgres import create_database

    return create_database(postgres_server)
