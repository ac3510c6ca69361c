"""Auto Scaling groups, EC2 fleets and Spot fleets given the role of a launch template's profile.

Launching is done by the service's own role, which is an AWS service acting for itself: the choice
of role is the call that names the template (AWS asks iam:PassRole of its caller), judged here by
the profile of the version it names, as tagwarden learned it from the template's own records.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tagwarden.adapters.store import open_store
from tagwarden.app.demo.records import Caller
from tagwarden.core.records.triage import read_log
from tests.builders.launch_template_records import (
    create_auto_scaling_group,
    create_fleet,
    create_launch_template,
    create_launch_template_version,
    fleet_arn,
    group_target,
    mixed_policy,
    modify_fleet,
    modify_launch_template,
    modify_spot_fleet_request,
    request_spot_fleet,
    spot_fleet_arn,
    start_instance_refresh,
    template_arn,
    template_spec,
    update_auto_scaling_group,
)
from tests.core.compute.cases import ADMIN, CALLERS
from tests.core.compute.scenario import make_processor, replay

Record = dict[str, Any]


def _time(n: int, step: int) -> str:
    """Case ``n``'s records in order: the call (step 10) after its setup (steps 0 to 9)."""
    return f"2024-06-04T{10 + n // 60:02d}:{n % 60:02d}:{step:02d}Z"


def _lt(n: int) -> str:
    return f"lt-0{n:016x}"


def _template(n: int, team: str) -> Record:
    """The template of team ``team``, made by the tag administrator (judged, and allowed, there)."""
    return create_launch_template(
        ADMIN, _lt(n), f"web-{n}", f"{team}-profile", time=_time(n, 0), event_id=f"s{n}"
    )


def _group(n: int, team: str, who: Caller) -> list[Record]:
    call = create_auto_scaling_group(
        who, f"asg-{n}", template_spec(_lt(n)), time=_time(n, 10), event_id=f"e{n}"
    )
    return [_template(n, team), call]


def _group_by_name(n: int, team: str, who: Caller) -> list[Record]:
    spec = template_spec(name=f"web-{n}", version="$Latest")
    return [
        _template(n, team),
        create_auto_scaling_group(who, f"asg-{n}", spec, time=_time(n, 10), event_id=f"e{n}"),
    ]


def _mixed(n: int, team: str, who: Caller) -> list[Record]:
    mixed = mixed_policy(template_spec(_lt(n), version="$Default"))
    call = create_auto_scaling_group(who, f"asg-{n}", mixed=mixed, time=_time(n, 10), event_id=f"e{n}")
    return [_template(n, team), call]


def _override(n: int, team: str, who: Caller) -> list[Record]:
    # The group's own template runs an untagged role; one instance type runs ``team``'s.
    own = create_launch_template(
        ADMIN, _lt(1000 + n), f"own-{n}", "plain-profile", time=_time(n, 0), event_id=f"o{n}"
    )
    mixed = mixed_policy(
        template_spec(_lt(1000 + n), version="1"), override=template_spec(_lt(n), version="1")
    )
    call = create_auto_scaling_group(who, f"asg-{n}", mixed=mixed, time=_time(n, 10), event_id=f"e{n}")
    return [own, _template(n, team), call]


def _update(n: int, team: str, who: Caller) -> list[Record]:
    # The group ran the administrator's alpha template; the update puts it on ``team``'s.
    first = create_launch_template(
        ADMIN, _lt(1000 + n), f"alpha-{n}", "alpha-profile", time=_time(n, 0), event_id=f"o{n}"
    )
    made = create_auto_scaling_group(
        ADMIN, f"asg-{n}", template_spec(_lt(1000 + n)), time=_time(n, 1), event_id=f"g{n}"
    )
    call = update_auto_scaling_group(
        who, f"asg-{n}", template_spec(_lt(n), version="1"), time=_time(n, 10), event_id=f"e{n}"
    )
    return [first, made, _template(n, team), call]


def _refresh(n: int, team: str, who: Caller) -> list[Record]:
    # The group ran the administrator's alpha template; the refresh moves its instances to ``team``'s.
    made = create_auto_scaling_group(
        ADMIN, f"asg-{n}", template_spec(_lt(1000 + n)), time=_time(n, 1), event_id=f"g{n}"
    )
    call = start_instance_refresh(
        who, f"asg-{n}", template_spec(_lt(n), version="1"), time=_time(n, 10), event_id=f"e{n}"
    )
    return [_alpha_first(n), made, _template(n, team), call]


def _fleet(n: int, team: str, who: Caller) -> list[Record]:
    spec = template_spec(_lt(n), version="$Latest", upper=True)
    return [_template(n, team), create_fleet(who, _fleet_id(n), [spec], time=_time(n, 10), event_id=f"e{n}")]


