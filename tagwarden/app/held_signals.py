"""SIGTERM and SIGINT held from the first moment of ``tagwarden run`` until the daemon takes them.

The daemon installs its own handlers once it is built, about a second after the process starts
(importing it takes most of that). Until then it had none, and as the container's first process
it gets no default action either (the kernel drops a signal PID 1 has no handler for): a SIGTERM
in that second, a pod deleted as it starts, was lost. The daemon then ran on and was killed at the
end of the termination grace period, holding its scan leases and claimed deliveries until they ran
out. Held here, the signal is handed to the daemon's handlers as soon as they are installed, and
the daemon stops as it would for a SIGTERM during its start.

This module imports nothing of tagwarden's, so that the command line can hold the signals before
it imports the daemon.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable
from types import FrameType, TracebackType
from typing import Any

STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)

_holding: list[HeldSignals] = []  # the one entered, if any


class HeldSignals:
    """While entered (from the main thread), SIGTERM and SIGINT are noted instead of acted on;
    ``take_held`` hands them to whoever installs the real handlers. On exit the handlers that were
    there before are put back."""

    def __init__(self) -> None:
        self._received: list[int] = []
        self._replaced: dict[signal.Signals, Any] = {}

    def _note(self, signum: int, _frame: FrameType | None) -> None:
        self._received.append(signum)

    def take(self) -> list[int]:
        taken, self._received = self._received, []
        return taken

    def __enter__(self) -> HeldSignals:
        if threading.current_thread() is threading.main_thread():
            self._replaced = {signum: signal.signal(signum, self._note) for signum in STOP_SIGNALS}
            _holding[:] = [self]
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self in _holding:
            _holding.clear()
        _put_back(self._replaced)
        self._replaced = {}


def take_held() -> list[int]:
    """The stop signals received while held and not taken yet, oldest first (none if nothing holds
    them)."""
    return _holding[0].take() if _holding else []


def install_stop_handler(handle: Callable[[int, FrameType | None], None]) -> Callable[[], None]:
    """``handle`` for SIGTERM and SIGINT (from the main thread only), called at once for each one
    held until now; what it returns puts back the handlers it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return lambda: None
    replaced = {signum: signal.signal(signum, handle) for signum in STOP_SIGNALS}
    for signum in take_held():
        handle(signum, None)
    return lambda: _put_back(replaced)


def _put_back(replaced: dict[signal.Signals, Any]) -> None:
    for signum, before in replaced.items():
        signal.signal(signum, before if before is not None else signal.SIG_DFL)
