"""SQLite's COMMIT itself fails (a full disk; here a file-size limit, EFBIG, which SQLite reports
as a disk I/O error). SQLite rolls the transaction back, and the unit cache must not keep what the
failed unit wrote. Run in a child process: the limit is process-wide."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

CHILD = textwrap.dedent(
    """
    import os, resource, signal, sys
    from tagwarden.adapters.store import open_store
    from tagwarden.core.ports.units import UnitDeferred
    from tests.adapters.store.builders import change
    path = sys.argv[1]
    store = open_store(f"sqlite:///{path}")
    with store.unit() as tx:  # the target is read: its history and current tags are kept
        assert tx.current_tags("arn:aws:s3:::b").values == {}
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    wal = os.path.getsize(path + "-wal")
    resource.setrlimit(resource.RLIMIT_FSIZE, (wal + 3 * 4096, resource.RLIM_INFINITY))
    try:
        with store.unit() as tx:
            tx.record_change(change("e1", set={"team": "red"}), 1.0)
            many = {f"k{i}": "x" * 200 for i in range(40)}
            tx.record_change(change("e2", target="arn:aws:s3:::big", set=many), 1.0)
    except UnitDeferred as exc:
        print("deferred:", exc)
    resource.setrlimit(resource.RLIMIT_FSIZE, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    assert not store._writer.in_transaction  # SQLite rolled the failed COMMIT back
    with store.unit() as tx:
        seen = tx.current_tags("arn:aws:s3:::b").values
    assert seen == {}, f"the next unit sees the rolled-back unit's tags: {seen}"
    assert open_store(f"sqlite:///{path}").current_tags("arn:aws:s3:::b").values == {}  # on disk: nothing
    """
)


def test_a_unit_whose_commit_fails_leaves_nothing_in_the_cache(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[3]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "state.db")],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
