"""Reading the governance policy from its YAML file."""

from __future__ import annotations

from pathlib import Path

from tagwarden.app.config.yamlfile import YamlFileError, load_yaml
from tagwarden.core.governance import GovernancePolicy, PolicyError, parse_policy_document


def load_policy(path: Path) -> GovernancePolicy:
    try:
        document = load_yaml(path, "policy file")
    except YamlFileError as exc:
        raise PolicyError(str(exc)) from None
    return parse_policy_document(document, str(path))
