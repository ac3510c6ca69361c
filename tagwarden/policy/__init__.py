"""The governance policy: who may write which tags, and to what values."""

from tagwarden.policy.compiled import CompiledPolicy, CompiledRule
from tagwarden.policy.loading import PolicyError, load_policy, parse_policy_document
from tagwarden.policy.model import GovernancePolicy, Rule, Writer

__all__ = [
    "CompiledPolicy",
    "CompiledRule",
    "GovernancePolicy",
    "PolicyError",
    "Rule",
    "Writer",
    "load_policy",
    "parse_policy_document",
]
