"""The request and the context keys the engine derives from it.

Derived keys: ``aws:PrincipalTag/*`` (principal tags, overridden case-insensitively by session
tags), ``aws:ResourceTag/*``, ``aws:PrincipalArn`` (the role ARN for a role session),
``aws:PrincipalAccount``, ``aws:PrincipalType``, ``aws:username`` (IAM users only),
``aws:ResourceAccount`` and ``aws:PrincipalIsAWSService``. Keys given in ``context`` override them
(for instance ``aws:PrincipalArn`` for a role with a path). Key names are case-insensitive, so the
context is keyed by lower-cased names, tag-key part included.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Final

from tagwarden.core.iam.principal_arns import PrincipalInfo
from tagwarden.core.iam.variables import Context, MultiValues

IMPLIED_ACTIONS_KEY: Final = "tagwarden:impliedactions"


@dataclass(frozen=True)
class Request:
    """One API call to judge: who, which action, on what, with which tags and context keys."""

    principal: str
    action: str
    resource: str
    principal_tags: Mapping[str, str] = field(default_factory=dict)
    session_tags: Mapping[str, str] = field(default_factory=dict)
    resource_tags: Mapping[str, str] = field(default_factory=dict)
    resource_account: str | None = None
    context: Mapping[str, str | list[str]] = field(default_factory=dict)


def build_context(
    request: Request, principal: PrincipalInfo, resource_account: str
) -> dict[str, tuple[str, ...]]:
    context: dict[str, tuple[str, ...]] = {}
    for key, value in request.principal_tags.items():
        context["aws:principaltag/" + key.lower()] = (value,)
    for key, value in request.session_tags.items():
        context["aws:principaltag/" + key.lower()] = (value,)
    for key, value in request.resource_tags.items():
        context["aws:resourcetag/" + key.lower()] = (value,)
    context.update(principal.context_keys)
    context["aws:resourceaccount"] = (resource_account,)
    for key, given in request.context.items():
        context[key.lower()] = (given,) if isinstance(given, str) else MultiValues(str(v) for v in given)
    return context


def implied_actions(context: Context) -> tuple[str, ...]:
    """Further actions the request needs (``tagwarden:ImpliedActions``), e.g. the service's own
    tagging permission behind ``tag:TagResources``."""
    return context.get(IMPLIED_ACTIONS_KEY, ())
