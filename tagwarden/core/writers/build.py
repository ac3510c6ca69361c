"""From an inventory to the writers scan's inputs: policies compiled once, targets in classes.

Pure: no AWS call. A managed policy attached to a thousand principals is parsed once. A policy
the engine cannot read is left out and named in ``problems`` (the scan may then miss a writer
it grants, or report one it denies).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from tagwarden.core.iam import IamPolicyError, Policy, parse_policy
from tagwarden.core.inventory.snapshot import Inventory, PolicyDocument, PrincipalRecord, ResourceRecord
from tagwarden.core.writers.actions import TagActions, arn_type
from tagwarden.core.writers.grants import (
    Levels,
    Organization,
    ProbePrincipal,
    SessionRole,
    TargetClass,
    WriterInputs,
)

TAG_SESSION = "sts:tagsession"
PolicyKind = Literal["identity", "boundary", "resource", "scp", "rcp"]


class _Compiler:
    def __init__(self) -> None:
        self._cache: dict[tuple[str, str, str], Policy | None] = {}
        self.problems: list[str] = []

    def policy(self, source: PolicyDocument | None, kind: PolicyKind) -> Policy | None:
        if source is None:
            return None
        text = json.dumps(source.document, sort_keys=True, default=str)
        cache_key = (source.name, kind, text)
        if cache_key not in self._cache:
            try:
                self._cache[cache_key] = parse_policy(source.document, name=source.name, kind=kind)
            except IamPolicyError as exc:
                self.problems.append(f"{source.name}: {exc}")
                self._cache[cache_key] = None
        return self._cache[cache_key]

    def policies(self, sources: Iterable[PolicyDocument], kind: PolicyKind) -> tuple[Policy, ...]:
        compiled = (self.policy(source, kind) for source in sources)
        return tuple(p for p in compiled if p is not None)

    def levels(self, levels: Iterable[Iterable[PolicyDocument]], kind: PolicyKind) -> Levels:
        return tuple(self.policies(level, kind) for level in levels)


def _principal(record: PrincipalRecord, compiler: _Compiler) -> ProbePrincipal:
    return ProbePrincipal(
        arn=record.arn,
        account=record.account,
        kind=record.kind,
        tags=record.tags,
        identity=compiler.policies(record.policies, "identity"),
        boundary=compiler.policy(record.boundary, "boundary"),
    )


def _federated(document: Mapping[str, Any], trust: Policy) -> tuple[str, ...]:
    """Identity providers named by the trust policy's Allow statements that cover sts:TagSession."""
    raw = document.get("Statement")
    statements = [raw] if isinstance(raw, Mapping) else list(raw or [])
    found: set[str] = set()
    for _, statement in trust.statements_for(TAG_SESSION).allows:
        if statement.index >= len(statements):
            continue
        principal = statements[statement.index].get("Principal")
        if isinstance(principal, Mapping):
            named = principal.get("Federated")
            found.update([named] if isinstance(named, str) else list(named or []))
    return tuple(sorted(found))


def _session_role(record: PrincipalRecord, compiler: _Compiler) -> SessionRole | None:
    if record.kind != "role" or record.trust_policy is None:
        return None
    trust = compiler.policy(record.trust_policy, "resource")
    if trust is None or not trust.statements_for(TAG_SESSION).allows:
        return None
    return SessionRole(
        record.arn, record.account, record.tags, trust, _federated(record.trust_policy.document, trust)
    )


def _fingerprint(document: Mapping[str, Any], arn: str) -> str:
    """A resource policy with the resource's own name taken out: the bucket policies that differ only
    in the bucket they name (TLS-only, same-account access) put their buckets in one class."""
    text = json.dumps(document, sort_keys=True, default=str).replace(arn, "<self>")
    service, kind = arn_type(arn)
    if service == "s3" and kind == "bucket":
        text = text.replace(arn.rsplit(":", 1)[-1], "<self>")
    return text


