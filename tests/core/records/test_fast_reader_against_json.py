"""The fast reader's decisions against ``json.loads`` of the whole document: what it keeps to judge
(tag changes, tagged sessions) and the control calls it hands on are what reading every record
whole gives, whatever the member spellings, key order, ``\\u`` escapes and whitespace."""

from __future__ import annotations

import gzip
import json
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tagwarden.adapters.metrics import Metrics
from tagwarden.adapters.store import open_store
from tagwarden.app.logs import get_logger
from tagwarden.app.pipeline import PrincipalTagCache, Processor
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tagwarden.core.normalize import Normalizer
from tagwarden.core.records import iter_records_from_value
from tagwarden.core.records.triage import read_log

POLICY = {"version": 1, "abac_keys": ["team"], "rules": [{"id": "team", "keys": ["team"]}]}
PROCESSOR = Processor(
    normalizer=Normalizer(),
    policy=CompiledPolicy(parse_policy_document(POLICY)),
    store=open_store("sqlite:///:memory:"),
    principals=PrincipalTagCache(None),
    metrics=Metrics(),
    log=get_logger(),
)
CALLS = [
    ("iam.amazonaws.com", "TagRole"),
    ("iam.amazonaws.com", "GetRole"),
    ("access-analyzer.amazonaws.com", "CreateAnalyzer"),
    ("sts.amazonaws.com", "AssumeRole"),
    ("s3.amazonaws.com", "PutObject"),
    ("s3.amazonaws.com", "GetObject"),
    ("rds.amazonaws.com", "CreateDBCluster"),
    ("cognito-idp.amazonaws.com", "CreateUserPool"),
    ("cloudtrail.amazonaws.com", "StopLogging"),
    ("ec2.amazonaws.com", "RunInstances"),
]
MEMBERS = [
    *("tags", "Tags", "TAGS", "tagging", "Tag", "TagSpecifications", "UserPoolTags", "userPoolTags"),
    *("user_pool_tags", "ta-gs", "t_ags", "incomingTransitiveTags", "transitiveTagKeys"),
    *("name", "roleArn", "roleSessionName", "analyzerName", "bucketName", "key", "poolName"),
    *("t\u0430gs", "tags\u200b"),  # a Cyrillic a; a zero-width space
]
IDENTITY = {
    "type": "IAMUser",
    "arn": "arn:aws:iam::123456789012:user/dev",
    "accountId": "123456789012",
    "accessKeyId": "AKIAEXAMPLE",
    "principalId": "AIDAEXAMPLE",
}
TAGS = st.sampled_from(
    [
        [{"key": "team", "value": "x"}],
        {"team": "x"},
        "team=x",
        [{"Key": "team", "Value": "x"}],
        {"items": [{"key": "team", "value": "x"}]},
    ]
)
PARAMETERS = st.one_of(
    st.none(),
    st.dictionaries(
        st.sampled_from(MEMBERS),
        st.one_of(TAGS, st.just("arn:aws:iam::123456789012:role/r"), st.just("n1")),
        max_size=4,
    ),
)
TIMES = ["2024-05-01T10:00:00Z", "2024-05-01T10:00:00.123Z", "2024-05-01 10:00:00", "2024-13-01T10:00:00Z"]


@st.composite
def records(draw: st.DrawFn, index: int) -> dict[str, Any]:
    source, name = draw(st.sampled_from(CALLS))
    fields: dict[str, Any] = {
        "eventVersion": "1.09",
        "eventID": f"e{index}",
        "eventSource": source,
        "eventName": name,
        "eventTime": draw(st.sampled_from(TIMES)),
        "awsRegion": "us-east-1",
        "recipientAccountId": "123456789012",
        "userIdentity": draw(st.sampled_from([IDENTITY, None])),
        "requestParameters": draw(PARAMETERS),
        "responseElements": draw(st.sampled_from([None, {"credentials": {"accessKeyId": "ASIAEXAMPLE"}}])),
    }
    if draw(st.booleans()):
        fields["errorCode"] = "AccessDenied"
    keys = draw(st.permutations(list(fields)))
    return {key: fields[key] for key in keys}


def respell(text: str, seed: int) -> str:
    """Some ASCII letters inside strings spelled as ``\\u`` escapes; whitespace after some tokens."""
    rng = random.Random(seed)
    out: list[str] = []
    in_string, escaping = False, 0  # escaping: -1 just after a backslash, n > 0 hex digits left
    for char in text:
        if in_string:
            if escaping:
                escaping = 4 if escaping == -1 and char == "u" else (0 if escaping == -1 else escaping - 1)
            elif char == "\\":
                escaping = -1
            elif char == '"':
                in_string = False
            elif char.isascii() and char.isalpha() and rng.random() < 0.15:
                out.append(f"\\u{ord(char):04x}")
                continue
        elif char == '"':
            in_string = True
        elif char in ",:[]{}" and rng.random() < 0.2:
            out.append(char + rng.choice([" ", "\t", "\n", "\r\n"]))
            continue
        out.append(char)
    return "".join(out)


def decisions(items: Any) -> tuple[list[Any], list[str]]:
    prepared = PROCESSOR.prepare(items)
    kept = sorted(
        (
            item.event_id,
            sorted(
                repr(sorted(c.set.items())) + repr(sorted(c.removed)) + c.target
                for c in item.normalized.changes
            ),
            sorted(item.normalized.session.effective_tags().items()) if item.normalized.session else None,
        )
        for item in prepared.tagged
    )
    return kept, sorted(str(record.get("eventID")) for _, record in prepared.controls)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(1, 4).flatmap(lambda n: st.tuples(*[records(i) for i in range(n)])),
    st.integers(0, 10**6),
    st.booleans(),
    st.booleans(),
)
def test_the_fast_reader_decides_as_reading_every_record_whole(
    chosen: tuple[dict[str, Any], ...], seed: int, escaped: bool, gzipped: bool
) -> None:
    text = json.dumps({"Records": list(chosen)}, ensure_ascii=bool(seed % 2))
    if escaped:
        text = respell(text, seed)
    data = gzip.compress(text.encode()) if gzipped else text.encode()
    assert decisions(read_log(data, PROCESSOR.record_filter)) == decisions(
        iter_records_from_value(json.loads(text))
    )
