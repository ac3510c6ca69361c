"""The ingest benchmark still runs, end to end, on a small trail: its figures are not checked
(timing belongs to the benchmark), its parts are."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_ingest.py"
sys.path.insert(0, str(BENCH.parent))

from bench_ingest import _tree_memory_kib  # noqa: E402

from tests.benchmarks.run import bench_output  # noqa: E402


def test_tree_memory_counts_a_forked_child_in_rss_twice_and_in_pss_once() -> None:
    parent_rss, _ = _tree_memory_kib(os.getpid())
    ready_read, ready_write = os.pipe()
    child = os.fork()
    if child == 0:  # holds the parent's pages, shared, until told to go
        os.close(ready_read)
        os.write(ready_write, b"x")
        time.sleep(30)
        os._exit(0)
    try:
        os.close(ready_write)
        assert os.read(ready_read, 1) == b"x"
        rss, pss = _tree_memory_kib(os.getpid())
        assert rss > 1.5 * parent_rss  # the child's shared pages counted again
        assert pss is not None and pss < 0.8 * rss  # and divided between the two
    finally:
        os.kill(child, 9)
        os.waitpid(child, 0)


@pytest.mark.slow
def test_the_benchmark_runs_on_a_small_trail(tmp_path: Path) -> None:
    small = ["--records", "3000", "--files", "3", "--workers", "1", "2", "--data-dir", str(tmp_path)]
    output = bench_output("bench_ingest.py", *small)
    assert re.search(r"reading alone: +[\d,]+ records per CPU second", output)
    assert re.search(r"reading and normalizing: +[\d,]+ records per CPU second", output)
    assert len(re.findall(r"PSS \d+ MiB summed", output)) == 2
    assert re.search(r"replay's rate over zlib's faster pass: 1: [\d.]+x, 2: [\d.]+x", output)
    assert "findings and tag history across runs: identical" in output
    assert "replayed 3 file(s): 3000 records" in output
    assert re.search(r"findings, store \d+ MiB", output)
