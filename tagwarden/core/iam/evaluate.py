"""The decision: AWS policy evaluation logic, within one account and across accounts.

Order (IAM User Guide, "Policy evaluation logic" and "Cross-account policy evaluation logic";
Organizations User Guide, "SCP evaluation" and "RCP evaluation"):
1. an explicit Deny in any applicable policy decides: SCPs, RCPs, resource-based, identity-based,
   permissions boundary, session policy;
2. SCPs of the principal's account: every level (root, OUs, account) must allow; not applied to
   the management account nor to service-linked roles;
3. RCPs of the resource's account: RCPFullAWSAccess is attached at every level, so they only deny;
   not applied to resources of the management account, to service-linked roles, nor to services
   that do not support RCPs;
4. within one account, an Allow in the resource-based policy that names the user, the session,
   or everyone grants on its own; one that names the role of a session is still limited by the
   boundary and the session policy; one that names the account delegates to identity policies;
   role trust policies and KMS key policies must allow in every case, and a trust policy's grant
   stays limited by the caller's boundary ("Update a role trust policy");
5. otherwise identity-based policies must allow, then the boundary, then the session policy;
6. across accounts, the resource-based policy must allow and so must the principal's side.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal, NoReturn

from tagwarden.core.arn import arn_account, arn_service
from tagwarden.core.iam.documents import Policy
from tagwarden.core.iam.elements import GRANT_ACCOUNT, GRANT_DIRECT, GRANT_NONE, GRANT_ROLE
from tagwarden.core.iam.layers import NOTHING, LayerScan, Probe, StatementRef, scan
from tagwarden.core.iam.principal_arns import PrincipalKind, parse_principal
from tagwarden.core.iam.request import Request, build_context, implied_actions

Decision = Literal["Allow", "ExplicitDeny", "ImplicitDeny"]

# Organizations User Guide, "Resource control policies": the services whose resources RCPs govern.
RCP_SERVICES: Final = frozenset(
    {"s3", "sts", "kms", "sqs", "secretsmanager", "ecr", "aoss", "cognito-identity", "logs"}
)
# Actions on an IAM role whose resource-based policy is the role's trust policy.
TRUST_POLICY_ACTIONS: Final = frozenset(
    {
        "sts:assumerole",
        "sts:assumerolewithsaml",
        "sts:assumerolewithwebidentity",
        "sts:tagsession",
        "sts:setsourceidentity",
        "sts:setcontext",
    }
)

LAYER_IDENTITY: Final = "identity-based policy"
LAYER_BOUNDARY: Final = "permissions boundary"
LAYER_SESSION: Final = "session policy"
LAYER_RESOURCE: Final = "resource-based policy"
LAYER_SCP: Final = "SCP"
LAYER_RCP: Final = "RCP"


@dataclass(frozen=True)
class PolicySet:
    """Every policy that applies to one principal and one target.

    ``scps`` lists the principal account's SCPs per level (root, OUs..., account); ``rcps`` the
    resource account's RCPs per level. ``management_account`` is the organization's management
    account (SCPs spare its principals, RCPs its resources). ``service_linked_role`` and
    ``resource_policy_required`` are derived from the request when left as None.
    """

    identity: Sequence[Policy] = ()
    boundary: Policy | None = None
    scps: Sequence[Sequence[Policy]] = ()
    rcps: Sequence[Sequence[Policy]] = ()
    resource: Policy | None = None
    session: Policy | None = None
    management_account: str | None = None
    service_linked_role: bool | None = None
    resource_policy_required: bool | None = None

    def __post_init__(self) -> None:
        # Stored as tuples, so that a policy set shared between threads or requests cannot change.
        object.__setattr__(self, "identity", tuple(self.identity))
        object.__setattr__(self, "scps", tuple(tuple(level) for level in self.scps))
        object.__setattr__(self, "rcps", tuple(tuple(level) for level in self.rcps))


@dataclass(frozen=True)
class Evaluation:
    decision: Decision
    explanation: str
    statement: StatementRef | None = None  # the denying statement, or the main allowing one
    action: str = ""


class _Outcome(Exception):
    """Raised inside one action's evaluation as soon as the decision is known."""

    def __init__(self, evaluation: Evaluation) -> None:
        super().__init__(evaluation.explanation)
        self.evaluation = evaluation


