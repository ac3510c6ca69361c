"""Properties of the SQS message reader, whose input anyone who can send to the queue writes: any
body gives what it points at, or MessageError, never another exception; a size is taken only as
a whole number of bytes; a key comes back as S3 encoded it, decoded."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote_plus

from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters.sources.messages import (
    Ignored,
    Inline,
    MessageError,
    S3Object,
    content_bytes,
    parse_body,
)

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20)
JSON = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=20,
)
LOG_KEY = st.builds(
    lambda account, name: f"AWSLogs/{account}/CloudTrail/us-east-1/2024/06/01/{name}.json.gz",
    st.from_regex(r"\d{12}", fullmatch=True),
    st.text(min_size=1, max_size=30).filter(lambda name: "/" not in name),
)


def _read(body: str) -> list[S3Object | Inline] | Ignored | MessageError:
    try:
        return parse_body(body)
    except MessageError as exc:
        return exc


@given(st.text(max_size=200) | JSON.map(json.dumps))
def test_any_body_is_read_or_refused_as_a_message(body: str) -> None:
    got = _read(body)
    if isinstance(got, list):
        assert got and all(isinstance(item, S3Object | Inline) for item in got)
        told = content_bytes(got)
        assert told is None or (isinstance(told, int) and told >= 0)
    else:
        assert isinstance(got, Ignored | MessageError)


def _notification(bucket: Any, key: Any, size: Any) -> str:
    found = {"key": key, "size": size}
    record = {
        "eventSource": "aws:s3",
        "eventName": "ObjectCreated:Put",
        "s3": {"bucket": {"name": bucket}, "object": found},
    }
    return json.dumps({"Records": [record]})


@given(LOG_KEY, JSON)
def test_a_size_is_taken_only_as_a_whole_number_of_bytes(key: str, size: Any) -> None:
    got = _read(_notification("logs", quote_plus(key), size))
    assert got == [S3Object("logs", key)]  # the size never decides what is read
    assert isinstance(got, list) and isinstance(got[0], S3Object)
    whole = isinstance(size, int) and not isinstance(size, bool) and size >= 0
    assert got[0].size == (size if whole else None)
    assert content_bytes(got) == got[0].size


@given(JSON, JSON, JSON)
def test_a_notification_with_members_of_any_type_is_read_or_refused(bucket: Any, key: Any, size: Any) -> None:
    got = _read(_notification(bucket, key, size))
    assert isinstance(got, list | Ignored | MessageError)
