"""Every operation that gives a workload a role, as records, for any team and caller.

``OPERATIONS`` builds, for a case number ``n``, the records of one operation (with the setup it
needs before it: the association being replaced, the function being updated, the previous task
definition revision) and says which target a finding must name and what the old value is.
``case_log`` puts every operation with every caller in one log, as the daemon test and the
held-out scenario judge it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from tagwarden.app.demo.records import Caller
from tests.builders.compute_records import (
    ACCOUNT,
    REGION,
    add_role_to_profile,
    associate_profile,
    create_function,
    function,
    instance,
    profile,
    register_task_definition,
    replace_association,
    run_instances,
    update_function_configuration,
)

Record = dict[str, Any]
ALICE = Caller(ACCOUNT, "dev-alpha", session="alice")  # team alpha
ADMIN = Caller(ACCOUNT, "TagAdmin", session="admin")  # listed writer of team
CAROL = Caller(ACCOUNT, "carol")  # an IAM user without a team


def _time(n: int, step: int) -> str:
    return f"2024-06-03T{10 + n // 30:02d}:{(n % 30) * 2 + step:02d}:00Z"


def _instance_id(n: int) -> str:
    return f"i-0{n:016x}"


def _run(n: int, team: str, who: Caller) -> list[Record]:
    return [run_instances(who, _instance_id(n), f"{team}-profile", time=_time(n, 1), event_id=f"e{n}")]


def _associate(n: int, team: str, who: Caller) -> list[Record]:
    return [
        associate_profile(
            who, _instance_id(n), f"{team}-profile", f"iip-assoc-{n:04d}", time=_time(n, 1), event_id=f"e{n}"
        )
    ]


def _replace(n: int, team: str, who: Caller) -> list[Record]:
    # The instance had alpha-profile (associated earlier by the admin); now it gets ``team``'s.
    setup = associate_profile(
        ADMIN, _instance_id(n), "alpha-profile", f"iip-assoc-{n:04d}", time=_time(n, 0), event_id=f"s{n}"
    )
    replace = replace_association(
        who,
        f"iip-assoc-{n:04d}",
        f"iip-assoc-{n:04d}-2",
        _instance_id(n),
        f"{team}-profile",
        time=_time(n, 1),
        event_id=f"e{n}",
    )
    return [setup, replace]


def _add_role(n: int, team: str, who: Caller) -> list[Record]:
    return [add_role_to_profile(who, f"web-{n}", f"app-{team}", time=_time(n, 1), event_id=f"e{n}")]


def _create_function(n: int, team: str, who: Caller) -> list[Record]:
    return [create_function(who, f"report-{n}", f"app-{team}", time=_time(n, 1), event_id=f"e{n}")]


def _update_function(n: int, team: str, who: Caller) -> list[Record]:
    return [
        create_function(ADMIN, f"report-{n}", "app-alpha", time=_time(n, 0), event_id=f"s{n}"),
        update_function_configuration(who, f"report-{n}", f"app-{team}", time=_time(n, 1), event_id=f"e{n}"),
    ]


def _task_definition(n: int, team: str, who: Caller) -> list[Record]:
    return [
        register_task_definition(ADMIN, f"web-{n}", 1, "app-alpha", time=_time(n, 0), event_id=f"s{n}"),
        register_task_definition(who, f"web-{n}", 2, f"app-{team}", time=_time(n, 1), event_id=f"e{n}"),
    ]


@dataclass(frozen=True)
class Operation:
    name: str
    records: Callable[[int, str, Caller], list[Record]]
    target: Callable[[int], str]
    old: str | None  # the team of the role the resource had before (None: none)


OPERATIONS = [
    Operation("RunInstances", _run, lambda n: instance(_instance_id(n)), None),
    Operation("AssociateIamInstanceProfile", _associate, lambda n: instance(_instance_id(n)), None),
    Operation("ReplaceIamInstanceProfileAssociation", _replace, lambda n: instance(_instance_id(n)), "alpha"),
    Operation("AddRoleToInstanceProfile", _add_role, lambda n: profile(f"web-{n}"), None),
    Operation("CreateFunction", _create_function, lambda n: function(f"report-{n}"), None),
    Operation("UpdateFunctionConfiguration", _update_function, lambda n: function(f"report-{n}"), "alpha"),
    Operation(
        "RegisterTaskDefinition",
        _task_definition,
        lambda n: f"arn:aws:ecs:{REGION}:{ACCOUNT}:task-definition/web-{n}:2",
        "alpha",
    ),
]
# caller, team of the role given, flagged?
CALLERS = [
    ("alice gives beta", ALICE, "beta", True),
    ("alice gives her own team", ALICE, "alpha", False),
    ("admin gives beta", ADMIN, "beta", False),
    ("carol without a team gives beta", CAROL, "beta", True),
    ("carol gives an untagged role", CAROL, "plain", False),
]


@dataclass
class CaseLog:
    records: list[Record]
    flagged: set[tuple[str, str, str | None, str]]  # (event id, target, old value, new value)
    benign: set[str]  # event ids that must raise nothing of severity warning or above


def case_log() -> CaseLog:
    log = CaseLog([], set(), set())
    n = 0
    for operation in OPERATIONS:
        for _, who, team, flagged in CALLERS:
            n += 1
            log.records += operation.records(n, team, who)
            if flagged:
                log.flagged.add((f"e{n}", operation.target(n), operation.old, team))
            else:
                log.benign.add(f"e{n}")
            log.benign.add(f"s{n}")
    return log
