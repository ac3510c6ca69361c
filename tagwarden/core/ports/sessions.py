"""Sessions port: the session tags of role sessions, known from the AssumeRole* event that made them."""

from __future__ import annotations

from typing import Protocol

from tagwarden.core.model import SessionGrant


class SessionUnit(Protocol):
    """Inside one unit."""

    def put_session(self, session: SessionGrant, ts: float) -> None:
        """Keeps the grant of ``session.access_key_id`` made at ``ts`` unless a newer one is known;
        a grant without an access key id is ignored."""
        ...

    def get_session(self, access_key_id: str) -> SessionGrant | None: ...
