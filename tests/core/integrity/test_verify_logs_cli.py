"""tagwarden verify-logs on a signed tree, local and in S3 (moto), untouched and tampered with."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import boto3
import pytest

from tagwarden.app.cli.main import main
from tests.builders.signed_trail import ACCOUNT, BUCKET, TRAIL, build_tree, forge_newest_hour


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, str]]]:
    code = main(["verify-logs", *args, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


def test_untouched_local_tree_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = build_tree()
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    assert _run(capsys, str(root), "--public-keys", str(keys)) == (0, [])


def test_tampered_local_tree(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree = build_tree(hours=4)
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    modified = root / tree.logs[1]
    modified.write_bytes(
        gzip.compress(gzip.decompress(modified.read_bytes()).replace(b"us-east-2", b"us-west-2"))
    )
    (root / tree.logs[4]).unlink()
    # the third digest rewritten (its log list shortened), its signature file left as it was
    rewritten = root / tree.digests[2]
    data = json.loads(gzip.decompress(rewritten.read_bytes()))
    data["logFiles"].pop()
    rewritten.write_bytes(gzip.compress(json.dumps(data).encode()))

    code, problems = _run(capsys, str(root), "--public-keys", str(keys))
    assert code == 1
    found = {(p["kind"], Path(p["path"]).name) for p in problems}
    assert ("modified", Path(tree.logs[1]).name) in found
    assert ("missing", Path(tree.logs[4]).name) in found
    assert ("chain_broken", Path(tree.digests[2]).name) in found
    assert ("bad_signature", Path(tree.digests[2]).name) in found
    assert ("unlisted", Path(tree.logs[5]).name) in found
    assert all(set(p) == {"kind", "path", "digest", "detail"} for p in problems)


def test_bad_usage_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["verify-logs", str(tmp_path / "nowhere"), "--public-keys", str(tmp_path)]) == 2
    assert "no such file or directory" in capsys.readouterr().err


def test_s3_tree_with_signatures_in_metadata(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree()
    keys = tree.write_keys(tmp_path / "keys")
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    for key, content in tree.files.items():
        metadata = (
            {"signature": tree.signatures[key], "signature-algorithm": "SHA256withRSA"}
            if key in tree.signatures
            else {}
        )
        s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)
    url = f"s3://{BUCKET}/AWSLogs/"
    assert _run(capsys, url, "--public-keys", str(keys)) == (0, [])

    s3.delete_object(Bucket=BUCKET, Key=tree.logs[3])
    code, problems = _run(capsys, url, "--public-keys", str(keys))
    assert code == 1
    assert [(p["kind"], p["path"]) for p in problems] == [("missing", f"s3://{BUCKET}/{tree.logs[3]}")]


def test_s3_digest_uploaded_without_signature_metadata_fails(
    aws: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree()
    keys = tree.write_keys(tmp_path / "keys")
    newest = tree.digests[-1]
    forge_newest_hour(tree)
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket=BUCKET)
    for key, content in tree.files.items():
        metadata = {"signature": tree.signatures[key]} if key in tree.signatures and key != newest else {}
        s3.put_object(Bucket=BUCKET, Key=key, Body=content, Metadata=metadata)
    code, problems = _run(capsys, f"s3://{BUCKET}/AWSLogs/", "--public-keys", str(keys))
    assert code == 1
    assert [(p["kind"], p["path"]) for p in problems] == [("bad_signature", f"s3://{BUCKET}/{newest}")]


def test_deeply_nested_digest_is_reported_not_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree(hours=1)
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    planted = root / tree.digests[0].replace(TRAIL, "planted")
    planted.write_bytes(gzip.compress(b"[" * 200_000))
    code, problems = _run(capsys, str(root), "--public-keys", str(keys))
    assert code == 1
    assert [(p["kind"], p["path"]) for p in problems] == [("modified", str(planted))]


def test_untouched_trail_with_awslogs_in_its_prefix_is_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree(prefix="AWSLogs/archive/")
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    assert _run(capsys, str(root), "--public-keys", str(keys)) == (0, [])


def test_tampered_copy_of_a_log_under_another_prefix_is_unlisted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree(hours=2)
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    original = root / tree.logs[1]
    copy = root / "AWSLogs" / "0" / tree.logs[1]
    copy.parent.mkdir(parents=True)
    copy.write_bytes(
        gzip.compress(gzip.decompress(original.read_bytes()).replace(b"PutBucket", b"GetBucket"))
    )
    code, problems = _run(capsys, str(root), "--public-keys", str(keys))
    assert code == 1
    assert [(p["kind"], p["path"]) for p in problems] == [("unlisted", str(copy))]


def test_a_folder_below_the_bucket_root_is_checked_as_stored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree(hours=2)
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    assert _run(capsys, str(root / "AWSLogs" / ACCOUNT), "--public-keys", str(keys)) == (0, [])
    (root / tree.logs[0]).write_bytes(gzip.compress(b'{"Records": []}'))
    code, problems = _run(capsys, str(root / "AWSLogs" / ACCOUNT), "--public-keys", str(keys))
    assert code == 1
    assert [(p["kind"], p["path"]) for p in problems] == [("modified", str(root / tree.logs[0]))]


def test_log_files_without_any_digest_are_not_called_clean(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Nothing vouches for them (log file validation off, or the digest folder left out): a script
    must not read exit 0 as "verified"."""
    tree = build_tree()
    for key in tree.digests:
        del tree.files[key]
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    code = main(["verify-logs", str(root), "--public-keys", str(keys)])
    assert code == 1
    assert "nothing was verified" in capsys.readouterr().err


def test_files_read_at_once_change_nothing_in_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree(hours=5, logs_per_hour=3)
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    (root / tree.logs[4]).write_bytes(gzip.compress(b'{"Records": []}'))
    (root / tree.logs[7]).unlink()
    reports = [_run(capsys, str(root), "--public-keys", str(keys), "--concurrency", n) for n in ("1", "16")]
    assert reports[0] == reports[1]
    assert reports[0][0] == 1 and {p["kind"] for p in reports[0][1]} == {"modified", "missing"}


@pytest.mark.parametrize("count", ["0", "33", "many"])
def test_a_concurrency_out_of_range_is_a_usage_error(
    count: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["verify-logs", str(tmp_path), "--concurrency", count])
    assert exited.value.code == 2
    assert f"{count!r} is not a number of files (1 to 32)" in capsys.readouterr().err
