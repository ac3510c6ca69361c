"""A real PostgreSQL for the tests: ``initdb`` and ``pg_ctl`` (Debian's ``postgresql`` package) run as
the ``postgres`` user in a temporary directory, listening on 127.0.0.1 only, stopped at the end."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
SUPERUSER = "postgres"
PASSWORD = "tw-test-pw"  # loopback connections authenticate with SCRAM, as a real server would ask


def _binary(name: str) -> str:
    for directory in PG_BIN_DIRS:
        if (directory / name).exists():
            return str(directory / name)
    found = shutil.which(name)
    if found is None:
        raise RuntimeError(f"{name} not found: install Debian's postgresql package (scripts/test.sh does)")
    return found


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _as_postgres(*args: str) -> list[str]:
    return ["runuser", "-u", SUPERUSER, "--", *args] if os.geteuid() == 0 else list(args)


@contextlib.contextmanager
def running_postgres() -> Iterator[str]:
    """Yields the URL, password included, of a fresh server's ``postgres`` database."""
    root = Path(tempfile.mkdtemp(prefix="tw-pg-"))
    root.chmod(0o777)
    data, sockets = root / "data", root / "sock"
    sockets.mkdir()
    sockets.chmod(0o777)
    port = _free_port()
    password_file = root / "pw"
    password_file.write_text(PASSWORD)
    password_file.chmod(0o644)
    subprocess.run(
        _as_postgres(
            _binary("initdb"),
            *("-D", str(data), "-U", SUPERUSER, f"--pwfile={password_file}", "--no-sync"),
            *("--auth-local=trust", "--auth-host=scram-sha-256"),
        ),
        check=True,
        capture_output=True,
    )
    options = f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200"
    subprocess.run(
        _as_postgres(
            _binary("pg_ctl"), "-D", str(data), "-o", options, "-l", str(root / "log"), "-w", "start"
        ),
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql://{SUPERUSER}:{PASSWORD}@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            _as_postgres(_binary("pg_ctl"), "-D", str(data), "-m", "immediate", "stop"),
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def create_database(server_url: str) -> str:
    """A new empty database on the server; its URL."""
    import psycopg

    name = f"tw_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return server_url.rsplit("/", 1)[0] + f"/{name}"
