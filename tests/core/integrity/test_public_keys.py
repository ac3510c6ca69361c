"""verify-logs with CloudTrail's ListPublicKeys (a fake of the API as documented): each region's
digests are signed with that region's keys, and a key in use back then may be rotated out since."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from tagwarden.app.cli import cmd_verify_logs
from tagwarden.app.cli.main import main
from tests.builders import signed_trail
from tests.builders.signed_trail import build_tree, fingerprint, public_der

Key = dict[str, Any]


class FakeCloudTrail:
    """ListPublicKeys: the keys of this client's region used during [StartTime, EndTime]."""

    def __init__(self, keys: list[Key], calls: list[tuple[datetime, datetime]]) -> None:
        self.keys, self.calls = keys, calls

    def get_paginator(self, name: str) -> Any:
        assert name == "list_public_keys"
        fake = self

        class Pages:
            def paginate(
                self, StartTime: datetime, EndTime: datetime | None = None
            ) -> list[dict[str, list[Key]]]:
                end = EndTime or datetime.now(UTC)  # as documented: no EndTime is now
                fake.calls.append((StartTime, end))
                used = [
                    k
                    for k in fake.keys
                    if k["ValidityStartTime"] <= end and k["ValidityEndTime"] >= StartTime
                ]
                return [{"PublicKeyList": used}]

        return Pages()


def _fake_aws(monkeypatch: pytest.MonkeyPatch, by_region: dict[str, list[Key]]) -> dict[str, list[Any]]:
    calls: dict[str, list[Any]] = {}

    class FakeClients:
        def __init__(self, region: str) -> None:
            self.region = region

        def cloudtrail(self, region: str | None = None) -> FakeCloudTrail:
            name = region or self.region
            return FakeCloudTrail(by_region.get(name, []), calls.setdefault(name, []))

    monkeypatch.setattr(cmd_verify_logs, "AwsClients", FakeClients)
    return calls


def _key(start: datetime, end: datetime) -> Key:
    return {
        "Fingerprint": fingerprint(),
        "Value": public_der(),
        "ValidityStartTime": start,
        "ValidityEndTime": end,
    }


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, str]]]:
    code = main(["verify-logs", *args, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


def test_each_region_is_checked_with_its_own_keys(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    root = build_tree(hours=2).write(tmp_path / "logs")
    east = _key(now - timedelta(days=900), now)
    with monkeypatch.context() as patched:
        other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        patched.setattr(signed_trail, "test_key", lambda: other)
        patched.setattr(signed_trail, "REGION", "eu-west-1")
        build_tree(hours=2).write(root)
        west = _key(now - timedelta(days=900), now)
    calls = _fake_aws(monkeypatch, {"us-east-2": [east], "eu-west-1": [west]})
    assert _run(capsys, str(root), "--region", "us-east-2") == (0, [])
    assert sorted(calls) == ["eu-west-1", "us-east-2"]
    assert all(len(each) == 1 for each in calls.values())  # one ListPublicKeys per region


def test_old_tree_is_checked_with_the_keys_of_its_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    start = (now - timedelta(days=200)).replace(minute=0, second=31, microsecond=0)
    root = build_tree(hours=2, start=start).write(tmp_path / "logs")
    rotated_out = _key(now - timedelta(days=400), now - timedelta(days=150))
    calls = _fake_aws(monkeypatch, {"us-east-2": [rotated_out]})
    assert _run(capsys, str(root), "--region", "us-east-2") == (0, [])
    ((asked_from, asked_to),) = calls["us-east-2"]
    assert asked_from <= start <= start + timedelta(hours=2) <= asked_to


def test_digest_signed_by_another_regions_key_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    now = datetime.now(UTC)
    root = build_tree(hours=1).write(tmp_path / "logs")
    _fake_aws(monkeypatch, {"eu-west-1": [_key(now - timedelta(days=900), now)]})
    code, problems = _run(capsys, str(root), "--region", "eu-west-1")
    assert code == 1
    assert [p["kind"] for p in problems] == ["bad_signature"]
    assert "for us-east-2" in problems[0]["detail"]


def test_an_account_with_older_digests_checked_later_gets_the_keys_of_its_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # verify-logs checks one account and region at a time: the first account's digests are recent,
    # the second's 200 days old, signed by a key rotated out since. Both in us-east-2.
    now = datetime.now(UTC)
    old_start = (now - timedelta(days=200)).replace(minute=0, second=31, microsecond=0)
    root = tmp_path / "logs"
    with monkeypatch.context() as patched:
        patched.setattr(signed_trail, "ACCOUNT", "444455556666")
        build_tree(hours=2, start=old_start).write(root)
        old = _key(now - timedelta(days=400), now - timedelta(days=150))
    with monkeypatch.context() as patched:
        newer = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        patched.setattr(signed_trail, "test_key", lambda: newer)
        patched.setattr(signed_trail, "ACCOUNT", "111122223333")
        build_tree(hours=2, start=(now - timedelta(hours=5)).replace(minute=0, second=31)).write(root)
        current = _key(now - timedelta(days=150), now + timedelta(days=30))
    calls = _fake_aws(monkeypatch, {"us-east-2": [old, current]})
    assert _run(capsys, str(root), "--region", "us-east-2") == (0, [])
    # asked for the recent account's times, then again from the older account's
    assert [start <= old_start for start, _ in calls["us-east-2"]] == [False, True]
