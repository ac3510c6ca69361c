"""The caller's account: asked again where STS did not answer at start, and until then IAM lookups
wait (a blip at start used to leave the daemon without IAM lookups, judging from the store alone,
for its whole life)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest
from botocore.exceptions import EndpointConnectionError

from tagwarden.adapters.aws.caller import CallerAccount
from tagwarden.adapters.aws.iam_tags import IAMPrincipalTags
from tagwarden.adapters.aws.instance_profiles import IAMInstanceProfiles
from tagwarden.app.config import load_config
from tagwarden.app.demo.records import Caller, record, s3_tagging
from tagwarden.app.logs import get_logger
from tagwarden.app.wiring import build_parts
from tagwarden.core.compute.state import PROFILE_NOT_KNOWN
from tagwarden.core.faults import FaultBoard
from tagwarden.core.ports.units import UnitDeferred
from tagwarden.core.records.triage import read_log

ACCOUNT = "111122223333"


class Sts:
    """STS that gives no answer until ``up`` is set; counts its calls."""

    def __init__(self) -> None:
        self.up = False
        self.calls = 0

    def get_caller_identity(self) -> dict[str, str]:
        self.calls += 1
        if not self.up:
            raise EndpointConnectionError(endpoint_url="https://sts.amazonaws.com")
        return {"Account": ACCOUNT, "Arn": f"arn:aws:sts::{ACCOUNT}:assumed-role/tagwarden/s"}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_asked_again_after_the_retry_interval_and_the_fault_cleared() -> None:
    sts, clock, faults = Sts(), Clock(), FaultBoard()
    caller = CallerAccount(lambda: sts, get_logger(), faults, retry_seconds=30, clock=clock)  # type: ignore[arg-type,return-value]
    assert caller() is None and "aws" in faults.current()
    clock.now += 10
    assert caller() is None and sts.calls == 1  # not asked again before the interval
    sts.up = True
    clock.now += 25
    assert caller() == ACCOUNT and sts.calls == 2
    assert caller.arn == f"arn:aws:sts::{ACCOUNT}:assumed-role/tagwarden/s"
    assert "aws" not in faults.current()
    assert caller() == ACCOUNT and sts.calls == 2  # known: never asked again


class Iam:
    def __init__(self) -> None:
        self.asked: list[str] = []

    def get_paginator(self, name: str) -> Any:
        iam = self

        class Pages:
            def paginate(self, **kwargs: str) -> list[dict[str, Any]]:
                iam.asked.append(name)
                return [{"Tags": [{"Key": "team", "Value": "alpha"}]}]

        return Pages()

    def get_instance_profile(self, **_: str) -> dict[str, Any]:
        raise AssertionError("asked while the account is unknown")


def test_iam_lookups_wait_for_the_account_then_go_ahead() -> None:
    sts, clock = Sts(), Clock()
    caller = CallerAccount(lambda: sts, get_logger(), retry_seconds=30, clock=clock)  # type: ignore[arg-type,return-value]
    iam = Iam()
    tags = IAMPrincipalTags(iam, caller, get_logger())  # type: ignore[arg-type]
    with pytest.raises(UnitDeferred, match="GetCallerIdentity has not answered"):
        tags(f"arn:aws:iam::{ACCOUNT}:role/dev")
    assert iam.asked == []  # not asked as if every principal were this account's
    profiles = IAMInstanceProfiles(iam, caller, get_logger())  # type: ignore[arg-type]
    assert profiles(f"{ACCOUNT}/web") is PROFILE_NOT_KNOWN
    sts.up, clock.now = True, clock.now + 30
    assert tags(f"arn:aws:iam::{ACCOUNT}:role/dev") == {"team": "alpha"}
    assert tags("arn:aws:iam::999999999999:role/dev") is None  # another account's: no tags to read


@pytest.mark.usefixtures("no_aws")
def test_the_daemon_defers_what_needs_iam_while_its_account_is_unknown_and_a_replay_does_not(
    tmp_path: Path,
) -> None:
    (tmp_path / "tagwarden.yaml").write_text(
        "policy: {version: 1, abac_keys: [team]}\n"
        "store: {url: 'sqlite:///state.db'}\naws: {max_attempts: 1}\n"
    )
    config = load_config(tmp_path / "tagwarden.yaml", env={})
    write = record(
        Caller(ACCOUNT, "dev"),
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("data", {"team": "x"}),
        time="2024-05-01T10:00:00Z",
    )
    data = gzip.compress(json.dumps({"Records": [write]}).encode())
    daemon = build_parts(config, get_logger())
    try:
        assert "aws" in daemon.faults.current()
        with pytest.raises(UnitDeferred):
            daemon.processor.process(read_log(data, daemon.processor.record_filter), source="t", unit="u")
    finally:
        daemon.store.close()
    replay = build_parts(config, get_logger(), replay=True)  # offline: principal tags from the store
    try:
        result = replay.processor.process(
            read_log(data, replay.processor.record_filter), source="t", unit="u"
        )
        assert result.records == 1
    finally:
        replay.store.close()
