"""A files poll that commits many files keeps the source's last success fresh as it goes; the
daemon's source marks the files it read, a replay does not."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from tagwarden.adapters.sources.files import FilesSource
from tagwarden.app.config import FilesSourceSettings
from tests.faults.builders import Wired, self_retag


def test_each_committed_file_shows_the_source_alive_before_the_poll_ends(tmp_path: Path) -> None:
    # The first poll of a bucket holding months of log files commits them one by one for a long
    # time; TagwardenIngestStalled pages once the last success is 10 minutes old.
    logs = tmp_path / "logs"
    logs.mkdir()
    for n, name in enumerate(("a", "b", "c")):
        (logs / f"{name}.json").write_text(json.dumps({"Records": [self_retag(name, second=n)]}))
    wired = Wired(tmp_path / "state.db")
    seen: list[float | None] = []

    def progress(done: int, todo: int, total: Any) -> None:
        seen.append(
            wired.metrics.registry.get_sample_value(
                "tagwarden_source_last_success_timestamp_seconds", {"source": "logs"}
            )
        )

    try:
        source = wired.files(logs)
        result = source.poll(threading.Event(), progress)
        assert result.units == 3 and not result.failed_units
        assert len(seen) == 3 and all(value is not None for value in seen), seen
    finally:
        wired.close()


def test_the_daemon_marks_the_files_it_read_and_a_replay_does_not(tmp_path: Path) -> None:
    # A replay reads each file once and never looks a mark up: kept, its marks were rows for ever.
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a.json").write_text(json.dumps({"Records": [self_retag("a")]}))
    wired = Wired(tmp_path / "state.db")
    try:
        daemon = wired.files(logs)
        spec = FilesSourceSettings(type="files", paths=[str(logs)])
        replay = FilesSource("replay", spec, wired.context, base_dir=logs, skip_processed=False)
        assert replay.poll(threading.Event()).units == 1 and daemon.poll(threading.Event()).units == 1
        (obj,) = daemon.discover()
        assert wired.store.objects_processed("logs", [obj.id]) == {obj.id}
        assert wired.store.objects_processed("replay", [obj.id]) == set()
        assert daemon.poll(threading.Event()).units == 0  # marked: not read again
    finally:
        wired.close()
