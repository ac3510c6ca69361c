"""The container image users deploy, run: built by scripts/image_test.sh (podman, on a debootstrap
base), run read-only as uid 10001 on the host network against moto and a real PostgreSQL.

Not collected by a plain ``pytest`` (the file name does not start with ``test_``): run through
``scripts/image_test.sh`` (``.ci/run`` does), which builds the image, names it in
TAGWARDEN_TEST_IMAGE and passes this file to pytest.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
import pytest
import yaml

from tests.builders.abac_cases import ACCOUNT, POLICY, ROLES, USERS
from tests.e2e.replicas import scenario, single_process_findings
from tests.e2e.support import Deployment, free_port, seed_principals, wait_until
from tests.postgres import PASSWORD

IMAGE = os.environ.get("TAGWARDEN_TEST_IMAGE", "")
CACHE = os.environ.get("TAGWARDEN_IMAGE_CACHE", "/var/tmp/tagwarden-image-cache")
PODMAN = ["podman", "--root", f"{CACHE}/storage", "--runroot", f"{CACHE}/run", "--storage-driver", "vfs",
          "--runtime", "runc"]  # fmt: skip
# The container as the manifests run it: read-only root, uid 10001; limits this machine's runc can set.
RUN = [*PODMAN, "run", "--rm", "--read-only", "--user", "10001:10001",
       "--ulimit", "nofile=1024:1024", "--ulimit", "nproc=4096:4096"]  # fmt: skip
pytestmark = pytest.mark.e2e


def podman_run(config_dir: Path, *args: str, aws: str) -> subprocess.CompletedProcess[str]:
    environment = {
        "AWS_ENDPOINT_URL": aws,
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    flags = [f"--env={name}={value}" for name, value in environment.items()]
    return subprocess.run(
        [*RUN, "--network", "host", f"--volume={config_dir}:/etc/tagwarden:ro", *flags, IMAGE, *args],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip


def test_the_image_runs_as_10001_and_judges_a_scenario_into_postgresql(
    aws: str, tmp_path: Path, fresh_postgres_database: str
) -> None:
    assert IMAGE, "no image named in TAGWARDEN_TEST_IMAGE: run scripts/image_test.sh"
    inspect = subprocess.run([*PODMAN, "image", "inspect", IMAGE], capture_output=True, text=True, check=True)
    (details,) = json.loads(inspect.stdout)
    assert details["Config"]["User"] == "10001:10001"
    seed_principals(ROLES, USERS)
    deployment = Deployment.create("image")
    records = scenario(buckets=3)
    deployment.put_log(ACCOUNT, records)
    config_dir = tmp_path / "config"
    config_dir.mkdir()
    (config_dir / "pw").write_text(PASSWORD)
    config = {
        "policy": POLICY,
        "store": {"url": fresh_postgres_database.replace(f":{PASSWORD}@", "@"), "password_file": "pw"},
        "sources": [{"type": "sqs", "queue_url": deployment.queue_url, "wait_seconds": 1}],
        "logging": {"format": "json"},
    }
    (config_dir / "tagwarden.yaml").write_text(yaml.safe_dump(config))
    for path in (config_dir, *config_dir.iterdir()):
        path.chmod(0o755 if path.is_dir() else 0o644)
    tmp_path.chmod(0o755)

    migrated = podman_run(config_dir, "db", "migrate", "--config", "/etc/tagwarden/tagwarden.yaml", aws=aws)
    assert migrated.returncode == 0, migrated.stdout + migrated.stderr
    assert PASSWORD not in migrated.stdout + migrated.stderr
    ran = podman_run(config_dir, "run", "--once", "--config", "/etc/tagwarden/tagwarden.yaml", aws=aws)
    assert ran.returncode == 0, ran.stdout[-3000:] + ran.stderr[-3000:]
    with psycopg.connect(fresh_postgres_database) as conn:
        found = {row[0] for row in conn.execute("SELECT id FROM findings WHERE status = 'open'")}
    assert found == set(single_process_findings(records))
    assert deployment.depth() == 0


def test_the_image_inflates_logs_with_isal() -> None:
    assert IMAGE, "no image named in TAGWARDEN_TEST_IMAGE: run scripts/image_test.sh"
    probe = "from tagwarden.core.records import opening; print(opening._inflate_module.__name__)"
    ran = subprocess.run(
        [*RUN, "--entrypoint", "python", IMAGE, "-c", probe],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.strip() == "isal.isal_zlib"


@contextmanager
def _daemon_container(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """The image's daemon on an empty folder of logs, its start held by an AWS that never answers;
    yields once it serves /healthz (starting), with the container's name and its podman process."""
    assert IMAGE, "no image named in TAGWARDEN_TEST_IMAGE: run scripts/image_test.sh"
    silent = socket.create_server(("127.0.0.1", 0), backlog=64)  # takes connections, never answers
    data = tmp_path / "data"
    (data / "logs").mkdir(parents=True)
    port = free_port()
    config = {
        "policy": {"version": 1},
        "store": {"url": "sqlite:////data/state.db"},
        "http": {"listen": f"127.0.0.1:{port}"},
        "sources": [{"type": "files", "name": "logs", "paths": ["/data/logs"]}],
        "logging": {"format": "json"},
    }
    (tmp_path / "tagwarden.yaml").write_text(yaml.safe_dump(config))
    for path in (tmp_path, tmp_path / "tagwarden.yaml", data, data / "logs"):
        path.chmod(0o777 if path.is_dir() else 0o644)
    aws = {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{silent.getsockname()[1]}",
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    name = f"tagwarden-start-{port}"
    command = [
        *RUN, "--name", name, "--network", "host", *(f"--env={key}={value}" for key, value in aws.items()),
        f"--volume={tmp_path}:/etc/tagwarden:ro", f"--volume={data}:/data",
        IMAGE, "run", "--config", "/etc/tagwarden/tagwarden.yaml",
    ]  # fmt: skip
    container = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        wait_until(lambda: _starting(port), 120, "the container to serve /healthz while STS holds its read")
        yield name, container
    finally:
        subprocess.run([*PODMAN, "kill", name], capture_output=True, check=False)
        if container.poll() is None:
            container.communicate(timeout=60)
        silent.close()


def test_the_image_stops_cleanly_at_a_sigterm_during_its_start(tmp_path: Path) -> None:
    # tagwarden was the container's first process, to which the kernel gives no default action:
    # with its handlers installed only after the start, a SIGTERM while AWS held the start was
    # ignored, and the daemon went on until the grace period's SIGKILL. Now dumb-init, the first
    # process, passes it on.
    with _daemon_container(tmp_path) as (name, container):
        started = time.monotonic()
        subprocess.run([*PODMAN, "kill", "--signal", "TERM", name], check=True, capture_output=True)
        try:
            code = container.wait(timeout=45)
        except subprocess.TimeoutExpired:
            code = None
        elapsed = time.monotonic() - started
        output = container.communicate(timeout=60)[0] if code is not None else ""
    assert code == 0, f"exit {code} after {elapsed:.1f} s:\n{output[-3000:]}"
    assert '"daemon_stopped"' in output and '"signal_received"' in output, output[-3000:]


# Run in the container: a process whose parent exits first is handed to the container's first
# process, which must reap it when it ends, or it stays a zombie. Prints the zombies left.
_ORPHAN = """
import os, time
child = os.fork()
if child == 0:
    if os.fork() == 0:
        time.sleep(0.3)
    os._exit(0)
os.waitpid(child, 0)
time.sleep(2)
print(sum(open(f"/proc/{p}/stat").read().rsplit(")", 1)[1].split()[0] == "Z"
          for p in os.listdir("/proc") if p.isdigit()))
"""


def test_the_images_first_process_is_an_init_that_runs_tagwarden_and_reaps_orphans(tmp_path: Path) -> None:
    # Without an init, tagwarden was PID 1: a SIGTERM in the interpreter's first tens of
    # milliseconds, before any handler, was lost, and orphaned processes were never reaped.
    with _daemon_container(tmp_path) as (name, _):

        def in_container(*command: str) -> str:
            ran = subprocess.run(
                [*PODMAN, "exec", name, *command], capture_output=True, text=True, timeout=60, check=False
            )
            assert ran.returncode == 0, ran.stderr[-2000:]
            return ran.stdout

        first = in_container("cat", "/proc/1/cmdline").split("\0")
        assert Path(first[0]).name == "dumb-init" and "--single-child" in first, first
        children = in_container("cat", "/proc/1/task/1/children").split()
        commands = [in_container("cat", f"/proc/{pid}/cmdline").split("\0") for pid in children]
        assert any("tagwarden" in " ".join(command) for command in commands), commands
        assert in_container("python", "-c", _ORPHAN).strip() == "0"


def _starting(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as answer:
            return json.load(answer).get("starting") is True
    except OSError:
        return False
