"""Store URLs: which engine a URL names, and the URL as it may be shown (no password)."""

from __future__ import annotations

import re

SQLITE_PREFIX = "sqlite:///"
POSTGRES_SCHEMES = ("postgresql://", "postgres://")

# libpq reads user and password up to the first '@' before the first '/': '?', '#' and ':' are
# part of them (a password need not be percent-encoded to work), so they are hidden too.
_PASSWORD = re.compile(r"^(?P<head>[a-z]+://[^:/@]*):[^@/]*@")
_PASSWORD_PARAM = re.compile(r"(?P<head>[?&]password=)[^&#]*", re.IGNORECASE)


def is_postgres(url: str) -> bool:
    return url.startswith(POSTGRES_SCHEMES)


def sqlite_file(url: str) -> str | None:
    """The file a ``sqlite:///`` URL names; None for another engine, no file, or ``:memory:``."""
    path = url[len(SQLITE_PREFIX) :] if url.startswith(SQLITE_PREFIX) else ""
    return path if path and path != ":memory:" else None


def redacted(url: str) -> str:
    """``url`` with any password replaced by ``***``: what logs and error messages may show."""
    shown = _PASSWORD.sub(r"\g<head>:***@", url)
    return _PASSWORD_PARAM.sub(r"\g<head>***", shown)


def url_passwords(url: str) -> list[str]:
    """The passwords as written in ``url`` (before percent-decoding), to keep out of messages."""
    found = re.match(r"^[a-z]+://[^:/@]*:(?P<password>[^@/]*)@", url)
    written = [found.group("password")] if found else []
    written += [m.group(0)[len(m.group("head")) :] for m in _PASSWORD_PARAM.finditer(url)]
    return [password for password in written if password]
