"""Property tests of the parsers under verify-logs: CloudTrail file keys, and digests of any bytes."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.integrity import DigestFile, logical_key, place, verify
from tagwarden.core.integrity.layout import log_file_key

accounts = st.from_regex(r"\d{12}", fullmatch=True)
regions = st.sampled_from(["us-east-1", "eu-west-3", "ap-southeast-4", "us-gov-west-1", "cn-north-1"])
moments = st.datetimes(min_value=datetime(2015, 1, 1), max_value=datetime(2035, 1, 1)).map(
    lambda d: d.replace(second=0, microsecond=0, tzinfo=UTC)
)
prefixes = st.sampled_from(["", "logs/", "a/b/", "AWSLogs/o-abc123def4/"])


@given(prefixes, accounts, regions, moments, st.from_regex(r"[A-Za-z0-9]{16}", fullmatch=True))
def test_log_file_keys_are_placed(
    prefix: str, account: str, region: str, moment: datetime, unique: str
) -> None:
    org = "o-abc123def4/" if prefix.startswith("AWSLogs/") else ""
    start = "" if org else prefix
    key = (
        f"{start}AWSLogs/{org}{account}/CloudTrail/{region}/{moment:%Y/%m/%d}/"
        f"{account}_CloudTrail_{region}_{moment:%Y%m%dT%H%M}Z_{unique}.json.gz"
    )
    placed = place(key)
    assert placed is not None and not placed.is_digest
    assert (placed.account, placed.region, placed.when) == (account, region, moment)
    assert placed.key.startswith("AWSLogs/") and key.endswith(placed.key)
    # The key the demo and the tests write is the one CloudTrail writes, as spelled out above.
    assert log_file_key(account, region, moment, unique, organization=org.rstrip("/")) == placed.key


@given(accounts, regions, moments, st.booleans())
def test_digest_keys_are_placed(account: str, region: str, moment: datetime, backfill: bool) -> None:
    suffix = "_backfill" if backfill else ""
    key = (
        f"AWSLogs/{account}/CloudTrail-Digest/{region}/{moment:%Y/%m/%d}/"
        f"{account}_CloudTrail-Digest_{region}_trail_{region}_{moment:%Y%m%dT%H%M%S}Z{suffix}.json.gz"
    )
    placed = place(key)
    assert placed is not None and placed.is_digest and placed.when == moment


@given(st.binary(max_size=300))
def test_any_bytes_as_a_digest_is_a_problem_never_a_crash(content: bytes) -> None:
    path = "t/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/01/x_20260101T000000Z.json.gz"
    report = verify([DigestFile(path, content, "00")], {}, lambda key: None, lambda region, fp: None)
    assert report.problems  # unreadable, or not a digest, or a signature that cannot hold


@given(
    st.dictionaries(
        st.sampled_from(["logFiles", "previousDigestS3Object", "digestEndTime", "digestStartTime"]),
        st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2)),
    )
)
def test_digest_fields_of_any_type_are_a_problem_never_a_crash(fields: dict[str, object]) -> None:
    path = "t/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/01/x_20260101T000000Z.json.gz"
    report = verify(
        [DigestFile(path, json.dumps(fields).encode(), "00")], {}, lambda key: None, lambda region, fp: None
    )
    assert [p.kind for p in report.problems][:1] == ["bad_signature"]


def test_deeply_nested_digest_is_unreadable_not_a_crash() -> None:
    path = "t/AWSLogs/111122223333/CloudTrail-Digest/us-east-1/2026/01/01/x_20260101T000000Z.json.gz"
    report = verify([DigestFile(path, b"[" * 200_000, None)], {}, lambda key: None, lambda region, fp: None)
    assert [(p.kind, p.detail) for p in report.problems] == [
        ("modified", "digest file is unreadable: JSON nested too deeply")
    ]


@given(
    st.sampled_from(["", "AWSLogs/archive/", "x/AWSLogs/", "AWSLogs/AWSLogs/"]), accounts, regions, moments
)
def test_a_key_is_cut_where_it_is_placed(prefix: str, account: str, region: str, moment: datetime) -> None:
    key = (
        f"{prefix}AWSLogs/{account}/CloudTrail/{region}/{moment:%Y/%m/%d}/"
        f"{account}_CloudTrail_{region}_{moment:%Y%m%dT%H%M}Z_unique.json.gz"
    )
    placed = place(key)
    assert placed is not None and logical_key(key) == placed.key == key.removeprefix(prefix)
