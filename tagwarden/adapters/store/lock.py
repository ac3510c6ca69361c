"""One writer per embedded store: the daemon holds an exclusive lock beside its SQLite file.

SQLite lets two processes write one file in turn, so two daemons on one file and one queue
would both judge and both push the outbox (each alert sent twice). The lock is an advisory
``flock`` on ``<file>.lock``, held for the daemon's life and dropped by the kernel when the
process ends, however it ends; the commands that read the store do not take it.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from typing import IO

from tagwarden.core.ports.store import StoreError
from tagwarden.core.settings.store_url import SQLITE_PREFIX


class StoreLock:
    def __init__(self, handle: IO[str] | None) -> None:
        self._handle = handle

    def release(self) -> None:
        if self._handle is not None:
            self._handle.close()  # closing the file drops the flock
            self._handle = None


def lock_store(url: str) -> StoreLock:
    """Take the store's writer lock, or raise StoreError naming the process that holds it."""
    path = url[len(SQLITE_PREFIX) :] if url.startswith(SQLITE_PREFIX) else ""
    if not path or path == ":memory:":
        return StoreLock(None)
    lock_path = Path(path + ".lock")
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = lock_path.open("a+")
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise StoreError(
            f"the store {path} is in use by another tagwarden daemon ({holder}); run one daemon per"
            " store (the manifests run one replica), or point store.url at another file"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"pid {os.getpid()}\n")
    handle.flush()
    return StoreLock(handle)
