"""The store's statement profile still runs on a small trail, and its table adds up: its times are
not checked (timing belongs to the run), what it counts is."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.run import BENCHMARKS, bench_output

_WRITE_TRAIL = (
    "import sys; from pathlib import Path; from trail_mix import write_trail; "
    "write_trail(Path(sys.argv[1]), 2000, 2)"
)


def _count(text: str) -> int:
    return int(text.replace(",", ""))


def test_each_statement_is_counted_once_with_its_rows(tmp_path: Path) -> None:
    trail = tmp_path / "trail"
    environ = {**os.environ, "PYTHONPATH": str(BENCHMARKS)}
    subprocess.run([sys.executable, "-c", _WRITE_TRAIL, str(trail)], check=True, timeout=120, env=environ)
    output = bench_output("profile_store.py", str(trail), "--workers", "0", "--top", "100")

    (findings,) = re.findall(r"replayed 2 file\(s\): 2000 records, (\d+) new finding\(s\)", output)
    total = re.search(r"in the store's SQL: ([\d.]+) s", output)
    assert total is not None
    rows = re.findall(r"^ *([\d.]+) +[\d.]+% +([\d,]+) +([\d,]+) +[\d.]+  (.+)$", output, re.M)
    by_statement = {text: (float(s), _count(c), _count(n)) for s, c, n, text in rows}
    assert len(by_statement) == len(rows) > 5  # each statement on one line
    # Every finding went through the one insert, as a row of its own (rows_of_each).
    (insert,) = [v for text, v in by_statement.items() if text.startswith("INSERT INTO findings ")]
    assert insert[2] >= int(findings) > 0
    # Chunked lookups are one statement whatever the length of their IN list.
    assert not any("IN (?, ?" in text for text in by_statement)
    assert any("IN (?, ...)" in text for text in by_statement)
    assert abs(sum(s for s, _, _ in by_statement.values()) - float(total.group(1))) < 0.02
