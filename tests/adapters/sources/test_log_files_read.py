"""Each S3 log file whose records a unit committed is kept in the store with the unit (moto), for
the integrity check to verify wherever it lies: by the SQS source, alone, together, or read by a
worker process, and by the files source. Local files are not: no digest is checked for them."""

from __future__ import annotations

import gzip
import json
import threading
from pathlib import Path

import boto3
import pytest

from tagwarden.adapters.sources.files import FilesSource
from tagwarden.app.config import FilesSourceSettings
from tagwarden.app.demo.runner import REGION
from tests.e2e.support import Deployment
from tests.faults.builders import Wired, self_retag

ACCOUNT = "111122223333"


def _log(event_id: str) -> bytes:
    return gzip.compress(json.dumps({"Records": [self_retag(event_id)]}).encode())


def _read(wired: Wired) -> dict[tuple[str, str], list[str]]:
    store = wired.store
    return {origin: store.log_files_read(origin, 0.0) for origin in store.log_file_origins_read(0.0)}


@pytest.mark.parametrize("workers", [0, 2])
def test_the_sqs_source_keeps_each_file_it_committed(aws: str, tmp_path: Path, workers: int) -> None:
    deployment = Deployment.create("read")
    keys = deployment.put_unannounced([_log(f"read-{n}") for n in range(3)], ACCOUNT)
    # Named as no trail names a log file: read all the same (a log suffix), kept under no origin.
    odd = "AWSLogs/exports/retags.json.gz"
    boto3.client("s3").put_object(Bucket=deployment.bucket, Key=odd, Body=_log("read-odd"))
    deployment.announce([*keys, odd])
    wired = Wired(tmp_path / "state.db", workers=workers)
    try:
        result = wired.sqs(deployment.queue_url, drain_seconds=1).poll(threading.Event())
        read = _read(wired)
    finally:
        wired.close()
    assert result.units == 4 and result.failed_units == 0
    assert read == {
        ("", ""): [f"s3://{deployment.bucket}/{odd}"],
        (ACCOUNT, REGION): sorted(f"s3://{deployment.bucket}/{key}" for key in keys),
    }


def test_a_message_committed_alone_keeps_its_file(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("alone")
    (key,) = deployment.put_unannounced([_log("alone-1")], ACCOUNT)
    deployment.announce([key])
    wired = Wired(tmp_path / "state.db")
    try:
        assert wired.sqs(deployment.queue_url, drain_seconds=1).poll(threading.Event()).units == 1
        read = _read(wired)
    finally:
        wired.close()
    assert read == {(ACCOUNT, REGION): [f"s3://{deployment.bucket}/{key}"]}


def test_a_file_that_could_not_be_read_is_not_kept(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("gone")
    (key,) = deployment.put_unannounced([_log("gone-1")], ACCOUNT)
    boto3.client("s3").delete_object(Bucket=deployment.bucket, Key=key)
    deployment.announce([key])
    wired = Wired(tmp_path / "state.db")
    try:
        result = wired.sqs(deployment.queue_url, drain_seconds=1).poll(threading.Event())
        read = _read(wired)
    finally:
        wired.close()
    assert result.failed_units == 1 and read == {}


def test_the_files_source_keeps_its_s3_files_not_its_local_ones(aws: str, tmp_path: Path) -> None:
    deployment = Deployment.create("files")
    keys = deployment.put_unannounced([_log(f"files-{n}") for n in range(2)], ACCOUNT)
    local = tmp_path / "local"
    local.mkdir()
    (local / "retags.json.gz").write_bytes(_log("files-local"))
    wired = Wired(tmp_path / "state.db")
    try:
        s3_spec = FilesSourceSettings(type="files", paths=[f"s3://{deployment.bucket}/AWSLogs/"])
        s3_files = FilesSource(
            "s3-logs", s3_spec, wired.context, base_dir=tmp_path, s3=lambda: boto3.client("s3")
        )
        assert s3_files.poll(threading.Event()).units == 2
        assert wired.files(local).poll(threading.Event()).units == 1
        read = _read(wired)
    finally:
        wired.close()
    assert read == {(ACCOUNT, REGION): sorted(f"s3://{deployment.bucket}/{key}" for key in keys)}
