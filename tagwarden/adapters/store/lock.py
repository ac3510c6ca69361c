"""One writer per embedded store: the daemon holds an exclusive lock beside its SQLite file.

SQLite lets two processes write one file in turn, so two daemons on one file and one queue
would both judge and both push the outbox (each alert sent twice). The lock is an advisory
``flock`` on ``<file>.lock``, held for the daemon's life and dropped by the kernel when the
process ends, however it ends; the commands that read the store do not take it.

A process forked from the daemon (a worker that reads log files) would hold a copy of the lock's
descriptor, and the kernel keeps a flock while any copy is open: a worker outliving a killed
daemon by a second would refuse the restarted one. So every child's copy is pointed at
/dev/null as it is forked; the daemon's own lock stands.
"""

from __future__ import annotations

import fcntl
import os
import weakref
from pathlib import Path
from typing import IO

from tagwarden.core.ports.store import StoreError
from tagwarden.core.settings.store_url import sqlite_file

# The locks this process holds, as objects: a number alone would outlive a lock dropped without
# release() (its file closed by the collector), and the child would then point whatever file has
# reused that number (a subprocess's stdout) at /dev/null.
_HELD: weakref.WeakSet[StoreLock] = weakref.WeakSet()


def _drop_in_child() -> None:
    handles = [lock.handle for lock in list(_HELD) if lock.handle is not None and not lock.handle.closed]
    if not handles:
        return
    null = os.open(os.devnull, os.O_RDONLY)
    for handle in handles:
        os.dup2(null, handle.fileno())  # not close(): the child's file object still owns the number
    os.close(null)
    _HELD.clear()


os.register_at_fork(after_in_child=_drop_in_child)


class StoreLock:
    def __init__(self, handle: IO[str] | None) -> None:
        self.handle = handle
        if handle is not None:
            _HELD.add(self)

    def release(self) -> None:
        if self.handle is not None:
            _HELD.discard(self)
            self.handle.close()  # closing the file drops the flock
            self.handle = None


def make_folder_of(path: str) -> None:
    """The folder a SQLite store's files go in, made if need be; StoreError saying what to change."""
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"cannot make the folder of SQLite store {path}: {exc.strerror} ({exc.filename}); "
            "set store.url to a file in a folder tagwarden may write"
        ) from None


def lock_store(url: str) -> StoreLock:
    """Take the store's writer lock, or raise StoreError naming the process that holds it."""
    path = sqlite_file(url)
    if path is None:
        return StoreLock(None)
    lock_path = Path(path + ".lock")
    make_folder_of(path)
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
