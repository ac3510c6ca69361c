"""A SIGTERM while the daemon starts (AWS reads with their timeouts, the scans judging needs) stops
it cleanly: nothing more of the start begins, and it exits 0 once the read in hand gives up. Its
handlers were installed only after the start, so a SIGTERM then killed the process outright, or,
where it runs as a container's first process (to which the kernel gives no default action), was
ignored: the daemon went on to poll until the end of the termination grace period killed it."""

from __future__ import annotations

import json
import signal
from pathlib import Path

from tests.e2e.support import DaemonProcess, wait_until


def _starting(daemon: DaemonProcess) -> bool:
    try:
        status, body = daemon.get("/healthz")
    except OSError:
        return False
    return status == 200 and json.loads(body).get("starting") is True


def test_a_sigterm_while_aws_holds_the_start_stops_the_daemon_cleanly(
    silent_endpoint: str, tmp_path: Path
) -> None:
    (tmp_path / "logs").mkdir()
    sources = [{"type": "files", "name": "logs", "paths": [str(tmp_path / "logs")]}]
    daemon = DaemonProcess(tmp_path, {"version": 1}, sources).start(wait=False)
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
        }
        assert not begun & set(events), events
    finally:
        daemon.close()
