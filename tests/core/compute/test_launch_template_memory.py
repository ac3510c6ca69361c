"""What tagwarden remembers of launch templates: each version's instance profile, which version is
$Default and $Latest, versions made from another (SourceVersion), deletions, and forgetting what
a unit that was not committed taught it."""

from __future__ import annotations

from typing import Any

import pytest

from tagwarden.adapters.store import open_store
from tagwarden.app.pipeline.compute_identity import ComputeIdentity
from tagwarden.core.compute import ComputeReader, StateUndo
from tagwarden.core.governance import CompiledPolicy, parse_policy_document
from tests.builders.launch_template_records import (
    create_auto_scaling_group,
    create_launch_template,
    create_launch_template_version,
    delete_launch_template,
    delete_launch_template_versions,
    modify_launch_template,
    template_arn,
    template_spec,
)
from tests.core.compute.cases import ADMIN, ALICE
from tests.core.compute.scenario import POLICY, replay

Record = dict[str, Any]
LT = "lt-0aaaa00000000001"
T = "2024-06-05T10:{:02d}:00Z"


def _versions(*profiles: str | None) -> list[Record]:
    """The administrator's template ``web``: version n+1 with ``profiles[n]``; version 1 is $Default."""
    records = [create_launch_template(ADMIN, LT, "web", profiles[0], time=T.format(0), event_id="v1")]
    for index, profile in enumerate(profiles[1:], start=2):
        records.append(
            create_launch_template_version(
                ADMIN, LT, "web", index, profile, time=T.format(index), event_id=f"v{index}"
            )
        )
    return records


def _group(version: str | None, *, minute: int = 30, name: str = "asg", by_name: bool = False) -> Record:
    spec = template_spec(name="web", version=version) if by_name else template_spec(LT, version=version)
    return create_auto_scaling_group(ALICE, name, spec, time=T.format(minute), event_id=f"g-{name}")


def _flagged(records: list[Record]) -> list[tuple[str, str | None]]:
    return [(f.event_id, f.new_value) for f in replay(records) if f.kind == "compute_identity"]


@pytest.mark.parametrize(
    ("version", "flagged"),
    [(None, False), ("$Default", False), ("1", False), ("$Latest", True), ("2", True), ("3", False)],
)
def test_the_version_a_group_names_decides_its_role(version: str | None, flagged: bool) -> None:
    # Version 1 (the default) runs alice's own team, version 2 (the latest) beta's.
    records = [*_versions("alpha-profile", "beta-profile"), _group(version)]
    assert _flagged(records) == ([("g-asg", "beta")] if flagged else [])


def test_a_template_named_by_name_is_resolved_as_by_id() -> None:
    records = [*_versions("alpha-profile", "beta-profile"), _group("$Latest", by_name=True)]
    assert _flagged(records) == [("g-asg", "beta")]


def test_a_new_default_version_is_what_a_group_without_a_version_runs() -> None:
    records = [
        *_versions("alpha-profile", "beta-profile", "alpha-profile"),
        modify_launch_template(ADMIN, LT, "web", 2, 3, time=T.format(10), event_id="m"),
        _group(None, minute=11, name="default"),
        _group("$Latest", minute=12, name="latest"),  # version 3, alpha again
    ]
    assert _flagged(records) == [("g-default", "beta")]


def test_a_version_made_from_another_inherits_its_profile_unless_it_names_one() -> None:
    records = [
        *_versions("beta-profile"),
        create_launch_template_version(
            ADMIN, LT, "web", 2, None, source_version="1", time=T.format(2), event_id="v2"
        ),
        create_launch_template_version(
            ADMIN, LT, "web", 3, "alpha-profile", source_version="2", time=T.format(3), event_id="v3"
        ),
        create_launch_template_version(
            ADMIN, LT, "web", 4, None, time=T.format(4), event_id="v4"
        ),  # no source: no profile
        create_launch_template_version(
            ADMIN, LT, "web", 5, None, source_version="$Latest", time=T.format(5), event_id="v5"
        ),
        _group("2", minute=20, name="two"),
        _group("3", minute=21, name="three"),
        _group("4", minute=22, name="four"),
        _group("5", minute=23, name="five"),  # from version 4: no profile either
    ]
    assert _flagged(records) == [("g-two", "beta")]