def named_accounts(document: Mapping[str, Any], effect: str = "Allow") -> frozenset[str] | None:
    """The accounts of the IAM principals that the ``effect`` statements of a resource policy name
    (an account id, its root, its users, roles or sessions); None where one may name anyone."""
    raw = document.get("Statement")
    statements = [raw] if isinstance(raw, Mapping) else list(raw or [])
    found: set[str] = set()
    for statement in statements:
        if not isinstance(statement, Mapping) or statement.get("Effect") != effect:
            continue
        principal = statement.get("Principal")
        if "NotPrincipal" in statement or principal == "*" or principal is None:
            return None
        values = principal.get("AWS", []) if isinstance(principal, Mapping) else []
        for value in [values] if isinstance(values, str) else list(values):
            text = str(value)
            if text == "*":
                return None
            if text.isdigit():
                found.add(text)
            elif text.count(":") >= 5:
                found.add(text.split(":", 5)[4])
    return frozenset(found)


def _resource_classes(
    resources: Iterable[ResourceRecord],
    policies: Mapping[str, PolicyDocument],
    actions: TagActions,
    compiler: _Compiler,
) -> list[TargetClass]:
    groups: dict[tuple[str, str, str, str], list[ResourceRecord]] = {}
    for resource in resources:
        service, kind = arn_type(resource.arn)
        if not service:
            continue
        policy = policies.get(resource.arn)
        fingerprint = _fingerprint(policy.document, resource.arn) if policy else ""
        groups.setdefault((resource.account, service, kind, fingerprint), []).append(resource)
    classes = []
    for (account, service, kind, _), members in sorted(groups.items()):
        members.sort(key=lambda r: r.arn)
        first_policy = policies.get(members[0].arn)
        compiled = compiler.policy(first_policy, "resource")
        document = first_policy.document if compiled is not None and first_policy is not None else {}
        classes.append(
            TargetClass(
                label=f"{service}:{kind}" if kind else service,
                account=account,
                members=tuple(r.arn for r in members),
                samples=tuple(r.tags for r in members[:2]),
                actions=actions.for_type(service, kind),
                resource_policy=compiled,
                named_accounts=named_accounts(document),
                denied_accounts=named_accounts(document, "Deny"),
            )
        )
    return classes


def _principal_classes(principals: Iterable[PrincipalRecord], actions: TagActions) -> list[TargetClass]:
    groups: dict[tuple[str, str], list[PrincipalRecord]] = {}
    for record in principals:
        groups.setdefault((record.account, record.kind), []).append(record)
    classes = []
    for (account, kind), members in sorted(groups.items()):
        members.sort(key=lambda p: p.arn)
        classes.append(
            TargetClass(
                label=f"iam:{kind}",
                account=account,
                members=tuple(p.arn for p in members),
                samples=tuple(p.tags for p in members[:2]),
                actions=actions.for_type("iam", kind),
                via="retag_principal",
            )
        )
    return classes


def _values(inventory: Inventory) -> dict[str, tuple[str, ...]]:
    """Per folded key, every value seen: those principals hold first (most held first), then the
    rest by how many resources carry them."""
    held: dict[str, Counter[str]] = {}
    carried: dict[str, Counter[str]] = {}
    for principal in inventory.principals:
        for key, value in principal.tags.items():
            held.setdefault(key.casefold(), Counter())[value] += 1
    for resource in inventory.resources:
        for key, value in resource.tags.items():
            carried.setdefault(key.casefold(), Counter())[value] += 1
    values: dict[str, tuple[str, ...]] = {}
    for key in set(held) | set(carried):
        first = [v for v, _ in sorted(held.get(key, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))]
        rest = [v for v, _ in sorted(carried.get(key, Counter()).items(), key=lambda kv: (-kv[1], kv[0]))]
        values[key] = tuple(dict.fromkeys(first + rest))
    return values


def build_inputs(inventory: Inventory, actions: TagActions) -> WriterInputs:
    compiler = _Compiler()
    records = inventory.principals
    principals = [_principal(record, compiler) for record in records]
    sessions = [s for s in (_session_role(record, compiler) for record in records) if s is not None]
    classes = _resource_classes(inventory.resources, inventory.resource_policies(), actions, compiler)
    classes += _principal_classes(records, actions)
    org = inventory.organization
    organization = Organization(
        org.management_account,
        {account: compiler.levels(levels, "scp") for account, levels in org.scps.items()},
        {account: compiler.levels(levels, "rcp") for account, levels in org.rcps.items()},
    )
    for record in records:
        compiler.problems += [
            f"{record.arn}: attached policy {arn} was not returned" for arn in record.unresolved
        ]
    return WriterInputs(
        principals,
        classes,
        sessions,
        organization,
        _values(inventory),
        {kind: actions.for_type("iam", kind) for kind in ("role", "user")},
        compiler.problems,
    )
