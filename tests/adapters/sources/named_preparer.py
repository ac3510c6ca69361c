"""A stand-in for the processor in worker pool tests: what it does to a file depends on its name."""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from tagwarden.core.normalize import Normalizer
from tagwarden.core.ports.units import PreparedUnit, UnitResult


class NamedPreparer:
    """Prepares a (missing) file by its name: ``die`` kills its worker, ``slow`` takes
    ``slow_seconds``, ``big`` hands back about 1 MB (a file with a few thousand tag records), more
    than a pipe holds. The result's record count is the pid of the process that prepared it. With
    a ``gate``, each file waits until the gate exists, then leaves ``<file>.done`` beside it."""

    record_filter = Normalizer()

    def __init__(self, slow_seconds: float = 3.0, gate: Path | None = None) -> None:
        self._slow_seconds = slow_seconds
        self._gate = gate

    def prepare(self, items: Any) -> PreparedUnit:
        records = list(items)
        name = getattr(records[-1], "detail", "") if records else ""
        if "die" in name:
            os._exit(3)
        result = UnitResult(records=os.getpid())
        if "slow" in name:
            time.sleep(self._slow_seconds)
        if "big" in name:
            result.rejected.extend(("x", f"{i:08d}" * 20) for i in range(5000))
        if self._gate is not None:
            while not self._gate.exists():
                time.sleep(0.01)
            Path(f"{name.split(': ')[0]}.done").touch()  # the detail is "<path>: <why unread>"
        return PreparedUnit(result, [])
