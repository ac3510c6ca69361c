"""What a worker hands the committing process pickles and comes back equal, with every field."""

from __future__ import annotations

import pickle
from dataclasses import dataclass, fields

import pytest

from tagwarden.core.model.change import Actor, SessionGrant, TagChange
from tagwarden.core.model.pickling import compact_pickling
from tagwarden.core.normalize.result import Normalized
from tagwarden.core.ports.units import TagRecord

ACTOR = Actor(
    "arn:aws:iam::111111111111:role/dev",
    "AssumedRole",
    "111111111111",
    session_arn="arn:aws:sts::111111111111:assumed-role/dev/s",
    access_key_id="ASIAEXAMPLE",
    source_ip="192.0.2.1",
)
GRANT = SessionGrant("ASIANEW", "arn:aws:iam::111111111111:role/dev", ACTOR.arn, {"team": "a"}, ("team",))
CHANGE = TagChange(
    "e-1",
    "2026-03-01T09:00:00Z",
    "ec2.amazonaws.com",
    "DeleteTags",
    "111111111111",
    "eu-west-1",
    ACTOR,
    "arn:aws:ec2:eu-west-1:111111111111:instance/i-1",
    "resource",
    set={"team": "a", "hidden": None},
    removed=("owner",),
    removed_if={"owner": "x"},
    outcome="AccessDenied",
    session=GRANT,
)
RECORD = TagRecord(1.5, "e-1", '{"eventID": "e-1"}', "2026-03-01T09:00:00Z", Normalized((CHANGE,), GRANT))


@pytest.mark.parametrize("value", [ACTOR, GRANT, CHANGE, Normalized((CHANGE,), GRANT, "why"), RECORD])
def test_a_value_comes_back_equal_with_every_field(value: object) -> None:
    again = pickle.loads(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == value and type(again) is type(value)
    assert all(getattr(again, f.name) == getattr(value, f.name) for f in fields(value))  # type: ignore[arg-type]


def test_the_state_is_the_tuple_of_fields_in_order() -> None:
    assert ACTOR.__getstate__() == tuple(getattr(ACTOR, f.name) for f in fields(ACTOR))


def test_only_a_dataclass_with_slots_is_taken() -> None:
    @dataclass(frozen=True)
    class Plain:
        x: int

    with pytest.raises(TypeError, match="not a dataclass with slots"):
        compact_pickling(Plain)
