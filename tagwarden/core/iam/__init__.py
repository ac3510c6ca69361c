"""A local evaluator of AWS IAM policy evaluation logic: pure Python, no AWS calls.

Compile each policy once with ``parse_policy``, group the policies that apply to a principal and
a target in a ``PolicySet``, and ``evaluate`` any number of ``Request`` objects against it.
"""

from tagwarden.core.iam.cases import Case, CaseError, CaseFileError, load_cases
from tagwarden.core.iam.documents import IamPolicyError, Policy, Statement, parse_policy
from tagwarden.core.iam.evaluate import Decision, Evaluation, PolicySet, evaluate
from tagwarden.core.iam.layers import StatementRef
from tagwarden.core.iam.request import Request
from tagwarden.core.iam.simulate import CaseResult, Summary, run_case, run_cases, summarize

__all__ = [
    "Case",
    "CaseError",
    "CaseFileError",
    "CaseResult",
    "Decision",
    "Evaluation",
    "IamPolicyError",
    "Policy",
    "PolicySet",
    "Request",
    "Statement",
    "StatementRef",
    "Summary",
    "evaluate",
    "load_cases",
    "parse_policy",
    "run_case",
    "run_cases",
    "summarize",
]
