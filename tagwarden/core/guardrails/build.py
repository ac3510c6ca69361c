"""From a governance policy to the documents, their RCP share, the tag policies and the proof."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, replace
from typing import Any, Final

from tagwarden.core.governance.model import GovernancePolicy
from tagwarden.core.guardrails.actions import ActionTable
from tagwarden.core.guardrails.compiler import compile_policy
from tagwarden.core.guardrails.conditions import merge
from tagwarden.core.guardrails.packing import Document, pack
from tagwarden.core.guardrails.proof import Proof, prove
from tagwarden.core.guardrails.statements import Limitation, Statement
from tagwarden.core.guardrails.tag_policies import tag_policies
from tagwarden.core.iam.evaluate import RCP_SERVICES

SCP_BASE: Final = "tagwarden-guardrails"
RCP_BASE: Final = "tagwarden-guardrails-rcp"
TAG_POLICY_BASE: Final = "tagwarden-tag-policy"
SCPS_PER_TARGET: Final = 5  # Organizations quotas: SCPs (and RCPs) attached to one root, OU or account
# RCPs apply to every caller, AWS services included: leave service principals alone, as the
# Organizations User Guide's RCP examples do.
_NOT_A_SERVICE: Final = {"BoolIfExists": {"aws:PrincipalIsAWSService": ["false"]}}


@dataclass(frozen=True, slots=True)
class Guardrails:
    scps: tuple[Document, ...]
    rcps: tuple[Document, ...]
    tag_policies: tuple[Document, ...]
    limitations: tuple[Limitation, ...]
    proof: Proof

    def to_json(self) -> dict[str, Any]:
        return {
            "scps": [d.to_json() for d in self.scps],
            "rcps": [d.to_json() for d in self.rcps],
            "tag_policies": [d.to_json() for d in self.tag_policies],
            "proof": self.proof.to_json(),
            "limitations": [item.to_json() for item in self.limitations],
        }


def restrict(table: ActionTable, services: Collection[str] | None) -> ActionTable:
    """Only the actions of these IAM service prefixes (all when None)."""
    if services is None:
        return table
    wanted = {s.lower() for s in services}

    def keep(actions: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(a for a in actions if a.prefix.lower() in wanted)

    return replace(
        table,
        keyed=keep(table.keyed),
        whole_set=keep(table.whole_set),
        unenforceable=keep(table.unenforceable),
    )


def rcp_statements(statements: tuple[Statement, ...]) -> list[Statement]:
    result = []
    for statement in statements:
        actions = tuple(a for a in statement.actions if a.split(":", 1)[0].lower() in RCP_SERVICES)
        if actions:
            condition = merge([statement.condition, _NOT_A_SERVICE])
            result.append(replace(statement, actions=actions, condition=condition))
    return result


def build_guardrails(policy: GovernancePolicy, table: ActionTable) -> Guardrails:
    compiled = compile_policy(policy, table)
    scps = pack(compiled.statements, SCP_BASE)
    rcps = pack(rcp_statements(compiled.statements), RCP_BASE, principal=True)
    limitations = list(compiled.limitations)
    for kind, documents in (("SCPs", scps), ("RCPs", rcps)):
        if len(documents) > SCPS_PER_TARGET:
            limitations.append(
                Limitation(
                    "*",
                    f"{len(documents)} {kind}",
                    f"AWS attaches at most {SCPS_PER_TARGET} {kind} to one root, OU or account: attach "
                    "them across levels (an explicit Deny at any level of the path applies), or compile "
                    "fewer services with --services",
                )
            )
    proof = prove(policy, table, [d.document for d in scps], [d.document for d in rcps])
    return Guardrails(
        tuple(scps), tuple(rcps), tuple(tag_policies(policy, TAG_POLICY_BASE)), tuple(limitations), proof
    )
