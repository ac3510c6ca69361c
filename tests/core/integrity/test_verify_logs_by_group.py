"""tagwarden verify-logs checks one account and region at a time, as the daemon does, with the
report of checking every file at once; with --since it checks the daemon's window and no more."""

from __future__ import annotations

import gzip
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from tagwarden.adapters import integrity_groups
from tagwarden.adapters.integrity import Tree, add_local, add_s3, verify_tree
from tagwarden.adapters.public_keys import FolderKeys
from tagwarden.app.cli.main import main
from tagwarden.app.config import load_config
from tagwarden.app.logs import get_logger
from tagwarden.app.scans import Scans
from tagwarden.app.wiring import build_parts
from tagwarden.core.integrity import Report, place
from tests.builders import signed_trail
from tests.builders.event_log import EventLog
from tests.builders.integrity_bucket import CONFIG, GROUPS, put_in_bucket, tampered_organization
from tests.builders.signed_trail import BUCKET, build_tree

FORGED = gzip.compress(b'{"Records": []}')


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[dict[str, str]]]:
    code = main(["verify-logs", *args, "--format", "json"])
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else []


def _sorted(problems: list[dict[str, str]]) -> list[dict[str, str]]:
    return sorted(problems, key=lambda p: (p["kind"], p["path"], p["digest"], p["detail"]))


def _watch_trees(monkeypatch: pytest.MonkeyPatch) -> list[set[tuple[str, str]]]:
    """The accounts and regions of each tree verified, as verify_by_group hands them over."""
    verified: list[set[tuple[str, str]]] = []

    def watched(tree: Tree, *args: Any, **kwargs: Any) -> Report:
        verified.append({(p.account, p.region) for key in tree.logs.values() if (p := place(key))})
        return verify_tree(tree, *args, **kwargs)

    monkeypatch.setattr(integrity_groups, "verify_tree", watched)
    return verified


