"""Everything the judge needs to know beyond the change itself."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from tagwarden.core.model import KnownTags

PrincipalValues = Callable[[str], frozenset[str] | None]


def _unknown_values(_key: str) -> frozenset[str] | None:
    return None


@dataclass(frozen=True, slots=True)
class JudgeContext:
    """``actor_tags``: the actor's effective principal tags (session tags applied), None if
    unknown. ``old``: the target's tags before the change. ``principal_values(key)``: the
    values some principal holds for an ABAC key, or None where tagwarden knows no principal's
    tags (then no "value nobody holds" lockout is reported)."""

    actor_tags: Mapping[str, str] | None
    old: KnownTags
    principal_values: PrincipalValues = _unknown_values
    created_at: str = ""
