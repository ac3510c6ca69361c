"""Reading and validating a policy file, with errors that name the key at fault."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from tagwarden.policy.model import GovernancePolicy
from tagwarden.validation import describe_validation_error


class PolicyError(ValueError):
    """The policy cannot be used; the message says where and what was expected."""


def parse_policy_document(document: Any, origin: str = "policy") -> GovernancePolicy:
    if not isinstance(document, Mapping):
        raise PolicyError(f"{origin}: expected a mapping with 'version', 'abac_keys' and 'rules'")
    try:
        return GovernancePolicy.model_validate(document)
    except ValidationError as exc:
        raise PolicyError(describe_validation_error(exc, origin)) from None


def load_policy(path: Path) -> GovernancePolicy:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PolicyError(f"cannot read policy file {path}: {exc.strerror or exc}") from None
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise PolicyError(f"{path}: not valid YAML: {exc}") from None
    return parse_policy_document(document, str(path))
