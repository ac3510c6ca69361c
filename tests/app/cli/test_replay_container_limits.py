"""`tagwarden replay` in a container's limits, as real cgroups made for the test: it reads them from
its own cgroup. Limited to 300 MiB, `--workers 16` starts only the workers that fit and says so,
instead of being killed for memory; limited to one CPU, the default starts no worker at all."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tagwarden.adapters.sources.host_limits import MIB, workers_in
from tagwarden.adapters.sources.parallel import can_fork
from tests.builders.out_of_order_trail import write_replay_config, write_trail
from tests.cgroups import cpu_limited_cgroup, memory_limited_cgroup

ROOT = Path(__file__).resolve().parents[3]
LIMIT = 300 * MIB

pytestmark = pytest.mark.skipif(not can_fork(), reason="workers are forked")

Cgroup = tuple[Path, Callable[[], None]]


def _made(limited: contextlib.AbstractContextManager[Cgroup]) -> Iterator[Cgroup]:
    try:
        group = limited.__enter__()
    except OSError as exc:
        pytest.skip(f"this machine does not let the test make the cgroup: {exc}")
    yield group
    limited.__exit__(None, None, None)


@pytest.fixture
def memory_cgroup() -> Iterator[Cgroup]:
    yield from _made(memory_limited_cgroup(LIMIT))


@pytest.fixture
def one_cpu_cgroup() -> Iterator[Cgroup]:
    if len(os.sched_getaffinity(0)) < 2:
        pytest.skip("one CPU already: a CPU limit of one changes nothing here")
    yield from _made(cpu_limited_cgroup(1))


@dataclass
class Replayed:
    stdout: str
    code: int
    log: list[dict[str, Any]]
    most_processes: int  # seen in the cgroup at once: the replay and its workers


def _replay_in(cgroup: Cgroup, tmp_path: Path, *options: str, config: str = "") -> Replayed:
    group, enter = cgroup
    trail = tmp_path / "trail"
    write_trail(trail)
    write_replay_config(tmp_path, config)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "AWS_ENDPOINT_URL": "http://127.0.0.1:9"}
    env |= {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_MAX_ATTEMPTS": "1"}
    command = [sys.executable, "-m", "tagwarden", "replay", "--config", "tagwarden.yaml", "--quiet"]
    command += [*options, "--no-inventory", str(trail)]
    most = [0]
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            with contextlib.suppress(OSError):
                most[0] = max(most[0], len((group / "cgroup.procs").read_text().split()))
            done.wait(0.01)

    watcher = threading.Thread(target=watch)
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
    log = [json.loads(line) for line in run.stderr.splitlines() if line.startswith("{")]
    return Replayed(run.stdout, run.returncode, log, most[0])


def test_a_replay_in_a_memory_limited_cgroup_starts_only_the_workers_that_fit(
    tmp_path: Path, memory_cgroup: Cgroup
) -> None:
    replayed = _replay_in(memory_cgroup, tmp_path, "--workers", "16")
    reduced = [line for line in replayed.log if line.get("event") == "workers_reduced"]
    fits = workers_in(LIMIT)
    assert fits == 5  # (300 - 192) // 16, less room for a unit retried alone
    assert len(reduced) == 1, replayed.log
    assert reduced[0]["asked"] == 16 and reduced[0]["workers"] == fits
    assert "the memory limit is 300 MiB" in reduced[0]["detail"]
    assert "replayed" in replayed.stdout and replayed.code == 1  # the trail's one damaged file
    assert replayed.most_processes <= 1 + fits  # never 16 workers


def test_without_workers_a_replay_asks_for_the_configs_workers_then_fits_them_to_the_limit(
    tmp_path: Path, memory_cgroup: Cgroup
) -> None:
    # The daemon's config says 16: replay asks for the same (not the machine's CPUs), and the
    # memory limit holds it to 5 as for `run`.
    replayed = _replay_in(memory_cgroup, tmp_path, config="workers: 16\n")
    reduced = [line for line in replayed.log if line.get("event") == "workers_reduced"]
    assert [(line["asked"], line["workers"]) for line in reduced] == [(16, workers_in(LIMIT))]
    assert "replayed" in replayed.stdout and replayed.code == 1
    assert replayed.most_processes <= 1 + workers_in(LIMIT)


def test_a_replay_limited_to_one_cpu_starts_no_worker_by_default(
    tmp_path: Path, one_cpu_cgroup: Cgroup
) -> None:
    replayed = _replay_in(one_cpu_cgroup, tmp_path)
    assert "replayed" in replayed.stdout and replayed.code == 1
    assert replayed.most_processes == 1  # everything in the replay's own process
    assert not [line for line in replayed.log if line.get("event") == "workers_reduced"]


def test_a_replay_asked_for_one_worker_reads_in_one_worker_process_even_on_one_cpu(
    tmp_path: Path, one_cpu_cgroup: Cgroup
) -> None:
    replayed = _replay_in(one_cpu_cgroup, tmp_path, "--workers", "1")
    assert "replayed" in replayed.stdout and replayed.code == 1
    assert replayed.most_processes == 2  # the replay, and the one worker that reads for it
