"""The compute state as the store keeps it: each kind's value through its text and back, what a
unit changed, and the store's entries replacing the state's (pure; no store)."""

from __future__ import annotations

from tagwarden.core.compute import ComputeIdentityState, ComputeRead, StateUndo, TemplateRef, TemplateUpdate
from tagwarden.core.compute.persisted import changed, decode, encode, load, wanted
from tagwarden.core.compute.state import LaunchTemplateVersions

ROLE = "arn:aws:iam::123456789012:role/app-beta"


def test_each_kind_comes_back_as_it_was_written() -> None:
    values = {
        "profiles": None,
        "resources": "profile:123456789012/beta-profile",
        "associations": ("arn:aws:ec2:us-east-1:123456789012:instance/i-1", None),
        "launch_templates": LaunchTemplateVersions(
            "web", ((1, "123456789012/beta-profile"), (2, None)), 1, 2, True
        ),
        "launch_template_names": "lt-1",
    }
    for kind, value in values.items():
        assert decode(kind, encode(kind, value)) == value, kind


def test_what_a_unit_changed_and_removed_is_what_the_store_writes() -> None:
    state, undo = ComputeIdentityState(), StateUndo()
    state.set_resource_role("fn-a", ROLE, None, undo)
    state.set_resource_role("fn-b", ROLE, None)  # not the unit's: not written by it
    state.set_resource_role("fn-a", None, None, undo)  # then removed in the same unit
    state.set_profile("123456789012/beta-profile", ROLE, undo)
    assert changed(state, undo) == {
        ("resources", "fn-a"): None,
        ("profiles", "123456789012/beta-profile"): encode("profiles", ROLE),
    }


def test_the_stores_entries_replace_the_states_but_a_profile_it_lacks_stays() -> None:
    state = ComputeIdentityState()
    state.set_resource_role("fn-gone", ROLE, None)  # another replica removed it since
    state.set_profile("123456789012/from-iam", ROLE)  # asked of IAM: the store never holds it
    asked = {("resources", "fn-gone"), ("resources", "fn-new"), ("profiles", "123456789012/from-iam")}
    load(state, asked, {("resources", "fn-new"): encode("resources", ROLE)})
    assert state.resources == {"fn-new": ROLE}
    assert state.profile_role("123456789012/from-iam") == ROLE


def test_a_template_named_by_name_wants_its_id_then_its_versions_profiles() -> None:
    state = ComputeIdentityState()
    ref = TemplateRef("123456789012", "us-east-1", None, "web", "$Latest")
    update = TemplateUpdate(ref, removed=True)
    read = ComputeRead(template_updates=(update,))
    assert wanted([read], state) == {("launch_template_names", "123456789012/us-east-1/web")}
    load(state, wanted([read], state), {("launch_template_names", "123456789012/us-east-1/web"): '"lt-1"'})
    held = LaunchTemplateVersions("web", ((1, "123456789012/beta-profile"),), 1, 1, True)
    assert wanted([read], state) == {
        ("launch_template_names", "123456789012/us-east-1/web"),
        ("launch_templates", "123456789012/us-east-1/lt-1"),
    }
    load(
        state,
        {("launch_templates", "123456789012/us-east-1/lt-1")},
        {("launch_templates", "123456789012/us-east-1/lt-1"): encode("launch_templates", held)},
    )
    assert ("profiles", "123456789012/beta-profile") in wanted([read], state)
