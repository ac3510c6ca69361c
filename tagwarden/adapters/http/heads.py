"""Reads each connection's request head (request line and headers) before it takes a worker.

A worker is a thread; a connection that says nothing, or trickles its request a byte at a time,
would hold one for the whole client timeout, and a few hundred of them would leave a health
probe no worker and no place in the queue. Here one thread watches every connection whose head
has not fully arrived (a selector: a file descriptor and a small buffer each), drops the ones
whose head takes longer than the timeout, and hands each complete head to ``ready``. Past
``max_pending`` such connections the oldest is dropped for the newest: a probe that sends its
request at once gets through a flood of idle connections, and the flood cannot take every file
descriptor of the process (which the store and the AWS clients need too).
"""

from __future__ import annotations

import contextlib
import selectors
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

HEAD_LIMIT = 64 * 1024  # a head not ended by then is handed over as it is (the handler refuses it)
MAX_PENDING = 512

Ready = Callable[[socket.socket, Any, bytes], None]


@dataclass(slots=True)
class _Pending:
    sock: socket.socket
    address: Any
    deadline: float
    head: bytearray = field(default_factory=bytearray)


class HeadReader:
    def __init__(self, ready: Ready, timeout: float, max_pending: int = MAX_PENDING) -> None:
        self._ready = ready
        self._timeout = timeout
        self._max_pending = max_pending
        self._selector = selectors.DefaultSelector()
        self._pending: dict[int, _Pending] = {}
        self._by_age: deque[_Pending] = deque()  # arrival order, which is deadline order
        self._incoming: deque[tuple[socket.socket, Any]] = deque()
        self._wake_reader, self._wake_writer = socket.socketpair()
        self._wake_reader.setblocking(False)
        self._selector.register(self._wake_reader, selectors.EVENT_READ)
        self._closing = False
        self._thread = threading.Thread(target=self._run, name="http-heads", daemon=True)
        self._thread.start()

    def add(self, sock: socket.socket, address: Any) -> None:
        """From the accepting thread: watch ``sock`` until its head has arrived."""
        self._incoming.append((sock, address))
        self._wake()

    def close(self) -> None:
        self._closing = True
        self._wake()
        self._thread.join(timeout=5)

    def _wake(self) -> None:
        # OSError: the wake-up buffer is full (the thread is awake already), or closed.
        with contextlib.suppress(OSError):
            self._wake_writer.send(b"\0")

    def _run(self) -> None:
        while not self._closing:
            first = self._by_age[0].deadline if self._by_age else None
            wait = None if first is None else max(0.0, first - time.monotonic())
            for key, _ in self._selector.select(wait):
                if key.fileobj is self._wake_reader:
                    self._take_incoming()
                else:
                    self._read(self._pending.get(key.fd))
            self._expire(time.monotonic())
        for pending in list(self._pending.values()):
            self._drop(pending)
        self._selector.close()
        self._wake_reader.close()
        self._wake_writer.close()

    def _take_incoming(self) -> None:
        try:
            while self._wake_reader.recv(4096):
                pass
        except BlockingIOError:
            pass
        while self._incoming:
            sock, address = self._incoming.popleft()
            while len(self._pending) >= self._max_pending:
                self._drop(self._by_age.popleft())  # the oldest goes; already gone ones too
            sock.setblocking(False)
            pending = _Pending(sock, address, time.monotonic() + self._timeout)
            self._pending[sock.fileno()] = pending
            self._by_age.append(pending)
            self._selector.register(sock, selectors.EVENT_READ)

    def _read(self, pending: _Pending | None) -> None:
        if pending is None:
            return
        try:
            data = pending.sock.recv(HEAD_LIMIT - len(pending.head))
        except BlockingIOError:
            return
        except OSError:
            data = b""
        if not data:
            self._drop(pending)  # closed or reset before its request
            return
        # Only the new bytes and the three before them: a head trickled a byte at a time is not
        # searched whole again for each byte.
        searched_from = max(0, len(pending.head) - 3)
        pending.head += data
        ended = (
            pending.head.find(b"\r\n\r\n", searched_from) >= 0
            or pending.head.find(b"\n\n", searched_from) >= 0
        )
        if ended or len(pending.head) >= HEAD_LIMIT:
            self._forget(pending)
            pending.sock.setblocking(True)
            self._ready(pending.sock, pending.address, bytes(pending.head))

    def _expire(self, now: float) -> None:
        while self._by_age and self._by_age[0].deadline <= now:
            self._drop(self._by_age.popleft())

    def _forget(self, pending: _Pending) -> bool:
        """Stops watching ``pending``; False when it was no longer watched."""
        if self._pending.get(pending.sock.fileno()) is not pending:
            return False
        del self._pending[pending.sock.fileno()]
        self._selector.unregister(pending.sock)
        return True

    def _drop(self, pending: _Pending) -> None:
        if self._forget(pending):
            with contextlib.suppress(OSError):
                pending.sock.close()
