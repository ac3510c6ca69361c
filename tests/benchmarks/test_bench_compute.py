"""The compute benchmark still runs on a small log: its figures are not checked (timing belongs
to the benchmark), only that both passes ran and the detector found grants to flag."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_compute.py"


@pytest.mark.slow
def test_the_compute_benchmark_runs_on_a_small_log() -> None:
    output = subprocess.run(
        [sys.executable, str(BENCH), "--records", "3000", "--rounds", "1"],
        capture_output=True,
        text=True,
        timeout=240,
        check=True,
    ).stdout
    assert re.search(r"baseline \(no compute reader\): +[\d,]+ records/s", output)
    found = re.search(r"with compute_identity: +[\d,]+ records/s \((\d+) findings\)", output)
    assert found is not None and int(found.group(1)) > 0
    assert re.search(r"ratio: [\d.]+", output)