def _spot_fleet(n: int, team: str, who: Caller) -> list[Record]:
    spec = template_spec(name=f"web-{n}", version="1")
    call = request_spot_fleet(who, _spot_id(n), [spec], time=_time(n, 10), event_id=f"e{n}")
    return [_template(n, team), call]


def _alpha_first(n: int) -> Record:
    """The administrator's alpha template, which a fleet runs before ``who`` moves it."""
    return create_launch_template(
        ADMIN, _lt(1000 + n), f"alpha-{n}", "alpha-profile", time=_time(n, 0), event_id=f"o{n}"
    )


def _fleet_moved(n: int, team: str, who: Caller) -> list[Record]:
    made = create_fleet(
        ADMIN, _fleet_id(n), [template_spec(_lt(1000 + n), upper=True)], time=_time(n, 1), event_id=f"g{n}"
    )
    spec = template_spec(_lt(n), version="1", upper=True)
    call = modify_fleet(who, _fleet_id(n), [spec], time=_time(n, 10), event_id=f"e{n}")
    return [_alpha_first(n), made, _template(n, team), call]


def _spot_fleet_moved(n: int, team: str, who: Caller) -> list[Record]:
    made = request_spot_fleet(
        ADMIN, _spot_id(n), [template_spec(_lt(1000 + n))], time=_time(n, 1), event_id=f"g{n}"
    )
    spec = template_spec(name=f"web-{n}", version="1")
    call = modify_spot_fleet_request(who, _spot_id(n), [spec], time=_time(n, 10), event_id=f"e{n}")
    return [_alpha_first(n), made, _template(n, team), call]


def _fleet_id(n: int) -> str:
    return f"fleet-{n:08x}-0000-4000-8000-000000000000"


def _spot_id(n: int) -> str:
    return f"sfr-{n:08x}-0000-4000-8000-000000000000"


@dataclass(frozen=True)
class Shape:
    name: str
    records: Callable[[int, str, Caller], list[Record]]
    target: Callable[[int], str]
    old: str | None


SHAPES = [
    Shape("CreateAutoScalingGroup launchTemplate", _group, lambda n: group_target(f"asg-{n}"), None),
    Shape("CreateAutoScalingGroup by name $Latest", _group_by_name, lambda n: group_target(f"asg-{n}"), None),
    Shape("CreateAutoScalingGroup mixedInstancesPolicy", _mixed, lambda n: group_target(f"asg-{n}"), None),
    Shape("CreateAutoScalingGroup override template", _override, lambda n: group_target(f"asg-{n}"), None),
    Shape("UpdateAutoScalingGroup", _update, lambda n: group_target(f"asg-{n}"), "alpha"),
    Shape("StartInstanceRefresh", _refresh, lambda n: group_target(f"asg-{n}"), "alpha"),
    Shape("CreateFleet", _fleet, lambda n: fleet_arn(_fleet_id(n)), None),
    Shape("RequestSpotFleet", _spot_fleet, lambda n: spot_fleet_arn(_spot_id(n)), None),
    Shape("ModifyFleet", _fleet_moved, lambda n: fleet_arn(_fleet_id(n)), "alpha"),
    Shape("ModifySpotFleetRequest", _spot_fleet_moved, lambda n: spot_fleet_arn(_spot_id(n)), "alpha"),
]


def _flagged(records: list[Record]) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (f.event_id, f.target, f.old_value, f.new_value)
        for f in replay(records)
        if f.kind == "compute_identity"
    ]


@pytest.mark.parametrize("shape", SHAPES, ids=[s.name for s in SHAPES])
@pytest.mark.parametrize(("case", "who", "team", "flagged"), CALLERS, ids=[c[0] for c in CALLERS])
def test_a_group_or_fleet_on_another_teams_template_is_flagged_and_nothing_else(
    shape: Shape, case: str, who: Caller, team: str, flagged: bool
) -> None:
    n = 7
    found = [f for f in replay(shape.records(n, team, who)) if f.kind == "compute_identity"]
    if not flagged:
        assert found == []
        return
    assert [(f.event_id, f.target, f.tag_key, f.old_value, f.new_value) for f in found] == [
        (f"e{n}", shape.target(n), "team", shape.old, team)
    ]
    finding = found[0]
    assert finding.severity == "critical"
    assert f"role/app-{team}" in finding.explanation
    assert (
        f"launch template {_lt(n)}" in finding.explanation
        or f"launch template web-{n}" in finding.explanation
    )
    assert f"instance profile 123456789012/{team}-profile" in finding.explanation


