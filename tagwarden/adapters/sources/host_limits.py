"""What the host lets tagwarden use, and how many worker processes fit in it.

The limits are those of the process's cgroup, which is how a container's CPU and memory limits
reach it: the cgroup named in /proc/self/cgroup and every ancestor of it (the tightest limit
wins), cgroup v2 first, then v1. Inside a container with its own cgroup namespace the path is
``/``; without one it is the host's path, which the container cannot see, so the mount point itself
is read last.

A worker count comes from the CPUs; then it is reduced, where the memory limit is known, to what
fits in it. Each worker is a forked process: the pages it shares with the daemon cost nothing, but
the objects it touches are copied, and it holds one unit's bytes at a time. Both figures below are
measured (docs/performance.md), then rounded up.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")
SELF_CGROUP = Path("/proc/self/cgroup")
NO_LIMIT = 1 << 60  # cgroup v1 writes "no limit" as the largest page-aligned signed 64-bit number
MIB = 1024 * 1024

# A replay of the 1M-record trail: the tree's PSS grew by 12 to 15 MiB per added worker, and the
# process that judges and commits peaked at 140 MiB RSS. The daemon's share leaves it room for
# its HTTP server, scheduler and caches.
WORKER_MIB = 16
DAEMON_MIB = 192


def cgroup_memberships(proc: Path = SELF_CGROUP) -> list[tuple[list[str], str]]:
    """(controllers, path) of each line of /proc/self/cgroup; v2's line has no controllers."""
    try:
        text = proc.read_text()
    except OSError:
        return []
    lines = []
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3:
            lines.append(([name for name in parts[1].split(",") if name], parts[2]))
    return lines


def _up_from(base: Path, path: str) -> Iterator[Path]:
    """``base``/``path``, then each of its parents down to ``base`` itself."""
    parts = [part for part in path.split("/") if part and part not in (".", "..")]
    for depth in range(len(parts), -1, -1):
        yield base.joinpath(*parts[:depth])


def cgroup_dirs(controller: str, root: Path = CGROUP_ROOT, proc: Path = SELF_CGROUP) -> list[Path]:
    """The directories whose limits bind this process for ``controller``: v2's (the unified
    hierarchy at ``root``) and v1's (``root``/``controller``), each from the own cgroup upwards."""
    v2: list[Path] = []
    v1: list[Path] = []
    for controllers, path in cgroup_memberships(proc) or [([], "/"), ([controller], "/")]:
        if not controllers:
            v2 = list(_up_from(root, path))
        elif controller in controllers:
            v1 = list(_up_from(root / controller, path))
    return v2 + v1


def _read(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


def _number(text: str | None) -> int | None:
    try:
        return int(text) if text is not None else None
    except ValueError:
        return None


def cgroup_memory_limit(root: Path = CGROUP_ROOT, proc: Path = SELF_CGROUP) -> int | None:
    """The memory this process's cgroup may use, in bytes (v2 ``memory.max``, v1
    ``memory.limit_in_bytes``), or None where nothing limits it."""
    limits: list[int] = []
    for directory in cgroup_dirs("memory", root, proc):
        for name in ("memory.max", "memory.limit_in_bytes"):
            value = _number(_read(directory / name))  # "max" (v2's no limit) reads as None
            if value is not None and 0 < value < NO_LIMIT:
                limits.append(value)
    return min(limits) if limits else None


def cgroup_cpu_quota(root: Path = CGROUP_ROOT, proc: Path = SELF_CGROUP) -> float | None:
    """The CPUs this process's cgroup may use (v2 ``cpu.max``, v1's CFS quota), or None."""
    quotas: list[float] = []
    for directory in cgroup_dirs("cpu", root, proc):
        fields = (_read(directory / "cpu.max") or "").split()
        if len(fields) == 2:
            limit, every = _number(fields[0]), _number(fields[1])
        else:
            limit = _number(_read(directory / "cpu.cfs_quota_us"))
            every = _number(_read(directory / "cpu.cfs_period_us"))
        if limit is not None and every is not None and limit > 0 and every > 0:
            quotas.append(limit / every)
    return min(quotas) if quotas else None


def available_cpus(root: Path = CGROUP_ROOT, proc: Path = SELF_CGROUP) -> int:
    """The CPUs this process may use: its CPU affinity, capped by its cgroup's CPU limit (a pod
    limited to one CPU on a 64-CPU node gets one, not 64)."""
    try:
        count = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        count = os.cpu_count() or 1
    quota = cgroup_cpu_quota(root, proc)
    if quota is not None:
        count = min(count, math.ceil(quota))
    return max(1, count)


@dataclass(frozen=True, slots=True)
class WorkerPlan:
    """How many workers to start: ``asked``, or fewer where ``memory_limit`` (bytes) holds fewer."""

    workers: int
    asked: int
    memory_limit: int | None

    @property
    def reduced(self) -> bool:
        return self.workers < self.asked

    def explain(self) -> str:
        limit = (self.memory_limit or 0) // MIB
        started = f"{self.workers} started" if self.workers else "none started (all in the daemon's process)"
        return (
            f"{self.asked} workers asked, {started}: the memory limit is {limit} MiB, "
            f"the daemon takes about {DAEMON_MIB} MiB and each worker about {WORKER_MIB} MiB, "
            "with room for one more (a unit retried alone). "
            "Raise the container's memory limit to run more."
        )


def workers_in(memory_limit: int | None) -> int | None:
    """The most workers that fit in ``memory_limit`` bytes beside the daemon (0: none, everything
    in the daemon's process); None without a limit. Room is left for one more process: a unit
    whose worker died is tried again in a process of its own, while the pool goes on."""
    if memory_limit is None:
        return None
    return max(0, (memory_limit // MIB - DAEMON_MIB) // WORKER_MIB - 1)


def plan_workers(asked: int, memory_limit: int | None) -> WorkerPlan:
    """``asked`` workers, reduced to what ``memory_limit`` holds (0: everything in one process)."""
    fits = workers_in(memory_limit)
    return WorkerPlan(asked if fits is None else min(asked, fits), asked, memory_limit)
