"""The name this process goes by among the replicas sharing one store."""

from __future__ import annotations

import functools
import os
import socket
import uuid


@functools.cache
def this_replica() -> str:
    """Host name (the pod's name on Kubernetes), process id and a random suffix: unique per process
    even when a restarted container reuses the host name and the process id."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
