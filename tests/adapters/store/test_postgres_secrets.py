"""The store's password stays out of what tagwarden shows, whatever characters it holds."""

from __future__ import annotations

import pytest

from tagwarden.adapters.store import StoreError, open_store
from tagwarden.core.settings.store_url import redacted


@pytest.mark.parametrize("password", ["pa#ss", "pa?ss", "a#b?c:d"])
def test_a_password_libpq_accepts_is_redacted(password: str) -> None:
    # libpq takes everything up to the '@' before the host as user and password, '#' and '?' too.
    shown = redacted(f"postgresql://tw:{password}@db.internal:5432/tagwarden")
    assert password not in shown and shown.endswith("db.internal:5432/tagwarden")
    assert shown.startswith("postgresql://tw:***@")


def test_a_badly_encoded_password_is_not_echoed_in_the_error() -> None:
    # libpq's own message repeats the token it cannot decode: the password.
    with pytest.raises(StoreError, match="cannot open PostgreSQL store") as refused:
        open_store("postgresql://tw:s3cr%zzet@127.0.0.1:9/tagwarden")
    assert "s3cr" not in str(refused.value)


def test_a_password_with_a_hash_is_not_shown_when_the_server_is_away() -> None:
    with pytest.raises(StoreError, match="cannot open PostgreSQL store") as refused:
        open_store("postgresql://tw:hunter#2@127.0.0.1:9/tagwarden")
    assert "hunter" not in str(refused.value)


def test_a_badly_encoded_password_parameter_is_not_echoed_in_the_error() -> None:
    with pytest.raises(StoreError, match="cannot open PostgreSQL store") as refused:
        open_store("postgresql://tw@127.0.0.1:9/tagwarden?password=s3cr%zzet")
    assert "s3cr" not in str(refused.value)
