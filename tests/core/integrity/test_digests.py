"""Digest verification on a signed tree built as CloudTrail builds it (tests/signed_trail.py)."""

from __future__ import annotations

import gzip
import hashlib
import json
from datetime import timedelta

from tagwarden.core.integrity import DigestFile, HashLog, Report, verify
from tests.builders import signed_trail
from tests.builders.signed_trail import (
    SignedTree,
    build_tree,
    fingerprint,
    forge_newest_hour,
    hashing,
    signing_keys,
)


def _verify(tree: SignedTree, *, with_signatures: bool = True, root: str = "/t/") -> Report:
    digests = [
        DigestFile(f"{root}{key}", tree.files[key], tree.signatures.get(key) if with_signatures else None)
        for key in tree.digests
        if key in tree.files
    ]
    logs = {f"{root}{key}": key for key in tree.logs if key in tree.files}
    return verify(
        digests, logs, hashing(lambda where: tree.files.get(where.removeprefix(root))), signing_keys
    )


def _logs(tree: SignedTree) -> dict[str, str]:
    return {f"/t/{key}": key for key in tree.logs}


def _read(tree: SignedTree) -> HashLog:
    return hashing(lambda where: tree.files.get(where.removeprefix("/t/")))


def _kinds(report: Report) -> list[tuple[str, str]]:
    return sorted((p.kind, p.path.removeprefix("/t/")) for p in report.problems)


def test_untouched_tree_is_clean() -> None:
    report = _verify(build_tree())
    assert report.problems == []
    assert (report.digests, report.logs_checked, report.unsigned) == (3, 6, [])


def test_without_metadata_signatures_come_from_the_next_digest() -> None:
    tree = build_tree()
    report = _verify(tree, with_signatures=False)
    assert report.problems == []
    assert [u.removeprefix("/t/") for u in report.unsigned] == [tree.digests[-1]]
    assert report.logs_checked == 4  # the newest digest's two log files are vouched for by nothing


def _forge_newest_hour(tree: SignedTree) -> None:
    """forge_newest_hour, and the newest digest's signature dropped."""
    forge_newest_hour(tree)
    del tree.signatures[tree.digests[-1]]


def test_s3_digest_without_signature_metadata_is_a_bad_signature() -> None:
    tree = build_tree()
    _forge_newest_hour(tree)
    report = _verify(tree, root=f"s3://{signed_trail.BUCKET}/")
    assert [(p.kind, p.path.rsplit("/", 1)[-1]) for p in report.problems] == [
        ("bad_signature", tree.digests[-1].rsplit("/", 1)[-1])
    ]
    assert "no x-amz-meta-signature" in report.problems[0].detail
    assert (report.logs_checked, report.unsigned) == (4, [])


def test_s3_digest_signature_is_never_taken_from_the_next_digest() -> None:
    tree = build_tree()
    del tree.signatures[tree.digests[0]]
    report = _verify(tree, root=f"s3://{signed_trail.BUCKET}/")
    assert [(p.kind, p.path.endswith(tree.digests[0])) for p in report.problems] == [("bad_signature", True)]


def test_local_forged_unsigned_digest_vouches_for_nothing() -> None:
    tree = build_tree()
    _forge_newest_hour(tree)
    report = _verify(tree)
    assert report.problems == []  # a local copy has no metadata: nothing to tell a forgery by
    assert [u.removeprefix("/t/") for u in report.unsigned] == [tree.digests[-1]]
    assert report.logs_checked == 4


def test_log_listed_only_by_an_unsigned_forged_digest_is_unlisted() -> None:
    tree = build_tree(hours=2)
    moment = signed_trail.START + timedelta(minutes=70)
    planted, raw = signed_trail.log_key(moment, "planted"), signed_trail.log_content(moment, "planted")
    tree.files[planted] = gzip.compress(raw)
    tree.logs.append(planted)
    end = signed_trail.START + timedelta(hours=2)
    forged_key = signed_trail.digest_key(end).replace(signed_trail.TRAIL, "forged-trail")
    forged = {
        "digestStartTime": "2026-11-30T02:00:31Z",
        "digestEndTime": "2026-11-30T03:00:31Z",
        "digestS3Bucket": signed_trail.BUCKET,
        "digestS3Object": forged_key,
        "digestPublicKeyFingerprint": fingerprint(),
        "digestSignatureAlgorithm": "SHA256withRSA",
        "previousDigestSignature": None,
        "logFiles": [
            {
                "s3Bucket": signed_trail.BUCKET,
                "s3Object": planted,
                "hashValue": hashlib.sha256(raw).hexdigest(),
            }
        ],
    }
    tree.files[forged_key] = gzip.compress(json.dumps(forged).encode())
    tree.digests.append(forged_key)
    assert ("unlisted", planted) in _kinds(_verify(tree))


def test_modified_log_file() -> None:
    tree = build_tree()
    victim = tree.logs[2]
    tree.files[victim] = gzip.compress(
        gzip.decompress(tree.files[victim]).replace(b"PutBucket", b"GetBucket")
    )
    report = _verify(tree)
    assert _kinds(report) == [("modified", victim)]
    assert report.problems[0].digest == f"/t/{tree.digests[1]}"


