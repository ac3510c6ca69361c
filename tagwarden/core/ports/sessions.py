"""Sessions port: the session tags of role sessions, known from the AssumeRole* event that made them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from tagwarden.core.compute.model import JudgedGrant
from tagwarden.core.controls.call import ControlCall
from tagwarden.core.model import SessionGrant


class SessionUnit(Protocol):
    """Inside one unit."""

    def put_session(self, session: SessionGrant, ts: float) -> None:
        """Keeps the grant of ``session.access_key_id`` made at ``ts`` unless a newer one is known;
        a grant without an access key id is ignored."""
        ...

    def get_session(self, access_key_id: str) -> SessionGrant | None: ...

    def note_session_use(self, access_key_id: str, event_id: str) -> None:
        """``event_id`` was judged as made with the session of ``access_key_id`` before that
        session was known (CloudTrail delivers the AssumeRole* record late, or in another file)."""
        ...

    def keep_judged_grants(self, event_id: str, grants: Sequence[JudgedGrant]) -> None:
        """What the roles ``event_id`` gave compute resources were judged with, for judging them
        again once the session it was made with is known."""
        ...

    def judged_grants(self, event_id: str) -> list[JudgedGrant] | None:
        """What ``keep_judged_grants`` kept for ``event_id``, or None."""
        ...

    def keep_judged_control(self, event_id: str, call: ControlCall) -> None:
        """The control call ``event_id`` was judged as, for judging it again once the session it
        was made with is known."""
        ...

    def judged_control(self, event_id: str) -> ControlCall | None:
        """What ``keep_judged_control`` kept for ``event_id``, or None."""
        ...

    def take_session_uses(self, access_key_id: str) -> list[str]:
        """The events noted as made with the session before it was known, by event id;
        forgotten as they are taken (the session is known from now on)."""
        ...


class SessionReads(Protocol):
    """Outside a unit."""

    def get_session(self, access_key_id: str) -> SessionGrant | None:
        """The grant of the session ``access_key_id`` belongs to, as last committed, or None."""
        ...
