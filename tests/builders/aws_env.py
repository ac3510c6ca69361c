"""Point boto3 at a local endpoint of a test's making, with test credentials."""

from __future__ import annotations

import pytest


def aws_at(monkeypatch: pytest.MonkeyPatch, url: str, **more: str) -> None:
    """AWS_ENDPOINT_URL ``url``, test credentials, us-east-1; ``more``: other variables (AWS_MAX_ATTEMPTS)."""
    variables = {
        "AWS_ENDPOINT_URL": url,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
        **more,
    }
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
