"""The governance policy: who may write which tags, and to what values."""

from tagwarden.core.governance.compiled import CompiledPolicy, CompiledRule
from tagwarden.core.governance.model import GovernancePolicy, Rule, Writer
from tagwarden.core.governance.parsing import PolicyError, parse_policy_document

__all__ = [
    "CompiledPolicy",
    "CompiledRule",
    "GovernancePolicy",
    "PolicyError",
    "Rule",
    "Writer",
    "parse_policy_document",
]