def evaluate(policies: PolicySet, request: Request) -> Evaluation:
    """Decide ``request`` against ``policies``; raises ValueError for a request it cannot model."""
    principal = parse_principal(request.principal)
    if policies.session is not None and not principal.is_session:
        raise ValueError(
            "a session policy was given, but the principal is not a role or federated-user session"
        )
    resource_account = request.resource_account or arn_account(request.resource) or principal.account
    context = build_context(request, principal, resource_account)
    probe = Probe(request.action.lower(), request.resource, context, principal, policies.boundary is not None)
    first = _decide(policies, probe, resource_account, request.action)
    implied = implied_actions(context)
    if not implied:
        return first
    results = [first]
    for action in implied:
        if action.lower() != probe.action:
            results.append(_decide(policies, probe._replace(action=action.lower()), resource_account, action))
    for decision in ("ExplicitDeny", "ImplicitDeny"):
        for result in results:
            if result.decision == decision:
                note = "" if result is first else f"implied action {result.action}: "
                return Evaluation(result.decision, note + result.explanation, result.statement, result.action)
    if len(results) == 1:
        return first
    also = ", ".join(r.action for r in results[1:])
    explanation = f"{first.explanation} Implied action(s) {also} also allowed."
    return Evaluation("Allow", explanation, first.statement, first.action)


def _decide(policies: PolicySet, probe: Probe, resource_account: str, action: str) -> Evaluation:
    try:
        return _ActionEvaluation(policies, probe, resource_account, action).decide()
    except _Outcome as outcome:
        return outcome.evaluation


