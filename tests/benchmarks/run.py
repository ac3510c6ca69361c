"""A benchmark run as a user runs it, on small inputs: its standard output."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def bench_output(script: str, *args: str, timeout: float = 240) -> str:
    command = [sys.executable, str(BENCHMARKS / script), *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True).stdout
