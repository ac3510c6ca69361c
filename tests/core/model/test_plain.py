"""plain_fields: the one way model records become JSON-ready dicts."""

from __future__ import annotations

import json
from dataclasses import fields

from tagwarden.core.model import Actor
from tagwarden.core.model.change import SessionGrant, TagChange
from tagwarden.core.model.plain import plain_fields

ACTOR = Actor(
    "arn:aws:iam::111111111111:role/dev", "AssumedRole", "111111111111", access_key_id="ASIAEXAMPLE"
)
GRANT = SessionGrant("ASIAEXAMPLE", "arn:aws:iam::111111111111:role/dev", None, {"team": "a"}, ("team",))


def test_fields_in_declaration_order_with_tuples_as_lists_and_records_as_dicts() -> None:
    change = TagChange(
        "e-1",
        "2026-03-01T09:00:00Z",
        "s3.amazonaws.com",
        "PutBucketTagging",
        "111111111111",
        "us-east-1",
        ACTOR,
        "arn:aws:s3:::data",
        "resource",
        set={"team": "a"},
        removed=("owner", "env"),
        session=GRANT,
    )
    data = plain_fields(change)
    assert list(data) == [f.name for f in fields(TagChange)]
    assert data["removed"] == ["owner", "env"]
    assert data["actor"] == ACTOR.to_dict() and data["actor"]["access_key_id"] == "ASIAEXAMPLE"
    assert data["session"]["transitive_keys"] == ["team"]
    assert data == change.to_dict()
    json.dumps(data)  # JSON-ready as it stands


def test_absent_records_stay_none() -> None:
    change = TagChange(
        "e-2", "t", "ec2.amazonaws.com", "CreateTags", "1", "us-east-1", ACTOR, "i-1", "resource"
    )
    assert change.to_dict()["session"] is None
    assert Actor.from_dict(ACTOR.to_dict()) == ACTOR
