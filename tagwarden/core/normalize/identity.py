"""Who made a call: userIdentity reduced to the principal that policies see."""

from __future__ import annotations

from typing import Any

from tagwarden.core.model import Actor


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def record_account(record: dict[str, Any]) -> str:
    identity = record.get("userIdentity")
    fallback = identity.get("accountId") if isinstance(identity, dict) else None
    return _str(record.get("recipientAccountId")) or _str(fallback) or ""


def _is_arn(value: str | None) -> bool:
    return value is not None and value.startswith("arn:") and value.count(":") >= 5


def principal_arn(identity: dict[str, Any], record: dict[str, Any], account: str) -> str:
    """The ARN that ``aws:PrincipalArn`` would hold for this caller."""
    kind = _str(identity.get("type")) or ""
    arn = _str(identity.get("arn"))
    context = identity.get("sessionContext")
    issuer = context.get("sessionIssuer") if isinstance(context, dict) else None
    issuer_arn = _str(issuer.get("arn")) if isinstance(issuer, dict) else None
    caller_account = _str(identity.get("accountId")) or account
    partition = arn.split(":", 2)[1] if arn and _is_arn(arn) else "aws"
    if kind in ("AssumedRole", "FederatedUser") and issuer_arn:
        return issuer_arn
    if kind == "Root":
        return f"arn:{partition}:iam::{caller_account}:root"
    if kind == "AWSService":
        return _str(identity.get("invokedBy")) or "aws-service"
    if kind == "SAMLUser":
        params = record.get("requestParameters")
        provider = _str(params.get("principalArn")) if isinstance(params, dict) else None
        return provider or f"saml:{_str(identity.get('identityProvider')) or 'unknown'}"
    if kind == "WebIdentityUser":
        return _str(identity.get("identityProvider")) or "web-identity:unknown"
    if kind == "AWSAccount":
        return f"arn:{partition}:iam::{caller_account}:root"
    if _is_arn(arn):
        return arn  # type: ignore[return-value]
    if issuer_arn:
        return issuer_arn
    return arn or _str(identity.get("principalId")) or "unknown"


def actor_from_record(record: dict[str, Any], account: str) -> Actor:
    identity = record.get("userIdentity")
    if not isinstance(identity, dict):
        identity = {}
    arn = _str(identity.get("arn"))
    kind = _str(identity.get("type")) or ""
    return Actor(
        arn=principal_arn(identity, record, account),
        type=kind,
        account=_str(identity.get("accountId")) or account,
        session_arn=arn if kind in ("AssumedRole", "FederatedUser") else None,
        access_key_id=_str(identity.get("accessKeyId")),
        source_ip=_str(record.get("sourceIPAddress")),
        user_agent=_str(record.get("userAgent")),
        invoked_by=_str(identity.get("invokedBy")),
    )
