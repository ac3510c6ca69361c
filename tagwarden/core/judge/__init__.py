"""Judging tag changes against the governance policy: pure functions, no I/O."""

from tagwarden.core.judge.context import JudgeContext
from tagwarden.core.judge.verdict import JUDGED_KINDS, judge
from tagwarden.core.judge.writes import KeyWrite, effective_writes

__all__ = ["JUDGED_KINDS", "JudgeContext", "KeyWrite", "effective_writes", "judge"]
