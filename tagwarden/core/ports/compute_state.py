"""Compute state port: what the events taught of which role each compute resource runs as, by
(kind, key), as JSON text the compute state encodes (``tagwarden.core.compute.persisted``)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Protocol

from tagwarden.core.compute.persisted import Entry  # (kind, key)

__all__ = ["ComputeStateReads", "ComputeStateUnit", "Entry"]


class ComputeStateReads(Protocol):
    def compute_entries(self, wanted: Collection[Entry]) -> dict[Entry, str]:
        """The entries of ``wanted`` the store holds; one it lacks is absent from the answer."""
        ...


class ComputeStateUnit(Protocol):
    """Inside one unit."""

    def put_compute_entries(self, entries: Mapping[Entry, str | None]) -> None:
        """Writes each entry (None: removes it), dated now, when the unit commits."""
        ...