def test_an_s3_tree_is_checked_one_account_and_region_at_a_time_with_the_whole_trees_report(
    aws: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    trees = tampered_organization(tmp_path / "keys", monkeypatch)
    s3 = boto3.client("s3", region_name="us-east-1")
    # A forged copy deeper than the folder walk goes: its folder is listed whole, and the copy is
    # checked with its own account and region's digests.
    deep = f"a/b/c/d/e/f/g/{trees[0].logs[1]}"
    s3.put_object(Bucket=BUCKET, Key=deep, Body=FORGED)
    whole = Tree()
    add_s3(whole, s3, f"s3://{BUCKET}/")
    expected = [p.to_dict() for p in verify_tree(whole, FolderKeys(tmp_path / "keys")).problems]
    assert f"s3://{BUCKET}/{deep}" in {p["path"] for p in expected}

    verified = _watch_trees(monkeypatch)
    code, problems = _run(capsys, f"s3://{BUCKET}/", "--public-keys", str(tmp_path / "keys"))
    assert code == 1
    assert _sorted(problems) == _sorted(expected)
    assert {p["kind"] for p in problems} >= {"modified", "missing"}
    assert all(len(groups) <= 1 for groups in verified)  # one account and region a tree
    assert {group for groups in verified for group in groups} == set(GROUPS)


def test_a_local_tree_is_checked_one_account_and_region_at_a_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _tampered_organization_files(tmp_path, monkeypatch)
    whole = Tree()
    add_local(whole, tmp_path / "logs")
    expected = [p.to_dict() for p in verify_tree(whole, FolderKeys(tmp_path / "keys")).problems]
    assert expected

    verified = _watch_trees(monkeypatch)
    code, problems = _run(capsys, str(tmp_path / "logs"), "--public-keys", str(tmp_path / "keys"))
    assert (code, _sorted(problems)) == (1, _sorted(expected))
    assert sorted(group for groups in verified for group in groups) == sorted(GROUPS)
    assert all(len(groups) == 1 for groups in verified)


def _tampered_organization_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tampered_organization's files in tmp_path/logs, the key in tmp_path/keys."""
    trees = []
    for account, region in GROUPS:
        monkeypatch.setattr(signed_trail, "ACCOUNT", account)
        monkeypatch.setattr(signed_trail, "REGION", region)
        tree = build_tree(hours=3)
        tree.write(tmp_path / "logs")
        trees.append(tree)
    trees[0].write_keys(tmp_path / "keys")
    (tmp_path / "logs" / trees[1].logs[2]).write_bytes(FORGED)
    (tmp_path / "logs" / trees[2].digests[1]).unlink()


@pytest.fixture
def day_and_a_half(aws: str, tmp_path: Path) -> tuple[list[str], datetime]:
    """30 signed hours ending now, in moto's bucket and in tmp_path/logs; a log file of 28 hours ago
    and one of 5 hours ago forged. The forged ones' keys, and a time 12 hours ago."""
    start = datetime.now(UTC).replace(minute=0, second=31, microsecond=0) - timedelta(hours=30)
    tree = build_tree(hours=30, logs_per_hour=1, start=start)
    forged = [tree.logs[2], tree.logs[25]]
    for key in forged:
        tree.files[key] = FORGED
    put_in_bucket(tree)
    tree.write(tmp_path / "logs")
    tree.write_keys(tmp_path / "keys")
    return forged, datetime.now(UTC) - timedelta(hours=12)


def test_since_checks_the_daemons_window_and_nothing_before_it(
    day_and_a_half: tuple[list[str], datetime], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (old, recent), since = day_and_a_half
    keys = ["--public-keys", str(tmp_path / "keys")]
    code, everything = _run(capsys, f"s3://{BUCKET}/", *keys)
    assert code == 1 and {p["path"] for p in everything} == {
        f"s3://{BUCKET}/{old}",
        f"s3://{BUCKET}/{recent}",
    }

    code, windowed = _run(capsys, f"s3://{BUCKET}/", "--since", since.isoformat(), *keys)
    assert code == 1 and [p["path"] for p in windowed] == [f"s3://{BUCKET}/{recent}"]
    # What the daemon's check finds over a window of 12 hours.
    (tmp_path / "tagwarden.yaml").write_text(CONFIG)
    config = load_config(tmp_path / "tagwarden.yaml", env={"TAGWARDEN_INTEGRITY__VERIFY_WINDOW_HOURS": "12"})
    parts = build_parts(config, get_logger())
    scans = Scans(config, parts, EventLog())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    assert {f.target for f in parts.store.list_findings()} == {p["path"] for p in windowed}
    capsys.readouterr()  # the daemon's log lines

    # A local copy of the tree, the same window: the same problems, by their path below the folder.
    code, local = _run(capsys, str(tmp_path / "logs"), "--since", since.isoformat(), *keys)
    assert code == 1 and [p["path"] for p in local] == [str(tmp_path / "logs" / recent)]
    assert [(p["kind"], p["detail"]) for p in local] == [(p["kind"], p["detail"]) for p in windowed]


@pytest.mark.parametrize(
    ("since", "message"),
    [
        ("2999-01-01", "is in the future"),
        ("yesterday", "'yesterday' is not a date (2024-01-31), a time (2024-01-31T06:00Z) or a span"),
    ],
)
def test_a_since_that_names_no_window_is_a_usage_error(
    since: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        code = main(["verify-logs", str(tmp_path), "--public-keys", str(tmp_path), "--since", since])
        raise SystemExit(code)
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


def test_a_path_without_digests_beside_others_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tree = build_tree(hours=2)
    root, keys = tree.write(tmp_path / "logs"), tree.write_keys(tmp_path / "keys")
    copies = tmp_path / "copies"
    (copies / tree.logs[0]).parent.mkdir(parents=True)
    (copies / tree.logs[0]).write_bytes(tree.files[tree.logs[0]])
    code = main(["verify-logs", str(root), str(copies), "--public-keys", str(keys)])
    err = capsys.readouterr().err
    assert code == 0  # the copy is one of a listed file, and intact
    assert f"no CloudTrail digest files under {copies}: its log files are checked only where" in err
    assert f"under {root}:" not in err
