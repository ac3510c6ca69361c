"""After every poll the daemon marks what it reported as reported, so the outbox's report sink,
due a grace period later, has nothing left to report twice."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tagwarden.app.config import load_config
from tagwarden.app.daemon import Daemon
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache
from tagwarden.app.recording import REPORT_SINK
from tests.builders.abac_cases import POLICY, principal_tags
from tests.faults.builders import self_retag


def test_a_poll_leaves_no_report_delivery_pending(no_aws: None, tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "retag.json").write_text(json.dumps({"Records": [self_retag("retag-poll")]}))
    (tmp_path / "policy.yaml").write_text(yaml.safe_dump(POLICY))
    (tmp_path / "tagwarden.yaml").write_text(
        yaml.safe_dump(
            {
                "policy": "policy.yaml",
                "store": {"url": f"sqlite:///{tmp_path / 'state.db'}"},
                "http": {"listen": "127.0.0.1:0"},
                "aws": {"principal_inventory_interval_seconds": 0, "max_attempts": 1},
                "sources": [{"type": "files", "name": "logs", "paths": [str(logs)]}],
            }
        )
    )
    daemon = Daemon(load_config(tmp_path / "tagwarden.yaml"), get_logger())
    daemon.parts.processor.principals = PrincipalTagCache(principal_tags().get)  # no IAM here
    try:
        assert daemon.run_once() == 0
        store = daemon.parts.store
        assert store.list_findings(), "the retag is a finding"
        assert store.pending_deliveries().get(REPORT_SINK, 0) == 0
    finally:
        daemon.shutdown()


@pytest.fixture(autouse=True)
def _chdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
