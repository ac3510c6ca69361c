"""Every copy of a digest counts, as every copy of a log file does: a copy under another key (a
backup, or one planted) must be signed as the digest is. One copy, the one at the shortest path
(CloudTrail's own key is the shortest a copy can have), gives the chain and the log files checked,
whatever order the files come in."""

from __future__ import annotations

import gzip
import json

import pytest

from tagwarden.core.integrity import DigestFile, Report, verify
from tests.builders.signed_trail import SignedTree, build_tree, signing_keys
from tests.core.integrity.test_digests import _logs, _read


def _digests(tree: SignedTree, root: str, signed: bool = True) -> list[DigestFile]:
    return [
        DigestFile(f"{root}{key}", tree.files[key], tree.signatures[key] if signed else None)
        for key in tree.digests
    ]


def _problems(report: Report) -> list[tuple[str, str]]:
    return sorted((p.kind, p.path) for p in report.problems)


@pytest.mark.parametrize("copy_first", [True, False])
def test_a_forged_copy_of_a_digest_is_a_bad_signature_and_the_original_still_counts(copy_first: bool) -> None:
    tree = build_tree(hours=3)
    originals = _digests(tree, "s3://b/")
    data = json.loads(gzip.decompress(tree.files[tree.digests[1]]))
    data["logFiles"] = data["logFiles"][:1]  # one of its log files left out: it would pass unlisted
    forged = DigestFile(
        f"s3://b/backup/{tree.digests[1]}",
        gzip.compress(json.dumps(data).encode()),
        tree.signatures[tree.digests[1]],
    )
    given = [forged, *originals] if copy_first else [*originals, forged]
    report = verify(given, _logs(tree), _read(tree), signing_keys)
    assert _problems(report) == [("bad_signature", forged.path)]
    assert (report.digests, report.logs_checked) == (3, 6)


@pytest.mark.parametrize("copy_first", [True, False])
def test_a_true_copy_of_a_digest_raises_nothing(copy_first: bool) -> None:
    tree = build_tree(hours=3)
    originals = _digests(tree, "s3://b/")
    copy = DigestFile(
        f"s3://b/backup/{tree.digests[0]}", tree.files[tree.digests[0]], tree.signatures[tree.digests[0]]
    )
    given = [copy, *originals] if copy_first else [*originals, copy]
    report = verify(given, _logs(tree), _read(tree), signing_keys)
    assert report.problems == []
    assert (report.digests, report.logs_checked) == (3, 6)


def test_a_local_true_copy_is_signed_as_its_original_is() -> None:
    # Local copies carry no metadata: the original's signature comes from the next digest, and a
    # copy with the same bytes has the same one.
    tree = build_tree(hours=3)
    originals = _digests(tree, "/t/", signed=False)
    copy = DigestFile(f"/t/backup/{tree.digests[0]}", tree.files[tree.digests[0]])
    report = verify([copy, *originals], _logs(tree), _read(tree), signing_keys)
    assert report.problems == []
    assert report.unsigned == [f"/t/{tree.digests[-1]}"]  # the newest, as without the copy


def test_an_s3_copy_made_without_metadata_is_signed_by_its_content() -> None:
    tree = build_tree(hours=3)
    copy = DigestFile(f"s3://b/backup/{tree.digests[1]}", tree.files[tree.digests[1]])
    report = verify([*_digests(tree, "s3://b/"), copy], _logs(tree), _read(tree), signing_keys)
    assert report.problems == [] and report.unsigned == []
    forged = DigestFile(copy.path, gzip.compress(gzip.decompress(copy.content) + b" "))
    report = verify([*_digests(tree, "s3://b/"), forged], _logs(tree), _read(tree), signing_keys)
    assert _problems(report) == [("bad_signature", forged.path)]


def test_a_digest_given_twice_at_one_path_is_one_file() -> None:
    # Two watched locations, one inside the other, list the same objects.
    tree = build_tree(hours=3)
    asked: list[str] = []

    def keys(region: str, fingerprint: str) -> bytes | None:
        asked.append(fingerprint)
        return signing_keys(region, fingerprint)

    originals = _digests(tree, "s3://b/")
    report = verify([*originals, *originals], _logs(tree), _read(tree), keys)
    assert report.problems == [] and (report.digests, report.logs_checked) == (3, 6)
    assert len(asked) == 3  # each signature checked once
