"""The governance policy: who may write which tags, and to what values."""

from tagwarden.core.governance.compiled import CompiledPolicy, CompiledRule
from tagwarden.core.governance.loading import PolicyError, parse_policy_document
from tagwarden.core.governance.model import GovernancePolicy, Rule, Writer

__all__ = [
    "CompiledPolicy",
    "CompiledRule",
    "GovernancePolicy",
    "PolicyError",
    "Rule",
    "Writer",
    "parse_policy_document",
]
