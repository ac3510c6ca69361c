"""Reading a tree of CloudTrail files from S3 (moto) for verification: what one object, or the window
the scheduled check reads, does to the report."""

from __future__ import annotations

import gzip
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError, ResponseStreamingError

from tagwarden.adapters.integrity import Tree, TreeError, add_s3, verify_tree
from tagwarden.core.integrity import Report
from tests.builders.signed_trail import (
    BUCKET,
    TRAIL,
    SignedTree,
    build_tree,
    signing_keys,
)


def _bucket(tree: SignedTree) -> Any:
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    for key, content in tree.files.items():
        metadata = {"signature": tree.signatures[key]} if key in tree.signatures else {}
        s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)
    return s3


def _listed(s3: Any, url: str = f"s3://{BUCKET}/AWSLogs/", since: datetime | None = None) -> Tree:
    """The tree of the files under ``url``, listed through the client ``s3`` (no log file read yet)."""
    files = Tree()
    add_s3(files, s3, url, since)
    return files


def _verified(s3: Any, url: str = f"s3://{BUCKET}/AWSLogs/", since: datetime | None = None) -> Report:
    """The check of the files under ``url``, read through the client ``s3``."""
    return verify_tree(_listed(s3, url, since), signing_keys, since)


class _Denying:
    """An S3 client that may list everything but not read ``denied``."""

    def __init__(self, inner: Any, denied: str) -> None:
        self.inner, self.denied = inner, denied

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def get_object(self, **kwargs: Any) -> Any:
        if kwargs["Key"] == self.denied:
            raise ClientError({"Error": {"Code": "AccessDenied", "Message": "KMS"}}, "GetObject")
        return self.inner.get_object(**kwargs)


def test_an_unreadable_digest_is_its_own_problem_and_the_check_goes_on(aws: str) -> None:
    tree = build_tree()
    s3 = _bucket(tree)
    s3.delete_object(Bucket=BUCKET, Key=tree.logs[0])
    planted = tree.digests[0].replace(TRAIL, "planted")
    s3.put_object(Bucket=BUCKET, Key=planted, Body=b"x")
    problems = sorted((p.kind, p.path, p.detail) for p in _verified(_Denying(s3, planted)).problems)
    assert problems == [
        ("missing", f"s3://{BUCKET}/{planted}", "digest file could not be read: AccessDenied"),
        ("missing", f"s3://{BUCKET}/{tree.logs[0]}", "listed in the digest, not found"),
    ]


def test_an_unreadable_digest_of_the_chain_is_reported_once(aws: str) -> None:
    tree = build_tree()
    s3 = _bucket(tree)
    problems = [(p.kind, p.path) for p in _verified(_Denying(s3, tree.digests[1])).problems]
    assert ("missing", f"s3://{BUCKET}/{tree.digests[1]}") in problems
    assert len(problems) == len(set(problems))


def test_first_digests_of_the_window_deleted_with_their_logs_are_missing(aws: str) -> None:
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=10)
    tree = build_tree(hours=6, start=start)
    s3 = _bucket(tree)
    since = start + timedelta(hours=1, minutes=30)  # the first digest ends before the window
    for key in [tree.digests[1], tree.digests[2], *tree.logs[2:6]]:
        s3.delete_object(Bucket=BUCKET, Key=key)
    problems = [(p.kind, p.path) for p in _verified(s3, f"s3://{BUCKET}/", since).problems]
    assert problems == [("missing", f"s3://{BUCKET}/{tree.digests[2]}")]


def test_digest_before_the_window_is_not_missing(aws: str) -> None:
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=10)
    tree = build_tree(hours=4, start=start)
    s3 = _bucket(tree)
    since = start + timedelta(hours=2, minutes=30)
    assert _verified(s3, f"s3://{BUCKET}/", since).problems == []


def test_copy_of_a_log_under_another_key_is_unlisted_and_the_original_still_checked(aws: str) -> None:
    tree = build_tree(hours=2)
    s3 = _bucket(tree)
    copy = f"AWSLogs/0/{tree.logs[1]}"
    s3.put_object(Bucket=BUCKET, Key=copy, Body=gzip.compress(b'{"Records": []}'))
    report = _verified(s3)
    assert [(p.kind, p.path) for p in report.problems] == [("unlisted", f"s3://{BUCKET}/{copy}")]
    assert report.logs_checked == len(tree.logs)


class _Throttled(_Denying):
    def get_object(self, **kwargs: Any) -> Any:
        if kwargs["Key"] == self.denied:
            raise ClientError(
                {"Error": {"Code": "SlowDown", "Message": "Reduce your request rate"}}, "GetObject"
            )
        return self.inner.get_object(**kwargs)


def test_a_digest_s3_cannot_serve_now_is_read_again_next_time_not_reported(aws: str) -> None:
    tree = build_tree()
    s3 = _bucket(tree)
    with pytest.raises(TreeError, match=r"cannot read now \(SlowDown\)"):
        add_s3(Tree(), _Throttled(s3, tree.digests[0]), f"s3://{BUCKET}/AWSLogs/")


def test_a_log_file_s3_cannot_serve_now_stops_the_check_and_a_refused_one_is_missing(aws: str) -> None:
    """As for digests: a throttle or a server error is not what tampering looks like (a finding
    would page someone for S3's load); S3 refusing the object is."""
    tree = build_tree()
    s3 = _bucket(tree)
    files = _listed(_Throttled(s3, tree.logs[1]))  # the listing reads no log file
    with pytest.raises(TreeError, match=r"cannot read now \(SlowDown\)"):
        verify_tree(files, signing_keys)
    problems = [(p.kind, p.path) for p in _verified(_Denying(s3, tree.logs[1])).problems]
    assert problems == [("missing", f"s3://{BUCKET}/{tree.logs[1]}")]


class _CutShort(_Denying):
    """The body of ``denied`` breaks off after its first bytes, as a dropped connection does."""

    def get_object(self, **kwargs: Any) -> Any:
        response = self.inner.get_object(**kwargs)
        if kwargs["Key"] == self.denied:
            whole = response["Body"].read()

            class Body(io.BytesIO):
                def read(self, size: int | None = -1) -> bytes:
                    if self.tell() >= 10 or size is None or size < 0 or size > 10:
                        raise ResponseStreamingError(error="connection reset by peer")
                    return super().read(size)

            response["Body"] = Body(whole)
        return response


def test_a_body_cut_short_is_a_file_s3_cannot_serve_now_log_or_digest(aws: str) -> None:
    # Log files are hashed as their body streams in: a cut is S3's fault, not the file's, and is
    # never hashed as if the file ended there (a "modified" finding).
    tree = build_tree()
    s3 = _bucket(tree)
    files = _listed(_CutShort(s3, tree.logs[1]))  # the listing reads no log file
    with pytest.raises(TreeError, match=r"cannot read now \(.*connection reset by peer"):
        verify_tree(files, signing_keys)
    with pytest.raises(TreeError, match=r"cannot read now \(.*connection reset by peer"):
        add_s3(Tree(), _CutShort(s3, tree.digests[1]), f"s3://{BUCKET}/AWSLogs/")
