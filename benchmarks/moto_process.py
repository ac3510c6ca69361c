"""A moto server in a process of its own, for the benchmarks that time the daemon against it: in
the same process, moto's work would hold the daemon's interpreter lock and be timed with it."""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


def _serve_moto(ports: Any) -> None:
    from moto.server import ThreadedMotoServer  # noqa: PLC0415 - the demo/test extra

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    ports.put(server.get_host_and_port())
    threading.Event().wait()


@contextmanager
def moto_server_process() -> Iterator[str]:
    """A moto server on loopback, with the AWS environment pointing at it; yields its address."""
    spawn = multiprocessing.get_context("spawn")
    ports = spawn.Queue()
    server = spawn.Process(target=_serve_moto, args=(ports,), daemon=True)
    server.start()
    host, port = ports.get(timeout=120)
    endpoint = f"http://{host}:{port}"
    os.environ.update(
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID="testing",
        AWS_SECRET_ACCESS_KEY="testing",
        AWS_DEFAULT_REGION="us-east-1",
    )
    try:
        yield endpoint
    finally:
        server.terminate()
        server.join()
