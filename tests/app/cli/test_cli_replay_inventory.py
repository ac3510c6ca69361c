"""``replay`` reads the principal inventory as ``run`` does; ``normalize`` skips digest files."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
import yaml

from tagwarden.app.cli.main import main
from tests.builders.aws_env import aws_at
from tests.builders.cli_config import write_config
from tests.conftest import FIXTURES

ACCOUNT = "123456789012"  # moto's account


def _config(tmp_path: Path) -> Path:
    return write_config(tmp_path, region="us-east-1")


def _log(tmp_path: Path) -> Path:
    # S3 PutBucketTagging as logged (S3 user guide, "CloudTrail log file entries for Amazon S3"):
    # a bucket set to a team value no principal holds.
    record: dict[str, Any] = {
        "eventVersion": "1.09",
        "eventID": "3f1b0c4e-1111-4a2b-9c3d-000000000001",
        "eventTime": "2024-06-01T10:00:00Z",
        "eventSource": "s3.amazonaws.com",
        "eventName": "PutBucketTagging",
        "awsRegion": "us-east-1",
        "recipientAccountId": ACCOUNT,
        "userIdentity": {"type": "IAMUser", "arn": f"arn:aws:iam::{ACCOUNT}:user/ops", "accountId": ACCOUNT},
        "requestParameters": {
            "bucketName": "payroll",
            "Tagging": {"TagSet": {"Tag": {"Key": "team", "Value": "nobody-has-this"}}},
        },
        "responseElements": None,
    }
    log = tmp_path / "log.json"
    log.write_text(json.dumps({"Records": [record]}))
    return log


def _kinds(config: Path, capsys: pytest.CaptureFixture[str]) -> set[str]:
    assert main(["findings", "list", "--config", str(config), "--format", "json"]) == 0
    return {finding["kind"] for finding in json.loads(capsys.readouterr().out)}


@pytest.fixture
def aws(moto_in_process: None) -> None:
    iam = boto3.client("iam", region_name="us-east-1")
    iam.create_role(RoleName="Payroll", AssumeRolePolicyDocument="{}", Tags=[{"Key": "team", "Value": "pay"}])


def test_replay_reads_principal_tags_so_a_value_no_principal_holds_is_a_lockout(
    aws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    config = _config(tmp_path)

    assert main(["replay", "--config", str(config), "--quiet", str(_log(tmp_path))]) == 0
    capsys.readouterr()

    assert "lockout" in _kinds(config, capsys)


def test_replay_without_inventory_does_not_know_who_holds_what(
    aws: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    config = _config(tmp_path)

    assert main(["replay", "--config", str(config), "--quiet", "--no-inventory", str(_log(tmp_path))]) == 0
    capsys.readouterr()

    assert "lockout" not in _kinds(config, capsys)


def test_normalize_skips_a_trails_digest_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    trail = tmp_path / "AWSLogs" / ACCOUNT
    logs = trail / "CloudTrail" / "us-east-1" / "2024" / "06" / "01"
    digests = trail / "CloudTrail-Digest" / "us-east-1" / "2024" / "06" / "01"
    logs.mkdir(parents=True)
    digests.mkdir(parents=True)
    sample = FIXTURES / "cloudtrail" / "samples" / "Netflix-consoleme__TagRole__1.json"
    record = json.loads(sample.read_text()) | {"eventTime": "2024-06-01T09:58:00Z"}  # not its placeholder
    (logs / f"{ACCOUNT}_CloudTrail_us-east-1_20240601T1000Z_a.json").write_text(
        json.dumps({"Records": [record]})
    )
    # A digest file is one JSON object of hashes, not {"Records": [...]}.
    (digests / f"{ACCOUNT}_CloudTrail-Digest_us-east-1_t_20240601T1100Z.json.gz").write_bytes(
        b"\x1f\x8b junk"
    )

    assert main(["normalize", str(tmp_path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1


@pytest.fixture
def counted_endpoint(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """AWS's endpoint is a socket that counts the connections made to it and closes each at once."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    connections = [0]
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            connections[0] += 1
            conn.close()

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    aws_at(monkeypatch, f"http://127.0.0.1:{server.getsockname()[1]}", AWS_MAX_ATTEMPTS="1")
    yield connections
    stop.set()
    thread.join()
    server.close()


def test_an_offline_replay_calls_no_aws_api_and_still_judges(
    counted_endpoint: list[int],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    config = _config(tmp_path)
    document = yaml.safe_load(config.read_text())
    admins = [{"principal": "arn:aws:iam::*:role/TagAdmin"}]
    document["policy"]["rules"] = [{"id": "team-by-admins", "keys": ["team"], "writers": admins}]
    config.write_text(yaml.safe_dump(document))
    assert main(["replay", "--config", str(config), "--quiet", "--offline", str(_log(tmp_path))]) == 0
    assert "replayed 1 file(s): 1 records" in capsys.readouterr().out
    assert counted_endpoint == [0]
    assert "unauthorized_writer" in _kinds(config, capsys)  # judged all the same

    # Without it, the same replay asks AWS (STS, the trails): what the count above would have seen.
    assert main(["replay", "--config", str(config), "--quiet", "--no-inventory", str(_log(tmp_path))]) == 0
    assert counted_endpoint[0] > 0


@pytest.mark.parametrize("extra", [["s3://bucket/AWSLogs/"], ["--enqueue", "https://sqs/q", "s3://b/p"]])
def test_offline_refuses_what_needs_aws(
    extra: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["replay", "--config", str(_config(tmp_path)), "--offline", *extra]) == 2
    assert "--offline reads local files only" in capsys.readouterr().err
