"""prepared_in_order and the worker pool: what comes back when the daemon stops while a unit is
in a worker, and exceptions that cannot travel back as they are."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.sources.parallel import PreparePool, can_fork, prepared_in_order
from tagwarden.core.normalize import Normalizer
from tagwarden.core.ports.units import PreparedUnit, UnitDeferred, UnitResult

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked")


class _Unpicklable(Exception):
    def __init__(self, what: str, why: str) -> None:
        super().__init__(f"{what}: {why}")  # args no longer match the constructor


class _Preparer:
    """Prepares in a worker: slow for a file named slow, failing for one named fails."""

    record_filter = Normalizer()

    def prepare(self, items: Any) -> PreparedUnit:
        records = list(items)
        name = getattr(records[-1], "detail", "") if records else ""
        if "fails" in name:
            raise _Unpicklable("a bug", "in a worker")
        if "slow" in name:
            time.sleep(30)
        return PreparedUnit(UnitResult(records=len(records)), [])


def _files(tmp: Path, *names: str) -> list[Path]:
    """Paths that do not exist: reading them gives one ReadProblem naming the path."""
    return [tmp / name for name in names]


def _run(pool: PreparePool, paths: list[Path], abandon: threading.Event | None = None) -> list[Any]:
    return [ready for _, ready in prepared_in_order(pool, paths, lambda p: p, lambda p: None, abandon)]  # type: ignore[arg-type, return-value]


def test_a_unit_in_a_worker_when_the_daemon_gives_up_waiting_is_deferred_not_failed(tmp_path: Path) -> None:
    pool = PreparePool(_Preparer(), 2)  # type: ignore[arg-type]
    abandon = threading.Event()
    threading.Timer(0.5, abandon.set).start()
    started = time.monotonic()
    try:
        ready, _ = _run(pool, _files(tmp_path, "slow.json", "next.json"), abandon)
    finally:
        pool.close()
    assert isinstance(ready, UnitDeferred) and ready.reason == "stopping"
    assert time.monotonic() - started < 10


def test_closing_the_pool_under_a_waiting_unit_defers_it(tmp_path: Path) -> None:
    pool = PreparePool(_Preparer(), 2)  # type: ignore[arg-type]
    threading.Timer(0.5, pool.close).start()
    started = time.monotonic()
    ready, _ = _run(pool, _files(tmp_path, "slow.json", "next.json"))
    assert isinstance(ready, UnitDeferred) and ready.reason == "stopping"
    assert time.monotonic() - started < 10
    with pytest.raises(UnitDeferred):
        pool.submit(tmp_path / "after.json")


def test_an_exception_that_cannot_travel_back_keeps_its_name_and_message(tmp_path: Path) -> None:
    (tmp_path / "ok.json").write_text(json.dumps({"Records": []}))
    pool = PreparePool(_Preparer(), 2)  # type: ignore[arg-type]
    try:
        failed, fine = _run(pool, [*_files(tmp_path, "fails.json"), tmp_path / "ok.json"])
    finally:
        pool.close()
    assert isinstance(failed, RuntimeError) and str(failed) == "_Unpicklable: a bug: in a worker"
    assert isinstance(fine, PreparedUnit)


def test_a_single_unit_is_prepared_in_a_worker_too(tmp_path: Path) -> None:
    # Alone in a poll, a unit that kills the process reading it must not kill the daemon.
    pool = PreparePool(_Preparer(), 2)  # type: ignore[arg-type]
    here: list[Path] = []
    try:
        got = list(prepared_in_order(pool, [tmp_path / "a.json"], lambda p: p, lambda p: here.append(p) or p))  # type: ignore[func-returns-value]
    finally:
        pool.close()
    assert here == [] and isinstance(got[0][1], PreparedUnit)
