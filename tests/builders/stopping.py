"""A ``stopping`` for tests of long computations that break off (tagwarden.core.stopping)."""

from __future__ import annotations


class AskedTimes:
    """A ``stopping`` that counts its questions and says so from the ``after``-th on (never if
    ``after`` is 0)."""

    def __init__(self, after: int = 0) -> None:
        self.after = after
        self.asked = 0

    def __call__(self) -> bool:
        self.asked += 1
        return 0 < self.after <= self.asked
