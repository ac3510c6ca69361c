"""Every IAM user and role of an account with its tags and policies, parsed from the pages of
GetAccountAuthorizationDetails: plain data in, plain data out."""

from __future__ import annotations

import json
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import Any

from tagwarden.core.arn import arn_account
from tagwarden.core.inventory.snapshot import PolicyDocument, PrincipalRecord

ALL_ENTITIES = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"]


def _document(raw: Any) -> Mapping[str, Any] | None:
    """IAM returns policy documents URL-encoded; botocore usually decodes them into a dict."""
    if isinstance(raw, Mapping):
        return raw
    if isinstance(raw, str):
        for text in (raw, urllib.parse.unquote(raw)):
            try:
                value = json.loads(text)
            except ValueError:
                continue
            if isinstance(value, Mapping):
                return value
    return None


def _tags(entity: Mapping[str, Any]) -> dict[str, str]:
    return {str(t["Key"]): str(t["Value"]) for t in entity.get("Tags") or ()}


def _inline(owner: str, entries: Iterable[Mapping[str, Any]]) -> list[PolicyDocument]:
    found = []
    for entry in entries:
        document = _document(entry.get("PolicyDocument"))
        if document is not None:
            found.append(PolicyDocument(f"{owner} inline {entry.get('PolicyName', '')}", document))
    return found


def _default_version(policy: Mapping[str, Any]) -> Mapping[str, Any] | None:
    versions = policy.get("PolicyVersionList") or ()
    for version in versions:
        if version.get("IsDefaultVersion") or version.get("VersionId") == policy.get("DefaultVersionId"):
            return _document(version.get("Document"))
    return None


class _Details:
    """The pages of one GetAccountAuthorizationDetails read, merged."""

    def __init__(self, pages: Iterable[Mapping[str, Any]]) -> None:
        self.users: list[Mapping[str, Any]] = []
        self.roles: list[Mapping[str, Any]] = []
        self.groups: dict[str, Mapping[str, Any]] = {}
        self.managed: dict[str, Mapping[str, Any]] = {}
        for page in pages:
            self.users += page.get("UserDetailList") or []
            self.roles += page.get("RoleDetailList") or []
            for group in page.get("GroupDetailList") or []:
                self.groups[str(group.get("GroupName"))] = group
            for policy in page.get("Policies") or []:
                document = _default_version(policy)
                if document is not None:
                    self.managed[str(policy.get("Arn"))] = document

    def attached(self, entity: Mapping[str, Any], missing: list[str]) -> list[PolicyDocument]:
        found = []
        for attachment in entity.get("AttachedManagedPolicies") or ():
            arn = str(attachment.get("PolicyArn"))
            document = self.managed.get(arn)
            if document is None:
                missing.append(arn)
            else:
                found.append(PolicyDocument(arn, document))
        return found

    def boundary(self, entity: Mapping[str, Any], missing: list[str]) -> PolicyDocument | None:
        arn = (entity.get("PermissionsBoundary") or {}).get("PermissionsBoundaryArn")
        if not arn:
            return None
        document = self.managed.get(str(arn))
        if document is None:
            missing.append(str(arn))
            return None
        return PolicyDocument(str(arn), document)


def _account(arn: str) -> str:
    return arn_account(arn) or ""


def principals_from_details(pages: Iterable[Mapping[str, Any]]) -> list[PrincipalRecord]:
    details = _Details(pages)
    found = [_principal(details, role, "role") for role in details.roles]
    return found + [_principal(details, user, "user") for user in details.users]


# Per kind: the field holding the entity's name and the one holding its inline policies.
_FIELDS = {"role": ("RoleName", "RolePolicyList"), "user": ("UserName", "UserPolicyList")}


def _principal(details: _Details, entity: Mapping[str, Any], kind: str) -> PrincipalRecord:
    """A role or user with its inline, attached and (users only) group policies; roles also
    carry their trust policy."""
    arn = str(entity["Arn"])
    name_field, inline_field = _FIELDS[kind]
    missing: list[str] = []
    policies = _inline(f"{kind}/{entity.get(name_field)}", entity.get(inline_field) or ())
    policies += details.attached(entity, missing)
    for name in entity.get("GroupList") or ():
        group = details.groups.get(str(name))
        if group is not None:
            policies += _inline(f"group/{name}", group.get("GroupPolicyList") or ())
            policies += details.attached(group, missing)
    trust = _document(entity.get("AssumeRolePolicyDocument"))
    return PrincipalRecord(
        arn,
        kind,
        _tags(entity),
        account=_account(arn),
        policies=tuple(policies),
        boundary=details.boundary(entity, missing),
        trust_policy=PolicyDocument(f"trust policy of {arn}", trust) if trust is not None else None,
        unresolved=tuple(missing),
    )
