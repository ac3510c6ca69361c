"""`tagwarden replay --workers 16` in a container limited to 300 MiB: it reads the limit from its
own cgroup and starts only the workers that fit, saying so, instead of being killed for memory."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tagwarden.adapters.sources.host_limits import MIB, workers_in
from tagwarden.adapters.sources.parallel import can_fork
from tests.builders.out_of_order_trail import POLICY, write_trail
from tests.cgroups import memory_limited_cgroup

ROOT = Path(__file__).resolve().parents[3]


LIMIT = 300 * MIB


@pytest.fixture
def cgroup() -> Iterator[tuple[Path, Callable[[], None]]]:
    made = memory_limited_cgroup(LIMIT)
    try:
        group = made.__enter__()
    except OSError as exc:
        pytest.skip(f"this machine does not let the test make a memory cgroup: {exc}")
    yield group
    made.__exit__(None, None, None)


def _watch_processes(group: Path, done: threading.Event, most: list[int]) -> None:
    while not done.is_set():
        with contextlib.suppress(OSError):
            most[0] = max(most[0], len((group / "cgroup.procs").read_text().split()))
        done.wait(0.01)


@pytest.mark.skipif(not can_fork(), reason="workers are forked")
def test_a_replay_in_a_memory_limited_cgroup_starts_only_the_workers_that_fit(
    tmp_path: Path, cgroup: tuple[Path, Callable[[], None]]
) -> None:
    group, enter = cgroup
    trail = tmp_path / "trail"
    write_trail(trail)
    (tmp_path / "policy.yaml").write_text(POLICY)
    (tmp_path / "tagwarden.yaml").write_text(
        'policy: policy.yaml\nstore: {url: "sqlite:///state.db"}\nsources: []\naws: {max_attempts: 1}\n'
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AWS_ENDPOINT_URL": "http://127.0.0.1:9"}
    env |= {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_MAX_ATTEMPTS": "1"}
    command = [sys.executable, "-m", "tagwarden", "replay", "--config", "tagwarden.yaml", "--quiet"]
    command += ["--workers", "16", "--no-inventory", str(trail)]
    most = [0]
    done = threading.Event()
    watcher = threading.Thread(target=_watch_processes, args=(group, done, most))
    watcher.start()
    try:
        run = subprocess.run(
            command,
            check=False,
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            preexec_fn=enter,
        )
    finally:
        done.set()
        watcher.join()

    lines = [json.loads(line) for line in run.stderr.splitlines() if line.startswith("{")]
    reduced = [line for line in lines if line.get("event") == "workers_reduced"]
    fits = workers_in(LIMIT)
    assert fits == 6
    assert len(reduced) == 1, run.stderr
    assert reduced[0]["asked"] == 16 and reduced[0]["workers"] == fits
    assert "the memory limit is 300 MiB" in reduced[0]["detail"]
    assert "replayed" in run.stdout and run.returncode == 1  # the trail's one damaged file
    assert most[0] <= 1 + fits  # the replay and its workers, never 16 of them
