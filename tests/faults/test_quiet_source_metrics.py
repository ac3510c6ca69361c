"""A source that never delivers an event is still seen by TagwardenNoRecentEvents."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import yaml

from tagwarden.app.config import load_config
from tagwarden.app.daemon import Daemon
from tagwarden.app.logs import get_logger
from tagwarden.core.timeutil import parse_time
from tests.builders.abac_cases import ACCOUNT
from tests.faults.builders import self_retag


def _daemon(tmp_path: Path, **more: Any) -> Daemon:
    """A daemon on one quiet files source; ``more``: further top-level settings (sinks)."""
    (tmp_path / "empty").mkdir()
    (tmp_path / "tagwarden.yaml").write_text(
        yaml.safe_dump(
            {
                "policy": {"version": 1},
                "store": {"url": "sqlite:///state.db"},
                "http": {"listen": "127.0.0.1:0"},
                "aws": {"principal_inventory_interval_seconds": 0, "max_attempts": 1},
                "sources": [{"type": "files", "name": "quiet", "paths": [str(tmp_path / "empty")]}],
                **more,
            }
        )
    )
    return Daemon(load_config(tmp_path / "tagwarden.yaml"), get_logger())


def test_a_source_that_never_reads_an_event_has_a_newest_event_from_the_start(
    no_aws: None, tmp_path: Path
) -> None:
    # TagwardenNoRecentEvents compares time() with this series. Absent until a first event, a
    # daemon deployed (or restarted) while nothing reaches its queue (no bucket notification, a
    # stopped trail) polls successfully forever and no alert ever fires.
    before = time.time()
    daemon = _daemon(tmp_path)
    try:
        assert daemon.poll_source(daemon.sources[0]) is not None  # polls fine, finds nothing
        value = daemon.parts.metrics.registry.get_sample_value(
            "tagwarden_newest_event_timestamp_seconds", {"source": "quiet"}
        )
        assert value is not None and before <= value <= time.time()
    finally:
        daemon.shutdown()


def test_the_first_event_read_replaces_the_start_even_when_older(no_aws: None, tmp_path: Path) -> None:
    # A backlog read after a restart shows its real age, not the daemon's start.
    daemon = _daemon(tmp_path)
    try:
        metrics = daemon.parts.metrics
        metrics.observe_newest_event("quiet", 1_000_000.0)
        value = metrics.registry.get_sample_value(
            "tagwarden_newest_event_timestamp_seconds", {"source": "quiet"}
        )
        assert value == 1_000_000.0
        metrics.observe_newest_event("quiet", 999_999.0)  # older events still leave it where it is
        value = metrics.registry.get_sample_value(
            "tagwarden_newest_event_timestamp_seconds", {"source": "quiet"}
        )
        assert value == 1_000_000.0
    finally:
        daemon.shutdown()


def test_each_source_exports_its_polling_interval(no_aws: None, tmp_path: Path) -> None:
    # TagwardenIngestStalled allows a source its interval between two polls: a files source
    # polled every 30 minutes is not stalled 10 minutes after a good poll.
    daemon = _daemon(tmp_path)
    try:
        value = daemon.parts.metrics.registry.get_sample_value(
            "tagwarden_source_poll_interval_seconds", {"source": "quiet"}
        )
        assert value == 60
    finally:
        daemon.shutdown()


def test_an_account_and_region_read_before_a_restart_is_still_watched_after_it(
    aws: str, tmp_path: Path
) -> None:
    # moto answers STS: without the daemon's account the self_retag units wait (caller_account_unknown).
    # TagwardenLogDeliveryGap compares each account and region's newest event with the others'.
    # Kept in memory only, a region that went silent before a restart had no series after it, and
    # could never be seen silent again.
    daemon = _daemon(tmp_path)
    quiet = {"account": ACCOUNT, "region": "eu-west-1"}
    try:
        logs = tmp_path / "empty"
        (logs / "a.json").write_text(json.dumps({"Records": [self_retag("e1")]}))
        quiet_record = self_retag("e2", second=5) | {"awsRegion": "eu-west-1"}
        (logs / "b.json").write_text(json.dumps({"Records": [quiet_record]}))
        assert daemon.poll_source(daemon.sources[0]) is not None
        sample = daemon.parts.metrics.registry.get_sample_value
        assert sample("tagwarden_log_newest_event_timestamp_seconds", quiet) == parse_time(
            "2024-05-01T10:00:05Z"
        )
    finally:
        daemon.shutdown()
    restarted = Daemon(load_config(tmp_path / "tagwarden.yaml"), get_logger())
    try:
        sample = restarted.parts.metrics.registry.get_sample_value
        assert sample("tagwarden_log_newest_event_timestamp_seconds", quiet) == parse_time(
            "2024-05-01T10:00:05Z"
        )
        assert sample(
            "tagwarden_log_newest_event_timestamp_seconds", {"account": ACCOUNT, "region": "us-east-1"}
        ) == parse_time("2024-05-01T10:00:00Z")
    finally:
        restarted.shutdown()
