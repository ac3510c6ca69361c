"""`tagwarden replay --workers N`: the same findings and tag history whatever N, on a trail whose
files arrive out of order (tests/builders/out_of_order_trail.py)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.sources.parallel import PreparePool, can_fork, prepared_in_order
from tagwarden.app.cli.main import main
from tagwarden.core.normalize import Normalizer
from tagwarden.core.ports.units import PreparedUnit, UnitResult
from tests.builders.out_of_order_trail import findings_and_history, write_replay_config, write_trail


def _replay(tmp: Path, trail: Path, workers: int, capsys: pytest.CaptureFixture[str]) -> tuple[Any, ...]:
    run = tmp / f"run-{workers}"
    run.mkdir()
    config = write_replay_config(run)
    code = main(["replay", "--config", str(config), "--quiet", "--workers", str(workers), str(trail)])
    out = capsys.readouterr().out
    findings, history = findings_and_history(run / "state.db")
    # Every finding it logged is marked reported by the end: a daemon later sharing the store
    # must not report them again from the outbox.
    with sqlite3.connect(run / "state.db") as conn:
        unreported = conn.execute("SELECT COUNT(*) FROM deliveries WHERE status = 'pending'").fetchone()[0]
    return code, out, findings, history, unreported


@pytest.mark.usefixtures("no_aws")
def test_no_one_and_several_workers_give_the_same_findings_and_history(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    trail = tmp_path / "trail"
    write_trail(trail)
    alone = _replay(tmp_path, trail, 0, capsys)
    one = _replay(tmp_path, trail, 1, capsys)
    three = _replay(tmp_path, trail, 3, capsys)
    assert alone == one == three
    code, out, findings, history, unreported = alone
    assert unreported == 0
    assert code == 1 and "1 unreadable file(s)" in out  # the damaged file, reported alike
    kinds = {(kind, new) for _, kind, _, _, _, new, _ in findings}
    assert ("session_tag", "red") in kinds and ("unauthorized_writer", "green") in kinds
    assert {row[4] for row in history if row[0] == "arn:aws:s3:::b1"} >= {"red", "blue", "green"}


def _slow_then_fast(job: int) -> PreparedUnit:
    return PreparedUnit(UnitResult(records=job), [])


@pytest.mark.skipif(not can_fork(), reason="workers are forked")
def test_prepared_units_come_back_in_the_order_given(tmp_path: Path) -> None:
    big = tmp_path / "big.json"
    big.write_text(
        json.dumps({"Records": [{"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}] * 20000})
    )
    small = tmp_path / "small.json"
    small.write_text(json.dumps({"Records": [{"eventSource": "s3.amazonaws.com", "eventName": "GetObject"}]}))
    paths = [big, small, small, None, big, small]

    class Preparer:
        record_filter = Normalizer()

        def prepare(self, items: Any) -> PreparedUnit:
            records = sum(getattr(i, "count", 1) for i in items)
            return PreparedUnit(UnitResult(records=records), [])

    here = []
    pool = PreparePool(Preparer(), 3)  # type: ignore[arg-type]
    try:
        got = [
            (job, unit.result.records)  # type: ignore[union-attr]
            for job, unit in prepared_in_order(
                pool,
                list(range(len(paths))),
                lambda i: paths[i],
                lambda i: here.append(i) or _slow_then_fast(-1),
            )
        ]
    finally:
        pool.close()
    assert got == [(0, 20000), (1, 1), (2, 1), (3, -1), (4, 20000), (5, 1)]
    assert here == [3]  # the job without a local path is prepared in this process


@pytest.mark.parametrize("given", ["-1", "65", "two"])
def test_a_worker_count_out_of_range_is_refused_with_the_range(
    given: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["replay", "--config", "tagwarden.yaml", "--workers", given, "trail"])
    assert exited.value.code == 2
    assert f"{given!r} is not a number of workers (0 to 64)" in capsys.readouterr().err
