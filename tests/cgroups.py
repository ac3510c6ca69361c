"""A memory-limited cgroup for a test's child process, made under the test's own cgroup (v1's
memory hierarchy, or v2's unified one), as a container runtime makes one for a container."""

from __future__ import annotations

import contextlib
import os
import subprocess
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from tagwarden.adapters.sources.host_limits import CGROUP_ROOT, SELF_CGROUP


def _own_memory_cgroup() -> Path | None:
    try:
        lines = SELF_CGROUP.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if "memory" in controllers.split(","):
            return CGROUP_ROOT / "memory" / path.lstrip("/")
    for line in lines:
        _, controllers, path = line.split(":", 2)
        if not controllers and "memory" in _read(CGROUP_ROOT / path.lstrip("/") / "cgroup.subtree_control"):
            return CGROUP_ROOT / path.lstrip("/")
    return None


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError:
        return ""


@contextlib.contextmanager
def memory_limited_cgroup(limit_bytes: int) -> Iterator[tuple[Path, Callable[[], None]]]:
    """(the cgroup's directory, a ``preexec_fn`` that moves the child into it); raises OSError
    where this machine does not let the test make one."""
    parent = _own_memory_cgroup()
    if parent is None or not parent.is_dir():
        raise OSError("no memory cgroup of this process to make a child cgroup under")
    group = parent / f"tagwarden-test-{uuid.uuid4().hex[:8]}"
    group.mkdir()
    try:
        limit_file = group / "memory.max"
        if not limit_file.exists():
            limit_file = group / "memory.limit_in_bytes"
        limit_file.write_text(str(limit_bytes))
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
