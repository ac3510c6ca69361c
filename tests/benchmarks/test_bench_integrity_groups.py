"""The grouped integrity check's benchmark still runs on a small organization: its figures are not
checked (timing belongs to the benchmark), only that both ways ran the same check."""

from __future__ import annotations

import re

import pytest

from tests.benchmarks.run import bench_output


@pytest.mark.slow
def test_the_integrity_groups_benchmark_runs_both_ways_on_a_small_organization() -> None:
    output = bench_output(
        "bench_integrity_groups.py", "--groups", "3", "--hours", "2", "--logs-per-hour", "2", "--rounds", "1"
    )
    read = re.findall(
        r"(whole window|by account and region): +[\d.]+ s, peak traced +[\d.]+ MiB \((\d+) log", output
    )
    assert sorted(read) == [("by account and region", "12"), ("whole window", "12")]
