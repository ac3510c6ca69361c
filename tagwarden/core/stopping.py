"""Breaking off a long computation between two of its steps when the daemon is stopping.

The writers scan evaluates every principal's policy stack against every governed key: about 49 s
for 5,000 principals. A stop that waited for it outlasted the shutdown's grace period, which then
gave up without closing the store or handing back the scan leases. The computation asks
``stopping`` between principals instead and raises ``Stopped``; nothing of it is committed, and
the next run (after the restart, or on another replica) does it whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

Stopping = Callable[[], bool]


class Stopped(Exception):
    """Raised between two steps once ``stopping`` says so: nothing of the computation is kept."""


def never() -> bool:
    return False


def check(stopping: Stopping) -> None:
    """``Stopped`` if ``stopping`` says so: asked before a step."""
    if stopping():
        raise Stopped("stopping")


def until_stopping(items: Iterable[T], stopping: Stopping) -> Iterator[T]:
    """``items``, with ``stopping`` asked before each one; ``Stopped`` once it says so."""
    for item in items:
        check(stopping)
        yield item