def test_a_template_tagwarden_never_saw_gives_no_finding() -> None:
    records = [
        create_auto_scaling_group(
            CALLERS[0][1], "asg-1", template_spec("lt-0unseen000000001"), time=_time(1, 1), event_id="e1"
        ),
        create_fleet(
            CALLERS[0][1],
            _fleet_id(2),
            [template_spec(name="unseen", upper=True)],
            time=_time(2, 1),
            event_id="e2",
        ),
    ]
    assert _flagged(records) == []


def test_an_update_that_resends_the_groups_template_gives_it_nothing_new() -> None:
    alice = CALLERS[0][1]
    records = [
        _template(1, "beta"),
        create_auto_scaling_group(ADMIN, "asg-1", template_spec(_lt(1)), time=_time(1, 1), event_id="g1"),
        update_auto_scaling_group(alice, "asg-1", template_spec(_lt(1)), time=_time(2, 1), event_id="e1"),
    ]
    assert _flagged(records) == []


def test_an_update_without_a_template_gives_no_role() -> None:
    alice = CALLERS[0][1]
    records = [
        _template(1, "beta"),
        update_auto_scaling_group(alice, "asg-1", None, time=_time(2, 1), event_id="e1"),
    ]
    assert _flagged(records) == []


def _default_moved(n: int, team: str, who: Caller, *, old: str = "alpha") -> list[Record]:
    """The administrator's template runs ``old``'s role as version 1, the default, and ``team``'s
    as version 2; ``who`` makes version 2 the default."""
    return [
        create_launch_template(
            ADMIN, _lt(n), f"web-{n}", f"{old}-profile", time=_time(n, 0), event_id=f"s{n}"
        ),
        create_launch_template_version(
            ADMIN, _lt(n), f"web-{n}", 2, f"{team}-profile", time=_time(n, 1), event_id=f"v{n}"
        ),
        modify_launch_template(who, _lt(n), f"web-{n}", 2, 2, time=_time(n, 10), event_id=f"e{n}"),
    ]


@pytest.mark.parametrize(("case", "who", "team", "flagged"), CALLERS, ids=[c[0] for c in CALLERS])
def test_making_another_teams_version_the_default_is_a_grant_to_what_runs_default(
    case: str, who: Caller, team: str, flagged: bool
) -> None:
    """Groups and fleets that name the template without a version, or with $Default, launch the
    new default from now on, without a call of their own."""
    found = [f for f in replay(_default_moved(3, team, who)) if f.kind == "compute_identity"]
    if not flagged:
        assert found == []
        return
    assert [(f.event_id, f.target, f.old_value, f.new_value) for f in found] == [
        ("e3", template_arn(_lt(3)), "alpha", team)
    ]
    assert "$Default version" in found[0].explanation
    assert f"launch template {_lt(3)} version 2" in found[0].explanation


def test_a_new_default_with_the_old_defaults_role_gives_nothing_new() -> None:
    assert _flagged(_default_moved(4, "beta", CALLERS[0][1], old="beta")) == []


def test_a_default_moved_on_a_template_tagwarden_never_saw_gives_no_finding() -> None:
    call = modify_launch_template(CALLERS[0][1], _lt(5), "web-5", 2, 2, time=_time(5, 10), event_id="e5")
    assert _flagged([call]) == []


def test_a_fleet_moved_to_a_version_with_its_role_gives_it_nothing_new() -> None:
    alice = CALLERS[0][1]
    records = [
        _template(1, "beta"),
        create_fleet(
            ADMIN, _fleet_id(1), [template_spec(_lt(1), upper=True)], time=_time(1, 1), event_id="g1"
        ),
        modify_fleet(
            alice,
            _fleet_id(1),
            [template_spec(_lt(1), version="1", upper=True)],
            time=_time(2, 1),
            event_id="e1",
        ),
    ]
    assert _flagged(records) == []


def test_the_fast_reader_keeps_every_template_call_the_streaming_reader_judges() -> None:
    # The fast reader decodes only the records some reader handles: a call missing from its
    # interests would be skipped unjudged in replay and in the daemon, though judged here.
    alice = CALLERS[0][1]
    records = [record for n, shape in enumerate(SHAPES) for record in shape.records(n, "beta", alice)]
    records += _default_moved(len(SHAPES), "beta", alice)
    store = open_store("sqlite:///:memory:")
    processor = make_processor(store)
    processor.process(
        read_log(json.dumps({"Records": records}).encode(), processor.record_filter), source="t", unit="u"
    )
    fast = sorted((f.event_id, f.target) for f in store.list_findings())
    assert fast == sorted((f.event_id, f.target) for f in replay(records))
    assert len(fast) == len(SHAPES) + 1