def test_deleted_log_file() -> None:
    tree = build_tree()
    victim = tree.logs[0]
    del tree.files[victim]
    assert _kinds(_verify(tree)) == [("missing", f"s3://{signed_trail.BUCKET}/{victim}")]


def test_deleted_digest_file_in_the_middle() -> None:
    tree = build_tree()
    victim = tree.digests[1]
    del tree.files[victim]
    kinds = _kinds(_verify(tree))
    # its log files are now listed nowhere (reported once, by the first), and the next digest
    # points at a file that is gone
    assert ("missing", f"s3://{signed_trail.BUCKET}/{victim}") in kinds
    assert ("unlisted", tree.logs[2]) in kinds and ("unlisted", tree.logs[3]) not in kinds


def test_rewritten_digest_breaks_the_chain_and_its_signature() -> None:
    tree = build_tree()
    victim = tree.digests[1]
    data = json.loads(gzip.decompress(tree.files[victim]))
    data["logFiles"] = data["logFiles"][:1]  # hide a log file
    tree.files[victim] = gzip.compress(json.dumps(data).encode())
    kinds = _kinds(_verify(tree))
    assert ("bad_signature", victim) in kinds
    assert ("chain_broken", victim) in kinds
    assert ("unlisted", tree.logs[3]) in kinds


def test_digest_resigned_by_another_key_fails() -> None:
    tree = build_tree()
    victim = tree.digests[0]
    tree.signatures[victim] = "00" * 256
    kinds = _kinds(_verify(tree))
    assert ("bad_signature", victim) in kinds
    # and the next digest remembers the real signature
    assert ("chain_broken", victim) in kinds


def test_unknown_public_key_is_reported() -> None:
    tree = build_tree(hours=1)
    digest = DigestFile(
        f"/t/{tree.digests[0]}", tree.files[tree.digests[0]], tree.signatures[tree.digests[0]]
    )
    report = verify([digest], _logs(tree), _read(tree), lambda region, fp: None)
    assert [p.kind for p in report.problems] == ["bad_signature"]
    assert "no public key with fingerprint" in report.problems[0].detail


def test_log_file_written_during_a_digest_hour_but_listed_in_none() -> None:
    tree = build_tree()
    moment = signed_trail.START + timedelta(minutes=95)
    extra = signed_trail.log_key(moment, "planted")
    tree.files[extra] = gzip.compress(signed_trail.log_content(moment, "planted"))
    tree.logs.append(extra)
    assert _kinds(_verify(tree)) == [("unlisted", extra)]


def test_log_file_after_the_last_digest_is_not_unlisted() -> None:
    tree = build_tree()
    moment = signed_trail.START + timedelta(hours=3, minutes=10)
    late = signed_trail.log_key(moment, "late")
    tree.files[late] = gzip.compress(signed_trail.log_content(moment, "late"))
    tree.logs.append(late)
    assert _verify(tree).problems == []


def test_log_file_named_well_after_the_last_digest_is_unlisted() -> None:
    tree = build_tree()
    newest_end = signed_trail.START + timedelta(hours=3)
    on_time = signed_trail.log_key(newest_end + timedelta(minutes=110), "on-time")
    late = signed_trail.log_key(newest_end + timedelta(minutes=130), "late")
    for key in (on_time, late):
        tree.files[key] = gzip.compress(signed_trail.log_content(signed_trail.START, "planted"))
        tree.logs.append(key)
    # The late one shows the digests stopped: both are then reported, once, by the first.
    report = _verify(tree)
    assert _kinds(report) == [("unlisted", on_time)]
    assert "nor do any of 1 later log file(s)" in report.problems[0].detail


def test_log_file_named_a_year_ahead_in_a_digested_day_is_unlisted() -> None:
    tree = build_tree()
    ahead = signed_trail.START + timedelta(days=365)
    planted = signed_trail.log_key(ahead, "planted").replace(
        f"{ahead:%Y/%m/%d}", f"{signed_trail.START:%Y/%m/%d}"
    )
    tree.files[planted] = gzip.compress(signed_trail.log_content(signed_trail.START, "planted"))
    tree.logs.append(planted)
    report = _verify(tree)
    assert _kinds(report) == [("unlisted", planted)]
    assert "in the future" in report.problems[0].detail


def test_log_file_with_no_time_in_its_name_is_unlisted() -> None:
    tree = build_tree()
    day = f"{signed_trail.START:%Y/%m/%d}"
    planted = f"AWSLogs/{signed_trail.ACCOUNT}/CloudTrail/{signed_trail.REGION}/{day}/extra.json.gz"
    tree.files[planted] = gzip.compress(signed_trail.log_content(signed_trail.START, "planted"))
    tree.logs.append(planted)
    report = _verify(tree)
    assert _kinds(report) == [("unlisted", planted)]
    assert "no CloudTrail delivery time" in report.problems[0].detail


def test_digest_moved_from_where_it_was_delivered() -> None:
    tree = build_tree(hours=1)
    key = tree.digests[0]
    moved = key.replace("us-east-2_20", "us-east-2_19")
    digest = DigestFile(f"/t/{moved}", tree.files[key], tree.signatures[key])
    report = verify([digest], _logs(tree), _read(tree), signing_keys)
    assert [p.kind for p in report.problems] == ["bad_signature"]
    assert "signed for" in report.problems[0].detail
