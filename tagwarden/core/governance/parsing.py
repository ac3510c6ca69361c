"""Reading and validating a policy file, with errors that name the key at fault."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from tagwarden.core.governance.model import GovernancePolicy
from tagwarden.core.pydantic_errors import describe_validation_error


class PolicyError(ValueError):
    """The policy cannot be used; the message says where and what was expected."""


def parse_policy_document(document: Any, origin: str = "policy") -> GovernancePolicy:
    if not isinstance(document, Mapping):
        raise PolicyError(f"{origin}: expected a mapping with 'version', 'abac_keys' and 'rules'")
    try:
        return GovernancePolicy.model_validate(document)
    except ValidationError as exc:
        raise PolicyError(describe_validation_error(exc, origin)) from None
