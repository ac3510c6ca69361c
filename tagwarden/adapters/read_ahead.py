"""Reading objects ahead of the one asked for, in a few threads, when the order they will be asked
in is known.

The integrity check reads every S3 object its window holds that no earlier check kept: on its
first run for an organization, hundreds of thousands of log files and digests. One at a time,
each waits out a round trip to S3 (tens of milliseconds where a small object's transfer takes
less): the check's time was the sum of the latencies. ``ReadAhead`` keeps up to ``depth`` reads
under way in ``threads`` threads while the caller goes through the answers in its own order, one
at a time, as before: the same answers, an exception where it would have come, in the same order.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)  # what a read is asked by: a key, a path, a folder
T = TypeVar("T")


class ReadAhead(Generic[K, T]):
    """``read``, called for the keys ``announce``d up to ``depth`` ahead of the one asked for. A key
    asked out of turn (not next among those announced) is read in the caller, as is every key with
    ``threads`` at 1; a read's exception is raised where its key is asked for. Use as a context
    manager: leaving it drops the reads not yet started and waits for those under way."""

    def __init__(self, read: Callable[[K], T], threads: int, depth: int | None = None) -> None:
        self._read = read
        self._threads = max(threads, 1)
        self._depth = depth if depth is not None else 2 * self._threads
        self._pool: ThreadPoolExecutor | None = None
        self._coming: Iterator[K] = iter(())
        self._under_way: deque[tuple[K, Future[T]]] = deque()
        self.asked_in_turn = 0  # answers taken from a read made ahead

    def __enter__(self) -> ReadAhead[K, T]:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def announce(self, keys: Iterable[K]) -> None:
        """The keys about to be asked for, in order; replaces what was announced before."""
        self._drop_under_way()
        self._coming = iter(keys)

    def __call__(self, key: K) -> T:
        if self._threads <= 1:
            return self._read(key)
        self._fill()
        while self._under_way and self._under_way[0][0] != key and self._is_under_way(key):
            self._under_way.popleft()[1].cancel()  # announced and never asked for: not waited on
        if not self._under_way or self._under_way[0][0] != key:
            return self._read(key)
        _, future = self._under_way.popleft()
        self._fill()
        self.asked_in_turn += 1
        return future.result()

    def close(self) -> None:
        self._coming = iter(())
        self._drop_under_way()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def _is_under_way(self, key: K) -> bool:
        return any(waiting == key for waiting, _ in self._under_way)

    def _fill(self) -> None:
        while len(self._under_way) < self._depth:
            key = next(self._coming, None)
            if key is None:
                return
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self._threads, thread_name_prefix="read-ahead")
            self._under_way.append((key, self._pool.submit(self._read, key)))

    def _drop_under_way(self) -> None:
        while self._under_way:
            self._under_way.popleft()[1].cancel()
