"""Log files delivered while no digests are written (log file validation turned off, digests
deleted) are reported once per stretch without digests, not once per file and run."""

from __future__ import annotations

import gzip
from datetime import datetime, timedelta

from tagwarden.core.integrity import Report, integrity_findings
from tests.builders import signed_trail
from tests.builders.signed_trail import SignedTree, build_tree, signing_keys
from tests.core.integrity.test_digests import _kinds, _verify

NEWEST_END = signed_trail.START + timedelta(hours=3)  # build_tree's three hourly digests


def _deliver(tree: SignedTree, moment: datetime, unique: str) -> str:
    key = signed_trail.log_key(moment, unique)
    tree.files[key] = gzip.compress(signed_trail.log_content(moment, unique))
    tree.logs.append(key)
    return key


def _unlisted(report: Report) -> list[str]:
    return [path for kind, path in _kinds(report) if kind == "unlisted"]


def test_validation_turned_off_is_one_problem_that_stays_the_same_as_files_arrive() -> None:
    tree = build_tree()
    first = _deliver(tree, NEWEST_END + timedelta(minutes=5), "off-0")
    for n in range(1, 30):
        _deliver(tree, NEWEST_END + timedelta(minutes=5 + 5 * n), f"off-{n}")
    now = NEWEST_END + timedelta(hours=4)
    report = verify_at(tree, now)
    assert _unlisted(report) == [first]
    assert "nor do any of 29 later log file(s)" in report.problems[0].detail
    assert "digests stopped" in report.problems[0].detail
    # An hour on, a dozen more files: still the one problem, and the same finding.
    for n in range(30, 42):
        _deliver(tree, NEWEST_END + timedelta(minutes=5 + 5 * n), f"off-{n}")
    later = verify_at(tree, now + timedelta(hours=1))
    assert _unlisted(later) == [first]
    ids = {f.id for f in integrity_findings(report, "critical", "t1")}
    assert ids == {f.id for f in integrity_findings(later, "critical", "t2")}


def test_a_stretch_between_digests_is_one_problem_and_a_planted_file_in_a_digest_hour_its_own() -> None:
    tree = build_tree(hours=6)
    hidden = tree.digests[2:4]  # two hours without digests, as if validation was off
    for key in hidden:
        del tree.files[key]
    gap_logs = tree.logs[4:8]
    planted = _deliver(tree, signed_trail.START + timedelta(minutes=35), "planted")
    kinds = _kinds(_verify(tree))
    assert ("unlisted", planted) in kinds
    assert [path for kind, path in kinds if kind == "unlisted" and path in gap_logs] == [gap_logs[0]]


def verify_at(tree: SignedTree, now: datetime) -> Report:
    from tagwarden.core.integrity import DigestFile, verify
    from tests.builders.signed_trail import hashing

    digests = [DigestFile(f"/t/{key}", tree.files[key], tree.signatures.get(key)) for key in tree.digests]
    logs = {f"/t/{key}": key for key in tree.logs}
    read = hashing(lambda where: tree.files.get(where.removeprefix("/t/")))
    return verify(digests, logs, read, signing_keys, now=now)
