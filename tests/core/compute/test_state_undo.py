"""Putting back what a unit that was not committed taught the compute-identity state."""

from __future__ import annotations

import pytest

from tagwarden.core.compute import ComputeIdentityState, StateUndo
from tagwarden.core.compute import state as compute_state

ROLE_A = "arn:aws:iam::111111111111:role/a"
ROLE_B = "arn:aws:iam::111111111111:role/b"
FN = "arn:aws:lambda:us-east-1:111111111111:function:f"


def test_undo_puts_back_every_entry_a_unit_set_added_or_removed() -> None:
    state = ComputeIdentityState()
    state.set_profile("111111111111/p", ROLE_A)
    state.set_resource_role(FN, ROLE_A, None)
    before = (dict(state.profiles), dict(state.resources), dict(state.associations))
    undo = StateUndo()
    state.set_profile("111111111111/p", ROLE_B, undo)
    state.remove_from_profile("111111111111/p", ROLE_B, undo)  # the same entry twice
    state.set_profile("111111111111/new", ROLE_B, undo)
    state.set_resource_role(FN, None, None, undo)  # removed
    state.remember_association("iip-assoc-1", "arn:aws:ec2:us-east-1:111111111111:instance/i-1", None, undo)
    undo.undo()
    assert (state.profiles, state.resources, state.associations) == before
    assert undo.changed == []


def test_undo_leaves_an_entry_another_unit_changed_since() -> None:
    state = ComputeIdentityState()
    undo = StateUndo()
    state.set_resource_role(FN, ROLE_A, None, undo)
    state.set_resource_role(FN, ROLE_B, None)  # another unit, committed
    undo.undo()
    assert state.resource_role(FN) == ROLE_B


def test_changes_made_without_an_undo_stay() -> None:
    state = ComputeIdentityState()
    state.set_profile("111111111111/p", ROLE_A)  # learned from IAM, not from a unit
    StateUndo().undo()
    assert state.profile_role("111111111111/p") == ROLE_A


def test_each_table_keeps_the_most_recently_written_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(compute_state, "MAX_ENTRIES", 3)
    state = ComputeIdentityState()
    for index in range(3):
        state.set_resource_role(f"{FN}-{index}", ROLE_A, None)
    state.set_resource_role(f"{FN}-0", ROLE_B, None)  # written again: the most recent now
    state.set_resource_role(f"{FN}-3", ROLE_A, None)
    assert list(state.resources) == [f"{FN}-2", f"{FN}-0", f"{FN}-3"]
    assert state.resource_role(f"{FN}-1") is None  # forgotten: a later role given to it is new
