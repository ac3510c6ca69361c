"""Scanning one layer of policies (the identity policies, one SCP level, the resource policy...)
for the statements that apply to a request."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from tagwarden.core.iam.documents import Policy, Statement
from tagwarden.core.iam.elements import GRANT_DIRECT, GRANT_NONE
from tagwarden.core.iam.principal_arns import PrincipalInfo
from tagwarden.core.iam.variables import Context


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


def scan(layer: str, policies: Sequence[Policy], probe: Probe) -> LayerScan:
    """The first applicable Deny of the layer, else its most direct applicable Allow."""
    # The hot loop of the engine: checks are inlined and ordered cheapest first.
    resource, context = probe.resource, probe.context
    action = probe.action
    # Reading the policy's memo directly saves a method call per policy on every request.
    parts = [policy._by_action.get(action) or policy.statements_for(action) for policy in policies]
    for part in parts:
        for name, statement in part.denies:
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
    for part in parts:
        for name, statement in part.allows:
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
                    return LayerScan(None, best, best_grant)
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
