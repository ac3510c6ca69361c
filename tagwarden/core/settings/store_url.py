"""Store URLs: which engine a URL names, and the URL as it may be shown (no password)."""

from __future__ import annotations

import re

SQLITE_PREFIX = "sqlite:///"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

_PASSWORD = re.compile(r"^(?P<head>[a-z]+://[^:/@?#]*):[^@/?#]*@")
_PASSWORD_PARAM = re.compile(r"(?P<head>[?&]password=)[^&#]*", re.IGNORECASE)


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def redacted(url: str) -> str:
    """``url`` with any password replaced by ``***``: what logs and error messages may show."""
    shown = _PASSWORD.sub(r"\g<head>:***@", url)
    return _PASSWORD_PARAM.sub(r"\g<head>***", shown)
