"""Compare bench_iam.py between a git revision and the working tree, in one run.

    python benchmarks/compare_iam.py [REV] [ROUNDS]

REV (default HEAD) is exported with ``git archive`` to a temporary folder; each round runs the
warm, varied and stress scenarios once per tree, in a fresh interpreter, alternating which tree
goes first. Times are CPU time of the process (``time.process_time``), which a loaded machine
disturbs far less than wall time; each figure is the best of 5 repeats of 1000 evaluations.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIPPED = ("cold",)  # rebuilding caches measures the parser, not the evaluation loop
CHILD = r"""
import json, sys, time, timeit
root = sys.argv[1]
sys.path[:0] = [root, root + "/benchmarks"]
import bench_iam, tagwarden
assert tagwarden.__file__.startswith(root), tagwarden.__file__
times = {}
for name, scenario in bench_iam._scenarios().items():
    if not name.startswith(tuple(sys.argv[2:])):
        scenario()
        runs = timeit.repeat(scenario, number=1000, repeat=5, timer=time.process_time)
        times[name] = min(runs) / 1000 * 1e6
print(json.dumps(times))
"""


def _measure(root: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(root), *SKIPPED],
        capture_output=True,
        text=True,
        check=True,
        cwd=tempfile.gettempdir(),
    )
    times: dict[str, float] = json.loads(done.stdout)
    return times


def main(rev: str = "HEAD", rounds: int = 8) -> int:
    with tempfile.TemporaryDirectory() as folder:
        command = ["git", "-C", str(ROOT), "archive", rev, "tagwarden", "benchmarks"]
        archive = subprocess.run(command, capture_output=True, check=True)
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        trees = {rev: Path(folder), "working tree": ROOT}
        results: dict[str, dict[str, list[float]]] = {label: {} for label in trees}
        for round_number in range(rounds):
            order = list(trees) if round_number % 2 == 0 else list(reversed(trees))
            for label in order:
                for name, value in _measure(trees[label]).items():
                    results[label].setdefault(name, []).append(value)
    before, after = results[rev], results["working tree"]
    print(f"CPU time per evaluation, {rounds} rounds: best / median (working tree / {rev})")
    for name, old in before.items():
        new = after[name]
        print(
            f"{name:36} {rev}: {min(old):6.2f} / {statistics.median(old):6.2f} us   "
            f"working tree: {min(new):6.2f} / {statistics.median(new):6.2f} us   "
            f"ratio {min(new) / min(old):.3f} / {statistics.median(new) / statistics.median(old):.3f}"
        )
    return 0


if __name__ == "__main__":
    arguments = sys.argv[1:]
    sys.exit(main(arguments[0] if arguments else "HEAD", int(arguments[1]) if len(arguments) > 1 else 8))
