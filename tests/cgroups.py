"""A cgroup with a memory or CPU limit for a test's child process, made under the test's own cgroup
(v1's hierarchy of the controller, or v2's unified one), as a container runtime makes one for a
container."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from tagwarden.adapters.sources.host_limits import CGROUP_ROOT, cgroup_memberships


def _own_cgroup(controller: str) -> tuple[Path, bool] | None:
    """The process's own cgroup directory for ``controller``, and whether it is v2's."""
    memberships = cgroup_memberships()
    for controllers, path in memberships:
        if controller in controllers:
            return CGROUP_ROOT / controller / path.lstrip("/"), False
    for controllers, path in memberships:
        own = CGROUP_ROOT / path.lstrip("/")
        if not controllers and controller in _read(own / "cgroup.subtree_control").split():
            return own, True
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


@contextlib.contextmanager
def limited_cgroup(
    controller: str, v2: dict[str, str], v1: dict[str, str]
) -> Iterator[tuple[Path, Callable[[], None]]]:
    """A child cgroup with the ``v2`` or ``v1`` limit files written (in the order given): (its
    directory, a ``preexec_fn`` that moves the child into it). Raises OSError where this machine
    does not let the test make one."""
    own = _own_cgroup(controller)
    if own is None or not own[0].is_dir():
        raise OSError(f"no {controller} cgroup of this process to make a child cgroup under")
    group = own[0] / f"tagwarden-test-{uuid.uuid4().hex[:8]}"
    group.mkdir()
    try:
        for name, value in (v2 if own[1] else v1).items():
            (group / name).write_text(value)
        procs = group / "cgroup.procs"

        def enter() -> None:
            procs.write_text(str(os.getpid()))

        try:  # some hosts let a cgroup be made but no process be moved into it
            subprocess.run(["true"], check=True, preexec_fn=enter)
        except (subprocess.SubprocessError, OSError) as exc:
            raise OSError(f"a process cannot be moved into {group}: {exc}") from exc
        yield group, enter
    finally:
        for _ in range(50):  # the processes in it must have left before it can be removed
            with contextlib.suppress(OSError):
                group.rmdir()
                break
            time.sleep(0.1)


def memory_limited_cgroup(
    limit_bytes: int,
) -> contextlib.AbstractContextManager[tuple[Path, Callable[[], None]]]:
    return limited_cgroup(
        "memory", {"memory.max": str(limit_bytes)}, {"memory.limit_in_bytes": str(limit_bytes)}
    )


def cpu_limited_cgroup(cpus: int) -> contextlib.AbstractContextManager[tuple[Path, Callable[[], None]]]:
    quota, period = cpus * 100_000, 100_000
    return limited_cgroup(
        "cpu",
        {"cpu.max": f"{quota} {period}"},
        {"cpu.cfs_period_us": str(period), "cpu.cfs_quota_us": str(quota)},
    )
