"""Every container form and every kind of damage, read through tagwarden.core.records."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tagwarden.core.records import ReadProblem, iter_records
from tagwarden.core.records.json_stream import ChunkedText, iter_array
from tagwarden.core.records.opening import gunzip_whole
from tests.conftest import FIXTURES

CONTAINERS = FIXTURES / "containers"
EXPECTED = json.loads((CONTAINERS / "expected.json").read_text())


def read(path: Path) -> list[dict[str, Any] | ReadProblem]:
    with path.open("rb") as stream:
        return list(iter_records(stream))


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED["files"] if not n.startswith("sqs/")))
def test_every_container_yields_its_records_in_order(name: str) -> None:
    items = read(CONTAINERS / name)
    assert not [i for i in items if isinstance(i, ReadProblem)]
    ids = [i["eventID"] for i in items if isinstance(i, dict)]
    assert ids == EXPECTED["files"][name]["records"]


def test_lookup_events_strings_parse_back_to_the_same_record() -> None:
    from_log = {r["eventID"]: r for r in read(CONTAINERS / "log.json") if isinstance(r, dict)}
    for record in read(CONTAINERS / "lookup-events.json"):
        assert isinstance(record, dict)
        assert record == from_log[record["eventID"]]


def _chunks(text: str, size: int) -> Any:
    return iter([text[i : i + size] for i in range(0, len(text), size)])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.dictionaries(
            st.sampled_from(["eventName", "eventSource", "n", "tags", "x"]),
            st.one_of(
                st.integers(),
                st.floats(allow_nan=False, allow_infinity=False),
                st.text(max_size=8),
                st.lists(st.integers(), max_size=3),
            ),
            max_size=4,
        ),
        max_size=8,
    ),
    st.integers(min_value=1, max_value=40),
)
def test_streaming_reads_what_json_loads_reads_whatever_the_chunking(values: list[Any], size: int) -> None:
    text = json.dumps(values)
    cursor = ChunkedText(_chunks(text, size))
    assert list(iter_array(cursor)) == json.loads(text)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=200), st.integers(min_value=0, max_value=30))
def test_log_file_gzip_or_not_any_chunk_size(chunk: int, count: int) -> None:
    records = [
        {"eventVersion": "1.08", "eventSource": "s", "eventName": f"E{i}", "eventID": str(i)}
        for i in range(count)
    ]
    raw = json.dumps({"Records": records}).encode()
    for body in (raw, gzip.compress(raw)):
        got = list(iter_records(io.BytesIO(body), chunk_bytes=chunk))
        assert got == records


@settings(max_examples=30, deadline=None)
@given(
    st.integers(min_value=1, max_value=200),
    st.sampled_from([1, 9, 3 * 1024]),
    st.sampled_from([b"", b"\x00" * 5000]),
)
def test_zeros_between_and_after_gzip_members_are_skipped_as_gzip_skips_them(
    chunk: int, zeros: int, trailing: bytes
) -> None:
    # Python's gzip and GNU gzip take such a file whole; before, the records after the zeros were lost.
    records = [{"eventSource": "s", "eventName": f"E{i}", "eventID": str(i)} for i in range(4)]
    first = json.dumps({"Records": records})
    cut = len(first) // 2
    body = (
        gzip.compress(first[:cut].encode()) + b"\x00" * zeros + gzip.compress(first[cut:].encode()) + trailing
    )
    # The document is cut inside a record: its records come out only if both members are read.
    assert gzip.decompress(body) == first.encode()
    assert list(iter_records(io.BytesIO(body), chunk_bytes=chunk)) == records
    assert gunzip_whole(body) == first.encode()


MALFORMED = FIXTURES / "malformed"
MALFORMED_EXPECTED = json.loads((MALFORMED / "expected.json").read_text())


@pytest.mark.parametrize("name", sorted(MALFORMED_EXPECTED["files"]))
def test_damaged_files_keep_what_is_valid_and_say_what_is_wrong(name: str) -> None:
    spec = MALFORMED_EXPECTED["files"][name]
    items = read(MALFORMED / name)
    records = [i for i in items if isinstance(i, dict)]
    fatal = [i for i in items if isinstance(i, ReadProblem) and i.fatal]
    assert bool(fatal) == spec["file_error"]
    ids = [r.get("eventID") for r in records]
    assert [i for i in ids if i in spec["changes_from"]] == spec["changes_from"]
    for event_id in spec["bad_records"]:
        assert event_id in ids  # read, to be reported as bad by the processor
    allowed = set(spec["changes_from"]) | set(spec["bad_records"]) | set(spec["optional_changes_from"])
    assert set(ids) <= allowed
    for problem in fatal:
        assert problem.detail  # the reason is said, not just counted
