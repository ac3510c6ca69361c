"""The fast reader (tagwarden.core.records.triage) against the streaming reader: same results.

Every fixture document, damaged ones included, is judged twice into fresh stores, once read by
the streaming reader and once by the fast one; the unit results and the stored findings, tag
history and sessions that matter must be the same. Hypothesis adds records of every odd shape.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.demo.records import Caller, record, s3_tagging, tag_list
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor, UnitResult
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records
from tagwarden.core.records.text import record_text
from tagwarden.core.records.triage import Skipped, read_log
from tests.conftest import FIXTURES

POLICY = {
    "version": 1,
    "abac_keys": ["team"],
    "rules": [{"id": "team", "keys": ["team"], "writers": [{"principal": "arn:aws:iam::*:role/TagAdmin"}]}],
}
DOCUMENTS = sorted(
    p
    for p in FIXTURES.rglob("*")
    if p.is_file() and p.suffix in (".json", ".gz", ".jsonl") and p.name != "expected.json"
)
CALLER = Caller("123456789012", "dev", session="s1")
_AT = "2024-05-01T10:00:00Z"


def _judged(data: bytes, fast: bool, tmp: Path) -> tuple[UnitResult, list[Any]]:
    tmp.mkdir(exist_ok=True)
    store = open_store(f"sqlite:///{tmp / ('fast.db' if fast else 'slow.db')}")
    processor = Processor(
        normalizer=Normalizer(),
        policy=CompiledPolicy(parse_policy_document(POLICY)),
        store=store,
        principals=PrincipalTagCache(None),
        metrics=Metrics(),
        log=get_logger(),
    )
    items = read_log(data, processor.record_filter) if fast else iter_records(io.BytesIO(data))
    result = processor.process(items, source="t", unit="u")
    findings = sorted((f.id, f.kind, f.old_value, f.new_value, f.explanation) for f in store.list_findings())
    state = [store.current_tags(t).values for t in sorted({f[0] for f in findings})]
    store.close()
    return result, [findings, state]


def _summary(result: UnitResult) -> tuple[Any, ...]:
    return (
        result.records,
        result.rejected,
        result.fatal,
        dict(result.tag_changes),
        result.unreadable,
        len(result.new_findings),
        result.duplicates,
        result.newest_event,
    )


def _assert_same(data: bytes, tmp: Path) -> None:
    slow, slow_state = _judged(data, False, tmp)
    fast, fast_state = _judged(data, True, tmp)
    assert _summary(fast) == _summary(slow)
    assert fast_state == slow_state


@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_every_fixture_document_judges_the_same_read_either_way(path: Path, tmp_path: Path) -> None:
    _assert_same(path.read_bytes(), tmp_path)


def _trail() -> list[dict[str, Any]]:
    """A small trail: reads, untagged and tagged AssumeRole (AWS STS AssumeRole in CloudTrail:
    https://docs.aws.amazon.com/IAM/latest/UserGuide/cloudtrail-integration.html), S3 PutObject
    with and without tags, and tag writes."""
    at = "2024-05-01T10:00:{:02d}Z"
    role = "arn:aws:iam::123456789012:role/app"
    response = {"credentials": {"accessKeyId": "ASIAEXAMPLE1"}, "assumedRoleUser": {"arn": "x"}}
    return [
        record(CALLER, "s3.amazonaws.com", "GetObject", {"bucketName": "b", "key": "k"}, time=at.format(1)),
        record(
            CALLER,
            "sts.amazonaws.com",
            "AssumeRole",
            {"roleArn": role, "roleSessionName": "a"},
            time=at.format(2),
            response=response,
        ),
        record(
            CALLER,
            "sts.amazonaws.com",
            "AssumeRole",
            {"roleArn": role, "roleSessionName": "b", "tags": tag_list({"team": "red"})},
            time=at.format(3),
            response={**response, "credentials": {"accessKeyId": "ASIAEXAMPLE2"}},
        ),
        record(CALLER, "s3.amazonaws.com", "PutObject", {"bucketName": "b", "key": "k"}, time=at.format(4)),
        record(
            CALLER,
            "s3.amazonaws.com",
            "PutObject",
            {"bucketName": "b", "key": "k", "Tagging": "team=red"},
            time=at.format(5),
        ),
        record(
            CALLER,
            "s3.amazonaws.com",
            "PutBucketTagging",
            s3_tagging("b", {"team": "red"}),
            time=at.format(6),
        ),
    ]


def test_a_trail_reads_the_same_and_skips_what_cannot_matter(tmp_path: Path) -> None:
    data = gzip.compress(json.dumps({"Records": _trail()}).encode())
    _assert_same(data, tmp_path)
    items = list(read_log(data, Normalizer()))
    kept = [i["eventName"] for i in items if isinstance(i, dict)]
    # GetObject, the untagged AssumeRole and the untagged PutObject are counted, not decoded.
    assert kept == ["AssumeRole", "PutObject", "PutBucketTagging"]
    assert items[-1] == Skipped(
        3, "2024-05-01T10:00:06Z", {("123456789012", "us-east-1"): "2024-05-01T10:00:06Z"}
    )


def test_a_session_tag_member_spelt_with_an_escape_is_not_skipped() -> None:
    trail = _trail()[1:2]
    text = json.dumps({"Records": trail}).replace('"roleSessionName"', '"t\\u0061gs": [], "roleSessionName"')
    kept = [i for i in read_log(text.encode(), Normalizer()) if isinstance(i, dict)]
    assert len(kept) == 1


_VALUES = st.one_of(
    st.none(),
    st.integers(),
    st.text(max_size=6),
    st.sampled_from(["2024-05-01T10:00:00Z", "not a time", "sts.amazonaws.com", "AssumeRole", "PutObject"]),
    st.just({"tags": [{"key": "team", "value": "x"}]}),
    st.just({"Tagging": "team=x", "bucketName": "b"}),
    st.just({"type": "IAMUser", "arn": "arn:aws:iam::1:user/u"}),
    st.just([]),
)
_KEYS = st.sampled_from(
    [
        "eventSource",
        "eventName",
        "eventTime",
        "userIdentity",
        "requestParameters",
        "responseElements",
        "eventID",
        "detail-type",
        "detail",
        "CloudTrailEvent",
        "Records",
        "x",
    ]
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(records=st.lists(st.dictionaries(_KEYS, _VALUES, max_size=7), max_size=6), gzipped=st.booleans())
def test_odd_records_judge_the_same_read_either_way(
    records: list[dict[str, Any]], gzipped: bool, tmp_path_factory: pytest.TempPathFactory
) -> None:
    base = _trail()[2]
    records = [{**base, **r} if i % 2 else r for i, r in enumerate(records)]
    data = json.dumps({"Records": records}).encode()
    _assert_same(gzip.compress(data) if gzipped else data, tmp_path_factory.mktemp("odd"))


@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.suffix == ".gz"], ids=lambda p: p.name)
def test_zlib_and_isal_inflate_alike(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import zlib

    from tagwarden.core.records import opening

    isal_zlib = pytest.importorskip("isal.isal_zlib")
    data = path.read_bytes()
    results = []
    for module in (zlib, isal_zlib):
        monkeypatch.setattr(opening, "_inflate_module", module)
        results.append((opening.gunzip_whole(data), list(iter_records(io.BytesIO(data), chunk_bytes=97))))
    assert results[0] == results[1]


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(max_size=24),
        st.from_regex(r"\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\Z"),
        st.datetimes().map(lambda d: d.strftime("%Y-%m-%dT%H:%M:%SZ")),
    )
)
def test_the_quick_time_check_agrees_with_parse_time(value: str) -> None:
    from tagwarden.core.records.triage import _is_time
    from tagwarden.core.timeutil import parse_time

    assert _is_time(value) == (parse_time(value) is not None)


def test_a_plain_record_keeps_its_own_text_and_a_container_s_records_do_not() -> None:
    plain = record(
        Caller("123456789012", "dev"),
        "s3.amazonaws.com",
        "PutBucketTagging",
        s3_tagging("b", {"team": "red"}),
        time="2024-05-01T01:00:00Z",
    )
    text = json.dumps({"Records": [plain]}, indent=1).encode()
    (only,) = [item for item in read_log(text, Normalizer()) if isinstance(item, dict)]
    assert record_text(only) != json.dumps(plain, separators=(",", ":"))  # the file's own spacing
    assert json.loads(record_text(only)) == plain == only
    wrapped = json.dumps(
        {"Records": [{"detail-type": "AWS API Call via CloudTrail", "detail": plain}]}
    ).encode()
    (inner,) = [item for item in read_log(wrapped, Normalizer()) if isinstance(item, dict)]
    assert record_text(inner) == json.dumps(plain, separators=(",", ":"))


def test_a_record_whose_call_name_or_source_is_an_object_goes_the_long_way(tmp_path: Path) -> None:
    # Found by hypothesis in CI: the per-call decision put an object into a set.
    odd = [
        {"eventTime": "", "eventSource": {"tags": [{"key": "team", "value": "x"}]}},
        {
            "eventTime": "2024-01-01T00:00:00Z",
            "eventSource": "s3.amazonaws.com",
            "eventName": ["TagResource"],
        },
    ]
    for record_ in odd:
        _assert_same(json.dumps({"Records": [record_]}).encode(), tmp_path / str(len(str(record_))))


def test_a_record_whose_account_or_region_is_an_object_is_read_alike(tmp_path: Path) -> None:
    base = {"eventTime": "2024-01-01T00:00:00Z", "eventSource": "s3.amazonaws.com", "eventName": "GetObject"}
    for odd in ({"recipientAccountId": {"a": 1}}, {"awsRegion": ["us-east-1"]}):
        _assert_same(json.dumps({"Records": [base | odd, base]}).encode(), tmp_path / str(len(str(odd))))


@pytest.mark.parametrize(
    ("source", "name", "request_parameters"),
    [
        # The normalizer takes a member spelled with '-' or '_' between its words (a URI-bound
        # member is logged so): the fast reader must not skip what it would read.
        ("cognito-idp.amazonaws.com", "CreateUserPool", {"poolName": "p", "user_pool_tags": {"team": "x"}}),
        ("access-analyzer.amazonaws.com", "CreateAnalyzer", {"analyzerName": "a", "ta-gs": {"team": "x"}}),
        (
            "sts.amazonaws.com",
            "AssumeRole",
            {
                "roleArn": "arn:aws:iam::123456789012:role/r",
                "roleSessionName": "s",
                "t_ags": tag_list({"team": "x"}),
            },
        ),
    ],
)
def test_a_tag_member_spelled_with_hyphens_or_underscores_is_not_skipped(
    source: str, name: str, request_parameters: dict[str, Any], tmp_path: Path
) -> None:
    response = {"credentials": {"accessKeyId": "ASIAEXAMPLE3"}}
    one = record(CALLER, source, name, request_parameters, time="2024-05-01T10:00:00Z", response=response)
    data = json.dumps({"Records": [one]}).encode()
    _assert_same(data, tmp_path)
    fast, _ = _judged(data, True, tmp_path / "again")
    assert sum(fast.tag_changes.values()) == 1  # a tag change (or a tagged session), read


def test_a_record_nested_past_the_stack_is_reported_where_it_is_and_what_came_before_is_judged(
    tmp_path: Path,
) -> None:
    tagged = record(
        CALLER, "iam.amazonaws.com", "TagRole", {"roleName": "r", "tags": tag_list({"team": "x"})}, time=_AT
    )
    deep = record(CALLER, "s3.amazonaws.com", "GetObject", {"bucketName": "b"}, time=_AT)
    text = json.dumps({"Records": [tagged, deep]}).replace('{"bucketName": "b"}', "[" * 5000 + "]" * 5000)
    _assert_same(text.encode(), tmp_path)
    fast, _ = _judged(text.encode(), True, tmp_path / "again")
    assert fast.fatal is not None and fast.fatal.reason == "too_deep"
    assert sum(fast.tag_changes.values()) == 1


@pytest.mark.parametrize("compact", [True, False])
@pytest.mark.parametrize("same_first", [True, False])
def test_a_records_key_given_twice_is_read_whole_as_the_streaming_reader_reads_it(
    compact: bool, same_first: bool, tmp_path: Path
) -> None:
    """json reads a key given twice as its last value; the streaming reader reads both arrays.
    A second array, even one starting with the first's first record, must not hide the first's
    tag writes from the fast reader."""
    separators = (",", ":") if compact else (", ", ": ")
    tagging, reading = _trail()[5], _trail()[0]
    first = [reading, tagging] if same_first else [tagging]
    arrays = [json.dumps(records, separators=separators) for records in (first, [reading])]
    data = gzip.compress(f'{{"Records":{arrays[0]},"Records":{arrays[1]}}}'.encode())
    _assert_same(data, tmp_path)
    streamed = [i["eventName"] for i in iter_records(io.BytesIO(data)) if isinstance(i, dict)]
    fast = [i["eventName"] for i in read_log(data, Normalizer()) if isinstance(i, dict)]
    assert fast.count("PutBucketTagging") == streamed.count("PutBucketTagging") == 1


def test_a_compact_trail_file_stays_on_the_fast_path() -> None:
    data = json.dumps({"Records": _trail()}, separators=(",", ":")).encode()
    items = list(read_log(data, Normalizer()))
    assert isinstance(items[-1], Skipped) and items[-1].count == 3
