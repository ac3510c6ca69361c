"""The on-call view: server-rendered HTML pages of the findings, on the daemon's port."""

from __future__ import annotations

from tagwarden.http.routing import Router
from tagwarden.store import Store


def install_pages(router: Router, store: Store) -> None:
    """Add /findings and /findings/<id> to ``router`` (the pages are being built)."""
    del router, store
