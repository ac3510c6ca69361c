"""Scanning one layer of policies (the identity policies, one SCP level, the resource policy...)
for the statements that apply to a request."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from tagwarden.iam.documents import Policy, Statement
from tagwarden.iam.elements import GRANT_DIRECT, GRANT_NONE
from tagwarden.iam.principals import PrincipalInfo
from tagwarden.iam.variables import Context


@dataclass(frozen=True, slots=True)
class StatementRef:
    """A statement that decided something, named for people: layer, policy and statement."""

    layer: str
    policy: str
    statement: str
    allow: bool

    def __str__(self) -> str:
        return f'{self.layer} "{self.policy}" statement {self.statement}'


@dataclass(frozen=True, slots=True)
class LayerScan:
    deny: StatementRef | None  # the first applicable Deny statement
    allow: StatementRef | None  # the applicable Allow that names the principal most directly
    grant: int  # GRANT_* level of ``allow`` (GRANT_DIRECT for policies without Principal)


@dataclass(frozen=True, slots=True)
class Probe:
    """What every statement is tested against."""

    action: str  # lower-cased
    resource: str
    context: Context
    principal: PrincipalInfo
    has_boundary: bool


def scan(layer: str, policies: Iterable[Policy], probe: Probe) -> LayerScan:
    best: StatementRef | None = None
    best_grant = GRANT_NONE
    for policy in policies:
        denies, allows = policy.statements_for(probe.action)
        for statement in denies:
            if _deny_applies(statement, probe):
                return LayerScan(StatementRef(layer, policy.name, statement.label, False), None, GRANT_NONE)
        if best_grant == GRANT_DIRECT:
            continue
        for statement in allows:
            grant = _allow_grant(statement, probe.principal)
            if (
                grant > best_grant
                and statement.applies_to_resource(probe.resource, probe.context)
                and statement.conditions_hold(probe.context)
            ):
                best, best_grant = StatementRef(layer, policy.name, statement.label, True), grant
                if grant == GRANT_DIRECT:
                    break
    return LayerScan(None, best, best_grant)


def _deny_applies(statement: Statement, probe: Probe) -> bool:
    return (
        statement.applies_to_resource(probe.resource, probe.context)
        and _principal_denied(statement, probe)
        and statement.conditions_hold(probe.context)
    )


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
