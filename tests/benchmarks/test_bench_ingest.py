"""The ingest benchmark still runs, end to end, on a small trail: its figures are not checked
(timing belongs to the benchmark), its parts are."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.benchmarks.run import bench_output

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_ingest.py"


# Run in a small process of its own: the test runner, grown by the whole suite, holds mostly pages
# that fork does not copy into the child's page tables (file-backed), so its child's RSS is not
# the parent's. Here the parent's memory is anonymous and touched, as the benchmark's workers are.
_FORK_AND_MEASURE = """
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from bench_ingest import _tree_memory_kib
held = bytearray(os.urandom(1)) * (96 * 1024 * 1024)
parent_rss, _ = _tree_memory_kib(os.getpid())
ready_read, ready_write = os.pipe()
child = os.fork()
if child == 0:
    os.close(ready_read)
    os.write(ready_write, b"x")
    time.sleep(30)
    os._exit(0)
os.close(ready_write)
assert os.read(ready_read, 1) == b"x"
rss, pss = _tree_memory_kib(os.getpid())
os.kill(child, 9)
os.waitpid(child, 0)
print(json.dumps([parent_rss, rss, pss]))
"""


def _measured(script: str) -> Any:
    """What ``script``, run alone with the benchmark's folder on its path, prints as JSON."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(BENCH.parent)],
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_tree_memory_counts_a_forked_child_in_rss_twice_and_in_pss_once() -> None:
    parent_rss, rss, pss = _measured(_FORK_AND_MEASURE)
    assert rss > 1.5 * parent_rss  # the child's shared pages counted again
    assert pss is not None and pss < 0.8 * rss  # and divided between the two


# A parent that spins for a while and a child that spins longer: the parent's own CPU time counts
# its spin and not its child's, as the bound of replay's committing process must.
_SPIN_AND_MEASURE = """
import json, os, sys, time
sys.path.insert(0, sys.argv[1])
from bench_ingest import _own_cpu_seconds

def spin(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass

before = _own_cpu_seconds(os.getpid())
child = os.fork()
if child == 0:
    spin(1.0)
    os._exit(0)
spin(0.3)
os.waitpid(child, 0)
times = os.times()
own = _own_cpu_seconds(os.getpid()) - before
print(json.dumps([own, times.children_user + times.children_system]))
"""


def test_the_own_cpu_time_of_a_process_leaves_its_children_out() -> None:
    own, children = _measured(_SPIN_AND_MEASURE)
    assert children >= 0.9  # the child's second was spent, and waited for
    assert 0.25 <= own < 0.9  # the parent's own 0.3 s, not the child's second


@pytest.mark.slow
def test_the_benchmark_runs_on_a_small_trail(tmp_path: Path) -> None:
    small = ["--records", "3000", "--files", "3", "--data-dir", str(tmp_path)]
    # A count given twice (to alternate runs) gets a store of its own each time.
    output = bench_output("bench_ingest.py", *small, "--workers", "0", "1", "default", "0")
    assert re.search(r"reading alone: +[\d,]+ records per CPU second", output)
    assert re.search(r"reading and normalizing: +[\d,]+ records per CPU second", output)
    assert len(re.findall(r"PSS \d+ MiB summed", output)) == 4
    assert re.search(r"^replay --workers 0: ", output, re.M) and re.search(r"^replay: ", output, re.M)
    rates = re.search(
        r"replay's rate over zlib's faster pass: 0: [\d.]+x, 1: [\d.]+x, default: [\d.]+x, 0: [\d.]+x$",
        output,
        re.M,
    )
    assert rates
    # The committing process's bound is printed where it is not the whole replay (with workers).
    assert len(re.findall(r"own process \(judging and committing\): [\d.]+ s of CPU", output)) == 2
    assert re.search(
        r"bound of replay's own process over zlib's faster pass: 1: [\d.]+x, default: [\d.]+x$", output, re.M
    )
    assert "findings and tag history across runs: identical" in output
    assert "replayed 3 file(s): 3000 records" in output
    assert re.search(r"findings, store \d+ MiB", output)


@pytest.mark.parametrize("given", ["-1", "two"])
def test_a_worker_count_that_is_neither_a_count_nor_default_is_refused(given: str) -> None:
    done = subprocess.run(
        [sys.executable, str(BENCH), "--workers", "0", given],
        check=False,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert f"{given!r} is not a worker count (0 or more) nor 'default'" in done.stderr
