"""Poison does not spread: each unit succeeds or fails on its own, a unit that keeps failing
is quarantined and listed, and the units beside and behind it are judged (issue 16, finding 2)."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from tagwarden.app.cli.main import main
from tagwarden.core.normalize import Normalized, Normalizer
from tests.e2e.support import Deployment
from tests.faults.builders import ACCOUNT, Wired, eventbridge, huge_int_log, nested_log, self_retag


def test_poison_messages_never_take_the_messages_beside_them_down(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("poison", visibility_timeout=1, max_receive=10)
    deployment.put_log(ACCOUNT, [], body=nested_log())
    deployment.put_log(ACCOUNT, [], body=huge_int_log())
    deployment.send("[" * 100_000 + "]" * 100_000)
    surrogate = eventbridge(self_retag("surrogate")).replace('"value": "beta"', '"value": "\\ud800"')
    assert "\\ud800" in surrogate
    deployment.send(surrogate)
    deployment.send(eventbridge(self_retag("canary")))
    wired = Wired(tmp_path / "state.db")
    source = wired.sqs(deployment.queue_url, quarantine_after=2, drain_seconds=2)

    first = source.poll(threading.Event())
    assert "canary" in wired.event_ids()  # judged on the first poll, beside the poison
    assert first.failed_units >= 3
    assert wired.counter(wired.metrics.records_rejected, "trail", "not_unicode") == 1
    deadline = time.monotonic() + 30
    while deployment.depth() and time.monotonic() < deadline:
        time.sleep(1.1)
        source.poll(threading.Event())
    assert deployment.depth() == 0 and deployment.depth(dead_letters=True) == 0
    quarantined = wired.store.failed_units()
    assert {u.reason for u in quarantined} == {"too_deep", "number_too_long", "unreadable_message"}
    assert all(u.failures == 2 and u.payload for u in quarantined)
    assert wired.counter(wired.metrics.units_quarantined, "trail", "too_deep") == 1


class _Exploding(Normalizer):
    """A normalizer with a bug that one record sets off."""

    def normalize(self, record: dict[str, Any]) -> Normalized:
        if record.get("eventID") == "explodes":
            raise RuntimeError("a bug in tagwarden")
        return super().normalize(record)


@pytest.mark.parametrize(
    ("poison", "reason"),
    [
        (nested_log(), "too_deep"),
        (huge_int_log(), "number_too_long"),
        (json.dumps({"Records": [self_retag("explodes")]}).encode(), "unit_failed"),
    ],
    ids=["deep", "huge-int", "bug"],
)
def test_a_poison_file_in_front_of_valid_files_is_quarantined_and_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], poison: bytes, reason: str
) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    (logs / "a-poison.json").write_bytes(poison)
    (logs / "b.json").write_text(json.dumps({"Records": [self_retag("valid-b")]}))
    (logs / "c.json").write_text(json.dumps({"Records": [self_retag("valid-c", "gamma")]}))
    wired = Wired(tmp_path / "state.db", normalizer=_Exploding())
    source = wired.files(logs, quarantine_after=2)

    first = source.poll(threading.Event())
    assert wired.event_ids() == {"valid-b", "valid-c"}  # the first poll judges the valid files
    assert first.failed_units == 1 and wired.store.failed_units() == []
    source.poll(threading.Event())  # the second failure quarantines it
    (unit,) = wired.store.failed_units()
    assert unit.reason == reason and unit.unit.startswith(str((logs / "a-poison.json").resolve()))
    assert source.poll(threading.Event()).units == 0  # no longer read

    config = tmp_path / "tagwarden.yaml"
    config.write_text(json.dumps({"policy": {"version": 1}, "store": {"url": "sqlite:///state.db"}}))
    capsys.readouterr()  # the sources' log lines
    assert main(["quarantine", "list", "--config", str(config), "--format", "json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["reason"] == reason and listed["failures"] == 2 and listed["quarantined"]
    assert main(["quarantine", "list", "--config", str(config)]) == 0
    assert reason in capsys.readouterr().out
