"""Where a replay's store time goes: each SQL statement the SQLite store runs, timed in the process
that judges and commits (this one), with its calls and rows.

    python benchmarks/profile_store.py                       # the 1M-record trail of bench_ingest
    python benchmarks/profile_store.py DIR --workers 0 --top 10

Replay runs in this process on a new store, as ``tagwarden replay --workers N`` would; every call
the store makes through its SQLite engine (``SQLiteSql``) is timed, the SQLite work inside it
included. A profile, not a benchmark: it finds the statement a change to the store should go after,
and it says nothing of a rate (the timing adds a little to each call). Write the trail first with
``benchmarks/bench_ingest.py`` (``--records 100000 --files 100`` for a quicker one).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench_ingest import config_dir, without_aws
from trail_mix import trail_dir

from tagwarden.adapters.store.sqlite import SQLiteSql
from tagwarden.app.cli.main import main as tagwarden

DEFAULT_TRAIL = trail_dir(1_000_000, 1_000)  # bench_ingest's, with its defaults
_TIMED = ("rows", "row", "run", "run_many", "rows_of_each")  # every way SqlStore reaches SQLite
_MANY = ("run_many", "rows_of_each")  # a call with a row of parameters for each statement run
_IN_LIST = re.compile(r"IN \(\?(?:, \?)*\)")  # chunked lookups: one statement whatever their length


@dataclass
class Statement:
    calls: int = 0
    rows: int = 0  # parameter rows: one a call, or the rows of an executemany
    seconds: float = 0.0


def timing(statements: dict[str, Statement]) -> dict[str, Callable[..., Any]]:
    """``SQLiteSql``'s methods, each adding its calls to ``statements`` by statement text."""

    def timed(name: str) -> Callable[..., Any]:
        call = getattr(SQLiteSql, name)

        def method(self: SQLiteSql, sql: str, params: Any = (), *more: Any) -> Any:
            started = time.perf_counter()
            try:
                return call(self, sql, params, *more)
            finally:
                statement = statements[_IN_LIST.sub("IN (?, ...)", " ".join(sql.split()))]
                statement.seconds += time.perf_counter() - started
                statement.calls += 1
                statement.rows += len(params) if name in _MANY else 1

        return method

    return {name: timed(name) for name in _TIMED}


def profile(trail: Path, workers: int, work: Path) -> tuple[float, dict[str, Statement]]:
    """Replay's wall time over ``trail`` with ``workers``, and its store's statements."""
    statements: dict[str, Statement] = defaultdict(Statement)
    originals = {name: getattr(SQLiteSql, name) for name in _TIMED}
    config = config_dir(work, "profile") / "tagwarden.yaml"
    for name, method in timing(statements).items():
        setattr(SQLiteSql, name, method)
    command = ["replay", "--config", str(config), "--quiet", str(trail), "--workers", str(workers)]
    stderr = os.dup(2)
    try:
        with (work / "replay.log").open("wb") as log:  # a line a finding: kept out of the terminal
            os.dup2(log.fileno(), 2)
            started = time.perf_counter()
            status = tagwarden(command)
            wall = time.perf_counter() - started
            sys.stderr.flush()
    finally:
        os.dup2(stderr, 2)
        os.close(stderr)
        for name, method in originals.items():
            setattr(SQLiteSql, name, method)
    if status != 0:
        raise SystemExit(f"replay failed with status {status}")
    return wall, statements


def report(wall: float, statements: dict[str, Statement], top: int) -> None:
    in_sql = sum(s.seconds for s in statements.values())
    print(f"replay: {wall:.2f} s of wall time; in the store's SQL: {in_sql:.2f} s ({in_sql / wall:.0%})")
    print(f"{'seconds':>8} {'share':>6} {'calls':>8} {'rows':>8} {'µs/row':>8}  statement")
    ranked = sorted(statements.items(), key=lambda item: -item[1].seconds)
    for text, s in ranked[:top]:
        shown = text if len(text) <= 90 else text[:87] + "..."
        per_row = 1e6 * s.seconds / max(s.rows, 1)
        print(f"{s.seconds:8.3f} {s.seconds / wall:6.1%} {s.calls:8,} {s.rows:8,} {per_row:8.1f}  {shown}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "trail",
        nargs="?",
        type=Path,
        default=DEFAULT_TRAIL,
        help="folder of gzipped log files (default %(default)s)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="replay's worker processes, 0 for none (default %(default)s)",
    )
    parser.add_argument(
        "--top", type=int, default=15, help="statements shown, the costliest first (default %(default)s)"
    )
    args = parser.parse_args()
    if not any(args.trail.rglob("*.json.gz")):
        raise SystemExit(f"no log files under {args.trail}; write one with benchmarks/bench_ingest.py first")
    environ = without_aws(os.environ)
    os.environ.clear()
    os.environ.update(environ)
    with tempfile.TemporaryDirectory() as work:
        wall, statements = profile(args.trail, args.workers, Path(work))
    report(wall, statements, args.top)


if __name__ == "__main__":
    main()