class _ActionEvaluation:
    """The evaluation of one action; ``_deny`` and ``_checked`` end it by raising ``_Outcome``."""

    def __init__(self, policies: PolicySet, probe: Probe, resource_account: str, action: str) -> None:
        self.policies = policies
        self.probe = probe
        self.principal = probe.principal
        self.resource_account = resource_account
        self.action = action
        self.on = f"{action} on {probe.resource}"
        self.notes = ""  # layers skipped, reported with an Allow
        if policies.service_linked_role is not None:
            self.service_linked = policies.service_linked_role
        else:
            self.service_linked = self.principal.looks_service_linked

    def decide(self) -> Evaluation:
        policies, probe, principal, action = self.policies, self.probe, self.principal, self.action
        scp_scans = [self._checked(scan(LAYER_SCP, level, probe)) for level in self._scp_levels()]
        for level in self._rcp_levels():
            self._checked(scan(LAYER_RCP, level, probe))
        resource = self._scan_one(LAYER_RESOURCE, policies.resource)
        self.identity = self._checked(scan(LAYER_IDENTITY, policies.identity, probe))
        self.boundary = self._scan_one(LAYER_BOUNDARY, policies.boundary)
        self.session = self._scan_one(LAYER_SESSION, policies.session)

        for number, level_scan in enumerate(scp_scans, start=1):
            if level_scan.allow is None:
                where = _level_name(number, len(scp_scans))
                self._deny(f"no SCP at {where} of the principal's account allows {action}.")
        org = f" SCPs allow it at all {len(scp_scans)} level(s)." if scp_scans else ""

        required = policies.resource_policy_required
        if required is None:
            required = _resource_policy_required(probe.action, probe.resource)
        if required and resource.grant == GRANT_NONE:
            kind = "trust policy" if _service(action) == "sts" else "key policy"
            self._deny(f"the {kind} of {probe.resource} does not allow {principal.arn} to call {action}.")

        if principal.kind is PrincipalKind.SERVICE:
            if resource.allow is None:
                self._deny(
                    f"no resource-based policy allows the service principal {principal.name} {self.on}."
                )
            return self._allow(
                f"{resource.allow} allows the service principal {self.on}.{org}", resource.allow
            )
        if principal.account != self.resource_account:
            return self._cross_account(resource, org)
        trust_policy = required and _service(action) == "sts"
        if resource.allow is not None and resource.grant == GRANT_DIRECT and not trust_policy:
            return self._allow(
                f"{resource.allow} names this principal directly and allows {self.on}; within one "
                "account, implicit denies in identity policies, boundary or session policy do not "
                f"limit it.{org}",
                resource.allow,
            )
        if resource.allow is not None and resource.grant == GRANT_ROLE:
            limits = self._session_limits()
            return self._allow(
                f"{resource.allow} allows the role of this session {self.on}{limits}.{org}", resource.allow
            )
        if resource.allow is not None and resource.grant == GRANT_DIRECT:
            # IAM User Guide, "Update a role trust policy": "If a user is listed as the principal in a
            # role's trust policy but cannot assume the role, check the user's permissions boundary."
            limits = self._session_limits()
            return self._allow(
                f"{resource.allow} names this principal and allows {self.on}{limits}.{org}", resource.allow
            )
        own_side = self._identity_side()
        delegated = ""
        if resource.grant == GRANT_ACCOUNT:
            delegated = f" ({resource.allow} allows the account, which delegates to identity policies)"
        return self._allow(f"{own_side}{delegated}.{org}", self.identity.allow or resource.allow)

    def _scan_one(self, layer: str, policy: Policy | None) -> LayerScan:
        return NOTHING if policy is None else self._checked(scan(layer, (policy,), self.probe))

    def _scp_levels(self) -> Sequence[Sequence[Policy]]:
        principal = self.principal
        if not self.policies.scps:
            return ()
        if principal.kind is PrincipalKind.SERVICE:
            return self._skip("SCPs do not apply to service principals", ())
        if self.service_linked:
            return self._skip("SCPs do not apply to service-linked roles", ())
        if principal.account == self.policies.management_account:
            return self._skip("SCPs do not apply to the management account", ())
        return self.policies.scps

    def _rcp_levels(self) -> Sequence[Sequence[Policy]]:
        if not self.policies.rcps:
            return ()
        if self.service_linked:
            return self._skip("RCPs do not apply to service-linked roles", ())
        if self.resource_account == self.policies.management_account:
            return self._skip("RCPs do not apply to resources of the management account", ())
        if _service(self.action) not in RCP_SERVICES:
            return self._skip(f"RCPs do not govern {_service(self.action)}", ())
        return self.policies.rcps

    def _skip(self, note: str, levels: Sequence[Sequence[Policy]]) -> Sequence[Sequence[Policy]]:
        self.notes += f" {note}."
        return levels

    def _cross_account(self, resource: LayerScan, org: str) -> Evaluation:
        if resource.allow is None:
            self._deny(
                f"cross-account request (principal in {self.principal.account}, resource in "
                f"{self.resource_account}) and no resource-based policy allows {self.principal.arn} "
                f"{self.on}."
            )
        own_side = self._identity_side()
        return self._allow(
            f"cross-account: {resource.allow} allows the principal and {own_side}.{org}", resource.allow
        )

    def _identity_side(self) -> str:
        """The principal's own side must allow: identity policies, then boundary and session policy."""
        if self.principal.kind is PrincipalKind.ROOT:
            note = "the account root user needs no identity policy"
        elif self.identity.allow is None:
            self._deny(f"no identity-based policy allows {self.on}.")
        else:
            note = f"{self.identity.allow} allows {self.on}"
        return note + self._session_limits()

    def _session_limits(self) -> str:
        policies, notes = self.policies, ""
        if policies.boundary is not None:
            if self.boundary.allow is None:
                self._deny(f'the permissions boundary "{policies.boundary.name}" does not allow {self.on}.')
            notes += f"; {self.boundary.allow} allows it"
        if policies.session is not None:
            if self.session.allow is None:
                self._deny(f'the session policy "{policies.session.name}" does not allow {self.on}.')
            notes += f"; {self.session.allow} allows it"
        elif self.principal.kind is PrincipalKind.FEDERATED_USER:
            self._deny("a federated user session without a session policy has no permissions of its own.")
        return notes

    def _checked(self, result: LayerScan) -> LayerScan:
        if result.deny is not None:
            explanation = f"explicit deny: {result.deny} denies {self.action}."
            raise _Outcome(Evaluation("ExplicitDeny", explanation, result.deny, self.action))
        return result

    def _deny(self, reason: str) -> NoReturn:
        raise _Outcome(Evaluation("ImplicitDeny", f"implicit deny: {reason}", None, self.action))

    def _allow(self, reason: str, statement: StatementRef | None) -> Evaluation:
        return Evaluation("Allow", f"allowed: {reason}{self.notes}", statement, self.action)


def _service(action: str) -> str:
    return action.partition(":")[0].lower()


def _level_name(number: int, total: int) -> str:
    if total == 1:
        return "level 1"
    role = "root" if number == 1 else "account" if number == total else "OU"
    return f"level {number} of {total} ({role})"


def _resource_policy_required(action_lower: str, resource: str) -> bool:
    """Role trust policies and KMS key policies "must explicitly allow access for principals"."""
    if ":role/" not in resource and ":key/" not in resource:
        return False
    service = arn_service(resource)
    if service == "iam" and ":role/" in resource:
        return action_lower in TRUST_POLICY_ACTIONS
    return service == "kms" and ":key/" in resource and action_lower.startswith("kms:")
