"""The compute benchmark still runs on a small log: its figures are not checked (timing belongs
to the benchmark), only that both passes ran and the detector found grants to flag."""

from __future__ import annotations

import re

import pytest

from tests.benchmarks.run import bench_output


@pytest.mark.slow
def test_the_compute_benchmark_runs_on_a_small_log() -> None:
    output = bench_output("bench_compute.py", "--records", "3000", "--rounds", "1")
    assert re.search(r"baseline \(no compute reader\): +[\d,]+ records/s", output)
    found = re.search(r"with compute_identity: +[\d,]+ records/s \((\d+) findings\)", output)
    assert found is not None and int(found.group(1)) > 0
    assert re.search(r"ratio: [\d.]+", output)
