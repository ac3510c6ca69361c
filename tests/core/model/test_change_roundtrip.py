"""TagChange.from_dict undoes to_dict through JSON: the store keeps a change that way to judge it
again when a late event alters the tags it saw, so nothing it held may change on the way."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tagwarden.core.model import Actor, SessionGrant, TagChange
from tagwarden.core.model.plain import compact_fields
from tagwarden.core.normalize import Normalizer

SAMPLES = Path(__file__).resolve().parents[2] / "fixtures" / "cloudtrail" / "samples"

_text = st.text(max_size=12)
_maybe = st.none() | _text
_tags = st.dictionaries(_text, _text, max_size=3)

actors = st.builds(
    Actor,
    arn=_text,
    type=_text,
    account=_text,
    session_arn=_maybe,
    access_key_id=_maybe,
    source_ip=_maybe,
    user_agent=_maybe,
    invoked_by=_maybe,
)
grants = st.builds(
    SessionGrant,
    access_key_id=_maybe,
    role_arn=_text,
    session_arn=_maybe,
    tags=_tags,
    transitive_keys=st.tuples(_text) | st.just(()),
    incoming_transitive_tags=_tags,
    caller_chosen=st.booleans(),
)
changes = st.builds(
    TagChange,
    event_id=_text,
    event_time=_text,
    event_source=_text,
    event_name=_text,
    account=_text,
    region=_text,
    actor=actors,
    target=_text,
    target_kind=st.sampled_from(["resource", "principal", "session", "unresolved"]),
    set=st.dictionaries(_text, _maybe, max_size=4),
    removed=st.lists(_text, max_size=3).map(tuple),
    replace_all=st.booleans(),
    at_creation=st.booleans(),
    outcome=st.sampled_from(["success", "AccessDenied", ""]),
    keys_hidden=st.booleans(),
    session=st.none() | grants,
)


def _through_json(change: TagChange) -> TagChange:
    return TagChange.from_dict(json.loads(json.dumps(change.to_dict())))


def _through_compact_json(change: TagChange) -> TagChange:
    return TagChange.from_dict(json.loads(json.dumps(compact_fields(change))))


@given(changes)
def test_any_change_survives_json(change: TagChange) -> None:
    for back in (_through_json(change), _through_compact_json(change)):
        assert back == change
        assert list(back.set) == list(change.set)  # the order keys were written in, too


def test_every_change_of_the_real_samples_survives_json() -> None:
    normalizer, seen = Normalizer(), 0
    for path in sorted(SAMPLES.glob("*.json")):
        document = json.loads(path.read_text())
        for record in document.get("Records", [document]):
            for change in normalizer.normalize(record).changes:
                assert _through_json(change) == change, path.name
                assert _through_compact_json(change) == change, path.name
                seen += 1
    assert seen >= 30


def test_the_compact_form_leaves_out_what_holds_its_default() -> None:
    actor = Actor("arn:aws:iam::1:role/dev", "AssumedRole", "1", access_key_id="ASIA1")
    change = TagChange("e", "t", "s3.amazonaws.com", "PutBucketTagging", "1", "r", actor, "b", "resource")
    assert compact_fields(change) == {
        "event_id": "e", "event_time": "t", "event_source": "s3.amazonaws.com",
        "event_name": "PutBucketTagging", "account": "1", "region": "r",
        "actor": {"arn": "arn:aws:iam::1:role/dev", "type": "AssumedRole", "account": "1",
                  "access_key_id": "ASIA1"},
        "target": "b", "target_kind": "resource",
    }  # fmt: skip
