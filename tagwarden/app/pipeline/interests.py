"""Which calls a file's records are decoded for: the record filter the fast reader asks."""

from __future__ import annotations

from tagwarden.app.pipeline.compute_identity import ComputeIdentity
from tagwarden.core.controls import is_control_call
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records.triage import Interest

ALWAYS = Interest(always=True)


class CallInterests:
    """Which calls may matter before a record is decoded: tag writes and sessions (the
    normalizer), roles given to compute, and calls on the controls."""

    def __init__(self, normalizer: Normalizer, compute: ComputeIdentity) -> None:
        self._normalizer = normalizer
        self._compute = compute

    def interest(self, event_source: str, event_name: str) -> Interest | None:
        found = self._normalizer.interest(event_source, event_name)
        if found is not None and found.always:
            return found
        if self._compute.reader.handles(event_source, event_name) or is_control_call(
            event_source, event_name
        ):
            return ALWAYS
        return found
