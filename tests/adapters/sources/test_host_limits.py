"""The CPUs and memory a cgroup gives the process, and the worker count that fits in them.

The cgroup trees here are written to a temporary directory, laid out as the kernel lays out
/sys/fs/cgroup, with the /proc/self/cgroup text that points into them. A test at the end runs a
real replay inside a real memory-limited cgroup where the machine allows one."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters.sources.host_limits import (
    DAEMON_MIB,
    MIB,
    NO_LIMIT,
    WORKER_MIB,
    available_cpus,
    cgroup_cpu_quota,
    cgroup_dirs,
    cgroup_memory_limit,
    plan_workers,
)
from tagwarden.app.wiring import worker_count

V2_ONLY = "0::/kubepods/pod1/ctr\n"
V1 = "4:memory:/kubepods/pod1/ctr\n2:cpu,cpuacct:/kubepods/pod1/ctr\n0::/\n"


def tree(root: Path, proc_text: str, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    proc = root.parent / "proc-self-cgroup"
    proc.write_text(proc_text)
    return proc


def test_the_directories_run_from_the_own_cgroup_up_to_the_mount_point(tmp_path: Path) -> None:
    proc = tree(tmp_path / "cg", V1, {})
    base = tmp_path / "cg"
    assert cgroup_dirs("memory", base, proc) == [
        base,  # v2's line: "/"
        base / "memory/kubepods/pod1/ctr",
        base / "memory/kubepods/pod1",
        base / "memory/kubepods",
        base / "memory",
    ]
    assert cgroup_dirs("cpu", base, proc)[1] == base / "cpu/kubepods/pod1/ctr"  # "cpu,cpuacct"
    assert cgroup_dirs("memory", base, tmp_path / "missing") == [base, base / "memory"]


@pytest.mark.parametrize(
    ("proc_text", "files", "limit"),
    [
        (V2_ONLY, {"kubepods/pod1/ctr/memory.max": f"{512 * MIB}\n"}, 512 * MIB),
        (V2_ONLY, {"kubepods/pod1/ctr/memory.max": "max\n"}, None),
        # A tighter limit on the pod holds its containers too.
        (
            V2_ONLY,
            {"kubepods/pod1/ctr/memory.max": "max\n", "kubepods/pod1/memory.max": f"{300 * MIB}\n"},
            300 * MIB,
        ),
        # Without a cgroup namespace the path is the host's, not there inside: the mount point is.
        ("0::/system.slice/docker-abc.scope\n", {"memory.max": f"{256 * MIB}\n"}, 256 * MIB),
        (V1, {"memory/kubepods/pod1/ctr/memory.limit_in_bytes": f"{400 * MIB}\n"}, 400 * MIB),
        (V1, {"memory/memory.limit_in_bytes": f"{NO_LIMIT + 4096 * 1000}\n"}, None),
        (V1, {"memory/memory.limit_in_bytes": "9223372036854771712\n"}, None),
        (V1, {}, None),
        (V2_ONLY, {"kubepods/pod1/ctr/memory.max": "garbage\n"}, None),
    ],
)
def test_the_memory_limit_is_the_tightest_one_that_binds_the_process(
    tmp_path: Path, proc_text: str, files: dict[str, str], limit: int | None
) -> None:
    proc = tree(tmp_path / "cg", proc_text, files)
    assert cgroup_memory_limit(tmp_path / "cg", proc) == limit


@pytest.mark.parametrize(
    ("proc_text", "files", "quota"),
    [
        (V2_ONLY, {"kubepods/pod1/ctr/cpu.max": "100000 100000\n"}, 1.0),
        (V2_ONLY, {"kubepods/pod1/ctr/cpu.max": "150000 100000\n"}, 1.5),
        (V2_ONLY, {"kubepods/pod1/ctr/cpu.max": "max 100000\n"}, None),
        ("0::/\n", {"cpu.max": "200000 100000\n"}, 2.0),
        (
            V1,
            {
                "cpu/kubepods/pod1/cpu.cfs_quota_us": "50000\n",
                "cpu/kubepods/pod1/cpu.cfs_period_us": "100000\n",
            },
            0.5,
        ),
        (V1, {"cpu/cpu.cfs_quota_us": "-1\n", "cpu/cpu.cfs_period_us": "100000\n"}, None),
        (V1, {}, None),
    ],
)
def test_the_cpu_quota_is_read_from_v2_or_v1(
    tmp_path: Path, proc_text: str, files: dict[str, str], quota: float | None
) -> None:
    proc = tree(tmp_path / "cg", proc_text, files)
    assert cgroup_cpu_quota(tmp_path / "cg", proc) == quota
    usable = len(os.sched_getaffinity(0))
    expected = min(usable, math.ceil(quota)) if quota else usable
    assert available_cpus(tmp_path / "cg", proc) == expected


@given(asked=st.integers(0, 64), limit_mib=st.one_of(st.none(), st.integers(0, 8192)))
def test_the_workers_started_fit_in_the_memory_limit_and_no_more_would(
    asked: int, limit_mib: int | None
) -> None:
    plan = plan_workers(asked, None if limit_mib is None else limit_mib * MIB)
    assert 0 <= plan.workers <= asked and plan.asked == asked
    if limit_mib is None:
        assert plan.workers == asked and not plan.reduced
        return
    # With room for a unit's retry in a process of its own, beside the pool.
    if plan.workers > 0:  # no workers is no pool: everything runs in the daemon's process
        assert DAEMON_MIB + (plan.workers + 1) * WORKER_MIB <= limit_mib
    if plan.reduced:
        assert DAEMON_MIB + (plan.workers + 2) * WORKER_MIB > limit_mib


class Warnings:
    def __init__(self) -> None:
        self.lines: list[tuple[str, dict[str, object]]] = []

    def warning(self, event: str, **fields: object) -> None:
        self.lines.append((event, fields))


def test_fewer_workers_are_started_with_a_warning_that_says_why_and_what_to_do() -> None:
    log = Warnings()
    assert worker_count(16, log, 300 * MIB) == 5
    ((event, fields),) = log.lines
    assert event == "workers_reduced" and fields["asked"] == 16 and fields["workers"] == 5
    detail = str(fields["detail"])
    assert "memory limit is 300 MiB" in detail and "Raise the container's memory limit" in detail
    quiet = Warnings()
    assert worker_count(4, quiet, 512 * MIB) == 4 and worker_count(8, quiet, None) == 8
    assert quiet.lines == []


def test_a_limit_too_small_for_any_worker_leaves_the_reading_in_the_daemon_and_says_so() -> None:
    log = Warnings()
    assert worker_count(2, log, (DAEMON_MIB + WORKER_MIB) * MIB) == 0
    ((event, fields),) = log.lines
    assert event == "workers_reduced" and fields["workers"] == 0
    assert "none started (all in the daemon's process)" in str(fields["detail"])
    assert worker_count(0, log, (DAEMON_MIB + WORKER_MIB) * MIB) == 0 and len(log.lines) == 1
