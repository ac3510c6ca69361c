"""Judging tag changes against the governance policy: pure functions, no I/O."""

from tagwarden.judge.context import JudgeContext
from tagwarden.judge.judge import judge
from tagwarden.judge.writes import KeyWrite, apply_change, effective_writes

__all__ = ["JudgeContext", "KeyWrite", "apply_change", "effective_writes", "judge"]
