"""Running cases: each one evaluated on its own, failures reported as decision ``Error``."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from tagwarden.core.iam.cases import Case
from tagwarden.core.iam.evaluate import Decision, evaluate

Outcome = Decision | Literal["Error"]


@dataclass(frozen=True)
class CaseResult:
    id: str
    expected: Decision | None
    decision: Outcome
    explanation: str

    @property
    def passed(self) -> bool:
        """An Error never passes; a case without an expectation passes when it evaluates."""
        return self.decision != "Error" and (self.expected is None or self.decision == self.expected)


@dataclass(frozen=True)
class Summary:
    total: int
    passed: int
    errors: int

    @property
    def failed(self) -> int:
        """Cases that evaluated to another decision than expected."""
        return self.total - self.passed - self.errors

    def __str__(self) -> str:
        return f"{self.total} cases: {self.passed} passed, {self.failed} failed, {self.errors} errors"


def run_case(case: Case) -> CaseResult:
    if case.error is not None or case.policies is None or case.request is None:
        return CaseResult(case.id, case.expected, "Error", case.error or "the case could not be read")
    try:
        evaluation = evaluate(case.policies, case.request)
    except ValueError as exc:
        return CaseResult(case.id, case.expected, "Error", str(exc))
    return CaseResult(case.id, case.expected, evaluation.decision, evaluation.explanation)


def run_cases(cases: Iterable[Case]) -> list[CaseResult]:
    return [run_case(case) for case in cases]


def summarize(results: Sequence[CaseResult]) -> Summary:
    errors = sum(1 for r in results if r.decision == "Error")
    passed = sum(1 for r in results if r.passed)
    return Summary(len(results), passed, errors)
