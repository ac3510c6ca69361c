"""The scheduled integrity check lists, reads and verifies one account and region at a time (moto):
an organization's 48-hour window is hundreds of thousands of log files at some 1.4 KB each in
memory, more than the container's 512 MiB; one account and region's is a few hundred. The findings
are those of verifying the whole window at once."""

from __future__ import annotations

import gzip
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import boto3
import pytest

from tagwarden.adapters import integrity_groups
from tagwarden.adapters.integrity import Tree, add_s3, verify_tree, window_groups
from tagwarden.adapters.public_keys import FolderKeys
from tagwarden.app.scans import Scans
from tagwarden.core.integrity import Report
from tests.builders.event_log import EventLog
from tests.builders.integrity_bucket import CONFIG, GROUPS, daemon_parts, nest_copies, tampered_organization
from tests.builders.signed_trail import BUCKET, SignedTree, fingerprint, public_der
from tests.core.integrity.test_public_keys import FakeCloudTrail


@pytest.fixture
def organization(aws: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[SignedTree]:
    return tampered_organization(tmp_path / "keys", monkeypatch)


def _problems(report: Report) -> Counter[tuple[str, str, str]]:
    return Counter((p.kind, p.path, p.digest) for p in report.problems)


def test_verifying_each_account_and_region_alone_finds_what_verifying_all_at_once_finds(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    s3, url = boto3.client("s3", region_name="us-east-1"), f"s3://{BUCKET}/"
    since, keys = datetime.now(UTC) - timedelta(hours=48), FolderKeys(tmp_path / "keys")
    whole = Tree()
    add_s3(whole, s3, url, since)
    at_once = verify_tree(whole, keys, since)

    groups = window_groups(s3, url, since)
    assert sorted(groups) == sorted(GROUPS)
    by_group = Report()
    for folders in groups.values():
        tree = Tree()
        add_s3(tree, s3, url, since, folders=folders)
        assert len({(key.split("/")[1], key.split("/")[3]) for key in tree.logs.values()}) == 1
        by_group.add(verify_tree(tree, keys, since))

    assert _problems(by_group) == _problems(at_once)
    assert {kind for kind, _, _ in _problems(at_once)} >= {"modified", "missing"}
    assert (by_group.digests, by_group.logs_checked) == (at_once.digests, at_once.logs_checked)


def test_the_daemon_holds_one_account_and_regions_files_at_a_time(
    organization: list[SignedTree], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, parts = daemon_parts(tmp_path)
    verified: list[set[tuple[str, str]]] = []

    def verify_tree_watched(tree: Tree, *args: Any, **kwargs: Any) -> Report:
        verified.append({(key.split("/")[1], key.split("/")[3]) for key in tree.logs.values()})
        return verify_tree(tree, *args, **kwargs)

    monkeypatch.setattr(integrity_groups, "verify_tree", verify_tree_watched)
    log = EventLog()
    scans = Scans(config, parts, log)
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    assert sorted(group for groups in verified for group in groups) == sorted(GROUPS)
    assert all(len(groups) == 1 for groups in verified)  # one account and region a tree
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    # Nine digests less the one deleted; 18 log files less the two only that digest vouched for.
    assert (done["digests"], done["digests_read"], done["log_files_read"]) == (8, 8, 16)
    kinds = Counter(f.kind for f in parts.store.list_findings())
    assert kinds == Counter({"log_integrity": done["problems"]}) and done["problems"] >= 2


def test_public_keys_are_asked_once_a_region_over_the_window_not_once_a_group(
    organization: list[SignedTree], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config, parts = daemon_parts(tmp_path, CONFIG.replace(", public_keys: keys", ""))
    now = datetime.now(UTC)
    key = {
        "Fingerprint": fingerprint(),
        "Value": public_der(),
        "ValidityStartTime": now - timedelta(days=9),
        "ValidityEndTime": now,
    }
    calls: dict[str, list[tuple[datetime, datetime]]] = {}
    monkeypatch.setattr(
        parts.clients, "cloudtrail", lambda region=None: FakeCloudTrail([key], calls.setdefault(region, []))
    )
    scans = Scans(config, parts, log := EventLog())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    assert sorted(calls) == ["eu-west-1", "us-east-2"]
    for ((start, end),) in calls.values():  # once each, over the 48-hour window and the hour before
        assert timedelta(hours=48.9) < end - start < timedelta(hours=49.1)
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    # The digests verify with the keys fetched: only the tampering is found, as with a keys folder.
    assert done["problems"] == len(parts.store.list_findings()) >= 2
    assert all("signature" not in f.explanation for f in parts.store.list_findings())


def test_an_account_and_regions_files_in_two_locations_are_verified_together(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    # A copy of a log file in another watched bucket counts as a copy of the one the digest lists,
    # as when every location was one tree: forged there, it is found there.
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="copies")
    copied = organization[0].logs[1]
    s3.put_object(Bucket="copies", Key=copied, Body=gzip.compress(b'{"Records": []}'))
    config, parts = daemon_parts(
        tmp_path, CONFIG.replace('paths: ["s3://', 'paths: ["s3://copies/AWSLogs/", "s3://')
    )
    scans = Scans(config, parts, EventLog())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    found = {f.target for f in parts.store.list_findings()}

    since, keys = datetime.now(UTC) - timedelta(hours=48), FolderKeys(tmp_path / "keys")
    whole = Tree()
    for url in ("s3://copies/AWSLogs/", f"s3://{BUCKET}/AWSLogs/"):
        add_s3(whole, s3, url, since)
    at_once = verify_tree(whole, keys, since)
    assert found == {p.path for p in at_once.problems}
    assert f"s3://copies/{copied}" in found


def test_a_forged_copy_nested_in_another_account_and_regions_folder_is_found(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    # A writer to the bucket plants a copy of one account's log file inside another account and
    # region's day folder (the files source reads it: its name is a log file's). Its digest is in
    # its own account and region's folders, checked before or after the folder it hides in.
    s3 = boto3.client("s3", region_name="us-east-1")
    hidden = nest_copies(organization, gzip.compress(b'{"Records": []}'))
    config, parts = daemon_parts(tmp_path)
    scans = Scans(config, parts, log := EventLog())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    found = {(f.target, f.explanation.split(":")[0]) for f in parts.store.list_findings()}

    since, keys = datetime.now(UTC) - timedelta(hours=48), FolderKeys(tmp_path / "keys")
    whole = Tree()
    add_s3(whole, s3, f"s3://{BUCKET}/", since)
    at_once = verify_tree(whole, keys, since)
    assert {f"s3://{BUCKET}/{key}" for key in hidden} <= {p.path for p in at_once.problems}
    assert {target for target, _ in found} == {p.path for p in at_once.problems}
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done["problems"] == len(at_once.problems)


def test_a_copy_of_a_digest_nested_in_another_account_and_regions_folder_raises_nothing_false(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    # A genuine digest copied, metadata and all, into another account and region's digest folder:
    # checked there, without its chain and its log files, it would call them missing.
    s3 = boto3.client("s3", region_name="us-east-1")
    first, _, last = organization
    for tree, inside in ((last, first), (first, last)):
        nested = f"{inside.digests[0].rsplit('/', 1)[0]}/{tree.digests[2]}"
        s3.copy_object(Bucket=BUCKET, Key=nested, CopySource={"Bucket": BUCKET, "Key": tree.digests[2]})
    config, parts = daemon_parts(tmp_path)
    scans = Scans(config, parts, EventLog())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)

    since, keys = datetime.now(UTC) - timedelta(hours=48), FolderKeys(tmp_path / "keys")
    whole = Tree()
    add_s3(whole, s3, f"s3://{BUCKET}/", since)
    at_once = verify_tree(whole, keys, since)
    assert {f.target for f in parts.store.list_findings()} == {p.path for p in at_once.problems}


def test_each_location_tells_how_many_digest_files_its_window_holds(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    # A location with log files and no digest (a copy; a trail whose validation is off) is one the
    # check proves nothing of: TagwardenLogIntegrityBlind fires on its zero.
    s3 = boto3.client("s3", region_name="us-east-1")
    s3.create_bucket(Bucket="copies")
    s3.put_object(Bucket="copies", Key=organization[0].logs[1], Body=gzip.compress(b'{"Records": []}'))
    config, parts = daemon_parts(
        tmp_path, CONFIG.replace('paths: ["s3://', 'paths: ["s3://copies/AWSLogs/", "s3://')
    )
    scans = Scans(config, parts, log := EventLog())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    sample = parts.metrics.registry.get_sample_value
    watched = f"s3://{BUCKET}/AWSLogs/"
    assert sample("tagwarden_integrity_digest_files", {"location": "s3://copies/AWSLogs/"}) == 0
    assert sample("tagwarden_integrity_digest_files", {"location": watched}) == 8  # nine, one deleted
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    assert done["digest_files"] == {"s3://copies/AWSLogs/": 0, watched: 8}


def test_two_watched_locations_one_inside_the_other_read_each_digest_once(
    organization: list[SignedTree], tmp_path: Path
) -> None:
    config, parts = daemon_parts(
        tmp_path, CONFIG.replace('paths: ["s3://', f'paths: ["s3://{BUCKET}/AWSLogs/111122223333/", "s3://')
    )
    scans = Scans(config, parts, log := EventLog())
    (job,) = [job for job in scans.jobs() if job.name == "integrity"]
    assert scans.run(job)
    (done,) = [fields for _, event, fields in log.lines if event == "integrity_check_done"]
    # As with the bucket watched once: nine digests less the one deleted, each read once.
    assert (done["digests"], done["digests_read"], done["log_files_read"]) == (8, 8, 16)
    assert done["problems"] == len(parts.store.list_findings()) >= 2
