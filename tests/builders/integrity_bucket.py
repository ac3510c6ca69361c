"""A signed CloudTrail tree in moto's S3, and the daemon's configuration that checks it on schedule
(tests of the integrity scan)."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, timedelta
from pathlib import Path

import boto3
import pytest

from tagwarden.app.config import LoadedConfig, load_config
from tagwarden.app.logs import get_logger
from tagwarden.app.wiring import Parts, build_parts
from tests.builders import signed_trail
from tests.builders.signed_trail import BUCKET, SignedTree, build_tree

CONFIG = f"""
policy: {{version: 1}}
store: {{url: "sqlite:///state.db"}}
aws: {{region: us-east-1, principal_inventory_interval_seconds: 0}}
sources:
  - {{type: files, name: trail-logs, paths: ["s3://{BUCKET}/AWSLogs/"]}}
integrity: {{verify_interval_seconds: 900, public_keys: keys}}
"""


def recent_tree(folder: Path) -> SignedTree:
    """Three signed hours ending three hours ago, inside the daemon's 48-hour window; the public key
    in ``folder``/keys, where CONFIG looks for it."""
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=6)
    tree = build_tree(hours=3, start=start)
    tree.write_keys(folder / "keys")
    return tree


def put_in_bucket(*trees: SignedTree) -> None:
    """Every file of ``trees`` into BUCKET (created here), each digest's signature as its metadata."""
    boto3.client("s3", region_name="us-east-1").create_bucket(Bucket=BUCKET)
    put_files(*trees)


def put_files(*trees: SignedTree) -> None:
    """Every file of ``trees`` into BUCKET, each digest's signature as its metadata."""
    s3 = boto3.client("s3", region_name="us-east-1")
    for tree in trees:
        for key, content in tree.files.items():
            metadata = {"signature": tree.signatures[key]} if key in tree.signatures else {}
            s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)


def daemon_parts(folder: Path, text: str = CONFIG) -> tuple[LoadedConfig, Parts]:
    """The daemon's configuration (``text``, written to ``folder``) and its parts."""
    (folder / "tagwarden.yaml").write_text(text)
    config = load_config(folder / "tagwarden.yaml", env={})
    return config, build_parts(config, get_logger())


GROUPS = [("111122223333", "us-east-2"), ("111122223333", "eu-west-1"), ("444455556666", "us-east-2")]


def tampered_organization(keys: Path, monkeypatch: pytest.MonkeyPatch) -> list[SignedTree]:
    """GROUPS' accounts and regions, three signed hours each ending two hours ago, in BUCKET; the
    public key in ``keys``. In the second, a log file written again; in the third, a digest deleted."""
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=8)
    trees = []
    for account, region in GROUPS:
        monkeypatch.setattr(signed_trail, "ACCOUNT", account)
        monkeypatch.setattr(signed_trail, "REGION", region)
        trees.append(build_tree(hours=3, logs_per_hour=2, start=start))
    trees[0].write_keys(keys)
    put_in_bucket(*trees)
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.put_object(Bucket=BUCKET, Key=trees[1].logs[2], Body=gzip.compress(b'{"Records": []}'))
    s3.delete_object(Bucket=BUCKET, Key=trees[2].digests[1])
    return trees


def nest_copies(organization: list[SignedTree], body: bytes) -> list[str]:
    """A writer to the bucket plants a copy of the first account and region's first log file in
    the last one's day folder, and the last one's in the first's (``body`` as their content): each
    a log file of its own account and region, listed in another's folder. Their keys."""
    s3 = boto3.client("s3", region_name="us-east-1")
    first, last = organization[0], organization[-1]
    nested = []
    for tree, inside in ((last, first), (first, last)):
        nested.append(f"{inside.logs[0].rsplit('/', 1)[0]}/{tree.logs[0]}")
        s3.put_object(Bucket=BUCKET, Key=nested[-1], Body=body)
    return nested
