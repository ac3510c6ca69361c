"""What normalizing one record gives."""

from __future__ import annotations

from dataclasses import dataclass

from tagwarden.core.model import SessionGrant, TagChange
from tagwarden.core.model.pickling import compact_pickling
from tagwarden.core.normalize.operations import OperationSpec


class Unreadable(ValueError):
    """A known tag-writing call whose parameters cannot be read; the message says why."""


@compact_pickling
@dataclass(frozen=True, slots=True)
class Normalized:
    """``spec`` is None for a record that is no tag-writing call (most records)."""

    changes: tuple[TagChange, ...] = ()
    session: SessionGrant | None = None
    unreadable: str | None = None
    spec: OperationSpec | None = None


NOT_A_TAG_WRITE = Normalized()
