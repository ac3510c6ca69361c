"""Worker deaths under prepared_in_order: a broken pool leaves no process behind, and a unit alone
in a poll that kills its reader does not kill the daemon."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.sources.parallel import PreparePool, WorkerDied, can_fork, prepared_in_order
from tagwarden.core.normalize import Normalizer
from tagwarden.core.ports.units import PreparedUnit
from tests.adapters.sources.named_preparer import NamedPreparer
from tests.faults.builders import Wired, self_retag

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked")


def _new_children(earlier: set[multiprocessing.Process]) -> list[multiprocessing.Process]:
    return [process for process in multiprocessing.active_children() if process not in earlier]


def test_the_other_workers_of_a_broken_pool_do_not_outlive_it(tmp_path: Path) -> None:
    # die kills its worker while slow-big is in the other one, which ignores the pool's SIGTERM.
    pool = PreparePool(NamedPreparer(), 2)  # type: ignore[arg-type]
    left: list[multiprocessing.Process] = []
    earlier = set(multiprocessing.active_children())  # another test's, if one left any
    try:
        jobs = [tmp_path / "a-slow-big.json", tmp_path / "b-die.json"]
        got = [ready for _, ready in prepared_in_order(pool, jobs, lambda p: p, lambda p: None)]  # type: ignore[arg-type]
        assert isinstance(got[0], PreparedUnit) and isinstance(got[1], WorkerDied)
        pool.close()
        deadline = time.monotonic() + 5
        while (left := _new_children(earlier)) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert left == [], f"worker processes alive after close: {[p.pid for p in left]}"
    finally:
        for process in left:  # so that pytest itself can exit
            os.kill(process.pid, signal.SIGKILL)


def test_a_unit_retried_beside_another_that_kills_its_worker_is_not_blamed(tmp_path: Path) -> None:
    # b-die breaks the pool a-slow runs in at once; a-slow is tried again (for 3 s) while e-die,
    # read ahead and handed over half a second later, kills the worker it is given. Only the
    # units that kill their worker fail.
    names = ["a-slow", "b-die", "c", "d", "e-die", "f"]

    def work(path: Path) -> Path:
        if "e-die" in path.name:
            time.sleep(0.5)
        return path

    pool = PreparePool(NamedPreparer(), 2)  # type: ignore[arg-type]
    try:
        jobs = [tmp_path / f"{name}.json" for name in names]
        got = [ready for _, ready in prepared_in_order(pool, jobs, work, lambda p: None)]  # type: ignore[arg-type]
    finally:
        pool.close()
    assert [type(ready).__name__ for ready in got] == [
        "WorkerDied" if "die" in name else "PreparedUnit" for name in names
    ]


def test_a_unit_alone_is_forked_while_no_other_thread_forks(tmp_path: Path) -> None:
    # A child forked by another thread between this fork's pipe and its close holds the pipe that
    # tells the lone worker's death open: the death goes unseen, and the unit waits for ever (seen
    # once in CI, as the pool's next workers were started beside a lone retry). The pool forks
    # under its lock, so the lone worker must be forked under it too.
    pool = PreparePool(NamedPreparer(), 2)  # type: ignore[arg-type]
    try:
        with pool.alone() as submit:
            done = threading.Event()

            def prepare() -> None:
                submit(tmp_path / "lone.json").result(timeout=30)
                done.set()

            with pool._lock:  # as PreparePool.submit holds it while its pool forks
                preparing = threading.Thread(target=prepare, daemon=True)
                preparing.start()
                forked_meanwhile = done.wait(1.0)
            preparing.join(timeout=30)
        assert not forked_meanwhile and done.is_set()
    finally:
        pool.close()


class _Poisoned(Normalizer):
    def normalize(self, record: dict[str, Any]) -> Any:
        if record.get("eventID") == "dies":
            os._exit(3)  # a crash in an extension, the OOM killer: whichever process reads it
        return super().normalize(record)


def _two_polls(db: Path, logs: Path, failed: Any) -> None:
    wired = Wired(db, _Poisoned(), workers=2)
    try:
        source = wired.files(logs, quarantine_after=3)
        failed[0] = source.poll(threading.Event()).failed_units  # good and poisoned: the poisoned fails
        failed[1] = source.poll(threading.Event()).failed_units  # the poisoned alone: it fails again
    finally:
        wired.close()


def test_a_poisoned_file_alone_in_a_poll_fails_in_a_worker_not_the_daemon(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.json").write_text(json.dumps({"Records": [self_retag("fine")]}))
    (logs / "b.json").write_text(json.dumps({"Records": [self_retag("dies", second=1)]}))
    context = multiprocessing.get_context("fork")
    failed = context.Array("i", [-1, -1])
    daemon = context.Process(target=_two_polls, args=(tmp_path / "state.db", logs, failed))
    daemon.start()
    daemon.join(60)
    assert (daemon.exitcode, list(failed)) == (0, [1, 1])
