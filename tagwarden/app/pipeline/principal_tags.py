"""Principal tags: fetched from IAM with a time-to-live, overridden by session tags."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from tagwarden.core.arn import canonical_principal, is_iam_principal

PrincipalTagFetch = Callable[[str], "dict[str, str] | None"]


def effective_tags(
    principal: Mapping[str, str] | None, session: Mapping[str, str] | None
) -> dict[str, str] | None:
    """Principal tags with session tags laid over them; keys compare case-insensitively, as
    AWS compares them: a session tag ``Team`` replaces a role tag ``team``."""
    if principal is None and not session:
        return None
    merged = dict(principal or {})
    for key, value in (session or {}).items():
        for existing in [k for k in merged if k.casefold() == key.casefold()]:
            del merged[existing]
        merged[key] = value
    return merged


@dataclass(frozen=True, slots=True)
class Fetched:
    arn: str
    tags: dict[str, str]
    at: float


class PrincipalTagCache:
    """Remembers when each principal's tags were last fetched, so IAM is asked at most once
    per ``ttl_seconds`` for each; the tags themselves live in the store's tag state."""

    def __init__(
        self,
        fetch: PrincipalTagFetch | None,
        ttl_seconds: float = 300.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._fetch = fetch
        self._ttl = ttl_seconds
        self._clock = clock
        self._fetched_at: dict[str, float] = {}
        self._lock = threading.Lock()

    def refresh(self, arns: Iterable[str]) -> list[Fetched]:
        """Fetch the tags of every IAM principal among ``arns`` whose last fetch is older than
        the TTL. A failed fetch is not retried before the TTL runs out either."""
        if self._fetch is None:
            return []
        now = self._clock()
        due: list[str] = []
        with self._lock:
            for arn in {canonical_principal(a) for a in arns if is_iam_principal(a)}:
                if now - self._fetched_at.get(arn, float("-inf")) >= self._ttl:
                    self._fetched_at[arn] = now
                    due.append(arn)
        results = []
        for arn in sorted(due):
            tags = self._fetch(arn)
            if tags is not None:
                results.append(Fetched(arn, tags, now))
        return results
