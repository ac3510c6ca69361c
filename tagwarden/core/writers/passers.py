"""Who can give compute another team's identity: a compute call together with ``iam:PassRole`` on a
role whose ABAC value differs from the principal's own. Pure: requests put to the IAM engine.

For every principal, ABAC key and role whose value of the key is not the principal's own, the
scan asks IAM, through the whole policy stack (identity, boundary, SCPs), whether the principal
may call one of ``PASS_OPERATIONS`` and pass that role to the operation's service
(``iam:PassedToService``). A principal the governance policy lists as a writer of the key is not
reported: it could set the key anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from tagwarden.core.governance import CompiledPolicy
from tagwarden.core.governance.compiled import ActorView, writer_standing
from tagwarden.core.iam import Evaluation, PolicySet, Request, evaluate
from tagwarden.core.model import Finding, KnownTags, Origin, most_severe, new_finding
from tagwarden.core.model.finding import WRITERS_EVENT_SOURCE
from tagwarden.core.model.tags import tag_ci
from tagwarden.core.stopping import Stopping, never, until_stopping
from tagwarden.core.timeutil import format_time
from tagwarden.core.writers.grants import ProbePrincipal, WriterInputs, WriterItem
from tagwarden.core.writers.target_classes import TargetSelector

PASS_ROLE = "iam:PassRole"
PROBE = "tagwarden-probe"
MAX_LISTED = 5


@dataclass(frozen=True, slots=True)
class PassOperation:
    """A call that gives a new or existing resource a role, the service the role is passed to, and a
    resource the call acts on (``{account}`` filled in)."""

    action: str
    passed_to: str
    resource: str


PASS_OPERATIONS: tuple[PassOperation, ...] = (
    PassOperation("ec2:RunInstances", "ec2.amazonaws.com", "arn:aws:ec2:us-east-1:{account}:instance/*"),
    PassOperation(
        "ec2:AssociateIamInstanceProfile",
        "ec2.amazonaws.com",
        "arn:aws:ec2:us-east-1:{account}:instance/i-0probe",
    ),
    PassOperation(
        "ec2:ReplaceIamInstanceProfileAssociation",
        "ec2.amazonaws.com",
        "arn:aws:ec2:us-east-1:{account}:instance/i-0probe",
    ),
    PassOperation(
        "iam:AddRoleToInstanceProfile",
        "ec2.amazonaws.com",
        f"arn:aws:iam::{{account}}:instance-profile/{PROBE}",
    ),
    PassOperation(
        "lambda:CreateFunction",
        "lambda.amazonaws.com",
        f"arn:aws:lambda:us-east-1:{{account}}:function:{PROBE}",
    ),
    PassOperation(
        "lambda:UpdateFunctionConfiguration",
        "lambda.amazonaws.com",
        f"arn:aws:lambda:us-east-1:{{account}}:function:{PROBE}",
    ),
    PassOperation("ecs:RegisterTaskDefinition", "ecs-tasks.amazonaws.com", "*"),
    PassOperation("glue:CreateJob", "glue.amazonaws.com", f"arn:aws:glue:us-east-1:{{account}}:job/{PROBE}"),
    PassOperation(
        "codebuild:CreateProject",
        "codebuild.amazonaws.com",
        f"arn:aws:codebuild:us-east-1:{{account}}:project/{PROBE}",
    ),
    PassOperation(
        "states:CreateStateMachine",
        "states.amazonaws.com",
        f"arn:aws:states:us-east-1:{{account}}:stateMachine:{PROBE}",
    ),
    PassOperation(
        "sagemaker:CreateTrainingJob",
        "sagemaker.amazonaws.com",
        f"arn:aws:sagemaker:us-east-1:{{account}}:training-job/{PROBE}",
    ),
)


class _Passers:
    def __init__(self, inputs: WriterInputs, policy: CompiledPolicy, keys: Sequence[str]) -> None:
        self.inputs = inputs
        self.policy = policy
        self.keys = [key for key in keys if policy.is_abac(key)]
        self.selector = TargetSelector(inputs)
        self.roles: dict[str, list[ProbePrincipal]] = {}
        for candidate in inputs.principals:
            if candidate.kind == "role":
                self.roles.setdefault(candidate.account, []).append(candidate)

    def _policies(self, principal: ProbePrincipal) -> PolicySet:
        org = self.inputs.organization
        return PolicySet(
            identity=principal.identity,
            boundary=principal.boundary,
            scps=org.scps_of(principal.account),
            management_account=org.management_account,
        )

    def _ask(self, policies: PolicySet, request: Request) -> Evaluation | None:
        try:
            evaluation = evaluate(policies, request)
        except ValueError:
            return None
        return evaluation if evaluation.decision == "Allow" else None

    def _operations(self, principal: ProbePrincipal, policies: PolicySet) -> list[PassOperation]:
        """The compute calls the principal may make at all."""
        found = []
        for op in PASS_OPERATIONS:
            if not self.selector.may_allow(principal, op.action):
                continue
            resource = op.resource.format(account=principal.account)
            request = Request(principal.arn, op.action, resource, principal_tags=principal.tags)
            if self._ask(policies, request) is not None:
                found.append(op)
        return found

    def _pass(
        self, principal: ProbePrincipal, policies: PolicySet, role: ProbePrincipal, ops: list[PassOperation]
    ) -> tuple[Evaluation, list[str]] | None:
        """The evaluation allowing iam:PassRole of ``role`` and the calls it may be passed to."""
        shown: Evaluation | None = None
        calls = []
        for service in dict.fromkeys(op.passed_to for op in ops):
            context: dict[str, str | list[str]] = {"iam:PassedToService": service}
            context.update({f"iam:ResourceTag/{k}": v for k, v in role.tags.items()})
            request = Request(
                principal.arn,
                PASS_ROLE,
                role.arn,
                principal_tags=principal.tags,
                resource_tags=role.tags,
                resource_account=role.account,
                context=context,
            )
            evaluation = self._ask(policies, request)
            if evaluation is not None:
                shown = shown or evaluation
                calls += [op.action for op in ops if op.passed_to == service]
        return (shown, calls) if shown is not None else None

    def items(self, principal: ProbePrincipal) -> list[PasserItem]:
        """One item per key and other value the principal may give a workload: the first role of
        that value it may pass (a role is passed within its own account only)."""
        if not self.keys or not self.selector.may_allow(principal, PASS_ROLE):
            return []
        policies = self._policies(principal)
        ops = self._operations(principal, policies)
        if not ops:
            return []
        actor = ActorView(principal.arn, None, principal.tags)
        items = []
        for key in self.keys:
            own = tag_ci(principal.tags, key)
            found: set[str] = set()
            for role in self.roles.get(principal.account, ()):
                value = tag_ci(role.tags, key)
                if value is None or value == own or value in found or role.arn == principal.arn:
                    continue
                rules = self.policy.rules_for(key, role.account, role.arn)
                if writer_standing(rules, actor, KnownTags(role.tags, complete=True)).listed:
                    continue
                allowed = self._pass(principal, policies, role, ops)
                if allowed is not None:
                    found.add(value)
                    evaluation, calls = allowed
                    items.append(PasserItem(principal, key, own, role.arn, value, evaluation, tuple(calls)))
        return items


@dataclass(frozen=True, slots=True)
class PasserItem:
    """A principal that may give a workload ``role``, whose ``value`` of ``key`` is not its ``own``."""

    principal: ProbePrincipal
    key: str
    own: str | None
    role: str
    value: str
    evaluation: Evaluation
    calls: tuple[str, ...]

    @property
    def statement(self) -> str:
        return str(self.evaluation.statement) if self.evaluation.statement is not None else ""

    def describe(self) -> str:
        mine = "no value" if self.own is None else repr(self.own)
        return f"{self.role} ({self.key}={self.value!r}; its own: {mine}) to {', '.join(self.calls)}"


def passer_listing(items: Sequence[PasserItem]) -> list[WriterItem]:
    """The writers listing's lines: one per principal, key and allowing statement (``members``: how
    many other values it may give a workload; ``resource``: the first role)."""
    groups: dict[tuple[str, str, str], list[PasserItem]] = {}
    for item in items:
        groups.setdefault((item.principal.arn, item.key, item.statement), []).append(item)
    lines = []
    for (_, key, statement), grouped in sorted(groups.items()):
        first = grouped[0]
        more = f"; and {len(grouped) - MAX_LISTED} more value(s)" if len(grouped) > MAX_LISTED else ""
        lines.append(
            WriterItem(
                key=key,
                principal=first.principal.arn,
                principal_kind=first.principal.kind,
                account=first.principal.account,
                via="pass_role",
                target_class="iam:role",
                resource=first.role,
                resource_account=first.principal.account,
                members=len(grouped),
                probes=tuple(dict.fromkeys(call for item in grouped for call in item.calls)),
                action=PASS_ROLE,
                statement=statement,
                authorized=False,
                listed_writer=False,
                detail=f"may pass {'; '.join(i.describe() for i in grouped[:MAX_LISTED])}{more}: "
                f"{first.evaluation.explanation}",
            )
        )
    return lines


def identity_passers(
    inputs: WriterInputs, policy: CompiledPolicy, keys: Sequence[str], stopping: Stopping = never
) -> list[PasserItem]:
    """Every principal that can give a workload a role of another ABAC value than its own;
    ``Stopped`` between two principals once ``stopping`` says so."""
    passers = _Passers(inputs, policy, keys)
    items = [
        item for principal in until_stopping(inputs.principals, stopping) for item in passers.items(principal)
    ]
    return sorted(items, key=lambda i: (i.key, i.principal.arn, i.role))


def passer_findings(items: Sequence[PasserItem], policy: CompiledPolicy, scanned_at: float) -> list[Finding]:
    """One ``excess_identity_passer`` finding per principal, key and allowing statement, so that the
    same standing grant, found by every scan, is one finding."""
    groups: dict[tuple[str, str, str], list[PasserItem]] = {}
    for item in items:
        groups.setdefault((item.principal.arn, item.key, item.statement), []).append(item)
    findings = []
    when = format_time(scanned_at)
    for (principal, key, statement), grouped in sorted(groups.items()):
        first = grouped[0]
        roles = "; ".join(i.describe() for i in grouped[:MAX_LISTED])
        more = f"; and {len(grouped) - MAX_LISTED} more" if len(grouped) > MAX_LISTED else ""
        explanation = (
            f"{principal} can give a workload another {key!r} identity than its own through "
            f"{statement or 'its policies'}: it may pass {roles}{more}. Code on that workload acts with "
            f"the role's {key!r}, so the principal reaches what ABAC grants to that value. The governance "
            f"policy does not list this principal as a writer of {key!r}. First grant: "
            f"{first.evaluation.explanation}"
        )
        restricting = [
            r for r in policy.rules_for(key, first.principal.account, first.role) if r.restricts_writers
        ]
        event_id = f"passers:{statement or 'policies'}"
        origin = Origin(
            event_id, "WritersScan", WRITERS_EVENT_SOURCE, when, first.principal.account, "", principal
        )
        findings.append(
            new_finding(
                "excess_identity_passer",
                origin,
                target=principal,
                target_kind="principal",
                tag_key=key,
                old_value=first.own,
                new_value=first.value,
                explanation=explanation,
                severity=policy.severity("excess_identity_passer"),
                rule=most_severe(restricting).id if restricting else None,
            )
        )
    return findings