def test_a_version_made_by_the_actor_from_another_teams_version_is_itself_flagged() -> None:
    made = create_launch_template_version(
        ALICE, LT, "web", 2, None, source_version="1", time=T.format(2), event_id="alice-v2"
    )
    found = [f for f in replay([*_versions("beta-profile"), made]) if f.kind == "compute_identity"]
    assert [(f.event_id, f.target, f.old_value, f.new_value) for f in found] == [
        ("alice-v2", template_arn(LT), "beta", "beta")
    ]


def test_a_version_from_a_source_tagwarden_never_saw_has_an_unknown_profile() -> None:
    records = [
        create_launch_template_version(
            ADMIN, LT, "web", 7, None, source_version="6", time=T.format(1), event_id="v7"
        ),
        _group("7"),
        _group("$Latest", minute=31, name="latest"),
    ]
    assert _flagged(records) == []


def test_a_profile_the_response_names_is_the_versions_own() -> None:
    made = create_launch_template_version(
        ADMIN, LT, "web", 2, "beta-profile", time=T.format(2), event_id="v2", response_data=True
    )
    made["requestParameters"]["CreateLaunchTemplateVersionRequest"]["LaunchTemplateData"].pop(
        "IamInstanceProfile"
    )
    assert _flagged([*_versions("alpha-profile"), made, _group("2")]) == [("g-asg", "beta")]


def test_deleted_versions_are_forgotten_and_latest_falls_back() -> None:
    records = [
        *_versions("alpha-profile", "beta-profile", "alpha-profile", "beta-profile"),
        delete_launch_template_versions(ADMIN, LT, "web", [4], time=T.format(10), event_id="d1"),
        _group("$Latest", minute=11, name="latest"),  # version 3: alpha
        delete_launch_template_versions(ADMIN, LT, "web", [2, 3], time=T.format(12), event_id="d2"),
        _group("2", minute=13, name="two"),  # deleted: unknown
        _group("$Latest", minute=14, name="latest-again"),  # version 1: alpha
    ]
    assert _flagged(records) == []
    records = [
        *_versions("alpha-profile", "beta-profile", "alpha-profile"),
        delete_launch_template_versions(ADMIN, LT, "web", [3], time=T.format(10), event_id="d1"),
        _group("$Latest", minute=11, name="latest"),  # version 2: beta
    ]
    assert _flagged(records) == [("g-latest", "beta")]


def test_a_deleted_template_is_forgotten() -> None:
    records = [
        *_versions("beta-profile"),
        delete_launch_template(ADMIN, LT, "web", time=T.format(10), event_id="d"),
        _group(None, minute=11),
        _group(None, minute=12, by_name=True, name="named"),
    ]
    assert _flagged(records) == []


def test_a_template_made_again_under_a_deleted_ones_name_is_the_new_one() -> None:
    records = [
        *_versions("beta-profile"),
        delete_launch_template(ADMIN, LT, "web", time=T.format(10), event_id="d"),
        create_launch_template(
            ADMIN, "lt-0bbbb00000000002", "web", "alpha-profile", time=T.format(11), event_id="n"
        ),
        _group(None, minute=12, by_name=True),
    ]
    assert _flagged(records) == []


def test_a_unit_not_committed_forgets_the_templates_it_taught() -> None:
    compute = ComputeIdentity(
        fetch={"123456789012/beta-profile": "arn:aws:iam::123456789012:role/app-beta"}.get
    )
    reader, store = ComputeReader(), open_store("sqlite:///:memory:")
    policy = CompiledPolicy(parse_policy_document(POLICY))
    before = (dict(compute.state.launch_templates), dict(compute.state.launch_template_names))
    undo = StateUndo()
    with store.unit() as tx:
        for item in [
            *_versions("beta-profile", None),
            modify_launch_template(ADMIN, LT, "web", 2, 2, time=T.format(9), event_id="m"),
        ]:
            read = reader.read(item)
            assert read is not None
            compute.prepare([read])
            compute.judge(tx, read, None, policy, "2024-06-05T11:00:00Z", undo=undo)
    assert compute.state.template_profile("123456789012", "us-east-1", LT, None, "$Default") == (True, None)
    compute.undo(undo)
    assert (compute.state.launch_templates, compute.state.launch_template_names) == before
    assert compute.state.template_profile("123456789012", "us-east-1", LT, None, "1") == (False, None)
    # A group on the template is then judged as on a template never seen: nothing.
    read = reader.read(_group("1"))
    assert read is not None
    with store.unit() as tx:
        assert compute.judge(tx, read, {"team": "alpha"}, policy, "2024-06-05T11:00:00Z") == []
