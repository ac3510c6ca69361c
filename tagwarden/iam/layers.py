"""Scanning one layer of policies (the identity policies, one SCP level, the resource policy...)
for the statements that apply to a request."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from tagwarden.iam.documents import Policy, Statement
from tagwarden.iam.elements import GRANT_DIRECT, GRANT_NONE
from tagwarden.iam.principals import PrincipalInfo
from tagwarden.iam.variables import Context


class StatementRef(NamedTuple):
    """A statement that decided something, named for people: layer, policy and statement."""

    layer: str
    policy: str
    statement: str
    allow: bool

    def __str__(self) -> str:
        return f'{self.layer} "{self.policy}" statement {self.statement}'


class LayerScan(NamedTuple):
    deny: StatementRef | None  # the first applicable Deny statement
    allow: StatementRef | None  # the applicable Allow that names the principal most directly
    grant: int  # GRANT_* level of ``allow`` (GRANT_DIRECT for policies without Principal)


NOTHING = LayerScan(None, None, GRANT_NONE)  # the scan of an absent policy


class Probe(NamedTuple):
    """What every statement is tested against."""

    action: str  # lower-cased
    resource: str
    context: Context
    principal: PrincipalInfo
    has_boundary: bool


Entry = tuple[str, Statement]  # (policy name, statement)


class LayerStatements(NamedTuple):
    """The statements of one layer whose Action or NotAction covers one action."""

    denies: tuple[Entry, ...]
    allows: tuple[Entry, ...]


EMPTY_LAYER = LayerStatements((), ())


def collect(policies: Iterable[Policy], action_lower: str) -> LayerStatements:
    denies: list[Entry] = []
    allows: list[Entry] = []
    for policy in policies:
        policy_denies, policy_allows = policy.statements_for(action_lower)
        denies.extend((policy.name, statement) for statement in policy_denies)
        allows.extend((policy.name, statement) for statement in policy_allows)
    return LayerStatements(tuple(denies), tuple(allows)) if denies or allows else EMPTY_LAYER


def scan(layer: str, statements: LayerStatements, probe: Probe) -> LayerScan:
    # The hot loop of the engine: checks are inlined and ordered cheapest first.
    resource, context = probe.resource, probe.context
    for name, statement in statements.denies:
        check = statement.resource_check
        if check is not None and not check(resource, context):
            continue
        if statement.principals is not None and not _principal_denied(statement, probe):
            continue
        conditions = statement.condition_check
        if conditions is None or conditions(context):
            return LayerScan(StatementRef(layer, name, statement.label, False), None, GRANT_NONE)
    best: StatementRef | None = None
    best_grant = GRANT_NONE
    for name, statement in statements.allows:
        grant = GRANT_DIRECT if statement.principals is None else _allow_grant(statement, probe.principal)
        if grant <= best_grant:
            continue
        check = statement.resource_check
        if check is not None and not check(resource, context):
            continue
        conditions = statement.condition_check
        if conditions is None or conditions(context):
            best, best_grant = StatementRef(layer, name, statement.label, True), grant
            if grant == GRANT_DIRECT:
                break
    return LayerScan(None, best, best_grant)


def _principal_denied(statement: Statement, probe: Probe) -> bool:
    principals = statement.principals
    if principals is None:
        return True
    if statement.not_principal:
        # IAM User Guide, permissions boundaries: "The NotPrincipal element with a Deny effect will
        # always deny any IAM principal that has a permissions boundary policy attached".
        return probe.has_boundary or not principals.excludes_whole_chain(probe.principal)
    return principals.grant(probe.principal) > GRANT_NONE


def _allow_grant(statement: Statement, principal: PrincipalInfo) -> int:
    principals = statement.principals
    if principals is None:
        return GRANT_DIRECT
    if statement.not_principal:
        return principals.grant_excluding(principal)
    return principals.grant(principal)
