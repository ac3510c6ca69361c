"""A SIGTERM while the daemon starts (AWS reads with their timeouts, the scans judging needs) stops
it cleanly: nothing more of the start begins, and it exits 0 once the read in hand gives up. Its
handlers were installed only after the start, so a SIGTERM then killed the process outright, or,
where it runs as a container's first process (to which the kernel gives no default action), was
ignored: the daemon went on to poll until the end of the termination grace period killed it."""

from __future__ import annotations

import json
import signal
import time
from pathlib import Path

from tests.e2e.support import DaemonProcess, wait_until
from tests.faults.test_quiet_source_metrics import _daemon


def _on_a_folder(tmp_path: Path) -> DaemonProcess:
    """The daemon on an empty folder of logs (the tests' AWS never answers)."""
    (tmp_path / "logs").mkdir()
    sources = [{"type": "files", "name": "logs", "paths": [str(tmp_path / "logs")]}]
    return DaemonProcess(tmp_path, {"version": 1}, sources)


def _starting(daemon: DaemonProcess) -> bool:
    try:
        status, body = daemon.get("/healthz")
    except OSError:
        return False
    return status == 200 and json.loads(body).get("starting") is True


def test_a_sigterm_while_aws_holds_the_start_stops_the_daemon_cleanly(
    silent_endpoint: str, tmp_path: Path
) -> None:
    daemon = _on_a_folder(tmp_path).start(wait=False)
    try:
        wait_until(lambda: _starting(daemon), 30, "the daemon to serve HTTP while STS holds its read")
        # Within the read's timeouts (5 s to connect, 10 s to read), not the principal inventory's
        # retries, which would take minutes against an endpoint that never answers.
        code, elapsed = daemon.stop(signal.SIGTERM, timeout=60)
        assert code == 0, daemon.log_text()[-3000:]
        assert elapsed < 30, elapsed
        events = [event.get("event") for event in daemon.log_events()]
        assert "signal_received" in events, events
        assert events[-1] == "daemon_stopped", events[-5:]
        # Nothing began once stopping: no further read at start (the delivery path), no scan
        # (the inventory judging needs, run before polling; the ones the scheduler starts at once).
        begun = {
            "describe_trails_failed",
            "principal_inventory_waits",
            "scan_retry_scheduled",
            "store_forgotten",
            "daemon_started",  # nor the scheduler
        }
        assert not begun & set(events), events
    finally:
        daemon.close()


def _catches_sigterm(pid: int) -> bool:
    """Whether the process has a handler for SIGTERM (its SigCgt mask, from /proc)."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    mask = next(line.split()[1] for line in status.splitlines() if line.startswith("SigCgt:"))
    return bool(int(mask, 16) & 1 << (signal.SIGTERM - 1))


def test_a_sigterm_before_the_daemon_is_even_imported_stops_it_once_its_handlers_are_in(
    silent_endpoint: str, tmp_path: Path
) -> None:
    # The daemon's handlers come about a second after the process starts, the imports taking
    # most of it. As the container's first process it had no handler until then and the kernel
    # gives PID 1 no default action: a SIGTERM in that second was lost, and the daemon ran on until
    # the grace period's SIGKILL. The command line now holds the signal from its first moment.
    daemon = _on_a_folder(tmp_path).start(wait=False)
    try:
        assert daemon.process is not None
        pid = daemon.process.pid
        deadline = time.monotonic() + 30
        while not _catches_sigterm(pid) and time.monotonic() < deadline:
            time.sleep(0.001)
        # Sent at the first moment the process takes SIGTERM: before the daemon, or even the
        # validation library its configuration is read with, is imported.
        maps = Path(f"/proc/{pid}/maps").read_text()
        code, elapsed = daemon.stop(signal.SIGTERM, timeout=60)
        assert "pydantic_core" not in maps, "SIGTERM was first taken only once the daemon was imported"
        assert code == 0, daemon.log_text()[-3000:]
        assert elapsed < 30, elapsed
        events = [event.get("event") for event in daemon.log_events()]
        assert events.count("signal_received") == 1, events
        assert events[-1] == "daemon_stopped", events[-5:]
        # Stopping before the start, it begins none of the start's reads (STS would have held it
        # for 10 s here), no scan, and neither its HTTP server nor its scheduler.
        begun = {"caller_identity_unavailable", "describe_trails_failed", "principal_inventory_waits"}
        assert not (begun | {"store_forgotten", "daemon_started"}) & set(events), events
    finally:
        daemon.close()


def test_a_sigterm_stops_run_once_with_what_it_has_not_read_left_for_the_next_run(
    silent_endpoint: str, tmp_path: Path
) -> None:
    # As a Kubernetes Job's first process, run --once ignored SIGTERM (no handler) until the
    # grace period's SIGKILL; run by hand, Ctrl-C broke it off wherever it was (exit 130).
    daemon = _on_a_folder(tmp_path).start(once=True)
    try:
        # The store is opened just before the handlers are installed; STS then holds its read
        # for 10 s (the read timeout at start).
        wait_until(daemon.db.exists, 30, "run --once to open its store")
        time.sleep(2)
        code, elapsed = daemon.stop(signal.SIGTERM, timeout=60)
        assert code == 1, daemon.log_text()[-3000:]
        assert elapsed < 30, elapsed
        events = [event.get("event") for event in daemon.log_events()]
        assert "signal_received" in events and "run_once_stopped" in events, events
        assert not {"describe_trails_failed", "principal_inventory_waits"} & set(events), events
    finally:
        daemon.close()


def test_the_handlers_a_daemon_installs_are_put_back(no_aws: None, tmp_path: Path) -> None:
    # run --once is run in-process by tests and tools: its handlers must not outlive it.
    before = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    daemon = _daemon(tmp_path)
    try:
        restore = daemon.install_signals()
        assert all(signal.getsignal(signum) is not handler for signum, handler in before.items())
        restore()
        assert {signum: signal.getsignal(signum) for signum in before} == before
    finally:
        daemon.parts.store.close()
