"""The store's text form of tag changes gives back what went in: the store keeps an event's changes
that way to judge them again when a late event alters the tags they saw, so nothing they held may
change on the way."""

from __future__ import annotations

import json
from pathlib import Path

import msgspec
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tagwarden.adapters.store.changes_json import changes_from_text, changes_text
from tagwarden.core.model import Actor, SessionGrant, TagChange
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


def _through_text(change: TagChange) -> TagChange:
    (back,) = changes_from_text(changes_text([change]))
    return back


@given(changes)
def test_any_change_survives_json(change: TagChange) -> None:
    back = _through_text(change)
    assert back == change
    assert list(back.set) == list(change.set)  # the order keys were written in, too


def test_every_change_of_the_real_samples_survives_json() -> None:
    normalizer, seen = Normalizer(), 0
    for path in sorted(SAMPLES.glob("*.json")):
        document = json.loads(path.read_text())
        for record in document.get("Records", [document]):
            for change in normalizer.normalize(record).changes:
                assert _through_text(change) == change, path.name
                seen += 1
    assert seen >= 30


def test_a_text_that_is_not_the_store_s_is_refused_not_guessed_at() -> None:
    kept = changes_text([_sample()])
    assert changes_from_text(kept) == [_sample()]
    with pytest.raises(msgspec.ValidationError):
        changes_from_text(kept.replace('"resource"', '"bucket"'))  # not a kind of target


def _sample() -> TagChange:
    actor = Actor("arn:aws:iam::1:role/dev", "AssumedRole", "1", access_key_id="ASIA1")
    return TagChange("e", "t", "s3.amazonaws.com", "PutBucketTagging", "1", "r", actor, "b", "resource")
